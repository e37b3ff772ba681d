"""The OpenAPI document: served at /openapi.json, the same as data/openapi.json.
(Every response of every API test is validated against it: openapi_check.py.)"""
import json
import os

from harness import REPO, eq, check, suite


@suite.test
def served_document_is_the_file(srv):
    r = srv.get('/openapi.json')
    eq(r.status, 200)
    check(r.headers['content-type'].startswith('application/json'), r.headers['content-type'])
    with open(os.path.join(REPO, 'data', 'openapi.json')) as f:
        eq(r.json, json.load(f))
    eq(r.json['openapi'], '3.1.0')


@suite.test
def undocumented_responses_fail_the_test_that_got_them(srv):
    import openapi_check
    # a documented 200 with a body that breaks its schema
    p = openapi_check.problems('GET', '/healthz', 200, {'content-type': 'application/json'}, b'{"status":"bad"}')
    check(p and 'status' in p[0], p)
    # an undocumented status, an undocumented path
    check(openapi_check.problems('GET', '/healthz', 418, {'content-type': 'application/json'}, b'{}'))
    check(openapi_check.problems('GET', '/nowhere', 200, {'content-type': 'application/json'}, b'{}'))
    # what the server answers for an unknown path is documented
    eq(openapi_check.problems('GET', '/nowhere', 404, {'content-type': 'application/json'},
                              b'{"error":{"code":"NOT_FOUND","message":"Not found."}}'), [])


@suite.test(server=False)
def webhook_deliveries_are_checked_too():
    import openapi_check
    doc = openapi_check.document()
    eq(sorted(doc['webhooks']), ['ENRICHMENT_NOTIFICATION', 'ENTITY_NOTIFICATION', 'SESSION_EXPIRY_NOTIFICATION',
                                 'SESSION_REQUIREMENT_COMPLETION_NOTIFICATION'])
    hdr = {'content-type': 'application/json', 'x-passbook-event': 'ENTITY_NOTIFICATION',
           'x-passbook-signature': 't=1764240000,v1=' + 'ab' * 32,
           'x-passbook-delivery': 'c036e96d-ccae-443c-8f64-b98ceeaa1578'}
    body = {'entity_id': 'c036e96d-ccae-443c-8f64-b98ceeaa1578', 'statement_id': 's1', 'link_id': None,
            'progress': 'completed', 'reason': ''}
    eq(openapi_check.webhook_problems(hdr, json.dumps(body).encode()), [])
    # a field too many, a signature of another shape, an event nobody documented
    p = openapi_check.webhook_problems(hdr, json.dumps(dict(body, extra=1)).encode())
    check(p and 'extra' in p[0], p)
    check(openapi_check.webhook_problems(dict(hdr, **{'x-passbook-signature': 'sha256=00'}), json.dumps(body).encode()))
    check(openapi_check.webhook_problems(dict(hdr, **{'x-passbook-event': 'AA_SOMETHING'}), json.dumps(body).encode()))


if __name__ == '__main__':
    suite.main()
