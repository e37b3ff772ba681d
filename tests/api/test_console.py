"""The lender console's API (docs/console.md) as a browser would use it:
users made with `passbook user`, sign-in with an HttpOnly SameSite cookie,
CSRF tokens on every change, failed sign-ins limited, roles (an analyst
reads; an admin also replays webhooks, changes settings, reads the audit
log), tenant isolation (another organisation's session is "not found" on
every console path), the audit log of who saw what, the session's figures,
fraud findings in words, and the downloads (XLSX, the original PDF)."""

import io
import json
import os
import re
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import BINARY, Server, check, eq, expect_error, suite  # noqa: E402
from receiver import Receiver  # noqa: E402
import upload_fixtures as uf  # noqa: E402

PASSWORD = 'correct horse battery'
STATE = {}
API = '/console/api/'
CACHE = os.path.join(uf.REPO, 'build', 'test-fixtures', 'console-v1')
# a clean statement with salary, EMIs and bounces; one saved by a PDF editor
SPECS = {
    'hdfc': dict(bank='hdfc', months=3, seed=21, start='2024-01-01', density=18, bounces=True),
    'producer': dict(bank='axis', months=3, seed=24, start='2024-01-01', density=12, tamper='producer'),
}


def fixtures():
    os.makedirs(CACHE, exist_ok=True)
    out = {}
    for name, spec in SPECS.items():
        pdf, truth = os.path.join(CACHE, name + '.pdf'), os.path.join(CACHE, name + '.truth.json')
        if not os.path.exists(pdf) or not os.path.exists(truth):
            uf.fixtures.write_statement(CACHE, name, **spec)
        with open(pdf, 'rb') as f, open(truth) as g:
            out[name] = (f.read(), json.load(g))
    return out


def user_add(srv, org, email, role='analyst', password=PASSWORD, check_rc=True):
    p = subprocess.run([BINARY, 'user', 'add', '--org', org.name, '--email', email, '--role', role,
                        '--name', email.split('@')[0].title(), '--data', srv.data_dir],
                       input=(password + '\n').encode(), capture_output=True, env=srv.env, timeout=60)
    if check_rc:
        eq(p.returncode, 0, 'user add %s: %s' % (email, p.stderr.decode()[-500:]))
    return p


def cookie_of(resp):
    m = re.match(r'pb_console=([^;]*)', resp.headers.get('set-cookie', ''))
    return m.group(1) if m else None


class Browser:
    """A signed-in console user: the cookie and the CSRF token."""

    def __init__(self, srv, email, password=PASSWORD):
        self.srv = srv
        r = srv.post(API + 'login', {'email': email, 'password': password})
        eq(r.status, 200, 'login %s: %s' % (email, r.text[:200]))
        self.cookie = cookie_of(r)
        self.csrf = r.json['csrf']
        self.me = r.json

    def headers(self, extra=None):
        h = {'Cookie': 'pb_console=' + self.cookie}
        h.update(extra or {})
        return h

    def get(self, path):
        return self.srv.get(path if path.startswith('/') else API + path, headers=self.headers())

    def post(self, path, body=None, csrf=True, extra=None):
        h = self.headers(extra)
        if csrf:
            h['X-CSRF-Token'] = self.csrf
        return self.srv.request('POST', API + path, json_body=body if body is not None else {}, headers=h)


def setup(srv):
    """Two organisations: Acme (admin, analyst, a processed session with a
    clean and a tampered statement, a webhook delivery) and Other (an
    analyst, a session of its own)."""
    if STATE:
        return STATE
    rx = Receiver().__enter__()
    acme, other = srv.create_org('Acme Lending'), srv.create_org('Other Lending')
    user_add(srv, acme, 'Admin@Acme.in', 'admin')
    user_add(srv, acme, 'analyst@acme.in')
    user_add(srv, other, 'analyst@other.in')
    r = srv.post('/bank-connect/v1/session_data/update_webhook/', {'webhook_url': rx.url, 'webhook_mode': 1},
                 headers=acme.headers())
    eq(r.status, 200, r.text[:200])
    fx = fixtures()
    sid = uf.new_session(srv, acme, link_id='cust-console-1')
    stmts = {}
    for name in ('hdfc', 'producer'):
        r = uf.upload(srv, acme, sid, fx[name][0], name=name + '.pdf')
        eq(r.status, 200, 'upload %s: %s' % (name, r.text[:300]))
        stmts[name] = r.json
    eq(srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, headers=acme.headers()).status, 202)
    uf.wait_processed(srv, acme, sid, timeout=180)
    rx.wait(1, timeout=60)
    other_sid = uf.new_session(srv, other, link_id='cust-other-1')
    for i in range(3):
        uf.new_session(srv, acme, link_id='cust-console-extra-%d' % i)
    STATE.update(acme=acme, other=other, sid=sid, other_sid=other_sid, stmts=stmts, rx=rx, fx=fx)
    return STATE


@suite.test
def user_cli_refuses_weak_passwords_and_duplicates(srv):
    org = srv.create_org('Cli Lending')
    p = user_add(srv, org, 'weak@cli.in', password='short', check_rc=False)
    eq(p.returncode, 2, 'weak password refused')
    check(b'10 characters' in p.stderr, p.stderr)
    user_add(srv, org, 'dup@cli.in')
    p = user_add(srv, org, 'DUP@cli.in', check_rc=False)
    check(p.returncode != 0, 'duplicate e-mail refused')
    p = srv.cli('user', 'list', '--org', 'Cli Lending')
    out = p.stdout.decode()
    check('dup@cli.in' in out and 'argon2' not in out and 'password' not in out, out)
    db = srv.db_bytes()
    check(PASSWORD.encode() not in db, 'no password in the database')
    check(b'$argon2id$' in db, 'Argon2id hashes stored')


@suite.test
def sign_in_sets_a_safe_cookie_and_wrong_passwords_are_refused(srv):
    setup(srv)
    r = srv.post(API + 'login', {'email': 'analyst@acme.in', 'password': 'wrong password!'})
    expect_error(r, 401, 'INVALID_CREDENTIALS')
    r2 = srv.post(API + 'login', {'email': 'nobody@acme.in', 'password': PASSWORD})
    expect_error(r2, 401, 'INVALID_CREDENTIALS')
    eq(r.json['error']['message'], r2.json['error']['message'], 'unknown user and wrong password look alike')
    expect_error(srv.post(API + 'login', {'email': 'analyst@acme.in'}), 400, 'INVALID_REQUEST')
    r = srv.post(API + 'login', {'email': 'ANALYST@acme.in', 'password': PASSWORD})
    eq(r.status, 200, r.text[:200])
    sc = r.headers['set-cookie']
    for attr in ('HttpOnly', 'SameSite=Strict', 'Path=/console/'):
        check(attr in sc, 'cookie has %s: %s' % (attr, sc))
    eq(len(cookie_of(r)), 64)
    eq(r.json['user']['role'], 'analyst')
    eq(r.json['org']['name'], 'Acme Lending')
    check('no-store' in r.headers.get('cache-control', ''), 'login answer not cached')


@suite.test
def nothing_without_a_login(srv):
    st = setup(srv)
    sid = st['sid']
    for path in ('me', 'sessions', 'sessions/' + sid, 'sessions/' + sid + '/xlsx', 'sessions/' + sid + '/webhooks',
                 'settings', 'audit', 'users'):
        expect_error(srv.get(API + path), 401, 'CONSOLE_UNAUTHORIZED', path)
        expect_error(srv.get(API + path, headers={'Cookie': 'pb_console=' + 'a' * 64}), 401, 'CONSOLE_UNAUTHORIZED',
                     path + ' with a made-up cookie')
    for path in ('logout', 'settings', 'keys/rotate', 'webhooks/%s/replay' % sid):
        expect_error(srv.post(API + path, {}), 401, 'CONSOLE_UNAUTHORIZED', path)
    r = srv.get('/console/')
    eq(r.status, 303)
    eq(r.headers['location'], '/console/login')
    r = srv.get('/console/login')
    eq(r.status, 200)
    csp = r.headers['content-security-policy']
    check("script-src 'self'" in csp and 'unsafe-inline' not in csp and "frame-ancestors 'none'" in csp, csp)


@suite.test
def pages_hold_no_inline_script_or_style(srv):
    b = Browser(srv, 'analyst@acme.in') if setup(srv) else None
    for path in ('/console/', '/console/login'):
        r = b.get(path)
        eq(r.status, 200, path)
        check('text/html' in r.headers['content-type'], path)
        check(not re.search(r'<script(?![^>]*\bsrc=)[^>]*>', r.text), path + ': inline script')
        check(not re.search(r'\son[a-z]+=|\sstyle=|<style', r.text), path + ': inline handler or style')
    for asset in ('app.js', 'app.css', 'base.css', 'format.js', 'login.js', 'chart.min.js'):
        r = b.get('/console/assets/' + asset)
        eq(r.status, 200, asset)
        check(len(r.body) > 500, asset)
    eq(b.get('/console/assets/index.html').status, 404)
    eq(b.get('/console/assets/..%2Fjourney%2Fapp.js').status, 404)


@suite.test
def changes_need_the_csrf_token_and_our_origin(srv):
    setup(srv)
    b = Browser(srv, 'admin@acme.in')
    expect_error(b.post('logout', csrf=False), 403, 'CSRF_FAILED')
    r = srv.request('POST', API + 'logout', json_body={}, headers=b.headers({'X-CSRF-Token': 'f' * 64}))
    expect_error(r, 403, 'CSRF_FAILED')
    expect_error(b.post('settings', {'acceptance': 'missing_upload_months'}, extra={'Origin': 'https://evil.example'}),
                 403, 'CSRF_FAILED')
    eq(b.get('me').status, 200, 'still signed in after the refused requests')
    r = b.post('logout', extra={'Origin': srv.base})
    eq(r.status, 200, r.text[:200])
    check('Max-Age=0' in r.headers['set-cookie'], r.headers['set-cookie'])
    expect_error(b.get('me'), 401, 'CONSOLE_UNAUTHORIZED', 'the old cookie after sign-out')


@suite.test
def roles_an_analyst_reads_an_admin_also_manages(srv):
    st = setup(srv)
    a = Browser(srv, 'analyst@acme.in')
    for path in ('settings', 'audit', 'users'):
        expect_error(a.get(path), 403, 'FORBIDDEN', path)
    expect_error(a.post('keys/rotate'), 403, 'FORBIDDEN')
    expect_error(a.post('settings', {'acceptance': 'missing_upload_months'}), 403, 'FORBIDDEN')
    r = a.get('sessions/%s/webhooks' % st['sid'])
    eq(r.status, 200, r.text[:200])
    check(r.json['deliveries'], 'the completion webhook is listed')
    eq(r.json['can_replay'], False)
    did = r.json['deliveries'][0]['id']
    expect_error(a.post('webhooks/%s/replay' % did), 403, 'FORBIDDEN')
    adm = Browser(srv, 'admin@acme.in')
    r = adm.get('users')
    eq(sorted(u['email'] for u in r.json['users']), ['admin@acme.in', 'analyst@acme.in'])
    n = len(st['rx'].hits)
    r = adm.post('webhooks/%s/replay' % did)
    eq(r.status, 202, r.text[:200])
    eq(r.json['replay_of'], did)
    st['rx'].wait(n + 1, timeout=60)
    r = adm.get('settings')
    eq(r.status, 200)
    eq(r.json['webhook_url'], st['rx'].url)
    r = adm.post('settings', {'acceptance': 'missing_upload_date_range', 'tolerance_days': 3})
    eq(r.status, 200, r.text[:200])
    eq((r.json['acceptance'], r.json['tolerance_days']), ('missing_upload_date_range', 3))
    expect_error(adm.post('settings', {'acceptance': 'anything'}), 400, 'INVALID_REQUEST')
    adm.post('settings', {'acceptance': 'missing_upload_months', 'tolerance_days': 0})


@suite.test
def another_organisations_sessions_are_not_found(srv):
    st = setup(srv)
    o = Browser(srv, 'analyst@other.in')
    sid, stmt = st['sid'], st['stmts']['hdfc']['statement_id']
    for path in ('sessions/' + sid, 'sessions/%s/xlsx' % sid, 'sessions/%s/webhooks' % sid,
                 'sessions/%s/statements/%s/pdf' % (sid, stmt)):
        expect_error(o.get(path), 404, 'SESSION_NOT_FOUND', path)
    r = o.get('sessions')
    eq(r.status, 200)
    eq([s['session_id'] for s in r.json['sessions']], [st['other_sid']])
    eq(o.get('sessions?q=cust-console-1').json['total'], 0)
    a = Browser(srv, 'analyst@acme.in')
    expect_error(a.get('sessions/' + st['other_sid']), 404, 'SESSION_NOT_FOUND')
    did = a.get('sessions/%s/webhooks' % sid).json['deliveries'][0]['id']
    # Other's admin cannot replay Acme's delivery
    user_add(srv, st['other'], 'admin@other.in', 'admin')
    expect_error(Browser(srv, 'admin@other.in').post('webhooks/%s/replay' % did), 404, 'DELIVERY_NOT_FOUND')
    # a statement of Acme's session is not reachable through another session of Acme's
    extra = a.get('sessions?q=cust-console-extra-0').json['sessions'][0]['session_id']
    expect_error(a.get('sessions/%s/statements/%s/pdf' % (extra, stmt)), 404, 'FILE_NOT_FOUND')


@suite.test
def the_list_searches_filters_and_pages(srv):
    st = setup(srv)
    a = Browser(srv, 'analyst@acme.in')
    r = a.get('sessions')
    eq(r.status, 200, r.text[:200])
    eq(r.json['total'], 4)
    eq(r.json['sessions'][-1]['session_id'], st['sid'], 'newest first')
    mine = r.json['sessions'][-1]
    eq(mine['link_id'], 'cust-console-1')
    eq(mine['status'], 'completed')
    eq(len(mine['accounts']), 2)
    tampered = [x for x in mine['accounts'] if x['fraud_count']]
    eq(len(tampered), 1, 'one account with fraud findings')
    check(all(isinstance(x['score'], int) for x in mine['accounts']), 'scores listed')
    holder = st['fx']['hdfc'][1]['identity']['name']
    # an id's last 8 characters: what the console, logs and file names show of it
    for q in ('cust-console-1', st['sid'], st['sid'][-8:], holder.split()[0].lower()):
        r = a.get('sessions?q=' + q)
        eq([s['session_id'] for s in r.json['sessions']], [st['sid']], 'search %r' % q)
    eq(a.get('sessions?q=cust-console-extra').json['total'], 3, 'link_id prefix')
    eq(a.get('sessions?q=%25').json['total'], 0, 'a % is a character, not a wildcard')
    eq([s['session_id'] for s in a.get('sessions?fraud=1').json['sessions']], [st['sid']])
    eq(a.get('sessions?status=completed').json['total'], 1)
    eq(a.get('sessions?status=open').json['total'], 3)
    expect_error(a.get('sessions?status=bogus'), 400, 'INVALID_REQUEST')
    expect_error(a.get('sessions?page=0'), 400, 'INVALID_REQUEST')
    r = a.get('sessions?page=2')
    eq((r.json['page'], r.json['sessions'], r.json['has_more']), (2, [], False))


@suite.test
def the_session_page_shows_figures_fraud_in_words_and_downloads(srv):
    st = setup(srv)
    a = Browser(srv, 'analyst@acme.in')
    r = a.get('sessions/' + st['sid'])
    eq(r.status, 200, r.text[:300])
    eq(r.json['session']['link_id'], 'cust-console-1')
    accounts = {x['account_id']: x for x in r.json['accounts']}
    clean = accounts[st['stmts']['hdfc']['account_id']]
    bad = accounts[st['stmts']['producer']['account_id']]
    eq(clean['data']['fraud'], [])
    check(clean['data']['salary_transactions'], 'salary credits')
    check(isinstance(clean['data']['score'], int), 'score')
    check(clean['data']['score_factors'] and all('rule' in f for f in clean['data']['score_factors']), 'factors')
    eq(len(clean['data']['transactions']), len(st['fx']['hdfc'][1]['transactions']))
    eq(bad['data']['fraud'][0]['fraud_type'], 'author_fraud')
    check('PDF editor' in bad['data']['fraud'][0]['words'], bad['data']['fraud'][0])
    stmt = clean['statements'][0]
    eq((stmt['file_name'], stmt['status'], stmt['pdf_available']), ('hdfc.pdf', 'completed', True))
    r = a.get('sessions/%s/statements/%s/pdf' % (st['sid'], stmt['statement_id']))
    eq(r.status, 200)
    eq(r.body, st['fx']['hdfc'][0], 'the original file, byte for byte')
    r = a.get('sessions/%s/xlsx' % st['sid'])
    eq(r.status, 200)
    check('attachment' in r.headers['content-disposition'], r.headers)
    names = zipfile.ZipFile(io.BytesIO(r.body)).namelist()
    check(any(n.startswith('xl/worksheets/') for n in names), names)
    r = a.get('sessions/%s/xlsx?account_id=%s' % (st['sid'], clean['account_id']))
    eq(r.status, 200)
    expect_error(a.get('sessions/%s/xlsx?account_id=%s' % (st['sid'], st['other_sid'])), 404, 'ACCOUNT_NOT_FOUND')
    expect_error(a.get('sessions/not-a-session'), 404, 'SESSION_NOT_FOUND')


@suite.test
def the_audit_log_says_who_saw_what(srv):
    st = setup(srv)
    a = Browser(srv, 'analyst@acme.in')
    eq(a.get('sessions/' + st['sid']).status, 200)
    eq(a.get('sessions/%s/xlsx' % st['sid']).status, 200)
    adm = Browser(srv, 'admin@acme.in')
    r = adm.get('audit?session_id=' + st['sid'])
    eq(r.status, 200, r.text[:200])
    seen = [(e['email'], e['action']) for e in r.json['events']]
    check(('analyst@acme.in', 'session.view') in seen and ('analyst@acme.in', 'xlsx.download') in seen, seen)
    check(all(e['session_id'] == st['sid'] for e in r.json['events']), 'filtered by session')
    eq(r.json['events'][0]['action'], 'xlsx.download', 'newest first')
    everything = adm.get('audit').json['events']
    check(any(e['action'] == 'login' for e in everything), 'sign-ins are logged')
    check(all('@acme.in' in e['email'] for e in everything), 'only Acme users in Acme\'s log')
    Browser(srv, 'analyst@other.in').get('sessions')
    user_add(srv, st['other'], 'auditor@other.in', 'admin')
    theirs = Browser(srv, 'auditor@other.in').get('audit').json['events']
    check(theirs and all('@other.in' in e['email'] for e in theirs), theirs)
    expect_error(adm.get('audit?session_id=nope'), 400, 'INVALID_REQUEST')


@suite.test
def a_new_password_or_removal_ends_logins(srv):
    st = setup(srv)
    user_add(srv, st['acme'], 'temp@acme.in')
    b = Browser(srv, 'temp@acme.in')
    p = subprocess.run([BINARY, 'user', 'passwd', 'temp@acme.in', '--org', 'Acme Lending', '--data', srv.data_dir],
                       input=b'another long password\n', capture_output=True, env=srv.env, timeout=60)
    eq(p.returncode, 0, p.stderr.decode())
    expect_error(b.get('me'), 401, 'CONSOLE_UNAUTHORIZED')
    b = Browser(srv, 'temp@acme.in', 'another long password')
    p = srv.cli('user', 'remove', 'temp@acme.in', '--org', 'Acme Lending')
    expect_error(b.get('me'), 401, 'CONSOLE_UNAUTHORIZED')
    expect_error(srv.post(API + 'login', {'email': 'temp@acme.in', 'password': 'another long password'}), 401,
                 'INVALID_CREDENTIALS')
    p = srv.cli('user', 'remove', 'admin@acme.in', '--org', 'Other Lending', check_rc=False)
    eq(p.returncode, 1, 'another organisation\'s user cannot be removed through Other')


@suite.test(server=False)
def failed_sign_ins_are_limited():
    with Server() as srv:
        org = srv.create_org('Limited Lending')
        user_add(srv, org, 'target@limited.in')
        for i in range(5):
            expect_error(srv.post(API + 'login', {'email': 'target@limited.in', 'password': 'guess number %d' % i}),
                         401, 'INVALID_CREDENTIALS')
        r = srv.post(API + 'login', {'email': 'target@limited.in', 'password': PASSWORD})
        expect_error(r, 429, 'RATE_LIMITED', 'even the right password, once limited')
        check(r.headers.get('retry-after'), 'Retry-After')
        user_add(srv, org, 'colleague@limited.in')
        eq(srv.post(API + 'login', {'email': 'colleague@limited.in', 'password': PASSWORD}).status, 200,
           'another user from the same client still signs in')


if __name__ == '__main__':
    try:
        suite.main(server_args=['--allow-private-urls', '--webhook-retry-base', '1'])
    finally:
        if STATE.get('rx'):
            STATE['rx'].__exit__(None, None, None)
