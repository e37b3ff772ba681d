"""The hosted journey's session-scoped API (docs/journey.md) against the real
server: the page and its assets, the token exchange (v1 session id, v2
signed token), what the page is told, bank search, refusing expired,
finished and foreign credentials, and rate limits."""

import json
import re
import os
import sys
import tempfile
import time
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, suite, check, eq, expect_error, query_params  # noqa: E402

PERIOD = {'from_date': '01/06/2026', 'to_date': '30/09/2026'}


def link_of(resp):
    """(session_id, token or None) from a session-create answer's redirect_url."""
    q = query_params(resp.json['redirect_url'])
    return q['session_id'], q.get('token')


def exchange(srv, sid, token=None):
    body = {'session_id': sid}
    if token is not None:
        body['token'] = token
    return srv.post('/journey/v1/token', body)


def bearer(jt):
    return {'Authorization': 'Bearer ' + jt}


def journey(srv, org, **fields):
    """A session plus its journey token."""
    r = srv.create_session(org, **dict(PERIOD, **fields))
    eq(r.status, 200, 'create (%s)' % r.text[:200])
    sid, tok = link_of(r)
    t = exchange(srv, sid, tok)
    eq(t.status, 200, 'token (%s)' % t.text[:200])
    return sid, t.json['journey_token']


@suite.test
def the_redirect_url_serves_the_page_and_its_assets(srv):
    org = srv.create_org('Page Lender')
    r = srv.create_session(org, **PERIOD)
    path = urllib.parse.urlsplit(r.json['redirect_url'])
    page = srv.get(path.path + '?' + path.query)
    eq(page.status, 200)
    check(page.headers['content-type'].startswith('text/html'), 'html')
    check('<script src="/journey/app.js"' in page.text, 'page loads its script')
    check("frame-ancestors" not in page.headers.get('content-security-policy', ''), 'frameable')
    check("script-src 'self'" in page.headers['content-security-policy'], 'CSP')
    eq(page.headers.get('cache-control'), 'no-store')
    for asset, kind in (('/journey/app.js', 'javascript'), ('/journey/app.css', 'css'), ('/journey/base.css', 'css'),
                        ('/sdk/passbook.js', 'javascript')):
        a = srv.get(asset)
        eq(a.status, 200, asset)
        check(kind in a.headers['content-type'], asset + ' type')
    # app.js is an ES module: every module it imports, and theirs, is served
    seen, todo = set(), ['app.js']
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        a = srv.get('/journey/' + name)
        eq(a.status, 200, name)
        check('javascript' in a.headers['content-type'], name + ' type')
        todo += re.findall(r"^import [^;]* from '\./([a-z0-9_-]+\.js)';", a.text, re.M)
    check({'state.js', 'files.js', 'aa.js'} <= seen, 'the modules are reached from app.js: %s' % sorted(seen))
    check('<link rel="stylesheet" href="/journey/base.css">' in page.text, 'page loads the shared stylesheet')
    eq(srv.get('/journey/base.css').body, srv.get('/console/assets/base.css').body)  # one file, data/common/
    check('finbox-bankconnect' in srv.get('/sdk/passbook.js').text, 'SDK listens for the events')
    eq(srv.get('/journey/../../etc/passwd').status, 404)
    eq(srv.get('/journey/nothing.js').status, 404)
    eq(srv.get('/journey/index.html').status, 404)  # the page only at /, with its own headers


@suite.test
def v1_link_exchanges_its_session_id_for_a_journey_token(srv):
    org = srv.create_org('V1 Lender')
    sid, jt = journey(srv, org, redirect_url='https://lender.example/done?x=1', logo_url='https://lender.example/logo.png')
    check(jt.startswith(sid + '.'), 'token names its session')
    info = srv.get('/journey/v1/session', headers=bearer(jt))
    eq(info.status, 200, info.text[:300])
    j = info.json
    eq(j['session_id'], sid)
    eq(j['org_name'], 'V1 Lender')
    eq(j['logo_url'], 'https://lender.example/logo.png')
    eq((j['from_date'], j['to_date']), ('2026-06-01', '2026-09-30'))
    eq(j['expected_months'], ['2026-06', '2026-07', '2026-08', '2026-09'])
    eq(j['missing_months'], j['expected_months'], 'nothing uploaded yet')
    eq(j['modes'], {'pdf': True, 'aa': False, 'online': False}, 'honest about modes')
    eq(j['bank'], None)
    eq(j['redirect_url'], 'https://lender.example/done?x=1')
    eq(j['statements'], [])
    check('api_key' not in info.text and 'server_hash' not in info.text, 'no org secrets')


@suite.test
def fixed_bank_and_journey_mode_reach_the_page(srv):
    org = srv.create_org('Bank Lender')
    _, jt = journey(srv, org, bank_name='HDFC', journey_mode='multi_pdf')
    j = srv.get('/journey/v1/session', headers=bearer(jt)).json
    eq(j['bank'], {'id': 'hdfc', 'name': 'HDFC Bank', 'aa': False})
    eq(j['journey_mode'], 'multi_pdf')


@suite.test
def v2_link_needs_its_signed_token(srv):
    org = srv.create_org('V2 Lender')
    r = srv.create_session(org, version=2, **PERIOD)
    eq(r.status, 200, r.text[:200])
    sid, tok = link_of(r)
    check(tok, 'v2 link carries a token')
    expect_error(exchange(srv, sid), 401, 'JOURNEY_UNAUTHORIZED', 'no token')
    expect_error(exchange(srv, sid, 'f' * 64), 401, 'JOURNEY_UNAUTHORIZED', 'forged token')
    expect_error(exchange(srv, sid, tok[:-1] + ('0' if tok[-1] != '0' else '1')), 401,
                 'JOURNEY_UNAUTHORIZED', 'one character off')
    eq(exchange(srv, sid, tok).status, 200)
    eq(srv.get('/?session_id=%s&token=%s' % (sid, 'f' * 64)).status, 403, 'page refuses a forged token')
    eq(srv.get('/?session_id=%s' % sid).status, 403, 'page refuses a missing token')
    eq(srv.get('/?session_id=%s&token=%s' % (sid, tok)).status, 200)


@suite.test
def bad_credentials_are_refused_alike(srv):
    org = srv.create_org('Cred Lender')
    sid, jt = journey(srv, org)
    unknown = '0f8fad5b-d9cb-469f-a165-70867728950e'
    expect_error(exchange(srv, unknown), 401, 'JOURNEY_UNAUTHORIZED', 'unknown session')
    expect_error(exchange(srv, 'not-a-uuid'), 401, 'JOURNEY_UNAUTHORIZED', 'garbage id')
    expect_error(srv.post('/journey/v1/token', {'session_id': 5}), 401, 'JOURNEY_UNAUTHORIZED', 'non-string')
    expect_error(srv.get('/journey/v1/session'), 401, 'JOURNEY_UNAUTHORIZED', 'no bearer')
    expect_error(srv.get('/journey/v1/session', headers=bearer(org.api_key)), 401,
                 'JOURNEY_UNAUTHORIZED', "the lender's API key is not a journey credential")
    expect_error(srv.get('/journey/v1/session', headers={'x-api-key': org.api_key,
                                                         'server-hash': org.server_hash}),
                 401, 'JOURNEY_UNAUTHORIZED', 'org headers do not open the journey')
    forged = jt.rsplit('.', 1)[0] + '.' + '0' * 64
    expect_error(srv.get('/journey/v1/session', headers=bearer(forged)), 401, 'JOURNEY_UNAUTHORIZED', 'forged MAC')
    exp_changed = sid + '.9999999999.' + jt.rsplit('.', 1)[1]
    expect_error(srv.get('/journey/v1/session', headers=bearer(exp_changed)), 401,
                 'JOURNEY_UNAUTHORIZED', 'expiry stretched')
    other_sid, _ = journey(srv, org)
    swapped = other_sid + jt[len(sid):]
    expect_error(srv.get('/journey/v1/session', headers=bearer(swapped)), 401,
                 'JOURNEY_UNAUTHORIZED', "one session's token does not open another")


@suite.test
def bank_search_finds_by_name_or_identifier(srv):
    org = srv.create_org('Search Lender')
    _, jt = journey(srv, org)
    banks = srv.get('/journey/v1/banks?q=state%20bank', headers=bearer(jt)).json['banks']
    eq(banks[0], {'id': 'sbi', 'name': 'State Bank of India', 'aa': False})
    banks = srv.get('/journey/v1/banks?q=HDFC', headers=bearer(jt)).json['banks']
    eq(banks[0]['id'], 'hdfc')
    eq(srv.get('/journey/v1/banks?q=zzzz-no-bank', headers=bearer(jt)).json['banks'], [])
    top = srv.get('/journey/v1/banks?limit=5', headers=bearer(jt)).json['banks']
    eq(len(top), 5)
    expect_error(srv.get('/journey/v1/banks?q=' + 'a' * 200, headers=bearer(jt)), 400, 'INVALID_REQUEST')


@suite.test
def submit_needs_a_statement_and_exit_keeps_the_session_open(srv):
    org = srv.create_org('Submit Lender')
    sid, jt = journey(srv, org, redirect_url='https://lender.example/done')
    expect_error(srv.post('/journey/v1/submit', {}, headers=bearer(jt)), 400, 'NO_STATEMENTS')
    r = srv.post('/journey/v1/exit', {}, headers=bearer(jt))
    eq(r.status, 200)
    eq(r.json['redirect_url'], 'https://lender.example/done')
    eq(srv.get('/journey/v1/session', headers=bearer(jt)).status, 200, 'the customer may come back')


@suite.test
def branding_consent_and_language_reach_the_page_and_the_lender(srv):
    org = srv.create_org('Brand Lender')
    bad = srv.cli('org', 'set-branding', org.id, '--accent', '#ffdd55', check_rc=False)
    eq(bad.returncode, 2, 'a light accent is refused')
    check(b'4.5:1' in bad.stderr, 'and the operator is told why')
    out = json.loads(srv.cli('org', 'set-branding', org.name, '--display-name', 'Acme Finance',
                             '--accent', '#0a6b4a', '--logo-url', 'https://cdn.acme.example/l.svg',
                             '--privacy-url', 'https://acme.example/privacy').stdout)
    eq(out['display_name'], 'Acme Finance')
    r = srv.create_session(org, language='hi-IN', **PERIOD)
    eq(r.status, 200)
    check(r.json['redirect_url'].endswith('&lang=hi'), 'the link carries the language')
    expect_error(srv.create_session(org, language='klingon', **PERIOD), 400, 'INVALID_REQUEST')
    sid, _ = link_of(r)
    page = srv.get('/?session_id=' + sid)
    check("img-src 'self' data: https://cdn.acme.example:443;" in page.headers['content-security-policy'],
          'the logo origin, and only it: ' + page.headers['content-security-policy'])
    jt = exchange(srv, sid).json['journey_token']
    info = srv.get('/journey/v1/session', headers=bearer(jt)).json
    eq(info['org_name'], 'Acme Finance')
    eq(info['logo_url'], 'https://cdn.acme.example/l.svg')
    eq(info['brand'], {'accent': '#0a6b4a', 'privacy_url': 'https://acme.example/privacy'})
    eq(info['consent']['checkbox'], False)
    eq(info['consent']['given'], False)
    eq(srv.upload_status(org, sid).json['consent'], None, 'no consent before a file')
    expect_error(srv.post('/journey/v1/consent', {'language': 'xx'}, headers=bearer(jt)), 400, 'INVALID_REQUEST')
    c = srv.post('/journey/v1/consent', {'language': 'hi'}, headers=bearer(jt))
    eq(c.status, 200)
    eq(c.json['consent']['language'], 'hi')
    eq(srv.post('/journey/v1/consent', {'language': 'en'}, headers=bearer(jt)).json['consent'],
       c.json['consent'], 'the first record stands')
    eq(srv.upload_status(org, sid).json['consent'], c.json['consent'], 'the lender sees it')
    eq(srv.get('/journey/v1/session', headers=bearer(jt)).json['consent']['given'], True)
    eq(srv.request('DELETE', '/bank-connect/v1/session_data/%s/delete/' % sid, headers=org.headers()).status, 200)
    dead = exchange(srv, sid)
    expect_error(dead, 410, 'SESSION_DELETED')
    eq(dead.json['brand'], {'name': 'Acme Finance', 'logo_url': 'https://cdn.acme.example/l.svg',
                            'accent': '#0a6b4a'}, 'a dead end still says whose link it was')
    r2 = srv.create_session(org, version=2, **PERIOD)
    sid2, _ = link_of(r2)
    forged = exchange(srv, sid2, 'f' * 64)
    expect_error(forged, 401, 'JOURNEY_UNAUTHORIZED')
    check('brand' not in forged.json, 'no brand for a forged link')
    eq(srv.get('/?session_id=%s&token=%s' % (sid2, 'f' * 64)).status, 403)


@suite.test(server=False)
def expired_sessions_are_refused():
    with Server(args=['--expiry-scan-interval', '3600']) as srv:
        org = srv.create_org()
        sid, jt = journey(srv, org, session_expiry=5)
        eq(srv.get('/journey/v1/session', headers=bearer(jt)).status, 200)
        srv.env['PASSBOOK_TEST_CLOCK_OFFSET'] = '600'
        srv.restart()
        expect_error(exchange(srv, sid), 410, 'SESSION_EXPIRED', 'token exchange')
        expect_error(srv.get('/journey/v1/session', headers=bearer(jt)), 401, 'JOURNEY_UNAUTHORIZED',
                     'the journey token ends with the session')


@suite.test(server=False)
def rate_limits_answer_429_with_retry_after():
    with Server() as srv:
        org = srv.create_org()
        sid, jt = journey(srv, org)
        statuses = [exchange(srv, sid).status for _ in range(70)]
        check(429 in statuses, 'token exchanges are limited per session')
        eq(statuses[0], 200)
        r = exchange(srv, sid)
        expect_error(r, 429, 'RATE_LIMITED')
        eq(r.headers.get('retry-after'), '60')
        statuses = [srv.get('/journey/v1/banks?q=a', headers=bearer(jt)).status for _ in range(130)]
        check(statuses[0] == 200 and 429 in statuses, 'calls are limited per session')


def v1_and_v2_sessions(srv, org):
    r1 = srv.create_session(org, **PERIOD)
    r2 = srv.create_session(org, version=2, **PERIOD)
    return link_of(r1), link_of(r2)


@suite.test(server=False)
def failed_guesses_cannot_lock_others_out():
    """Everyone behind one proxy shares its address: 70 bad guesses from
    it (unknown sessions, a wrong v2 token) are refused, 429 once past the
    limit, but a customer with a valid link from the same address still
    gets in, and so does the v2 session whose token was guessed at."""
    with Server() as srv:
        org = srv.create_org()
        (v1, _), (v2, tok2) = v1_and_v2_sessions(srv, org)
        guesses = [exchange(srv, str(uuid.uuid4())).status for _ in range(70)]
        eq(guesses[0], 401)
        eq(guesses[-1], 429, 'bad guesses past the limit')
        wrong = [exchange(srv, v2, 'f' * 64).status for _ in range(5)]
        eq(wrong[-1], 429, 'still failing')
        eq(exchange(srv, v1).status, 200, 'a valid v1 link from the same address')
        eq(exchange(srv, v2, tok2).status, 200, 'the right token of the session guessed at')


@suite.test(server=False)
def failures_are_counted_per_session_after_the_check():
    with Server() as srv:
        org = srv.create_org()
        (v1, _), (v2, tok2) = v1_and_v2_sessions(srv, org)
        # valid exchanges are not failures: a busy minute of them does not count against anyone
        for _ in range(25):
            eq(exchange(srv, v1).status, 200)
        statuses = [exchange(srv, v2, 'e' * 64).status for _ in range(65)]
        eq(statuses[0], 401)
        eq(statuses[-1], 429, 'failures for one session are limited')
        eq(exchange(srv, v2, tok2).status, 200, 'the session itself is not locked')


@suite.test(server=False)
def a_trusted_proxy_names_the_client():
    with Server(args=['--trusted-proxies', '127.0.0.1/32']) as srv:
        def guess(client):
            return srv.post('/journey/v1/token', {'session_id': str(uuid.uuid4())},
                            headers={'X-Forwarded-For': '203.0.113.9, ' + client}).status
        statuses = [guess('198.51.100.7') for _ in range(65)]
        eq(statuses[-1], 429, 'the client behind the proxy is limited')
        eq(guess('198.51.100.8'), 401, 'another client behind the same proxy is not')
        eq(guess('2001:db8:1:2::7'), 401)
        statuses = [guess('2001:db8:1:2:%x::1' % i) for i in range(65)]
        eq(statuses[-1], 429, 'IPv6 clients are counted by /64')
    with Server() as srv:   # without the setting X-Forwarded-For is not believed
        statuses = [srv.post('/journey/v1/token', {'session_id': str(uuid.uuid4())},
                             headers={'X-Forwarded-For': '198.51.100.%d' % i}).status for i in range(65)]
        eq(statuses[-1], 429, 'spoofed X-Forwarded-For does not escape the limit')


def multipart(fields, files):
    """A multipart/form-data body: fields {name: value}, files {name: (filename, bytes)}."""
    b = uuid.uuid4().hex
    out = b''
    for k, v in fields.items():
        out += ('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (b, k, v)).encode()
    for k, (fn, data) in files.items():
        out += ('--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\n'
                'Content-Type: application/pdf\r\n\r\n' % (b, k, fn)).encode() + data + b'\r\n'
    return out + ('--%s--\r\n' % b).encode(), 'multipart/form-data; boundary=' + b


def statement_pdf(**spec):
    """A statement generated on the fly (tools/statements/fixtures.py): (bytes, truth)."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))), 'tools', 'statements'))
    import fixtures
    return fixtures.statement(**spec)


def upload(srv, jt, data, name='statement.pdf', **fields):
    body, ctype = multipart(fields, {'file': (name, data)})
    return srv.request('POST', '/journey/v1/upload', body=body,
                       headers=dict(bearer(jt), **{'Content-Type': ctype}))


@suite.test(server=False)
def upload_then_submit_queues_the_completion_webhook():
    from receiver import Receiver
    pdf, truth = statement_pdf(bank='hdfc', months=2, start='2026-06-01', seed=21)
    with Receiver() as rx, Server(args=['--allow-private-urls', '--webhook-retry-base', '1']) as srv:
        org = srv.create_org()
        r = srv.post('/bank-connect/v1/session_data/update_webhook/', {'webhook_url': rx.url},
                     headers=org.headers())
        eq(r.status, 200)
        sid, jt = journey(srv, org, redirect_url='https://lender.example/done')
        body, ctype = multipart({}, {'file': ('x.pdf', pdf)})
        expect_error(srv.request('POST', '/journey/v1/upload', body=body, headers={'Content-Type': ctype}),
                     401, 'JOURNEY_UNAUTHORIZED', 'no token, no upload')
        bad = upload(srv, jt, pdf, bank_name='sbi')
        expect_error(bad, 400, 'BANK_NAME_MISMATCH', 'wrong bank')
        eq(bad.json['error']['error_type'], 'MU004')
        locked, _ = statement_pdf(bank='hdfc', months=1, start='2026-09-01', seed=22, password='pw-1')
        eq(upload(srv, jt, locked).json['error']['error_type'], 'MU003')
        ok = upload(srv, jt, pdf, name='june-july.pdf', bank_name='hdfc')
        eq(ok.status, 200, ok.text[:300])
        st = ok.json['statement']
        eq((st['file_name'], st['bank'], st['bank_name']), ('june-july.pdf', 'hdfc', 'HDFC Bank'))
        eq(st['months'], ['2026-06', '2026-07'])
        eq(ok.json['missing_months'], ['2026-08', '2026-09'])
        full = truth.get('account_number') or truth.get('identity', {}).get('account_number')
        check(not full or full not in ok.text, 'the full account number never reaches the browser')
        check(st['masked_account_number'].endswith(full[-4:]) if full else True, 'masked number')
        info = srv.get('/journey/v1/session', headers=bearer(jt)).json
        eq([x['statement_id'] for x in info['statements']], [st['statement_id']])
        eq(info['missing_months'], ['2026-08', '2026-09'])
        dup = upload(srv, jt, pdf)
        expect_error(dup, 400, 'STATEMENT_DUPLICATE')
        r = srv.post('/journey/v1/submit', {}, headers=bearer(jt))
        eq(r.status, 200, r.text[:200])
        eq(r.json['redirect_url'], 'https://lender.example/done')
        expect_error(srv.post('/journey/v1/submit', {}, headers=bearer(jt)), 409, 'SESSION_COMPLETED')
        expect_error(upload(srv, jt, locked), 409, 'SESSION_COMPLETED', 'no upload after submit')
        hit = rx.wait(1, timeout=30)[-1].json
        eq(hit['event_name'], 'SESSION_REQUIREMENT_COMPLETION_NOTIFICATION')
        eq(hit['message'], 'Upload Completed')
        eq(hit['session_id'], sid)
        eq(len(hit['accounts']), 1)
        eq(hit['accounts'][0]['months'], ['2026-06', '2026-07'])
        eq(srv.upload_status(org, sid).json['upload_status'], 'COMPLETED')


@suite.test(server=False)
def every_word_of_the_page_is_in_every_catalogue():
    """The page's code holds no words (issue 18): every catalogue key that
    its modules and index.html name exists in the catalogue of every language in
    languages.json, and the catalogues hold the same keys, so no language
    falls back to English in a corner (the AA path's included)."""
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'data', 'journey')
    read = lambda name: open(os.path.join(root, name), encoding='utf-8').read()
    langs = json.loads(read('languages.json'))['languages']
    cats = {l['code']: json.loads(read('messages.%s.json' % l['code'])) for l in langs}
    check(len(cats) >= 2, 'two languages or more')
    # the page's modules (i18n.js formats, it names no message of its own)
    app = '\n'.join(read(n) for n in sorted(os.listdir(root)) if n.endswith('.js') and n != 'i18n.js')
    html = read('index.html')
    prefixes = {k.split('.')[0] for c in cats.values() for k in c}
    named = set(re.findall(r'data-i18n(?:-[a-z-]+)?="([^"]+)"', html))
    for lit in re.findall(r"'([a-z_]+(?:\.[A-Za-z0-9_]+)+)'", app):
        if lit.split('.')[0] in prefixes:
            named.add(lit)
    # keys built from a code: the AA outcomes the page knows
    failed = re.search(r'const AA_FAILED = \[([^\]]*)\]', app)
    check(failed, 'aa.js lists the AA outcomes it words')
    named |= {'aa.failed.' + c for c in re.findall(r"'([A-Z_]+)'", failed.group(1))} | {'aa.failed.other'}
    check('aa.title' in named and 'method.aa' in named, 'the AA path is worded from the catalogue')
    for code, cat in cats.items():
        missing = sorted(k for k in named if k not in cat)
        eq(missing, [], 'keys missing from messages.%s.json' % code)
    optional = {'format.month_names'}   # a language may use its locale's own month names
    keys = {code: set(cat) - optional for code, cat in cats.items()}
    first = langs[0]['code']
    for code, k in keys.items():
        eq(sorted(k ^ keys[first]), [], 'messages.%s.json and messages.%s.json differ' % (code, first))


if __name__ == '__main__':
    suite.main()
