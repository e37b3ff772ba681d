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


if __name__ == '__main__':
    suite.main()
