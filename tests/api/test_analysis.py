"""Issue 12 over the API, with statements the corpus generator labels: statuses by the seed (a
dateless session with a recent complete statement ends completed everywhere: upload status,
the completion webhook sent for backend uploads alone, session_status/, the enrichment
webhook, the hosted page; webhook_mode honoured)."""

import datetime as dt
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, check, eq, suite  # noqa: E402
from receiver import Receiver  # noqa: E402
import upload_fixtures as uf  # noqa: E402

UPDATE = '/bank-connect/v1/session_data/update_webhook/'
TMP = tempfile.mkdtemp(prefix='pb-analysis-')
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def today_ist():
    return dt.datetime.now(IST).date()


def month_add(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    import calendar
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def recent_statement(name, bank='hdfc', days_ago=3, months=6, seed=41):
    """A statement of the last `months` months up to `days_ago` days ago, with a transaction in
    every calendar month it touches (the seed is moved until the generator draws one)."""
    end = today_ist() - dt.timedelta(days=days_ago)
    start = month_add(end, -months)
    for s in range(seed, seed + 20):
        path, truth = uf.fixtures.write_statement(TMP, name, bank=bank, months=months + 1, seed=s,
                                                  start=start.isoformat(), end_day=end.isoformat(),
                                                  density=25)
        have = {t['date'][:7] for t in truth['transactions']}
        want, d = set(), dt.date(start.year, start.month, 1)
        while d <= end:
            want.add(d.isoformat()[:7])
            d = month_add(d, 1)
        if want <= have:
            with open(path, 'rb') as f:
                return f.read(), truth
    raise AssertionError('no seed gives a transaction in every month')


def configure(srv, org, url, mode=1):
    r = srv.post(UPDATE, {'webhook_url': url, 'webhook_mode': mode}, headers=org.headers())
    eq(r.status, 200, 'update_webhook (%s)' % r.text[:200])


def events(rx, sid):
    return [h.json['event_name'] for h in rx.delivered() if h.json.get('session_id') == sid]


def wait_event(rx, sid, name, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for h in rx.delivered():
            if h.json.get('session_id') == sid and h.json.get('event_name') == name:
                return h.json
        time.sleep(0.1)
    raise AssertionError('no %s for %s (got %r)' % (name, sid, events(rx, sid)))


@suite.test(server=False)
def dateless_session_with_a_recent_complete_statement_ends_completed():
    pdf, truth = recent_statement('recent')
    with Receiver() as rx, Server(args=['--allow-private-urls']) as srv:
        org = srv.create_org('Seed Lender')
        configure(srv, org, rx.url)
        r = srv.create_session(org, link_id='cust-recent')       # no dates: the seed's defaults
        eq(r.status, 200, r.text)
        sid = r.json['session_id']
        up = uf.upload(srv, org, sid, pdf)
        eq(up.status, 200, up.text[:300])
        st = srv.upload_status(org, sid).json
        eq(st['upload_status'], 'COMPLETED')
        eq([a['account_status'] for a in st['accounts']], ['COMPLETED'])
        # backend uploads alone met the criterion: the completion webhook goes out
        done = wait_event(rx, sid, 'SESSION_REQUIREMENT_COMPLETION_NOTIFICATION')
        eq(done['message'], 'Upload Completed')
        eq(done['accounts'][0]['account_status'], 'COMPLETED')
        eq(srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid,
                    headers=org.headers()).status, 202)
        uf.wait_processed(srv, org, sid, timeout=120)
        ss = uf.session_get(srv, org, sid, 'session_status').json
        acct = ss['accounts'][0]
        eq((acct['account_status'], acct['error_code'], acct['error_message']), ('completed', None, None),
           'session_status')
        enr = wait_event(rx, sid, 'ENRICHMENT_NOTIFICATION')
        eq(enr['accounts'][0]['account_status'], 'completed')
        eq(enr['accounts'][0]['error_code'], '')
        time.sleep(1)
        eq(events(rx, sid).count('SESSION_REQUIREMENT_COMPLETION_NOTIFICATION'), 1, 'completion fired once')


@suite.test(server=False)
def the_page_upload_status_and_session_status_agree():
    """One rule: a statement missing the last expected month is PARTIAL in upload status, the page
    is told the month is missing and the session is not complete, and after processing the
    account fails with the upload-level code naming that month."""
    pdf, truth = recent_statement('short', months=6, days_ago=45, seed=61)
    with Server() as srv:
        org = srv.create_org('One Rule Lender')
        r = srv.create_session(org, link_id='cust-short')
        sid = r.json['session_id']
        eq(uf.upload(srv, org, sid, pdf).status, 200)
        st = srv.upload_status(org, sid).json
        eq(st['upload_status'], 'IN_PROGRESS')
        eq(st['accounts'][0]['account_status'], 'PARTIAL')
        t = srv.post('/journey/v1/token', {'session_id': sid})
        eq(t.status, 200, t.text)
        page = srv.get('/journey/v1/session', headers={'Authorization': 'Bearer ' + t.json['journey_token']}).json
        eq(page['complete'], False, 'the page is told the uploads are not complete')
        this_month = today_ist().isoformat()[:7]
        expected_missing = [m for m in page['expected_months'] if m > (today_ist() - dt.timedelta(days=45)).isoformat()[:7]]
        eq(page['missing_months'], expected_missing)
        eq(srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid,
                    headers=org.headers()).status, 202)
        uf.wait_processed(srv, org, sid, timeout=120)
        acct = uf.session_get(srv, org, sid, 'session_status').json['accounts'][0]
        eq(acct['account_status'], 'failed')
        eq(acct['error_code'], 'INCOMPLETE_MONTHS_UPLOAD')
        check(this_month in page['expected_months'] or today_ist().day <= 7, 'current month expected')


@suite.test(server=False)
def webhook_mode_zero_sends_nothing_for_pdf_sessions():
    pdf, truth = recent_statement('recent0', seed=71)
    with Receiver() as rx, Server(args=['--allow-private-urls']) as srv:
        org = srv.create_org('Net Banking Only')
        configure(srv, org, rx.url, mode=0)
        sid = srv.create_session(org, link_id='cust-0').json['session_id']
        eq(uf.upload(srv, org, sid, pdf).status, 200)
        eq(srv.upload_status(org, sid).json['upload_status'], 'COMPLETED')
        eq(srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid,
                    headers=org.headers()).status, 202)
        uf.wait_processed(srv, org, sid, timeout=120)
        time.sleep(2)
        eq(events(rx, sid), [], 'webhook_mode 0: PDF sessions are not notified')
        configure(srv, org, rx.url, mode=3)
        sid2 = srv.create_session(org, link_id='cust-3').json['session_id']
        eq(uf.upload(srv, org, sid2, pdf).status, 200)
        wait_event(rx, sid2, 'SESSION_REQUIREMENT_COMPLETION_NOTIFICATION')


if __name__ == '__main__':
    suite.main()
