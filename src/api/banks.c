/* GET /bank-connect/v1/banks/catalogue/: every bank identifier with what
 * this deployment offers per mode (reference §2.14). PDF upload works for
 * every bank; AA where the bank is live on the AA network and an AA is
 * configured (--aa-url); net banking nowhere, since no connector is
 * configured. */
#include "api/api.h"
#include "core/bank.h"

static enum http_result catalogue(struct http_req *req, struct http_resp *resp)
{
    struct org org;
    if (api_auth_key_and_hash(req, resp, &org))
        return HTTP_DONE;
    org_clear(&org);
    bool aa = aa_enabled(((struct app *)req->app)->aa);
    json_t *banks = json_array();
    size_t n = bank_count();
    for (size_t i = 0; i < n; i++) {
        const struct bank_info *b = bank_at(i);
        json_array_append_new(
            banks, json_pack("{s:s,s:s,s:s?,s:n,s:b,s:b,s:b}", "name", b->id, "full_name", b->full_name,
                             "npci_code", b->npci_code, "logo_url", "is_pdf_upload_available", 1,
                             "is_net_banking_available", 0, "is_aa_available", aa && b->aa));
    }
    http_resp_json(resp, 200, json_pack("{s:I,s:o}", "count", (json_int_t)n, "banks", banks));
    return HTTP_DONE;
}

const struct route BANKS_ROUTES[] = {
    ROUTE_GET("/bank-connect/v1/banks/catalogue/", catalogue),
};
const size_t BANKS_NROUTES = sizeof BANKS_ROUTES / sizeof BANKS_ROUTES[0];
