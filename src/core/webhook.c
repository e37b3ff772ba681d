/* Webhook delivery records (see webhook.h). */
#include "core/webhook.h"

#include <stdlib.h>
#include <string.h>

void webhook_delivery_clear(struct webhook_delivery *d)
{
    free(d->url);
    free(d->payload);
    d->url = d->payload = NULL;
}

static const char *const NAMES[] = {"pending", "delivered", "failed"};

const char *webhook_status_name(enum webhook_status s)
{
    return (unsigned)s < 3 ? NAMES[s] : "pending";
}

int webhook_status_parse(const char *s, enum webhook_status *out)
{
    for (int i = 0; i < 3; i++)
        if (s && !strcmp(s, NAMES[i])) {
            *out = (enum webhook_status)i;
            return 0;
        }
    return -1;
}
