"""The foundation against the real server: HTTP layer (routing, limits,
validation order, keep-alive, metrics), authentication, organisations,
session persistence (restart, kill -9) and concurrency."""

import json
import os
import signal
import socket
import time

from harness import (UUID4, Server, check, eq, error_code, expect_error, query_params,
                     run_parallel, suite)

SESSION = '/bank-connect/v1/session/'


def org_of(srv, name='Acme Finance', modes=None):
    return srv.create_org(name, modes)


# ---- health, metrics, root ----

@suite.test
def healthz_and_root_answer(srv):
    r = srv.get('/healthz')
    eq(r.status, 200)
    eq(r.json, {'status': 'ok'})
    r = srv.get('/healthz/')
    eq(r.status, 200, 'trailing slash')
    r = srv.get('/?session_id=8d5ea22b-216a-4fe2-90da-65d1c67c8964')
    eq(r.status, 200)
    check('text/html' in r.headers.get('content-type', ''), 'root is a page')


@suite.test
def readyz_answers_once_the_store_reads(srv):
    r = srv.get('/readyz')
    eq((r.status, r.json), (200, {'status': 'ready'}))
    eq(srv.post('/readyz', {}).status, 405)


@suite.test
def metrics_count_requests_by_route_and_status(srv):
    srv.get('/no/such/route')
    srv.post(SESSION, {'link_id': 'x'})      # 401
    # A request is counted when MHD reports it completed, just after its
    # response went out (possibly on another worker thread): wait for both
    # counters rather than race them.
    wanted = ('route="unmatched",method="any",status="404"',
              'route="/bank-connect/v1/session/",method="POST",status="401"')
    deadline = time.time() + 10
    while True:
        r = srv.get('/metrics')
        if all(w in r.text for w in wanted) or time.time() > deadline:
            break
        time.sleep(0.05)
    eq(r.status, 200)
    check(r.headers['content-type'].startswith('text/plain'), 'prometheus content type')
    check('# TYPE passbook_http_requests_total counter' in r.text, 'counter family')
    check('# TYPE passbook_http_request_duration_seconds histogram' in r.text, 'histogram family')
    check('passbook_http_requests_total{route="unmatched",method="any",status="404"}' in r.text,
          'unmatched 404 counted')
    check('passbook_http_requests_total{route="/bank-connect/v1/session/",method="POST",status="401"}'
          in r.text, '401 counted under its route pattern')
    check('passbook_http_request_duration_seconds_bucket{route="/healthz",method="GET",status="200",'
          'le="+Inf"}' in r.text, 'latency histogram')
    for name in ('passbook_store_commits_total', 'passbook_store_writes_total', 'passbook_store_statements_total',
                 'passbook_store_syncs_total', 'passbook_store_sync_seconds_total'):
        check('\n%s ' % name in r.text, name)
    writes = int(r.text.split('\npassbook_store_writes_total ')[1].split()[0])
    check(writes >= 1, 'the server wrote its token secret at start')


@suite.test
def access_log_has_one_line_per_request_without_secrets(srv):
    org = org_of(srv, 'Log Check')
    marker = 'zz-log-marker-%d' % time.time_ns()
    r = srv.create_session(org, link_id=marker)
    eq(r.status, 200)
    sid = r.json['session_id']
    srv.upload_status(org, sid)
    log = srv.log_when(lambda log: 'session_upload_status' in log)
    check(org.api_key not in log, 'api key logged')
    check(org.server_hash not in log, 'server hash logged')
    check(marker not in log, 'request body logged')
    token = query_params(srv.create_session(org, version=2).json['redirect_url'])['token']
    check(token not in srv.log_when(lambda log: 'path="/bank-connect/v2/session/"' in log), 'v2 token logged')
    lines = [l for l in log.splitlines() if 'session_upload_status' in l and ' http ' in l]
    eq(len(lines), 1, 'one access line for the status request')
    for field in ('method=GET', 'status=200', 'dur_ms=', 'bytes=', 'route="/bank-connect/v1/session_data/<id>'):
        check(field in lines[0], 'access line lacks ' + field)
    # the session id (a credential) by its last 8 digits only, as every log line shows ids
    check(sid not in log, 'session id logged whole')
    check('...-%s' % sid[-8:] in lines[0], 'path without the id\'s last 8 digits: ' + lines[0])


# ---- routing and the validation order ----

@suite.test
def unknown_route_is_404_envelope(srv):
    for path in ('/nope', '/bank-connect/v1/', '/bank-connect/v3/session/', '/bank-connect/v1/session/x'):
        expect_error(srv.get(path), 404, 'NOT_FOUND', path)


@suite.test
def wrong_method_is_405(srv):
    r = srv.get(SESSION)
    expect_error(r, 405, 'METHOD_NOT_ALLOWED')
    eq(r.json['error']['message'], 'Method GET not allowed.')
    check('POST' in r.headers.get('allow', ''), 'Allow header')
    for m in ('PUT', 'DELETE', 'PATCH'):
        expect_error(srv.request(m, '/bank-connect/v2/session'), 405, 'METHOD_NOT_ALLOWED', m)
    expect_error(srv.post('/healthz', {}), 405, 'METHOD_NOT_ALLOWED')


@suite.test
def wrong_content_type_is_415(srv):
    org = org_of(srv, 'CT')
    body = json.dumps({'link_id': 'a', 'api_key': org.api_key})
    for ct in ('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
               'application/jsonx'):
        r = srv.request('POST', SESSION, body=body, headers={'Content-Type': ct})
        expect_error(r, 415, 'UNSUPPORTED_MEDIA_TYPE', ct)
    r = srv.request('POST', SESSION, body=body)   # no Content-Type at all
    expect_error(r, 415, 'UNSUPPORTED_MEDIA_TYPE', 'missing content type')
    for ct in ('application/json; charset=utf-8', 'Application/JSON'):
        r = srv.request('POST', SESSION, body=body, headers={'Content-Type': ct})
        eq(r.status, 200, ct)


def announce(method, path, ctype, length, body=b'{'):
    """A request whose headers announce `length` body bytes; only `body` is sent."""
    head = '%s %s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n' % (method, path, length)
    if ctype:
        head += 'Content-Type: %s\r\n' % ctype
    return head.encode() + b'\r\n' + body


@suite.test
def validation_order_route_method_type_size_json_key(srv):
    big = 2 * 1024 * 1024
    # route before everything
    expect_error(srv.raw(announce('PUT', '/nope', 'text/plain', big)), 404, 'NOT_FOUND')
    # method before content type and size
    expect_error(srv.raw(announce('GET', SESSION, 'text/plain', big)), 405, 'METHOD_NOT_ALLOWED')
    # content type before size
    expect_error(srv.raw(announce('POST', SESSION, 'text/plain', big)), 415, 'UNSUPPORTED_MEDIA_TYPE')
    # size before JSON syntax
    expect_error(srv.raw(announce('POST', SESSION, 'application/json', big)), 413, 'REQUEST_TOO_LARGE')
    # JSON syntax before the key
    expect_error(srv.request('POST', SESSION, body='{"api_key": ', headers={'Content-Type': 'application/json'}),
                 400, 'INVALID_REQUEST')
    # the key before the fields
    expect_error(srv.post(SESSION, {'from_date': 'nonsense'}), 401, 'AUTHENTICATION_CREDENTIALS_NOT_PROVIDED')


@suite.test
def oversized_body_is_413_before_the_body_is_read(srv):
    # 25 GB announced, one byte sent: the answer cannot wait for the body
    r = srv.raw(announce('POST', SESSION, 'application/json', 26214400000))
    expect_error(r, 413, 'REQUEST_TOO_LARGE')


@suite.test
def chunked_body_over_the_limit_is_413(srv):
    c = srv.connection()
    c.putrequest('POST', SESSION)
    c.putheader('Content-Type', 'application/json')
    c.putheader('Transfer-Encoding', 'chunked')
    c.endheaders()
    piece = b' ' * 65536
    for _ in range(20):   # 1.25 MiB > the 1 MiB default
        c.send(b'%x\r\n%s\r\n' % (len(piece), piece))
    c.send(b'0\r\n\r\n')
    r = c.getresponse()
    eq(r.status, 413)
    check(b'REQUEST_TOO_LARGE' in r.read(), 'code')
    c.close()


@suite.test
def hostile_json_is_400_invalid_request(srv):
    org = org_of(srv, 'Hostile')
    h = {'Content-Type': 'application/json'}
    cases = [b'', b'{', b'[]', b'"x"', b'42', b'null', b'{"a":1,"a":2}', b'{"link_id":"\xff\xfe"}',
             b'{"link_id":"a\\u0000b"}', b'[' * 100000 + b']' * 100000, b'{"a":' * 50000 + b'1' + b'}' * 50000,
             b'\xef\xbb\xbf{}', b'{"link_id": NaN}', b'{} {}']
    for body in cases:
        r = srv.request('POST', SESSION, body=body, headers=h)
        if body == b'':
            expect_error(r, 401, 'AUTHENTICATION_CREDENTIALS_NOT_PROVIDED', 'empty body is {}')
            continue
        expect_error(r, 400, 'INVALID_REQUEST', repr(body[:30]))
    # the server is still healthy and still accepts good requests
    eq(srv.create_session(org).status, 200)


@suite.test
def garbage_requests_do_not_hurt_the_server(srv):
    payloads = [b'GARBAGE\r\n\r\n', b'GET / HTTP/9.9\r\n\r\n', b'\x00\x01\x02' * 100 + b'\r\n\r\n',
                b'GET /' + b'a' * 100000 + b' HTTP/1.1\r\nHost: x\r\n\r\n',
                b'GET / HTTP/1.1\r\n' + b'X-Big: ' + b'b' * 200000 + b'\r\n\r\n',
                b'POST /bank-connect/v1/session/ HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n']
    for p in payloads:
        s = socket.create_connection(('127.0.0.1', srv.port), timeout=10)
        try:
            s.sendall(p)
            s.shutdown(socket.SHUT_WR)
            while s.recv(65536):
                pass
        except OSError:
            pass
        s.close()
    eq(srv.get('/healthz').status, 200)


@suite.test
def keep_alive_serves_many_requests_on_one_connection(srv):
    org = org_of(srv, 'KeepAlive')
    c = srv.connection()
    for i in range(5):
        r = srv.get('/healthz', conn=c)
        eq(r.status, 200)
        check(r.headers.get('connection', '').lower() != 'close', 'connection closed after request %d' % i)
        r = srv.request('POST', SESSION, json_body={'link_id': 'k%d' % i, 'api_key': org.api_key}, conn=c)
        eq(r.status, 200)
        r = srv.request('GET', '/nope', conn=c)
        eq(r.status, 404)
    c.close()


# ---- authentication and organisations ----

@suite.test
def api_key_in_body_or_header(srv):
    org = org_of(srv, 'Keys')
    eq(srv.create_session(org).status, 200, 'body key')
    eq(srv.create_session(org, header_key=True).status, 200, 'header key')
    eq(srv.create_session(org, version=2, header_key=True).status, 200, 'v2 header key')
    for bad in ({'api_key': ''}, {'api_key': 'x' * 64}, {'api_key': org.server_hash},
                {'api_key': 12345}, {'api_key': None}, {'api_key': [org.api_key]}, {}):
        body = {'link_id': 'l'}
        body.update(bad)
        r = srv.post(SESSION, body)
        expect_error(r, 401, 'AUTHENTICATION_CREDENTIALS_NOT_PROVIDED', repr(bad)[:40])
    r = srv.post(SESSION, {'link_id': 'l'}, headers={'x-api-key': 'wrong'})
    expect_error(r, 401, 'AUTHENTICATION_CREDENTIALS_NOT_PROVIDED', 'wrong header')


@suite.test
def create_session_happy_paths_v1_and_v2(srv):
    org = org_of(srv, 'Happy')
    r = srv.create_session(org, redirect_url='https://lender.example/back')
    eq(r.status, 200)
    eq(sorted(r.json), ['redirect_url', 'session_id'])
    sid = r.json['session_id']
    check(UUID4.match(sid), 'uuid4 ' + sid)
    eq(r.json['redirect_url'], srv.base + '/?session_id=' + sid)
    r2 = srv.create_session(org, version=2)
    eq(r2.status, 200)
    sid2 = r2.json['session_id']
    q = query_params(r2.json['redirect_url'])
    eq(q['session_id'], sid2)
    check(len(q.get('token', '')) >= 32, 'v2 token')
    check(r2.json['redirect_url'].startswith(srv.base + '/?session_id=' + sid2 + '&token='), 'v2 url shape')
    # a token is bound to its session
    r3 = srv.create_session(org, version=2)
    check(query_params(r3.json['redirect_url'])['token'] != q['token'], 'tokens differ per session')


@suite.test
def upload_status_of_a_new_session(srv):
    org = org_of(srv, 'Status')
    r = srv.create_session(org)
    sid = r.json['session_id']
    s = srv.upload_status(org, sid)
    eq(s.status, 200)
    eq(s.json['session_id'], sid)
    eq(s.json['upload_status'], 'NO_UPLOAD')
    eq(s.json['accounts'], [])
    check(set(s.json['session_date_range']) == {'from_date', 'to_date'}, 'date range')
    check(len(s.json['session_expiry_timestamp']) == 19, 'expiry timestamp format')
    # without a trailing slash, upper-case id
    s2 = srv.get('/bank-connect/v1/session_data/%s/session_upload_status' % sid.upper(), headers=org.headers())
    eq(s2.status, 200)


@suite.test
def upload_status_needs_key_and_server_hash(srv):
    org = org_of(srv, 'Status Auth')
    sid = srv.create_session(org).json['session_id']
    path = '/bank-connect/v1/session_data/%s/session_upload_status/' % sid
    for headers in ({}, {'x-api-key': org.api_key}, {'server-hash': org.server_hash},
                    {'x-api-key': org.api_key, 'server-hash': 'wrong'},
                    {'x-api-key': org.server_hash, 'server-hash': org.api_key}):
        expect_error(srv.get(path, headers=headers), 403, 'ACCESS_DENIED', repr(list(headers)))


@suite.test
def sessions_are_isolated_between_orgs(srv):
    a = org_of(srv, 'Org A')
    b = org_of(srv, 'Org B')
    sid = srv.create_session(a).json['session_id']
    foreign = srv.upload_status(b, sid)
    missing = srv.upload_status(b, '8d5ea22b-216a-4fe2-90da-65d1c67c8964')
    expect_error(foreign, 404, 'SESSION_NOT_FOUND', 'foreign')
    expect_error(missing, 404, 'SESSION_NOT_FOUND', 'missing')
    eq(foreign.json, missing.json, 'foreign and missing are indistinguishable')
    for bad in ('not-a-uuid', '%20', "'%20OR%201=1--", 'x' * 300):
        expect_error(srv.upload_status(a, bad), 404, 'SESSION_NOT_FOUND', bad[:20])
    eq(srv.upload_status(a, sid).status, 200)


@suite.test
def catalogue_lists_banks_per_mode(srv):
    org = org_of(srv, 'Catalogue')
    for path in ('/bank-connect/v1/banks/catalogue/', '/bank-connect/v1/banks/catalogue'):
        r = srv.get(path, headers=org.headers())
        eq(r.status, 200, path)
        eq(r.json['count'], len(r.json['banks']))
        check(r.json['count'] > 0, 'banks listed')
        for b in r.json['banks']:
            eq(sorted(b), sorted(['name', 'full_name', 'npci_code', 'logo_url', 'is_pdf_upload_available',
                                  'is_net_banking_available', 'is_aa_available']))
            eq(b['is_pdf_upload_available'], True)
            eq(b['is_net_banking_available'], False, 'no net-banking connector configured')
            eq(b['is_aa_available'], False, 'no Account Aggregator configured (tests/api/test_aa.py has one)')
    expect_error(srv.get('/bank-connect/v1/banks/catalogue/'), 403, 'ACCESS_DENIED')


@suite.test
def org_cli_create_list_rotate_set_modes(srv):
    org = org_of(srv, 'Rotating')
    eq(sorted(org.info), ['api_key', 'modes', 'name', 'org_id', 'server_hash'])
    check(UUID4.match(org.id), 'org id')
    check(len(org.api_key) >= 32 and org.api_key != org.server_hash, 'secrets')
    eq(org.modes, ['pdf', 'aa', 'online'])
    listed = json.loads(srv.cli('org', 'list').stdout)
    mine = [o for o in listed if o['org_id'] == org.id]
    eq(len(mine), 1)
    check(org.api_key not in json.dumps(listed), 'list shows no secrets')
    # rotation: the old key stops working at once, the new one works at once
    rot = json.loads(srv.cli('org', 'rotate-key', org.id).stdout)
    eq(rot['org_id'], org.id)
    check(rot['api_key'] != org.api_key, 'new key')
    expect_error(srv.create_session(org), 401, 'AUTHENTICATION_CREDENTIALS_NOT_PROVIDED', 'old key')
    org.api_key, org.server_hash = rot['api_key'], rot['server_hash']
    eq(srv.create_session(org).status, 200, 'new key')
    # by name too
    out = json.loads(srv.cli('org', 'set-modes', 'Rotating', '--modes', 'pdf').stdout)
    eq(out['modes'], ['pdf'])
    # bad invocations
    eq(srv.cli('org', 'create', check_rc=False).returncode, 2, 'create without --name')
    eq(srv.cli('org', 'create', '--name', 'x', '--modes', 'fax', check_rc=False).returncode, 2, 'bad mode')
    eq(srv.cli('org', 'rotate-key', 'no-such-org', check_rc=False).returncode, 1, 'unknown org')
    eq(srv.cli('org', 'frobnicate', check_rc=False).returncode, 2, 'unknown command')
    eq(srv.cli('org', '--help', check_rc=False).returncode, 0, '--help')


@suite.test
def org_created_while_serving_works_at_once(srv):
    # create and use immediately, several times, racing the server's reads
    for i in range(5):
        org = org_of(srv, 'Live %d' % i)
        r = srv.create_session(org)
        eq(r.status, 200, 'new org %d' % i)
        eq(srv.upload_status(org, r.json['session_id']).status, 200)


@suite.test
def a_key_in_use_stops_at_once_when_rotated_and_a_mode_when_turned_off(srv):
    """Session create authorises from the node's cache of keys; the insert checks the key and
    the session's mode again at its commit, and every refusal is decided on the organisation as
    stored: a change made by another process (the CLI, the database) holds from the next
    request on, whatever the node saw before."""
    a = org_of(srv, 'Cached Key')
    for i in range(2):                          # the second from the node's cache
        eq(srv.create_session(a).status, 200, 'create %d' % i)
    rot = json.loads(srv.cli('org', 'rotate-key', a.id).stdout)
    expect_error(srv.create_session(a), 401, 'AUTHENTICATION_CREDENTIALS_NOT_PROVIDED', 'rotated key')
    a.api_key = rot['api_key']
    eq(srv.create_session(a).status, 200, 'the new key at once')

    b = org_of(srv, 'Cached Key Bad Body')
    eq(srv.create_session(b).status, 200)
    srv.cli('org', 'rotate-key', b.id)
    expect_error(srv.create_session(b, from_date='31/02/2024'), 401, 'AUTHENTICATION_CREDENTIALS_NOT_PROVIDED',
                 'a rotated key is refused before the fields')

    c = org_of(srv, 'Cached Key Revoked')
    eq(srv.create_session(c).status, 200)
    srv.sql('UPDATE orgs SET api_key_hash = ? WHERE id = ?', 'f' * 64, c.id)   # as a restore would
    expect_error(srv.create_session(c, header_key=True), 401, 'AUTHENTICATION_CREDENTIALS_NOT_PROVIDED',
                 'a key changed in the database')

    d = org_of(srv, 'Cached Modes')
    eq(srv.create_session(d, bank_name='sbi', mode='aa').status, 200)
    srv.cli('org', 'set-modes', d.id, '--modes', 'pdf')
    expect_error(srv.create_session(d, bank_name='sbi', mode='aa'), 403, 'MODE_NOT_ENABLED', 'aa turned off')
    eq(srv.create_session(d, bank_name='hdfc', mode='pdf').status, 200, 'pdf still on')
    stored = srv.sql("SELECT count(*) FROM sessions WHERE org_id = ? AND mode = 2", d.id)[0][0]
    eq(int(stored), 1, 'only the aa session made while aa was on')


@suite.test
def two_hundred_concurrent_creates_get_unique_ids(srv):
    org = org_of(srv, 'Concurrent')

    def one(i):
        r = srv.create_session(org, version=1 + i % 2, link_id='c-%d' % i)
        return r.status, r.json and r.json.get('session_id')
    results = run_parallel(200, one)
    errors = [r for r in results if isinstance(r, Exception) or r[0] != 200]
    eq(errors, [], 'failed creates')
    ids = [r[1] for r in results]
    eq(len(set(ids)), 200, 'unique ids')
    # every acknowledged session is readable
    for sid in ids[::20]:
        eq(srv.upload_status(org, sid).status, 200)


def refuse_inserts(srv, link_prefix):
    """Makes the database refuse every session whose link_id starts with link_prefix
    (a trigger: a rule the database enforces, as a uniqueness rule would); None: none."""
    if srv.on_postgres:
        srv.sql('DROP TRIGGER IF EXISTS refuse_some ON sessions')
        if link_prefix:
            srv.sql("CREATE OR REPLACE FUNCTION refuse_some() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    "IF NEW.link_id LIKE '%s%%' THEN RAISE EXCEPTION 'refused' USING ERRCODE = "
                    "'check_violation'; END IF; RETURN NEW; END $$" % link_prefix)
            srv.sql('CREATE TRIGGER refuse_some BEFORE INSERT ON sessions FOR EACH ROW '
                    'EXECUTE FUNCTION refuse_some()')
        return
    srv.sql('DROP TRIGGER IF EXISTS refuse_some')
    if link_prefix:
        srv.sql("CREATE TRIGGER refuse_some BEFORE INSERT ON sessions WHEN NEW.link_id LIKE '%s%%' "
                "BEGIN SELECT RAISE(ABORT, 'refused'); END" % link_prefix)


@suite.test
def a_create_the_database_refuses_fails_alone(srv):
    """Concurrent creates share a transaction (group commit); one the database refuses is
    answered 500 and every other create of its batch is stored and answered 200."""
    org = org_of(srv, 'Refused Some')
    refuse_inserts(srv, 'refused-')
    try:
        def one(i):
            r = srv.create_session(org, link_id=('refused-%d' if i % 7 == 3 else 'kept-%d') % i)
            return r.status, r.json and r.json.get('session_id')
        results = run_parallel(96, one)
    finally:
        refuse_inserts(srv, None)
    eq([r for r in results if isinstance(r, Exception)], [], 'every create answered')
    eq([i for i, r in enumerate(results) if r[0] != (500 if i % 7 == 3 else 200)], [],
       'refused ones 500, the others 200')
    kept = [r[1] for i, r in enumerate(results) if i % 7 != 3]
    for sid in kept:
        eq(srv.upload_status(org, sid).status, 200, 'an acknowledged session is stored')
    stored = srv.sql("SELECT count(*) FROM sessions WHERE link_id LIKE 'refused-%'")[0][0]
    eq(int(stored), 0, 'nothing of a refused create is stored')


def store_counters(srv):
    """(writes, statements) committed so far, read from one /metrics answer."""
    text = srv.get('/metrics').text
    return tuple(int(text.split('\n%s ' % name)[1].split()[0])
                 for name in ('passbook_store_writes_total', 'passbook_store_statements_total'))


@suite.test(server=False)
def creates_committed_together_go_as_one_statement():
    """The creates a commit takes together go in as few statements (PostgreSQL: their rows in
    one JSON array; SQLite: multi-row INSERTs of one organisation's run, its grant looked up
    once), stored exactly as sent; one the database refuses makes that statement fail, and then
    each of its creates is sent alone, so only the refused one fails. Each commit is held a
    second (a pause at its start) so that creates queue behind it."""
    link = 'rows-%d "q" \\ \u00e9\t\u20b9'  # odd text: it travels inside the statement's JSON

    def create(srv, orgs, i, refused=False):
        r = srv.create_session(orgs[i % 2], link_id='refused-%d' % i if refused else link % i,
                               version=1 + i % 2)
        return r.status, r.json and r.json.get('session_id')

    def stored_as_sent(srv, orgs, results, first):
        for i, (status, sid) in enumerate(results, first):
            if status == 200:
                row = srv.sql('SELECT org_id, link_id, api_version FROM sessions WHERE id = ?', sid)
                eq([tuple(str(v) for v in r) for r in row], [(orgs[i % 2].id, link % i, str(1 + i % 2))],
                   'stored as sent')

    with Server(env={'PASSBOOK_FAULT_PAUSE_AT': 'store.group_commit=1'}) as srv:
        orgs = [srv.create_org('Rows'), srv.create_org('Rows Other')]
        writes0, statements0 = store_counters(srv)
        results = run_parallel(24, lambda i: create(srv, orgs, i))
        eq([r[0] for r in results], [200] * 24, 'every create stored')
        stored_as_sent(srv, orgs, results, 0)
        writes, statements = store_counters(srv)
        writes, statements = writes - writes0, statements - statements0
        check(writes >= 24, 'every 200 is a committed write')
        check(statements < writes, 'creates shared statements: %d for %d' % (statements, writes))

        refuse_inserts(srv, 'refused-')
        try:
            results = run_parallel(24, lambda i: create(srv, orgs, 24 + i, refused=i % 9 == 4))
        finally:
            refuse_inserts(srv, None)
        eq([i for i, r in enumerate(results) if r[0] != (500 if i % 9 == 4 else 200)], [],
           'refused ones 500, the others 200')
        stored_as_sent(srv, orgs, results, 24)
        stored = srv.sql("SELECT count(*) FROM sessions WHERE link_id LIKE 'refused-%'")[0][0]
        eq(int(stored), 0, 'nothing of a refused create is stored')


# ---- durability ----

@suite.test(server=False)
def sessions_survive_restart_and_kill_9():
    with Server() as srv:
        org = srv.create_org('Durable')
        ids = []
        for i in range(30):
            r = srv.create_session(org, version=2, link_id='d%d' % i)
            eq(r.status, 200)
            ids.append((r.json['session_id'], r.json['redirect_url']))
        srv.restart()
        for sid, _ in ids:
            eq(srv.upload_status(org, sid).status, 200, 'after restart')
        # kill -9 right after acknowledged creates, while others are in flight
        acked = []

        def one(i):
            r = srv.create_session(org, link_id='k%d' % i)
            if r.status == 200:
                acked.append(r.json['session_id'])
            return r.status
        run_parallel(64, one)
        srv.kill9()
        srv.start()
        check(len(acked) == 64, 'all acknowledged before the kill')
        for sid in acked:
            eq(srv.upload_status(org, sid).status, 200, 'acknowledged session lost after kill -9')
        # the v2 token secret survives restarts: same redirect for same session id is verifiable
        r = srv.create_session(org, version=2)
        eq(r.status, 200)


@suite.test(server=False)
def kill_9_under_load_loses_no_acknowledged_create():
    with Server() as srv:
        org = srv.create_org('Load')
        acked = []
        stop = time.time() + 30

        def spam(i):
            c = srv.connection(timeout=5)
            while time.time() < stop:
                try:
                    r = srv.request('POST', SESSION, json_body={'link_id': 'x', 'api_key': org.api_key}, conn=c)
                except Exception:  # the server is gone (reset, bad status line)
                    return
                if r.status == 200:
                    acked.append(r.json['session_id'])
        import threading
        threads = [threading.Thread(target=spam, args=(i,)) for i in range(16)]
        for t in threads:
            t.start()
        # kill while creates are in flight, once some were acknowledged
        deadline = time.time() + 20
        while len(acked) < 50 and time.time() < deadline:
            time.sleep(0.05)
        srv.kill9()
        for t in threads:
            t.join()
        srv.start()
        check(len(acked) > 0, 'some creates acknowledged')
        lost = [sid for sid in acked if srv.upload_status(org, sid).status != 200]
        eq(lost, [], '%d of %d acknowledged sessions lost' % (len(lost), len(acked)))


@suite.test(server=False)
def writes_go_on_while_a_checkpoint_is_held():
    """The writer does not copy the WAL into the database itself (SQLite
    would, every 1000 pages, stalling every write meanwhile): with the
    checkpointer held, creates are acknowledged and the WAL grows past that
    mark; a kill -9 then loses none of them (they are in the synced WAL)."""
    with Server(env={'PASSBOOK_FAULT_PAUSE_AT': 'store.checkpoint=3600'}) as srv:
        if srv.on_postgres:
            return
        org = srv.create_org('Checkpoint')
        wal = os.path.join(srv.data_dir, 'passbook.db-wal')
        acked = []

        def one(i):
            c = srv.connection()
            for j in range(50):
                r = srv.request('POST', SESSION, json_body={'link_id': 'w%d-%d' % (i, j), 'api_key': org.api_key},
                                conn=c)
                eq(r.status, 200)
                acked.append(r.json['session_id'])
        # SQLite's own mark: 1000 pages of 4 KiB (and a 24-byte header each)
        for _ in range(20):
            if os.path.getsize(wal) > 1100 * 4120:
                break
            for r in run_parallel(16, one):
                check(r is None, repr(r))
        check(os.path.getsize(wal) > 1100 * 4120,
              'the WAL was copied at 1000 pages: %d bytes' % os.path.getsize(wal))
        srv.kill9()
        srv.env.pop('PASSBOOK_FAULT_PAUSE_AT')
        srv.start()
        lost = [sid for sid in acked if srv.upload_status(org, sid).status != 200]
        eq(lost, [], '%d of %d acknowledged sessions lost' % (len(lost), len(acked)))


@suite.test(server=False)
def sigterm_is_graceful_and_sigint_too():
    for sig in (signal.SIGTERM, signal.SIGINT):
        srv = Server()
        srv.start()
        org = srv.create_org('Graceful')
        eq(srv.create_session(org).status, 200)
        rc = srv.stop(sig)
        eq(rc, 0, 'exit status after signal %d' % sig)
        check('msg="stopped"' in srv.log(), 'clean stop logged')
        eq(srv.problems, [])
        srv.cleanup()


@suite.test(server=False)
def serve_flags_and_env():
    with Server(args=['--max-body', '2048', '--threads', '3'], public_url='https://pb.example/base/') as srv:
        org = srv.create_org('Flags')
        r = srv.create_session(org)
        eq(r.status, 200)
        check(r.json['redirect_url'].startswith('https://pb.example/base/?session_id='), r.json['redirect_url'])
        expect_error(srv.post(SESSION, {'link_id': 'x' * 3000, 'api_key': org.api_key}), 413,
                     'REQUEST_TOO_LARGE')
    with Server(env={'PASSBOOK_PUBLIC_URL': 'https://env.example', 'PASSBOOK_ALLOW_PRIVATE_URLS': '1'}) as srv:
        org = srv.create_org('Env')
        r = srv.create_session(org)
        check(r.json['redirect_url'].startswith('https://env.example/?session_id='), r.json['redirect_url'])
    import subprocess
    from harness import BINARY
    p = subprocess.run([BINARY, 'serve', '--help'], capture_output=True)
    eq(p.returncode, 0)
    for flag in ('--listen', '--data', '--db', '--public-url', '--threads', '--max-body', '--allow-private-urls'):
        check(flag.encode() in p.stdout, 'help mentions ' + flag)
    p = subprocess.run([BINARY, 'serve', '--listen', 'nonsense'], capture_output=True)
    eq(p.returncode, 2)


if __name__ == '__main__':
    suite.main()
