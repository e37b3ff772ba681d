/* Every endpoint family's route table, registered in one place. A new
 * family adds its table to api.h and one line here. */
#include "api/api.h"

int api_register(struct router *r)
{
    const struct {
        const struct route *routes;
        const size_t *n;
    } families[] = {
        {HEALTH_ROUTES, &HEALTH_NROUTES},
        {SESSION_ROUTES, &SESSION_NROUTES},
        {SESSION_DATA_ROUTES, &SESSION_DATA_NROUTES},
        {BANKS_ROUTES, &BANKS_NROUTES},
        {JOURNEY_ROUTES, &JOURNEY_NROUTES},
        {JOURNEY_UPLOAD_ROUTES, &JOURNEY_UPLOAD_NROUTES},
        {WEBHOOK_ROUTES, &WEBHOOK_NROUTES},
        {UPLOAD_ROUTES, &UPLOAD_NROUTES},
        {SESSION_OUTPUT_ROUTES, &SESSION_OUTPUT_NROUTES},
        {SESSION_LIST_ROUTES, &SESSION_LIST_NROUTES},
        {ENTITY_ROUTES, &ENTITY_NROUTES},
        {ENTITY_UPLOAD_ROUTES, &ENTITY_UPLOAD_NROUTES},
        {CONSOLE_ROUTES, &CONSOLE_NROUTES},
        {CONSOLE_LIST_ROUTES, &CONSOLE_LIST_NROUTES},
        {CONSOLE_SESSION_ROUTES, &CONSOLE_SESSION_NROUTES},
        {CONSOLE_ADMIN_ROUTES, &CONSOLE_ADMIN_NROUTES},
        {AA_ROUTES, &AA_NROUTES},
        {JOURNEY_AA_ROUTES, &JOURNEY_AA_NROUTES},
    };
    for (size_t i = 0; i < sizeof families / sizeof families[0]; i++)
        if (router_add(r, families[i].routes, *families[i].n))
            return -1;
    /* The shape of errors by family (http.h), the server's own included:
     * the entity flow's legacy API answers as Django REST Framework did,
     * the session upload with its empty ids, everything else the envelope. */
    static const char *const LEGACY[] = {
        "/bank-connect/v1/entity/",
        "/bank-connect/v1/statement/upload/",
        "/bank-connect/v1/statement/bankless_upload/",
        "/bank-connect/v1/statement/upload_base64/",
        "/bank-connect/v1/statement/bankless_upload_base64/",
    };
    for (size_t i = 0; i < sizeof LEGACY / sizeof LEGACY[0]; i++)
        if (router_add_error_style(r, LEGACY[i], HTTP_ERRORS_DRF))
            return -1;
    return router_add_error_style(r, "/bank-connect/v1/statement/upload_session/", HTTP_ERRORS_UPLOAD);
}

