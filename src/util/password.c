#include "util/password.h"

#include <argon2.h>
#include <pthread.h>
#include <string.h>

#include "util/secret.h"

/* OWASP's Argon2id minimum (19 MiB, 2 passes, 1 lane): ~30 ms here, so a
 * login stays quick while a stolen database costs an attacker dearly. */
#define T_COST 2
#define M_COST_KIB 19456
#define LANES 1
#define SALT_LEN 16
#define HASH_LEN 32

int password_hash(const char *password, char out[PASSWORD_HASH_MAX])
{
    unsigned char salt[SALT_LEN];
    if (!password || !secret_random(salt, sizeof salt))
        return -1;
    int rc = argon2id_hash_encoded(T_COST, M_COST_KIB, LANES, password, strlen(password), salt, sizeof salt,
                                   HASH_LEN, out, PASSWORD_HASH_MAX);
    return rc == ARGON2_OK ? 0 : -1;
}

static char dummy[PASSWORD_HASH_MAX];

static void make_dummy(void)
{
    if (password_hash("not a password of anyone", dummy))
        dummy[0] = '\0';
}

bool password_verify(const char *encoded, const char *password)
{
    if (!encoded) {
        static pthread_once_t once = PTHREAD_ONCE_INIT;
        pthread_once(&once, make_dummy);
        if (dummy[0])
            argon2id_verify(dummy, password ? password : "", password ? strlen(password) : 0);
        return false;
    }
    if (!password || strncmp(encoded, "$argon2id$", 10))
        return false;
    return argon2id_verify(encoded, password, strlen(password)) == ARGON2_OK;
}

const char *password_weakness(const char *password)
{
    size_t n = password ? strlen(password) : 0;
    if (n < PASSWORD_MIN_LEN)
        return "a password needs at least 10 characters";
    if (n > PASSWORD_MAX_LEN)
        return "a password has at most 256 characters";
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)password[i] < 0x20 || password[i] == 0x7f)
            return "a password cannot hold control characters";
    return NULL;
}
