"""GET /bank-connect/v1/sessions/: a lender's sessions, by link_id, status and creation time,
paginated, never another organisation's (a Passbook extension, docs/api.md)."""
import time

from harness import check, eq, expect_error, suite

LIST = '/bank-connect/v1/sessions/'


def create(srv, org, link, **fields):
    r = srv.create_session(org, link_id=link, **fields)
    eq(r.status, 200, r.text)
    return r.json['session_id']


@suite.test
def lists_own_sessions_newest_first_with_filters(srv):
    org = srv.create_org('Lister')
    other = srv.create_org('Other Lister')
    link = 'cust-%d' % time.time_ns()
    ids = [create(srv, org, link) for _ in range(3)]
    create(srv, org, 'someone-else')
    create(srv, other, link)                        # same link_id, another lender
    r = srv.get(LIST + '?link_id=' + link, headers=org.headers())
    eq(r.status, 200)
    eq(r.json['count'], 3)
    eq([s['session_id'] for s in r.json['results']], ids[::-1], 'newest first, own only')
    first = r.json['results'][0]
    eq(first['link_id'], link)
    eq(first['status'], 'open')
    check(first['created_at'] and first['session_expiry_timestamp'], first)
    eq(srv.get(LIST, headers=org.headers()).json['count'], 4)
    eq(srv.get(LIST, headers=other.headers()).json['count'], 1)
    # status: processing once initiate_processing/ was called, then its outcome (a session without
    # statements may end either way, as fast as the machine goes): the filter finds it by each
    r = srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % ids[0], headers=org.headers())
    eq(r.status, 202)

    def status_of(sid):
        return {s['session_id']: s['status'] for s in
                srv.get(LIST + '?link_id=' + link, headers=org.headers()).json['results']}[sid]

    seen = status_of(ids[0])
    check(seen in ('processing', 'completed', 'failed'), seen)
    deadline = time.time() + 120
    while seen == 'processing' and time.time() < deadline:
        time.sleep(0.5)
        seen = status_of(ids[0])
    check(seen in ('completed', 'failed'), 'processing ends: %s' % seen)
    r = srv.get(LIST + '?status=%s&link_id=%s' % (seen, link), headers=org.headers())
    eq([s['session_id'] for s in r.json['results']], [ids[0]])
    eq(srv.get(LIST + '?status=processing&link_id=' + link, headers=org.headers()).json['count'], 0)
    eq(srv.get(LIST + '?status=open&link_id=' + link, headers=org.headers()).json['count'], 2)
    # created range (UTC): today's sessions, and none before 2020
    today = time.strftime('%Y-%m-%d', time.gmtime())
    eq(srv.get(LIST + '?created_from=%s&link_id=%s' % (today, link), headers=org.headers()).json['count'], 3)
    eq(srv.get(LIST + '?created_to=2020-01-01', headers=org.headers()).json['count'], 0)
    eq(srv.get(LIST + '?created_from=2020-01-01%2000:00:00&created_to=' + today, headers=org.headers())
       .json['count'], 4)


@suite.test
def paginates_and_validates(srv):
    org = srv.create_org('Pager')
    link = 'page-%d' % time.time_ns()
    ids = [create(srv, org, link) for _ in range(5)][::-1]
    r = srv.get(LIST + '?page_size=2&link_id=' + link, headers=org.headers())
    eq([s['session_id'] for s in r.json['results']], ids[:2])
    eq(r.json['previous'], None)
    seen = list(ids[:2])
    nxt = r.json['next']
    while nxt:
        r = srv.get(nxt[len(srv.base):], headers=org.headers())
        seen += [s['session_id'] for s in r.json['results']]
        nxt = r.json['next']
        check(r.json['previous'], 'a later page links back')
    eq(seen, ids)
    for q in ('page=0', 'page_size=501', 'status=sleeping', 'created_from=yesterday', 'page=x'):
        expect_error(srv.get(LIST + '?' + q, headers=org.headers()), 400, 'INVALID_REQUEST', q)
    expect_error(srv.get(LIST, headers={'x-api-key': org.api_key}), 403, 'ACCESS_DENIED')
    # deleted sessions are not listed
    r = srv.request('DELETE', '/bank-connect/v1/session_data/%s/delete/' % ids[0], headers=org.headers())
    eq(r.status, 200)
    eq(srv.get(LIST + '?link_id=' + link, headers=org.headers()).json['count'], 4)


if __name__ == '__main__':
    suite.main()
