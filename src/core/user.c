#include "core/user.h"

#include <ctype.h>
#include <string.h>

const char *user_role_name(enum user_role r)
{
    return r == ROLE_ADMIN ? "admin" : "analyst";
}

bool user_role_parse(const char *s, enum user_role *out)
{
    if (s && !strcmp(s, "analyst"))
        *out = ROLE_ANALYST;
    else if (s && !strcmp(s, "admin"))
        *out = ROLE_ADMIN;
    else
        return false;
    return true;
}

bool user_email_normalise(const char *raw, char out[USER_EMAIL_MAX])
{
    size_t n = raw ? strlen(raw) : 0;
    const char *at = raw ? strchr(raw, '@') : NULL;
    if (n < 3 || n >= USER_EMAIL_MAX || !at || at == raw || !at[1] || strchr(at + 1, '@'))
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)raw[i];
        if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\')
            return false;
        out[i] = (char)tolower(c);
    }
    out[n] = '\0';
    return true;
}
