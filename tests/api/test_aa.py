"""Account Aggregator end to end, against the simulator in tools/aa-sim/:
the journey API (start, hand-over, return, status), the FIU callbacks, the
aa_fetch job, and what the lender gets back (upload status, processing,
transactions, session status), for every outcome the issue names."""
import datetime
import json
import re
import time
import urllib.parse
import urllib.request

from aa_env import AAEnv, FIU_ID, IST, SECRET, make_account
from harness import Server, check, eq, expect_error, suite
from receiver import Receiver
from upload_fixtures import session_get, wait_processed

ENV = AAEnv()
FROM, TO = datetime.date(2026, 6, 1), datetime.date(2026, 8, 31)
_mobile = [9100000000]


def next_mobile():
    _mobile[0] += 1
    return str(_mobile[0])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **kw):
        return None


def fetch(url, data=None):
    """GET/POST without following redirects: (status, headers, body)."""
    opener = urllib.request.build_opener(NoRedirect)
    req = urllib.request.Request(url, data=data, method='POST' if data is not None else 'GET')
    try:
        with opener.open(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def new_aa_session(srv, org, mobile=None, **kw):
    fields = {'mode': 'aa', 'bank_name': 'hdfc', 'from_date': FROM.strftime('%d/%m/%Y'),
              'to_date': TO.strftime('%d/%m/%Y')}
    if mobile:
        fields['mobile_number'] = mobile
    fields.update(kw)
    r = srv.create_session(org, **fields)
    eq(r.status, 200, 'session create: %s' % r.text)
    return r.json['session_id']


def journey_token(srv, sid):
    r = srv.post('/journey/v1/token', {'session_id': sid})
    eq(r.status, 200, 'token: %s' % r.text)
    return {'Authorization': 'Bearer ' + r.json['journey_token']}


def start(srv, sid, auth, **body):
    return srv.post('/journey/v1/aa/start', body, headers=auth)


def through_aa_page(srv, url, decision='approve'):
    """The customer on the AA's page: reads it, clicks, comes back to
    Passbook, which sends the browser to the page with a fresh token."""
    status, _, page = fetch(url)
    eq(status, 200, 'AA page: %s' % page[:300])
    handle = re.search(rb'name="handle" value="([^"]+)"', page).group(1).decode()
    status, headers, _ = fetch(ENV.base + '/webview/decision',
                               urllib.parse.urlencode({'handle': handle, 'decision': decision}).encode())
    eq(status, 302)
    back = headers['Location']
    check(back.startswith(srv.base + '/journey/aa/return?'), 'returns to Passbook: %s' % back)
    r = srv.get(back[len(srv.base):])
    eq(r.status, 302, 'return: %s' % r.text)
    eq(srv.get(back[len(srv.base):]).status, 400, 'the same answer twice is refused')
    loc = r.headers['location']
    check(re.match(r'^%s/\?session_id=[0-9a-f-]{36}#aa=[0-9a-f-]{36}&jt=\S+$' % re.escape(srv.base), loc), loc)
    return loc


def wait_aa(srv, auth, timeout=90):
    deadline = time.time() + timeout
    while time.time() < deadline:
        r = srv.get('/journey/v1/aa/status', headers=auth)
        eq(r.status, 200, r.text)
        aa = r.json['aa']
        if aa and aa['state'] in ('done', 'failed'):
            return r.json
        time.sleep(1)
    raise AssertionError('AA fetch did not finish: %s' % r.text)


def run_journey(srv, org, accounts, scenario='happy', decision='approve', **opts):
    ENV.attach(srv)
    mobile = next_mobile()
    ENV.customer(mobile, scenario, accounts, **opts)
    sid = new_aa_session(srv, org, mobile)
    auth = journey_token(srv, sid)
    r = start(srv, sid, auth)
    eq(r.status, 200, 'start: %s' % r.text)
    through_aa_page(srv, r.json['url'], decision)
    return sid, auth, wait_aa(srv, auth)


def process(srv, org, sid, auth):
    r = srv.post('/journey/v1/submit', {}, headers=auth)
    if r.status == 400:  # nothing was added: the lender processes anyway
        pass
    r = srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, headers=org.headers())
    eq(r.status, 202, r.text)
    wait_processed(srv, org, sid, timeout=120)


def lender_rows(srv, org, sid):
    r = session_get(srv, org, sid, 'transactions')
    eq(r.status, 200, r.text)
    return r.json['transactions']


def same_rows(got, want):
    """The lender's transactions/ against the FI data: date, amount,
    direction, balance, narration, one for one."""
    key = lambda t: (t['date'], t['narration'], t['amount'])
    g = sorted(({'date': t['date'][:10], 'amount': round(t['amount'], 2), 'type': t['transaction_type'],
                 'balance': round(t['balance'], 2), 'narration': t['transaction_note']} for t in got), key=key)
    w = sorted(want, key=key)
    eq(len(g), len(w), 'row count')
    for a, b in zip(g, w):
        eq(a, b)


@suite.test
def happy_path_transactions_equal_the_fi_data(srv):
    org = srv.create_org('AA Lender')
    acc, want = make_account('XXXXXXXX4020', 'link-a', FROM, TO, rows=24, seed=7)
    sid, auth, st = run_journey(srv, org, [acc])
    eq(st['aa']['state'], 'done', json.dumps(st))
    eq(len(st['statements']), 1)
    eq(st['statements'][0]['masked_account_number'], 'XXXXXXXX4020')
    r = srv.upload_status(org, sid)
    eq(r.status, 200)
    a = r.json['accounts'][0]
    eq(a['statements'][0]['source'], 'aa')
    eq(a['error_code'], None)
    process(srv, org, sid, auth)
    same_rows(lender_rows(srv, org, sid), want)
    r = session_get(srv, org, sid, 'session_status')
    eq(r.json['accounts'][0]['attempt_types'], ['AA'])
    eq(r.json['accounts'][0]['error_code'], None)
    m = srv.get('/metrics').text
    check(re.search(r'^passbook_aa_fetches_total\{result="ok"\} [1-9]', m, re.M), 'the fetch is counted')
    check(re.search(r'^passbook_uploads_total\{source="aa",result="ok"\} [1-9]', m, re.M), 'the statement too')


def failed_account(srv, org, sid, code):
    """The account carrying code in session_upload_status/ (before
    processing); returns it."""
    r = srv.upload_status(org, sid)
    eq(r.status, 200, r.text)
    hits = [a for a in r.json['accounts'] if a['error_code'] == code]
    check(hits, 'no account with %s: %s' % (code, r.text))
    eq(hits[0]['statements'][0]['statement_status'], 'failed')
    eq(hits[0]['statements'][0]['source'], 'aa')
    return hits[0]


def after_processing(srv, org, sid, auth, code):
    process(srv, org, sid, auth)
    r = session_get(srv, org, sid, 'session_status')
    eq(r.status, 200, r.text)
    codes = [a['error_code'] for a in r.json['accounts']]
    check(code in codes, 'session_status codes %s, want %s' % (codes, code))
    return r.json


@suite.test
def rejection_ends_with_a_code_and_the_pdf_path_stays_open(srv):
    org = srv.create_org('AA Reject')
    acc, _ = make_account('XXXXXXXX1111', 'l1', FROM, TO)
    sid, auth, st = run_journey(srv, org, [acc], decision='reject')
    eq(st['aa']['state'], 'failed')
    eq(st['aa']['code'], 'AA_CONSENT_REJECTED')
    check(st['aa']['message'], 'a message for the page')
    eq(st['statements'], [])
    failed_account(srv, org, sid, 'AA_CONSENT_REJECTED')
    # the session still takes a PDF from the same page
    r = srv.get('/journey/v1/session', headers=auth)
    eq(r.status, 200)
    eq(r.json['modes']['pdf'], True)
    eq(r.json['aa']['code'], 'AA_CONSENT_REJECTED')
    body = after_processing(srv, org, sid, auth, 'AA_CONSENT_REJECTED')
    eq(body['accounts'][0]['account_status'], 'failed')


@suite.test
def expiry_fi_denied_and_fi_timeout_end_with_their_codes(srv):
    for scenario, code in (('expire', 'AA_CONSENT_EXPIRED'), ('fi_denied', 'AA_FI_DENIED'),
                           ('fi_timeout', 'AA_FI_TIMEOUT')):
        org = srv.create_org('AA ' + scenario)
        acc, _ = make_account('XXXXXXXX2222', 'l2', FROM, TO)
        sid, auth, st = run_journey(srv, org, [acc], scenario)
        eq(st['aa']['state'], 'failed', scenario)
        eq(st['aa']['code'], code, scenario)
        a = failed_account(srv, org, sid, code)
        if scenario != 'expire':  # the account the bank refused is named
            eq(a['account_number'], 'XXXXXXXX2222')
        after_processing(srv, org, sid, auth, code)
    m = srv.get('/metrics').text
    check(re.search(r'^passbook_aa_fetches_total\{result="AA_FI_DENIED"\} [1-9]', m, re.M), 'a denied fetch counted')


@suite.test
def an_empty_account_is_no_transactions_from_aa(srv):
    org = srv.create_org('AA Empty')
    acc, _ = make_account('XXXXXXXX3333', 'l3', FROM, TO, rows=0)
    sid, auth, st = run_journey(srv, org, [acc])
    eq(st['aa']['state'], 'failed')
    eq(st['aa']['code'], 'NO_TRANSACTIONS_FROM_AA')
    failed_account(srv, org, sid, 'NO_TRANSACTIONS_FROM_AA')
    after_processing(srv, org, sid, auth, 'NO_TRANSACTIONS_FROM_AA')


@suite.test
def two_accounts_at_one_bank_in_every_document_form(srv):
    org = srv.create_org('AA Two')
    a1, w1 = make_account('XXXXXXXX5001', 'l5a', FROM, TO, rows=15, seed=11, fmt='xml-2.0.0')
    a2, w2 = make_account('XXXXXXXX5002', 'l5b', FROM, TO, rows=9, seed=12, fmt='json-lower', opening=1200.5)
    # the signed consent in RFC 7797 form (b64:false, the JSON between the dots)
    sid, auth, st = run_journey(srv, org, [a1, a2], artefact_form='raw')
    eq(st['aa']['state'], 'done')
    eq(sorted(s['masked_account_number'] for s in st['statements']), ['XXXXXXXX5001', 'XXXXXXXX5002'])
    process(srv, org, sid, auth)
    rows = lender_rows(srv, org, sid)
    accounts = {a['account_id']: a for a in session_get(srv, org, sid, 'session_status').json['accounts']}
    by_masked = {}
    for t in rows:
        by_masked.setdefault(accounts[t['account_id']]['account_number'], []).append(t)
    same_rows(by_masked['XXXXXXXX5001'], w1)
    same_rows(by_masked['XXXXXXXX5002'], w2)
    # the other forms: XML 1.1 and FIU-module JSON
    org = srv.create_org('AA Forms')
    a3, w3 = make_account('XXXXXXXX5003', 'l5c', FROM, TO, rows=7, seed=13, fmt='xml-1.1')
    a4, w4 = make_account('XXXXXXXX5004', 'l5d', FROM, TO, rows=6, seed=14, fmt='json-capital')
    sid, auth, st = run_journey(srv, org, [a3, a4], key_form='oneline', artefact_form='jws')
    eq(st['aa']['state'], 'done')
    process(srv, org, sid, auth)
    same_rows(lender_rows(srv, org, sid), w3 + w4)


@suite.test
def accounts_ready_at_different_times_all_arrive(srv):
    """Two accounts whose FIPs answer 6 s apart: the first is fetched when
    it is ready, the second later (notified, and with a silent AA by
    polling); both end in the lender's data, each counted once."""
    for scenario, tag in (('happy', '1'), ('no_notify', '2')):
        org = srv.create_org('AA Staggered ' + scenario)
        a1, w1 = make_account('XXXXXXXX71%s1' % tag, 'l7%sa' % tag, FROM, TO, rows=8, seed=71, fip='SIM-FIP')
        a2, w2 = make_account('XXXXXXXX72%s2' % tag, 'l7%sb' % tag, FROM, TO, rows=5, seed=72, fip='SIM-FIP-2')
        sid, auth, st = run_journey(srv, org, [a1, a2], scenario, stagger=6)
        eq(st['aa']['state'], 'done', json.dumps(st))
        eq(sorted(s['masked_account_number'] for s in st['statements']),
           sorted([a1['masked'], a2['masked']]), 'both accounts arrived (%s)' % scenario)
        process(srv, org, sid, auth)
        same_rows(lender_rows(srv, org, sid), w1 + w2)
    m = srv.get('/metrics').text
    check('result="STATEMENT_DUPLICATE"' not in m, 'an account fetched again is not counted again')
    check('waiting for more accounts' in srv.log(), 'the wait is logged')


@suite.test
def data_for_an_account_outside_the_consent_is_refused(srv):
    """An AA at fault sends, beside the consented account, one the consent
    does not name: it is never read nor admitted, and the refusal is
    recorded (aa_events) and logged; the consented account arrives."""
    org = srv.create_org('AA Unconsented')
    a1, w1 = make_account('XXXXXXXX7301', 'l73a', FROM, TO, rows=6, seed=73)
    a2, _ = make_account('XXXXXXXX7302', 'l73b', FROM, TO, rows=6, seed=74)
    sid, auth, st = run_journey(srv, org, [a1], unconsented=[a2])
    eq(st['aa']['state'], 'done', json.dumps(st))
    eq([s['masked_account_number'] for s in st['statements']], ['XXXXXXXX7301'])
    up = srv.upload_status(org, sid).json
    eq([a['account_number'] for a in up['accounts']], ['XXXXXXXX7301'], 'no account for the unconsented data')
    process(srv, org, sid, auth)
    same_rows(lender_rows(srv, org, sid), w1)
    rows = srv.sql("SELECT count(*) FROM aa_events WHERE kind = 'response' AND accepted = 0 AND detail = ?",
                   'an account the consent does not name')
    eq(rows[0][0], 1, 'the refusal is recorded')
    check('an account the consent does not name' in srv.log(), 'and logged')


@suite.test
def slow_data_and_silent_aa_are_waited_for(srv):
    org = srv.create_org('AA Slow')
    acc, want = make_account('XXXXXXXX6001', 'l6', FROM, TO, rows=5, seed=21)
    sid, auth, st = run_journey(srv, org, [acc], 'slow', delay=8)
    eq(st['aa']['state'], 'done')
    # no notification at all: consent and data found by polling
    org = srv.create_org('AA Silent')
    acc, want = make_account('XXXXXXXX6002', 'l6b', FROM, TO, rows=5, seed=22)
    # and a signed consent that wraps its detail and omits FIDataRange: the range asked for is used
    sid, auth, st = run_journey(srv, org, [acc], 'no_notify', approved_form='APPROVED', artefact_form='wrapped')
    eq(st['aa']['state'], 'done')
    process(srv, org, sid, auth)
    same_rows(lender_rows(srv, org, sid), want)
    asked = ENV.requests('/Consent')[-1]['ConsentDetail']['FIDataRange']
    eq(ENV.requests('/FI/request')[-1]['FIDataRange'], asked)


@suite.test
def a_bad_signature_is_refused_and_logged(srv):
    org = srv.create_org('AA BadSig')
    acc, _ = make_account('XXXXXXXX7001', 'l7', FROM, TO)
    sid, auth, st = run_journey(srv, org, [acc], 'bad_signature')
    eq(st['aa']['state'], 'failed')
    eq(st['aa']['code'], 'AA_SIGNATURE_INVALID')
    check('answer refused' in srv.log() and 'signature does not match' in srv.log(), 'refusal logged')
    eq(srv.upload_status(org, sid).json['accounts'][0]['statements'][0]['error_code'], 'AA_SIGNATURE_INVALID')


@suite.test
def a_tampered_ciphertext_fails_its_account_only(srv):
    org = srv.create_org('AA Tamper')
    a1, _ = make_account('XXXXXXXX8001', 'l8a', FROM, TO, seed=31)
    a2, w2 = make_account('XXXXXXXX8002', 'l8b', FROM, TO, seed=32)
    sid, auth, st = run_journey(srv, org, [a1, a2], 'tampered')
    eq(st['aa']['state'], 'done')
    eq([s['masked_account_number'] for s in st['statements']], ['XXXXXXXX8002'])
    failed_account(srv, org, sid, 'AA_DECRYPTION_FAILED')
    process(srv, org, sid, auth)
    same_rows(lender_rows(srv, org, sid), w2)


def a_consent(srv, org, mobile=None, **session):
    """A consent request waiting for the customer: (sid, auth, handle, request body seen by the AA)."""
    ENV.attach(srv)
    mobile = mobile or next_mobile()
    sid = new_aa_session(srv, org, mobile, **session)
    auth = journey_token(srv, sid)
    r = start(srv, sid, auth)
    eq(r.status, 200, r.text)
    consents = ENV.call('GET', '/__sim/consents')['consents']
    mine = [c for c in consents if c['mobile'] == mobile]
    return sid, auth, mine[-1]['handle'], ENV.requests('/Consent')[-1]


def notification(handle=None, status='PENDING', **over):
    n = {'ver': '2.0.0', 'timestamp': datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='milliseconds'),
         'txnid': 'tx-%d' % time.time_ns(), 'Notifier': {'type': 'AA', 'id': 'SIM-AA'},
         'ConsentStatusNotification': {'consentHandle': handle, 'consentStatus': status}}
    n.update(over)
    return n


def notify(body, path='/aa/Consent/Notification', **opts):
    spec = {'path': path, 'body': body}
    spec.update(opts)
    return ENV.call('POST', '/__sim/notify', spec)


@suite.test
def the_consent_request_says_what_the_contract_fixes(srv):
    org = srv.create_org('AA Consent')
    sid, auth, handle, req = a_consent(srv, org, mobile='9123456780')
    d = req['ConsentDetail']
    eq(d['consentMode'], 'STORE')
    eq(d['fetchType'], 'ONETIME')
    eq(sorted(d['consentTypes']), ['PROFILE', 'SUMMARY', 'TRANSACTIONS'])
    eq(d['fiTypes'], ['DEPOSIT'])
    eq(d['DataConsumer'], {'id': FIU_ID, 'type': 'FIU'})
    eq(d['Customer']['id'], '9123456780@simaa')
    eq(d['Purpose']['code'], '103')
    eq(d['Purpose']['refUri'], 'https://api.rebit.org.in/aa/purpose/103.xml')
    eq(d['Purpose']['text'], 'Aggregated statement')
    # the session's dates as whole days in IST
    eq(d['FIDataRange']['from'], '2026-05-31T18:30:00.000Z')
    eq(d['FIDataRange']['to'], '2026-08-31T18:29:59.999Z')
    eq(d['DataLife'], {'unit': 'MONTH', 'value': 1})
    start_t = datetime.datetime.fromisoformat(d['consentStart'].replace('Z', '+00:00'))
    exp_t = datetime.datetime.fromisoformat(d['consentExpiry'].replace('Z', '+00:00'))
    check(datetime.timedelta(days=1) < exp_t - start_t <= datetime.timedelta(days=31), 'a month at most')
    eq(req['ver'], '2.0.0')


@suite.test
def mobile_number_prefilled_editable_or_asked(srv):
    org = srv.create_org('AA Mobile')
    ENV.attach(srv)
    # no number in the session: the page must ask, and a bad one is refused
    sid = new_aa_session(srv, org)
    auth = journey_token(srv, sid)
    r = srv.get('/journey/v1/session', headers=auth)
    eq((r.json['mobile_number'], r.json['mobile_editable'], r.json['modes']['aa']), (None, True, True))
    expect_error(start(srv, sid, auth), 400, 'INVALID_MOBILE_NUMBER')
    expect_error(start(srv, sid, auth, mobile_number='12345'), 400, 'INVALID_MOBILE_NUMBER')
    eq(start(srv, sid, auth, mobile_number='+91 98765-43210').status, 200)
    eq(ENV.requests('/Consent')[-1]['ConsentDetail']['Customer']['id'], '9876543210@simaa')
    # prefilled and not editable: the session's number, whatever the page sends
    sid = new_aa_session(srv, org, '9811111111')
    auth = journey_token(srv, sid)
    eq(srv.get('/journey/v1/session', headers=auth).json['mobile_editable'], False)
    eq(start(srv, sid, auth, mobile_number='9822222222').status, 200)
    eq(ENV.requests('/Consent')[-1]['ConsentDetail']['Customer']['id'], '9811111111@simaa')
    # prefilled and editable
    sid = new_aa_session(srv, org, '9833333333', is_mobile_field_editable=True)
    auth = journey_token(srv, sid)
    eq(start(srv, sid, auth, mobile_number='9844444444').status, 200)
    eq(ENV.requests('/Consent')[-1]['ConsentDetail']['Customer']['id'], '9844444444@simaa')


@suite.test
def the_catalogue_offers_aa_where_an_aa_is_configured(srv):
    org = srv.create_org('AA Catalogue')
    r = srv.get('/bank-connect/v1/banks/catalogue/', headers=org.headers())
    names = {b['name'].upper(): b for b in r.json['banks']}
    for bank in ('HDFC', 'SBI'):
        eq(names[bank]['is_aa_available'], True, bank)
    check(any(not b['is_aa_available'] for b in r.json['banks']), 'not every bank is on AA')


@suite.test
def notifications_are_checked_recorded_and_answered_signed(srv):
    org = srv.create_org('AA Notify')
    sid, auth, handle, _ = a_consent(srv, org)
    ok = notify(notification(handle))
    eq((ok['status'], ok['body']['response'], ok['answer_signature']), (200, 'OK', 'ok'))
    n = notification(handle, 'SOMETHING_NEW')
    eq(notify(n)['status'], 200, 'unknown statuses are accepted')
    check('status=SOMETHING_NEW' in srv.log(), 'and recorded')
    r = notify(n)
    eq((r['status'], r['body']['errorCode']), (409, 'IdempotencyError'))
    cases = [
        (dict(api_key='wrong'), notification(handle), 401, 'Unauthorized'),
        (dict(api_key=None), notification(handle), 401, 'Unauthorized'),
        (dict(wrong_key=True), notification(handle), 400, 'SignatureDoesNotMatch'),
        (dict(raw_signature='e30..AAAA'), notification(handle), 400, 'SignatureDoesNotMatch'),
        ({}, notification(handle, timestamp=(datetime.datetime.now(datetime.timezone.utc) -
                                             datetime.timedelta(minutes=16)).isoformat()), 400, 'InvalidRequest'),
        ({}, notification(handle, timestamp='yesterday'), 400, 'InvalidRequest'),
        ({}, notification(handle, ver='1.1.2'), 404, 'NoSuchVersion'),
        ({}, notification(handle, Notifier={'type': 'FIP', 'id': 'X'}), 400, 'InvalidNotifier'),
        ({}, notification('no-such-handle'), 400, 'InvalidConsentId'),
        ({'path': '/aa/FI/Notification'}, dict(notification(), FIStatusNotification={
            'sessionId': 'no-such-session', 'sessionStatus': 'ACTIVE', 'FIStatusResponse': []}), 400,
         'InvalidSessionId'),
    ]
    for opts, body, status, code in cases:
        r = notify(body, **opts)
        eq((r['status'], r['body'].get('errorCode')), (status, code), json.dumps(opts))
        eq(r['answer_signature'], 'ok', 'every answer is signed')
    check('notification refused' in srv.log() and 'code=SignatureDoesNotMatch' in srv.log(), 'refusals logged')


@suite.test
def the_return_refuses_stale_tampered_and_unknown_answers(srv):
    import os
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                                    'tools', 'aa-sim'))
    import aasim
    org = srv.create_org('AA Return')
    sid, auth, handle, req = a_consent(srv, org)
    state = [c for c in ENV.call('GET', '/__sim/consents')['consents'] if c['handle'] == handle]
    now = aasim.reqdate_now()

    def back(resdate, ecres):
        q = urllib.parse.urlencode({'fi': aasim.xor_b64('SIM-AA', resdate), 'resdate': resdate, 'ecres': ecres})
        return srv.get('/journey/aa/return?' + q)

    plain = 'txnid=x&sessionid=%s&userid=u@simaa&status=S&errorcode=0'
    stale = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=5)).strftime('%d%m%Y%H%M%S') + '0'
    eq(back(stale, aasim.redirect_encrypt(SECRET, stale, plain % 'abc')).status, 400, 'stale resdate')
    good = aasim.redirect_encrypt(SECRET, now, plain % 'no-such-state')
    eq(back(now, good).status, 400, 'unknown state')
    tampered = good[:10] + ('A' if good[10] != 'A' else 'B') + good[11:]
    eq(back(now, tampered).status, 400, 'tampered ecres')
    eq(back(now, aasim.redirect_encrypt('another passphrase', now, plain % 'abc')).status, 400, 'wrong passphrase')
    check('redirect refused' in srv.log(), 'refusals logged')
    check(state, 'the consent is known to the simulator')


@suite.test(server=False)
def webhooks_name_the_aa_accounts_and_their_codes():
    """The lender's webhooks for AA accounts: the upload event lists the
    shared account, the processing event says attempt_types ["AA"] and,
    for a rejected consent, the code; every body matches data/openapi.json
    (the receiver checks each against it)."""
    with Receiver() as rx, Server(args=ENV.server_args() + ['--allow-private-urls']) as srv:
        org = srv.create_org('AA Hooks')
        r = srv.post('/bank-connect/v1/session_data/update_webhook/', {'webhook_url': rx.url, 'webhook_mode': 1},
                     headers=org.headers())
        eq(r.status, 200, r.text)
        acc, _ = make_account('XXXXXXXX7070', 'l-hook', FROM, TO, rows=8, seed=61)
        sid, auth, st = run_journey(srv, org, [acc])
        eq(st['aa']['state'], 'done', json.dumps(st))
        process(srv, org, sid, auth)
        bad, _ = make_account('XXXXXXXX7171', 'l-hook2', FROM, TO, rows=4, seed=62)
        sid2, auth2, st2 = run_journey(srv, org, [bad], decision='reject')
        eq(st2['aa']['code'], 'AA_CONSENT_REJECTED')
        process(srv, org, sid2, auth2)
        deadline = time.time() + 60
        def events():
            return [(h.json.get('session_id'), h.json.get('event_name'), h.json) for h in rx.delivered()]
        while time.time() < deadline and len([e for e in events() if e[1] == 'ENRICHMENT_NOTIFICATION']) < 2:
            time.sleep(0.3)
        rx.check_documented()
        got = {(e[0], e[1]): e[2] for e in events()}
        up = got.get((sid, 'SESSION_REQUIREMENT_COMPLETION_NOTIFICATION'))
        check(up, 'the upload event came: %s' % sorted(got))
        eq(up['accounts'][0]['statements'][0]['source'], 'aa')
        ok = got.get((sid, 'ENRICHMENT_NOTIFICATION'))
        check(ok, 'the processing event came: %s' % sorted(got))
        eq(ok['accounts'][0]['attempt_types'], ['AA'])
        eq(ok['accounts'][0]['error_code'], '')
        failed = got.get((sid2, 'ENRICHMENT_NOTIFICATION'))
        check(failed, 'the processing event of the rejected session came: %s' % sorted(got))
        eq(failed['accounts'][0]['attempt_types'], ['AA'])
        eq(failed['accounts'][0]['error_code'], 'AA_CONSENT_REJECTED')
        eq(failed['accounts'][0]['account_status'], 'failed')


@suite.test(server=False)
def kill_9_while_waiting_for_data_resumes_after_restart():
    with Server(args=ENV.server_args()) as srv:
        org = srv.create_org('AA Crash')
        ENV.attach(srv)
        acc, want = make_account('XXXXXXXX9001', 'l9', FROM, TO, rows=6, seed=41)
        mobile = next_mobile()
        ENV.customer(mobile, 'slow', [acc], delay=6)
        sid = new_aa_session(srv, org, mobile)
        auth = journey_token(srv, sid)
        r = start(srv, sid, auth)
        through_aa_page(srv, r.json['url'])
        # Killed once the FI request's session id is committed (logged after the save): killed
        # between the AA's answer and the save, a restarted node rightly asks again.
        srv.log_when(lambda log: 'msg="FI requested"' in log, timeout=30)
        before = len(ENV.requests('/FI/request'))
        check(before, 'the FI request went out')
        srv.kill9()  # the FI request is out; the notification will find nobody
        srv.start()  # a new port: the data must come by polling
        auth = journey_token(srv, sid)
        st = wait_aa(srv, auth)
        eq(st['aa']['state'], 'done', json.dumps(st))
        eq(len(ENV.requests('/FI/request')), before, 'the FI request was not sent again')
        process(srv, org, sid, auth)
        same_rows(lender_rows(srv, org, sid), want)


@suite.test(server=False)
def fi_data_is_deleted_when_the_consent_data_life_ends():
    with Server(args=ENV.server_args()) as srv:
        org = srv.create_org('AA DataLife')
        acc, _ = make_account('XXXXXXXX9101', 'l10', FROM, TO, rows=4, seed=51)
        sid, auth, st = run_journey(srv, org, [acc])
        eq(st['aa']['state'], 'done')
        process(srv, org, sid, auth)
        check(lender_rows(srv, org, sid), 'data before')
        srv.stop()
        srv.env['PASSBOOK_TEST_CLOCK_OFFSET'] = str(31 * 86400)  # a month later
        srv.start()
        deadline = time.time() + 30
        while time.time() < deadline and srv.upload_status(org, sid).json['accounts']:
            time.sleep(0.2)
        eq(srv.upload_status(org, sid).json['accounts'], [], 'accounts gone')
        eq(lender_rows(srv, org, sid), [], 'transactions gone')
        check('AA data life ended' in srv.log(), 'logged')


if __name__ == '__main__':
    try:
        suite.main(server_args=ENV.server_args())
    finally:
        ENV.stop()
