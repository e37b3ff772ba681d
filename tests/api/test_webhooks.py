"""Webhooks end to end: configuration, the expiry notification fired on time
with no request, delivery to a local receiver that fails first and later
succeeds, the signature a receiver verifies, a restart (and a kill -9) in
the middle of retries, the address guard, history and replay.

Time: sessions get the shortest expiry (5 minutes) and the server is
restarted with PASSBOOK_TEST_CLOCK_OFFSET=600, so they are past expiry at
once; --webhook-retry-base 1 and --expiry-scan-interval 1 keep it quick
(docs/webhooks.md, test-only knobs)."""

import hashlib
import hmac
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, suite, check, eq, expect_error  # noqa: E402
from receiver import Receiver  # noqa: E402

FAST = ['--webhook-retry-base', '1', '--expiry-scan-interval', '1']
UPDATE = '/bank-connect/v1/session_data/update_webhook/'
DELIVERIES = '/bank-connect/v1/session_data/webhook_deliveries/'


def verify(secret, header, raw, tolerance=300):
    """What docs/webhooks.md tells a receiver to do."""
    parts = dict(p.split('=', 1) for p in header.split(','))
    t, sig = parts.get('t', ''), parts.get('v1', '')
    if not t.isdigit() or abs(time.time() - int(t)) > tolerance:
        return False
    want = hmac.new(secret.encode(), t.encode() + b'.' + raw, hashlib.sha256).hexdigest()
    return hmac.compare_digest(want, sig)


def configure(srv, org, url, **extra):
    body = {'webhook_url': url, 'webhook_mode': 1}
    body.update(extra)
    r = srv.post(UPDATE, body, headers=org.headers())
    eq(r.status, 200, 'update_webhook (%s)' % r.text[:200])
    eq(r.json['message'], 'success')
    check(len(r.json['signing_secret']) == 64, 'signing secret returned')
    return r.json['signing_secret']


def short_session(srv, org, **fields):
    body = {'from_date': '01/06/2026', 'to_date': '30/09/2026', 'session_expiry': 5}
    body.update(fields)
    r = srv.create_session(org, **body)
    eq(r.status, 200, 'session create (%s)' % r.text[:200])
    return r.json['session_id']


def jump_past_expiry(srv):
    """Restart with the clock 10 minutes ahead: every 5-minute session has expired."""
    srv.env['PASSBOOK_TEST_CLOCK_OFFSET'] = '600'
    srv.restart()


def wait_status(srv, org, sid, status, timeout=10):
    """The session's only delivery once the server has recorded status
    (the receiver sees a delivery a moment before the server records it)."""
    deadline = time.time() + timeout
    while True:
        r = srv.get(DELIVERIES + '?session_id=' + sid, headers=org.headers())
        eq(r.status, 200)
        eq(len(r.json['deliveries']), 1)
        d = r.json['deliveries'][0]
        if d['status'] == status or time.time() > deadline:
            return d
        time.sleep(0.1)


@suite.test
def update_webhook_validates_and_authenticates(srv):
    org = srv.create_org('Hooks Lender')
    expect_error(srv.post(UPDATE, {'webhook_url': 'https://x.example/h'}), 403, 'ACCESS_DENIED')
    expect_error(srv.post(UPDATE, {'webhook_url': 'ftp://x.example/h'}, headers=org.headers()),
                 400, 'INVALID_URL', 'ftp scheme')
    expect_error(srv.post(UPDATE, {'webhook_url': 'https://exa mple.com/h'}, headers=org.headers()),
                 400, 'INVALID_URL', 'space in host')
    expect_error(srv.post(UPDATE, {'webhook_mode': 1}, headers=org.headers()),
                 400, 'INVALID_REQUEST', 'missing url')
    expect_error(srv.post(UPDATE, {'webhook_url': 'https://x.example/h', 'webhook_mode': 'one'},
                          headers=org.headers()), 400, 'INVALID_REQUEST', 'mode not an int')
    expect_error(srv.post(UPDATE, {'webhook_url': 'https://x.example/h', 'secret': 'a\nb'},
                          headers=org.headers()), 400, 'INVALID_REQUEST', 'header injection')
    k1 = configure(srv, org, 'https://hooks.example.com/passbook', secret='abc')
    k2 = configure(srv, org, 'http://hooks.example.com/passbook')
    eq(k1, k2, 'the signing secret is stable')
    r = srv.post(UPDATE, {'webhook_url': None}, headers=org.headers())
    eq(r.status, 200, 'webhooks can be turned off')
    r = srv.get(DELIVERIES, headers=org.headers())
    eq(r.status, 200)
    eq(r.json['deliveries'], [])


@suite.test(server=False)
def expiry_fires_on_time_and_retries_until_the_receiver_recovers():
    with Receiver(fail_first=2) as rx, Server(args=FAST + ['--allow-private-urls']) as srv:
        org = srv.create_org()
        key = configure(srv, org, rx.url, secret='lender-secret')
        sid = short_session(srv, org)
        quiet = short_session(srv, org, session_expiry=60)   # not expired even 10 minutes on
        time.sleep(1.5)
        eq(rx.hits, [], 'nothing before expiry')
        jump_past_expiry(srv)                      # no request about the session is made
        hits = rx.wait(1, timeout=40)
        eq([h.status for h in hits], [500, 500, 200], 'two failures then success')
        ids = {h.headers['x-passbook-delivery'] for h in hits}
        eq(len(ids), 1, 'one delivery, retried')
        ok = hits[-1]
        body = ok.json
        eq(body['event_name'], 'SESSION_EXPIRY_NOTIFICATION')
        eq(body['session_id'], sid)
        eq(body['message'], 'Session expired')
        eq(body['session_date_range'], {'from_date': '01/06/2026', 'to_date': '30/09/2026'})
        check(isinstance(body['accounts'], list), 'accounts list')
        eq(ok.headers['content-type'].split(';')[0], 'application/json')
        eq(ok.headers['x-secret-key'], 'lender-secret')
        eq(ok.headers['x-passbook-event'], 'SESSION_EXPIRY_NOTIFICATION')
        for h in hits:
            check(verify(key, h.headers['x-passbook-signature'], h.body), 'signature verifies')
        check(not verify('0' * 64, ok.headers['x-passbook-signature'], ok.body), 'wrong key fails')
        check(not verify(key, ok.headers['x-passbook-signature'], ok.body + b' '), 'altered body fails')
        check(hits[1].at - hits[0].at < 30, 'first retry within 30 s')
        check(all(h.json['session_id'] != quiet for h in hits), 'unexpired session not notified')
        d = wait_status(srv, org, sid, 'delivered')
        eq((d['status'], d['attempts'], d['response_code']), ('delivered', 3, 200))
        eq(d['payload'], body, 'history keeps the exact payload')
        time.sleep(2.5)
        eq(len(rx.hits), 3, 'fired once: no second expiry event')


@suite.test(server=False)
def a_restart_in_the_middle_of_retries_loses_nothing():
    with Receiver(fail_first=1000) as rx, Server(args=FAST + ['--allow-private-urls']) as srv:
        org = srv.create_org()
        key = configure(srv, org, rx.url)
        sid = short_session(srv, org)
        jump_past_expiry(srv)
        rx.wait(n_any=2, timeout=30)               # failing, being retried
        srv.stop()                                 # clean restart mid-retries
        rx.set_failing(1)
        srv.start()
        rx.wait(1, timeout=40)
        rx.set_failing(1000)
        sid2 = short_session(srv, org)
        srv.kill9()                                # a crash: the new session's event must not be lost
        srv.env['PASSBOOK_TEST_CLOCK_OFFSET'] = '1200'   # sid2 was created on the moved clock
        srv.start()
        n_before = len(rx.hits)
        rx.wait(n_any=n_before + 1, timeout=30)    # expiry of sid2 attempted after the crash
        rx.set_failing(0)
        deadline = time.time() + 40
        while time.time() < deadline and not any(h.json['session_id'] == sid2 for h in rx.delivered()):
            time.sleep(0.2)
        got = [h.json['session_id'] for h in rx.delivered()]
        check(sid in got and sid2 in got, 'both expiries delivered after restarts: %r' % got)
        for h in rx.delivered():
            check(verify(key, h.headers['x-passbook-signature'], h.body), 'signature verifies')


@suite.test(server=False)
def private_addresses_are_refused_without_the_flag():
    with Receiver() as rx, Server(args=FAST) as srv:
        org = srv.create_org()
        # refused when given, literal or a name that resolves to a private address, saying why
        for url in (rx.url, rx.url.replace('127.0.0.1', 'localhost'), 'http://10.1.2.3/hook',
                    'http://[::1]:9/hook'):
            r = srv.post(UPDATE, {'webhook_url': url}, headers=org.headers())
            expect_error(r, 400, 'INVALID_URL', url)
            check('--allow-private-urls' in r.json['error']['message'], r.json['error']['message'])
        check('url refused' in srv.log(), 'the refusal is logged')
        # a name that does not resolve yet is accepted; delivery then fails, with its reason
        configure(srv, org, 'http://hooks.passbook-test.invalid/passbook')
        sid = short_session(srv, org)
        jump_past_expiry(srv)
        deadline = time.time() + 30
        d = None
        while time.time() < deadline:
            r = srv.get(DELIVERIES + '?session_id=' + sid, headers=org.headers())
            if r.json['deliveries'] and r.json['deliveries'][0]['attempts'] >= 1:
                d = r.json['deliveries'][0]
                break
            time.sleep(0.2)
        check(d is not None, 'delivery attempted')
        check(d['status'] in ('pending', 'failed') and d['last_error'], 'failed with a reason: %r' % d)
        deadline = time.time() + 10
        while 'outcome=' not in srv.log() and time.time() < deadline:
            time.sleep(0.2)
        line = [l for l in srv.log().splitlines() if 'webhook delivery=' in l][-1]
        check('level=warn' in line and 'error="' in line and d['last_error'] in line,
              'the failed attempt is logged with its reason: %s' % line)
        eq(rx.hits, [], 'nothing reached the loopback receiver')


@suite.test(server=False)
def deliveries_are_per_organisation_and_can_be_replayed():
    with Receiver() as rx, Server(args=FAST + ['--allow-private-urls']) as srv:
        org = srv.create_org('A')
        other = srv.create_org('B')
        key = configure(srv, org, rx.url)
        sid = short_session(srv, org)
        jump_past_expiry(srv)
        rx.wait(1, timeout=30)
        d = srv.get(DELIVERIES, headers=org.headers()).json['deliveries'][0]
        eq(srv.get(DELIVERIES, headers=other.headers()).json['deliveries'], [], 'not visible to B')
        expect_error(srv.post(DELIVERIES + d['id'] + '/replay/', headers=other.headers()),
                     404, 'DELIVERY_NOT_FOUND', "B cannot replay A's delivery")
        expect_error(srv.post(DELIVERIES + 'not-a-uuid/replay/', headers=org.headers()),
                     404, 'DELIVERY_NOT_FOUND')
        r = srv.post(DELIVERIES + d['id'] + '/replay/', headers=org.headers())
        eq(r.status, 202, 'replay queued (%s)' % r.text[:200])
        hits = rx.wait(2, timeout=30)
        eq(hits[-1].body, hits[0].body, 'the same body again')
        check(hits[-1].headers['x-passbook-delivery'] != hits[0].headers['x-passbook-delivery'],
              'a new delivery id')
        check(verify(key, hits[-1].headers['x-passbook-signature'], hits[-1].body), 'signed')
        lst = srv.get(DELIVERIES + '?session_id=' + sid, headers=org.headers()).json['deliveries']
        eq(len(lst), 2)
        eq(lst[0]['replay_of'], d['id'])


@suite.test(server=False)
def two_nodes_sharing_the_store_deliver_each_event_once():
    with Receiver() as rx, Server(args=FAST + ['--allow-private-urls']) as a:
        org = a.create_org()
        configure(a, org, rx.url)
        sids = [short_session(a, org) for _ in range(6)]
        a.env['PASSBOOK_TEST_CLOCK_OFFSET'] = '600'
        a.stop()
        b = Server(data_dir=a.data_dir, args=FAST + ['--allow-private-urls'],
                   env={'PASSBOOK_TEST_CLOCK_OFFSET': '600'})
        a.start()
        b.start()
        try:
            rx.wait(6, timeout=40)
            time.sleep(2.5)                      # any duplicate would arrive by now
        finally:
            b.stop()
            problems = b.problems
        eq(problems, [], 'second node clean')
        got = sorted(h.json['session_id'] for h in rx.hits)
        eq(got, sorted(sids), 'every expiry exactly once across both nodes')
        eq(len({h.headers['x-passbook-delivery'] for h in rx.hits}), 6)


@suite.test(server=False)
def processing_ends_with_one_enrichment_notification():
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))), 'tools', 'statements'))
    import fixtures
    pdf, _ = fixtures.statement(bank='sbi', months=2, start='2026-06-01', seed=31)
    with Receiver(fail_first=1) as rx, Server(args=FAST + ['--allow-private-urls']) as srv:
        org = srv.create_org()
        key = configure(srv, org, rx.url)
        sid = short_session(srv, org, session_expiry=60)
        b = 'pbtestboundary'
        body = ('--%s\r\nContent-Disposition: form-data; name="session_id"\r\n\r\n%s\r\n'
                '--%s\r\nContent-Disposition: form-data; name="file"; filename="s.pdf"\r\n'
                'Content-Type: application/pdf\r\n\r\n' % (b, sid, b)).encode() + pdf + \
            ('\r\n--%s--\r\n' % b).encode()
        r = srv.request('POST', '/bank-connect/v1/statement/upload_session/', body=body,
                        headers={'x-api-key': org.api_key,
                                 'Content-Type': 'multipart/form-data; boundary=' + b})
        eq(r.status, 200, 'upload (%s)' % r.text[:200])
        r = srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, headers=org.headers())
        eq(r.status, 202, r.text[:200])
        hits = rx.wait(1, timeout=60)
        eq([h.status for h in hits], [500, 200], 'retried after the receiver failed')
        body = hits[-1].json
        eq(body['event_name'], 'ENRICHMENT_NOTIFICATION')
        eq(body['session_id'], sid)
        check(isinstance(body['insights_available'], bool), 'insights_available')
        eq(len(body['accounts']), 1)
        acc = body['accounts'][0]
        for k in ('name', 'account_category', 'account_id', 'bank_name', 'error_code', 'error_message',
                  'account_status', 'attempt_types'):
            check(k in acc, 'account field ' + k)
        eq(acc['bank_name'], 'sbi')
        check(acc['account_status'] in ('completed', 'failed'), 'account_status')
        check(verify(key, hits[-1].headers['x-passbook-signature'], hits[-1].body), 'signed')
        time.sleep(2)
        eq(len(rx.hits), 2, 'one event, no duplicate')


if __name__ == '__main__':
    suite.main(server_args=FAST)
