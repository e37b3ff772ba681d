"""Issue 12 over the API, with statements the corpus generator labels: statuses by the seed (a
dateless session with a recent complete statement ends completed everywhere: upload status,
the completion webhook sent for backend uploads alone, session_status/, the enrichment
webhook, the hosted page; webhook_mode honoured); holders (name_matches per account, the
holders object in identity/, insights and the webhooks, an aggregate that sums one holder's money
and says whose; opening balances summed); income and obligations by their definitions, flags
apart from fraud, a score that reacts, and every figure explained (rule and evidence rows)."""

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


def recent_statement(name, bank='hdfc', days_ago=3, months=6, seed=41, today=None):
    """A statement of the last `months` months up to `days_ago` days before `today` (the real
    date in India by default), with a transaction in every calendar month it touches (the seed
    is moved until the generator draws one)."""
    end = (today or today_ist()) - dt.timedelta(days=days_ago)
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


def upload_verdict(srv, org, sid):
    """(upload_status, account_status, the page's complete and missing_months). A session the
    backend uploads completed is closed to the page (409 SESSION_COMPLETED): complete."""
    st = srv.upload_status(org, sid).json
    t = srv.post('/journey/v1/token', {'session_id': sid})
    if t.status == 409 and t.json['error']['code'] == 'SESSION_COMPLETED':
        return st['upload_status'], st['accounts'][0]['account_status'], True, []
    eq(t.status, 200, t.text)
    page = srv.get('/journey/v1/session', headers={'Authorization': 'Bearer ' + t.json['journey_token']}).json
    return st['upload_status'], st['accounts'][0]['account_status'], page['complete'], page['missing_months']


@suite.test(server=False)
def first_week_rule_on_both_sides_of_the_seventh():
    """The server's clock moved to the 4th and then the 20th of a month (PASSBOOK_TEST_CLOCK_OFFSET),
    a dateless session each time. On the 4th the current month is not asked for (the seed's
    first-week rule), so a statement ending on the last day of the previous month is complete;
    on the 20th the same statement leaves the current month missing, and one running to the day
    before today is complete. Upload status, the page and session_status/ say the same."""
    real = today_ist()
    first = month_add(dt.date(real.year, real.month, 1), 2)
    for day, cases in ((4, ((4, 'COMPLETED'),)), (20, ((20, 'IN_PROGRESS'), (1, 'COMPLETED')))):
        today = first.replace(day=day)
        offset = (today - real).days * 86400
        with Server(env={'PASSBOOK_TEST_CLOCK_OFFSET': str(offset)}) as srv:
            org = srv.create_org('Clock Lender %d' % day)
            for days_ago, want in cases:
                pdf, truth = recent_statement('fw_%d_%d' % (day, days_ago), days_ago=days_ago, seed=151,
                                              today=today)
                sid = srv.create_session(org, link_id='cust-fw-%d-%d' % (day, days_ago)).json['session_id']
                eq(uf.upload(srv, org, sid, pdf).status, 200)
                status, acct, complete, missing = upload_verdict(srv, org, sid)
                this_month = today.isoformat()[:7]
                ctx = 'today %s, statement to %s' % (today, today - dt.timedelta(days=days_ago))
                eq(status, want, ctx)
                eq(acct, 'COMPLETED' if want == 'COMPLETED' else 'PARTIAL', ctx)
                eq(complete, want == 'COMPLETED', ctx)
                eq(missing, [] if want == 'COMPLETED' else [this_month], ctx)
                process(srv, org, sid)
                a = uf.session_get(srv, org, sid, 'session_status').json['accounts'][0]
                eq((a['account_status'], a['error_code']),
                   ('completed', None) if want == 'COMPLETED' else ('failed', 'INCOMPLETE_MONTHS_UPLOAD'), ctx)


def statement(name, **spec):
    path, truth = uf.fixtures.write_statement(TMP, name, **spec)
    with open(path, 'rb') as f:
        return f.read(), truth


def process(srv, org, sid):
    eq(srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, headers=org.headers()).status, 202)
    uf.wait_processed(srv, org, sid, timeout=180)


def by_month(truth, pick):
    """{Mon-YYYY: rupees} of the truth rows pick() selects."""
    out = {}
    for t in truth['transactions']:
        if pick(t):
            k = dt.date.fromisoformat(t['date']).strftime('%b-%Y')
            out[k] = round(out.get(k, 0) + t['amount'], 2)
    return out


@suite.test(server=False)
def two_holders_are_flagged_and_the_aggregate_sums_one():
    a_pdf, a = statement('holder_a', bank='hdfc', months=3, seed=81, start='2024-01-01', density=15)
    b_pdf, b = statement('holder_b', bank='sbi', months=3, seed=82, start='2024-01-01', density=15)
    a_name, b_name = a['identity']['name'], b['identity']['name']
    check(a_name != b_name, 'two people')
    with Receiver() as rx, Server(args=['--allow-private-urls']) as srv:
        org = srv.create_org('Holder Lender')
        configure(srv, org, rx.url)
        sid = srv.create_session(org, link_id='cust-two', from_date='01/01/2024', to_date='31/03/2024',
                                 metadata={'names': [a_name.title()]}).json['session_id']
        up_a = uf.upload(srv, org, sid, a_pdf).json
        up_b = uf.upload(srv, org, sid, b_pdf).json
        eq(up_a['metadata_analysis']['name_matches'][0], {'name': a_name.title(), 'source': 'metadata',
                                                          'matched': True})
        eq(up_b['metadata_analysis']['name_matches'][0]['matched'], False, 'the other holder does not match')
        process(srv, org, sid)
        ident = uf.session_get(srv, org, sid, 'identity').json
        eq(ident['holders']['count'], 2)
        eq(ident['holders']['mismatch'], True)
        eq(sorted(ident['holders']['names']), sorted([a_name, b_name]))
        per = {i['account_id']: i['metadata_analysis']['name_matches'] for i in ident['identity']}
        ma, mb = per[up_a['account_id']], per[up_b['account_id']]
        eq([m['matched'] for m in ma], [True, False], 'A: the lender\'s name yes, B\'s account no')
        eq(ma[1]['account_id'], up_b['account_id'])
        eq([m['matched'] for m in mb], [False, False])
        ins = uf.session_get(srv, org, sid, 'insights').json
        eq(ins['holders'], ident['holders'], 'insights and identity/ agree')
        scope = ins['aggregate_scope']
        eq((scope['holder'], scope['account_ids'], scope['excluded_account_ids']),
           (a_name, [up_a['account_id']], [up_b['account_id']]), 'the aggregate sums the customer only')
        want = by_month(a, lambda t: t['labels']['is_salary'])
        got = {k: v for k, v in ins['aggregate_monthly_analysis']['total_amount_of_salary'].items() if v}
        eq(got, want, "aggregate salary is the customer's salary alone")
        enr = wait_event(rx, sid, 'ENRICHMENT_NOTIFICATION')
        eq(enr['holders'], ident['holders'], 'the webhook says it too')
        done = uf.session_get(srv, org, sid, 'session_status').json
        eq(len(done['accounts']), 2)


@suite.test(server=False)
def aggregate_opening_balance_is_the_sum():
    """Two accounts of one holder: each month's aggregate opening and closing balances are the
    accounts' own balances added (not one account's)."""
    a_pdf, a = statement('same_a', bank='hdfc', months=3, seed=91, start='2024-01-01', density=15)
    b_pdf, b = statement('same_a', bank='axis', months=3, seed=91, start='2024-01-01', density=15)
    eq(a['identity']['name'], b['identity']['name'], 'one holder')
    with Server() as srv:
        org = srv.create_org('Aggregate Lender')
        sid = srv.create_session(org, link_id='cust-agg', from_date='01/01/2024',
                                 to_date='31/03/2024').json['session_id']
        for pdf in (a_pdf, b_pdf):
            eq(uf.upload(srv, org, sid, pdf).status, 200)
        process(srv, org, sid)
        ins = uf.session_get(srv, org, sid, 'insights').json
        agg = ins['aggregate_monthly_analysis']
        eq(agg['opening_balance']['Jan-2024'], round(a['opening_bal'] + b['opening_bal'], 2), 'opening')
        eq(agg['closing_balance']['Mar-2024'], round(a['closing_bal'] + b['closing_bal'], 2), 'closing')
        for m in ('Jan-2024', 'Feb-2024', 'Mar-2024'):
            want = sum(x['data']['monthly_analysis']['opening_balance'][m] for x in ins['accounts'])
            eq(agg['opening_balance'][m], round(want, 2), m)
        eq(len(ins['aggregate_scope']['account_ids']), 2)
        eq(ins['holders'], {'count': 1, 'names': [a['identity']['name']], 'mismatch': False})
        # the workbook shows the same figures: the analyst's Summary first, human labels,
        # one sheet per account, the aggregate's opening balance the JSON's
        url = ins['aggregate_xlsx_report_url']
        import urllib.parse
        u = urllib.parse.urlsplit(url)
        r = srv.get(u.path + '?' + u.query)
        eq(r.status, 200)
        wb = workbook(r.body)
        eq(list(wb)[0], 'Summary')
        eq(len([n for n in wb if n[0].isdigit()]), 2, 'one sheet per account')
        summary = wb['Summary']
        for label in ('Average monthly income', 'Monthly obligations', 'FOIR', 'Score', 'Bounced payments'):
            check(label in summary.values(), label)
        score_row = row_of(summary, 'A', 'Score')
        eq(sorted(summary['%s%d' % (c, score_row)] for c in 'BC'),
           sorted(float(x['data']['score']) for x in ins['accounts']))
        agg_sheet = wb['Aggregate']
        jan = row_of(agg_sheet, 'A', 'Jan-2024')
        eq(agg_sheet['B%d' % jan], agg['opening_balance']['Jan-2024'], 'the aggregate sheet shows the sum too')


@suite.test
def income_excludes_one_offs_and_every_figure_explains_itself(srv):
    pdf, truth = statement('income', bank='hdfc', months=6, seed=101, start='2024-01-01', density=20,
                           extras=True)
    org = srv.create_org('Income Lender')
    sid = srv.create_session(org, link_id='cust-income', from_date='01/01/2024',
                             to_date='30/06/2024').json['session_id']
    eq(uf.upload(srv, org, sid, pdf).status, 200)
    process(srv, org, sid)
    ins = uf.session_get(srv, org, sid, 'insights').json
    d = ins['accounts'][0]['data']
    rows = {t['hash']: t for t in d['transactions']}
    by_note = {}
    for t in truth['transactions']:
        by_note.setdefault((t['date'], t['amount'], t['transaction_note']), t['labels'])
    lab = {h: by_note[(t['date'][:10], t['amount'], t['transaction_note'])] for h, t in rows.items()}
    # income: salary and the relative's monthly support, nothing else
    counted = [h for s in d['income']['sources'] for h in s['evidence']]
    want = [h for h, l in lab.items() if l.get('income') in ('salary', 'recurring')]
    eq(sorted(counted), sorted(want), 'income rows are the salary and recurring credits')
    months = {}
    for h in want:
        months.setdefault(rows[h]['date'][:7], 0)
        months[rows[h]['date'][:7]] += rows[h]['amount']
    avg = round(sum(months.values()) / 6, 2)
    check(abs(d['income']['monthly_average'] - avg) < 0.01, 'average %r vs %r' % (d['income']['monthly_average'], avg))
    eq(d['predictors']['avg_monthly_income'], d['income']['monthly_average'], 'one income figure')
    reasons = {e['reason']: e for e in d['income']['excluded']}
    for reason, label in (('loan_disbursal', 'excluded:loan_disbursal'), ('reversal', 'excluded:reversal'),
                          ('investment_redemption', 'excluded:fd_closure'), ('self_transfer', 'excluded:self_transfer'),
                          ('refund', 'excluded:refund'), ('bounce', 'excluded:bounce'),
                          ('cash_deposit', 'excluded:cash'), ('one_off', 'excluded:one_off')):
        want_rows = sorted(h for h, l in lab.items() if l.get('income') == label)
        if want_rows:
            eq(sorted(reasons[reason]['evidence']), want_rows, reason)
    # the large RTGS from a person is flagged as a large credit, never as fraud
    big = [h for h, l in lab.items() if l.get('income') == 'excluded:one_off' and rows[h]['amount'] >= 200000]
    flagged = [h for f in d['flags']['large_credits'] for h in f['evidence']]
    check(big and set(big) <= set(flagged), 'large credits flagged: %r vs %r' % (big, flagged))
    eq(d['fraud'], [], 'flags are not fraud')
    cash = sorted(h for h, t in rows.items() if t['transaction_channel'] == 'cash_deposit')
    eq(sorted(h for f in d['flags']['cash_deposits'] for h in f['evidence']), cash)
    # obligations: the loans' EMIs; FOIR = obligations / income
    emis = {h for h, l in lab.items() if l.get('is_emi')}
    check(emis <= {h for it in d['obligations']['items'] for h in it['evidence']}, 'EMIs are the evidence')
    if d['foir']['value'] is not None:
        check(abs(d['foir']['value'] - d['obligations']['monthly_total'] / d['income']['monthly_average']) < 1e-3,
              'FOIR')
    # every score factor names its rule, weight and rows
    for f in d['score_factors']:
        check(f['rule'].startswith('score.') and f['weight'] > 0 and isinstance(f['evidence'], list), f)
        check(all(h in rows for h in f['evidence']), 'evidence rows exist')
    # FinBox's fields keep their names and types
    check(isinstance(d['score'], int) and all(isinstance(v, (int, float)) or v is None
                                              for v in d['monthly_analysis']['amt_credit'].values()), 'types')
    # any monthly figure explained on request: its rows add up to it
    acct = ins['accounts'][0]['account_id']
    ex = explain(srv, org, sid, account_id=acct, figure='monthly_analysis.amt_upi_debit', month='Mar-2024')
    eq(ex.status, 200, ex.text[:300])
    e = ex.json
    eq(e['rule'], 'monthly.family')
    eq(e['value'], d['monthly_analysis']['amt_upi_debit']['Mar-2024'])
    check(all(t['transaction_channel'] == 'upi' and t['transaction_type'] == 'debit' and t['date'][:7] == '2024-03'
              for t in e['transactions']), 'the rows are the month\'s UPI debits')
    eq(round(sum(t['amount'] for t in e['transactions']), 2), e['value'], 'the rows add up to the figure')
    eq(sorted(e['evidence']), sorted(t['hash'] for t in e['transactions']))
    p = explain(srv, org, sid, account_id=acct, figure='predictors.credits_0').json
    eq(p['value'], d['predictors']['credits_0'])
    eq(round(sum(t['amount'] for t in p['transactions']), 2), p['value'])
    bad = explain(srv, org, sid, account_id=acct, figure='nope')
    eq(bad.status, 400)
    r = srv.get('/bank-connect/v1/rules/', headers=org.headers())
    eq(r.status, 200)
    for f in d['score_factors']:
        check(f['rule'] in r.json['rules'], f['rule'])


@suite.test
def the_score_reacts(srv):
    """One holder, three statements of the same plan: clean, with bounces (an EMI return charge and
    an inward cheque bounce), and edited by a PDF editor. The score falls with each."""
    org = srv.create_org('Score Lender')
    scores = {}
    for name, extra in (('clean', {}), ('bounced', {'bounces': True}), ('edited', {'tamper': 'producer'})):
        pdf, truth = statement('score_' + name, bank='icici', months=6, seed=111, start='2024-01-01', density=20,
                               **extra)
        sid = srv.create_session(org, link_id='cust-' + name, from_date='01/01/2024',
                                 to_date='30/06/2024').json['session_id']
        eq(uf.upload(srv, org, sid, pdf).status, 200)
        process(srv, org, sid)
        d = uf.session_get(srv, org, sid, 'insights').json['accounts'][0]['data']
        scores[name] = d
    c, b, t = scores['clean']['score'], scores['bounced']['score'], scores['edited']['score']
    check(c - b >= 100, 'bounces cost at least 100 points: %d -> %d' % (c, b))
    check(t <= 450, 'an edited statement is capped: %d' % t)
    f = {x['factor']: x for x in scores['bounced']['score_factors']}
    check(f['bounces']['points'] <= -80 and f['bounces']['evidence'], f['bounces'])
    f = {x['factor']: x for x in scores['edited']['score_factors']}
    check(f['fraud_cap']['points'] < 0, f['fraud_cap'])


def expected_from_rows(metric, rows):
    """The value a monthly metric must have, recomputed from the rows its explanation returns
    (None: the metric is not a plain function of its rows, e.g. balances)."""
    amt = [t['amount'] for t in rows]
    cr = [t['amount'] for t in rows if t['transaction_type'] == 'credit']
    db = [t['amount'] for t in rows if t['transaction_type'] == 'debit']
    avg = lambda xs: round(sum(xs) / len(xs), 2) if xs else 0
    pct = lambda a, b: round(a / b * 100, 2) if b else 0
    sal = [t['amount'] for t in rows if t['transaction_channel'] == 'salary']
    spend = lambda ch: sum(t['amount'] for t in rows if t['transaction_type'] == 'debit' and
                           t['transaction_channel'] == ch)
    if metric.startswith('perc_salary_spend_'):
        return pct(spend(metric[len('perc_salary_spend_'):]), sum(sal))
    fixed = {
        'net_cash_inflow': round(sum(cr) - sum(db), 2), 'cnt_transactions': len(rows),
        'max_debit': max(db, default=0), 'min_debit': min(db, default=0),
        'avg_credit_transaction_size': avg(cr), 'avg_debit_transaction_size': avg(db),
        'net_credit_amount': round(sum(amt), 2), 'net_credit_count': len(rows),
        'net_debit_amount': round(sum(amt), 2), 'net_debit_count': len(rows),
        'turnover_excluding_loan_and_self_credit': round(sum(amt), 2),
        'total_amount_of_salary': round(sum(sal), 2), 'number_of_salary_transactions': len(sal),
        'sum_salary_spent_within_5_days_of_credit': round(sum(db), 2),
        'perc_salary_amt_debit_within5_days': pct(sum(db), sum(sal)),
        'amt_perc_cash_deposit_to_total_credit':
            pct(sum(t['amount'] for t in rows if t['transaction_channel'] == 'cash_deposit'), sum(cr)),
        'perc_cash_deposit_to_total_credit':
            pct(len([t for t in rows if t['transaction_channel'] == 'cash_deposit']), len(cr)),
        'amt_perc_cash_withdrawal_to_total_debits':
            pct(sum(t['amount'] for t in rows if t['transaction_channel'] == 'cash_withdrawl'), sum(db)),
    }
    if metric in fixed:
        return fixed[metric]
    for prefix, f in (('max_amt_', lambda: max(amt, default=0)), ('min_amt_', lambda: min(amt, default=0)),
                      ('avg_amt_', lambda: avg(amt)), ('amt_', lambda: round(sum(amt), 2)),
                      ('cnt_', lambda: len(rows))):
        if metric.startswith(prefix) and not metric.startswith(('cnt_days', 'cnt_of_eod', 'cnt_negative')):
            return f()
    return None


@suite.test
def every_monthly_metric_and_lending_figure_explains_itself(srv):
    """Every metric of monthly_analysis, explained for a month, returns the rows it was computed
    from, and those rows give back its value (sums, counts, extremes, means, ratios; salary
    spending: the salary credits and the debits after them); the lending figures (income,
    obligations, FOIR, each score factor, fraud) answer with their rule and evidence."""
    pdf, truth = statement('explain_all', bank='hdfc', months=3, seed=131, start='2024-01-01', density=20,
                           extras=True, bounces=True)
    org = srv.create_org('Explain Lender')
    sid = srv.create_session(org, link_id='cust-explain', from_date='01/01/2024',
                             to_date='31/03/2024').json['session_id']
    eq(uf.upload(srv, org, sid, pdf).status, 200)
    process(srv, org, sid)
    ins = uf.session_get(srv, org, sid, 'insights').json
    d, acct = ins['accounts'][0]['data'], ins['accounts'][0]['account_id']
    month = 'Feb-2024'
    wrong = []
    for metric, by_month in d['monthly_analysis'].items():
        r = explain(srv, org, sid, account_id=acct, figure='monthly_analysis.' + metric, month=month)
        if r.status != 200:
            wrong.append((metric, r.status))
            continue
        e = r.json
        check(e['rule'].startswith('monthly.') and e['value'] == by_month[month], (metric, e['rule'], e['value']))
        eq(sorted(e['evidence']), sorted(t['hash'] for t in e['transactions']), metric)
        want = expected_from_rows(metric, e['transactions'])
        if want is not None and (not isinstance(e['value'], (int, float)) or abs(e['value'] - want) > 0.011):
            wrong.append((metric, e['value'], want, len(e['transactions'])))
    eq(wrong, [], 'monthly metrics whose explanation does not give back the value')
    for figure in ['income', 'obligations', 'foir', 'fraud'] + ['score.' + f['factor'] for f in d['score_factors']]:
        r = explain(srv, org, sid, account_id=acct, figure=figure)
        eq(r.status, 200, figure)
        eq((r.json['account_id'], r.json['figure']), (acct, figure))
        check(isinstance(r.json.get('evidence'), list) and r.json.get('rule'), (figure, r.text[:200]))


def workbook(body):
    """{sheet name: {cell ref: value}} of an .xlsx (strings resolved, numbers as floats)."""
    import io
    import re
    import zipfile
    z = zipfile.ZipFile(io.BytesIO(body))
    shared = [re.sub(r'<[^>]+>', '', si) for si in
              re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode(), re.S)]
    names = re.findall(r'<sheet name="([^"]+)"', z.read('xl/workbook.xml').decode())
    out = {}
    for i, name in enumerate(names):
        cells = {}
        for ref, attrs, v in re.findall(r'<c r="([A-Z]+[0-9]+)"([^>]*)>(?:<f>[^<]*</f>)?<v>([^<]*)</v>',
                                        z.read('xl/worksheets/sheet%d.xml' % (i + 1)).decode()):
            cells[ref] = shared[int(v)] if 't="s"' in attrs else float(v)
        out[name] = cells
    return out


def row_of(cells, col, value):
    """The row number whose column col holds value."""
    for ref, v in cells.items():
        if v == value and ref.rstrip('0123456789') == col:
            return int(ref[len(col):])
    raise AssertionError('%r not in column %s' % (value, col))


def explain(srv, org, sid, **q):
    import urllib.parse
    return srv.get('/bank-connect/v1/session_data/%s/explain/?%s' % (sid, urllib.parse.urlencode(q)),
                   headers=org.headers())


if __name__ == '__main__':
    suite.main()
