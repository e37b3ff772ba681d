"""Issue 6 end to end over the API: labelled synthetic statements of several banks are uploaded
into one session (with metadata.employer_names), processed, and every insight is checked over
the API against the generator's truth and labels: channels, salary with employer, EMI lenders,
bounces, tampering findings, monthly figures and EOD balances recomputed here from the truth
rows, expense percentages, the score; then the xlsx_report/ links (a real workbook, refused when
tampered or expired) and the errors."""

import calendar
import datetime as dt
import io
import os
import re
import sys
import urllib.parse
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, check, eq, expect_error, suite  # noqa: E402
import upload_fixtures as uf  # noqa: E402

CACHE = os.path.join(uf.REPO, 'build', 'test-fixtures', 'insights-v1')
# name -> spec: three clean banks (salary, EMIs, bounces) and two tampered statements
SPECS = {
    'hdfc': dict(bank='hdfc', months=3, seed=21, start='2024-01-01', density=18, bounces=True),
    'sbi': dict(bank='sbi', months=3, seed=22, start='2024-01-01', density=18),
    'icici': dict(bank='icici', months=3, seed=23, start='2024-01-01', density=18, bounces=True),
    'producer': dict(bank='axis', months=3, seed=24, start='2024-01-01', density=12, tamper='producer'),
    'balance': dict(bank='kotak', months=3, seed=25, start='2024-01-01', density=12, tamper='balance'),
}
CLEAN = ('hdfc', 'sbi', 'icici')
STATE = {}


def fixtures():
    os.makedirs(CACHE, exist_ok=True)
    out = {}
    for name, spec in SPECS.items():
        pdf = os.path.join(CACHE, name + '.pdf')
        if not os.path.exists(pdf) or not os.path.exists(os.path.join(CACHE, name + '.truth.json')):
            uf.fixtures.write_statement(CACHE, name, **spec)
        import json
        with open(pdf, 'rb') as f, open(os.path.join(CACHE, name + '.truth.json')) as g:
            out[name] = (f.read(), json.load(g))
    return out


def paise(x):
    return int(round(float(x) * 100))


def setup(srv):
    """One processed session shared by the checks (built on first use)."""
    if STATE:
        return STATE
    fx = fixtures()
    org = srv.create_org('Insights Lender')
    employers = sorted({t['labels']['employer'] for _, tr in fx.values() for t in tr['transactions']
                        if t['labels']['is_salary'] and t['labels']['employer']})
    sid = uf.new_session(srv, org, metadata={'employer_names': employers})
    uploads = {}
    for name, (pdf, truth) in fx.items():
        r = uf.upload(srv, org, sid, pdf, name=name + '.pdf')
        eq(r.status, 200, 'upload %s: %s' % (name, r.text[:300]))
        uploads[name] = r.json
    r = uf.session_get(srv, org, sid, 'insights')
    expect_error(r, 400, 'PROCESSING_NOT_REQUESTED', 'insights before initiate_processing')
    r = srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, headers=org.headers())
    eq(r.status, 202, r.text)
    uf.wait_processed(srv, org, sid, timeout=120)
    r = uf.session_get(srv, org, sid, 'insights')
    eq(r.status, 200, r.text[:300])
    by_acct = {}
    for name, up in uploads.items():
        by_acct[up['account_id']] = name
    accounts = {by_acct[a['account_id']]: a['data'] for a in r.json['accounts']}
    eq(sorted(accounts), sorted(fx), 'one account per statement')
    STATE.update(org=org, sid=sid, fx=fx, uploads=uploads, doc=r.json, accounts=accounts)
    return STATE


def truth_rows(st, name):
    return st['fx'][name][1]['transactions']


@suite.test
def channels_match_labels(srv):
    st = setup(srv)
    total = right = 0
    wrong = []
    for name in CLEAN:
        got = st['accounts'][name]['transactions']
        want = truth_rows(st, name)
        eq(len(got), len(want), '%s transaction count' % name)
        for g, w in zip(got, want):
            total += 1
            if g['transaction_channel'] == w['labels']['channel']:
                right += 1
            else:
                wrong.append((w['transaction_note'], g['transaction_channel'], w['labels']['channel']))
            eq(paise(g['amount']), paise(w['amount']), 'amount')
            check(re.fullmatch(r'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d', g['date']), 'date format %r' % g['date'])
    check(right >= 0.99 * total, 'channels %d/%d right; wrong: %r' % (right, total, wrong[:5]))


@suite.test
def salary_credits_found_with_employer(srv):
    st = setup(srv)
    nsal = 0
    for name in CLEAN:
        got = st['accounts'][name]['salary_transactions']
        keys = {(g['date'][:10], paise(g['amount'])): g for g in got}
        for w in truth_rows(st, name):
            if not w['labels']['is_salary']:
                continue
            nsal += 1
            g = keys.get((w['date'], paise(w['amount'])))
            check(g is not None, '%s: salary %s %s not found' % (name, w['date'], w['amount']))
            eq(g['employer_name'].upper(), w['labels']['employer'].upper(), 'employer')
            d = dt.date.fromisoformat(w['date'])
            check(re.fullmatch(r'[A-Z][a-z]{2}-\d{4}', g['salary_month']), 'salary_month %r' % g['salary_month'])
    check(nsal > 0, 'the fixtures have salary credits')


@suite.test
def emi_lenders_and_bounces_found(srv):
    st = setup(srv)
    nemi = nb = 0
    for name in CLEAN:
        data = st['accounts'][name]
        lender = {(g['date'][:10], paise(g['amount']), g['transaction_note']) for g in data['lender_transactions']}
        bounced = {(g['date'][:10], paise(g['amount']), g['transaction_note'])
                   for g in data['bounced_or_penal_transactions']}
        for w in truth_rows(st, name):
            k = (w['date'], paise(w['amount']), w['transaction_note'])
            if w['labels']['is_emi']:
                nemi += 1
                check(k in lender, '%s: EMI of %s missing: %s' % (name, w['labels']['lender'], k))
            if w['labels']['is_bounce']:
                nb += 1
                check(k in bounced, '%s: bounce missing: %s' % (name, k))
    check(nemi > 0 and nb > 0, 'the fixtures have EMIs (%d) and bounces (%d)' % (nemi, nb))


@suite.test
def tampering_flagged_clean_not(srv):
    st = setup(srv)
    for name in CLEAN:
        eq(st['accounts'][name]['fraud'], [], '%s is clean' % name)
        eq(st['uploads'][name].get('is_fraud'), False, '%s upload is_fraud' % name)
    eq(st['uploads']['producer'].get('is_fraud'), True, 'editor producer flagged at upload')
    eq(st['uploads']['producer'].get('fraud_type'), 'author_fraud')
    for name, want in (('producer', 'author_fraud'), ('balance', 'inconsistent_transaction')):
        types = {f['fraud_type'] for f in st['accounts'][name]['fraud']}
        check(want in types, '%s: %s not in %r' % (name, want, types))
        for f in st['accounts'][name]['fraud']:
            check(set(f) >= {'statement_id', 'fraud_type', 'transaction_hash', 'fraud_category'}, repr(f))
    r = uf.session_get(srv, st['org'], st['sid'], 'session_status')
    eq(r.status, 200, r.text[:200])
    codes = {a['account_id']: a['error_code'] for a in r.json['accounts']}
    eq(codes[st['uploads']['balance']['account_id']], 'BALANCE_MISMATCH', 'unreconciled statement')
    # get_pdfs/ speaks FinBox's words for a statement the metadata check flagged.
    pdfs = uf.session_get(srv, st['org'], st['sid'], 'get_pdfs').json['statements']
    messages = {p['statement_id']: p['message'] for p in pdfs}
    eq(messages[st['uploads']['producer']['statement_id']], 'Author Fraud', 'get_pdfs message')
    for name in CLEAN:
        eq(messages[st['uploads'][name]['statement_id']], 'Success', '%s get_pdfs message' % name)


def month_key(d):
    return d.strftime('%b-%Y')


@suite.test
def monthly_figures_recomputed_from_truth(srv):
    st = setup(srv)
    for name in CLEAN:
        ma = st['accounts'][name]['monthly_analysis']
        truth = st['fx'][name][1]
        rows = truth['transactions']
        months = sorted({r['date'][:7] for r in rows})
        bal = paise(truth['opening_bal'])
        for m in months:
            mk = month_key(dt.date.fromisoformat(m + '-01'))
            mine = [r for r in rows if r['date'][:7] == m]
            cr = [paise(r['amount']) for r in mine if r['transaction_type'] == 'credit']
            db = [paise(r['amount']) for r in mine if r['transaction_type'] == 'debit']
            eq(paise(ma['amt_credit'][mk]), sum(cr), '%s %s amt_credit' % (name, mk))
            eq(paise(ma['amt_debit'][mk]), sum(db), '%s %s amt_debit' % (name, mk))
            eq(int(ma['cnt_credit'][mk]), len(cr), '%s %s cnt_credit' % (name, mk))
            eq(int(ma['cnt_debit'][mk]), len(db), '%s %s cnt_debit' % (name, mk))
            eq(paise(ma['opening_balance'][mk]), bal, '%s %s opening_balance' % (name, mk))
            bal = paise(mine[-1]['balance'])
            eq(paise(ma['closing_balance'][mk]), bal, '%s %s closing_balance' % (name, mk))


@suite.test
def aggregate_monthly_sums_the_accounts(srv):
    """Five people's statements: the aggregate sums one holder's accounts (the one with the most,
    the first uploaded on a tie) and says so in aggregate_scope (docs/insights.md)."""
    st = setup(srv)
    agg = st['doc']['aggregate_monthly_analysis']
    scope = st['doc']['aggregate_scope']
    first = next(iter(st['uploads']))
    eq(scope['account_ids'], [st['uploads'][first]['account_id']], 'one holder: the first uploaded')
    eq(len(scope['excluded_account_ids']), len(st['uploads']) - 1)
    eq(st['doc']['holders']['count'], len(st['uploads']))
    summed = [d for n, d in st['accounts'].items() if st['uploads'][n]['account_id'] in scope['account_ids']]
    for metric in ('amt_credit', 'amt_debit', 'cnt_credit', 'cnt_debit'):
        for mk in ('Jan-2024', 'Feb-2024', 'Mar-2024'):
            want = sum(paise(d['monthly_analysis'][metric].get(mk) or 0) for d in summed)
            eq(paise(agg[metric][mk]), want, 'aggregate %s %s' % (metric, mk))
    r = uf.session_get(srv, st['org'], st['sid'], 'monthly_analysis_updated')
    eq(r.status, 200, r.text[:200])
    eq(r.json['aggregate_monthly_analysis'], agg, 'monthly_analysis_updated/ aggregate')


def eod_truth(truth):
    """Per day of each month: the balance after the day's last row, forward-filled from the
    opening balance of the statement's first day."""
    rows = truth['transactions']
    first = dt.date.fromisoformat(truth['date_range']['from_date'])
    last = dt.date.fromisoformat(truth['date_range']['to_date'])
    end_of = {r['date']: paise(r['balance']) for r in rows}
    out = {}
    bal = paise(truth['opening_bal'])
    d = first
    while d <= last:
        bal = end_of.get(d.isoformat(), bal)
        out.setdefault(d.strftime('%b-%y'), {})[d.day] = bal
        d += dt.timedelta(days=1)
    return out


@suite.test
def eod_balances_forward_filled(srv):
    st = setup(srv)
    r = uf.session_get(srv, st['org'], st['sid'], 'eod_balances')
    eq(r.status, 200, r.text[:200])
    for name in CLEAN:
        eod = st['accounts'][name]['eod_balances']
        want = eod_truth(st['fx'][name][1])
        for mon, days in want.items():
            check(mon in eod['Months_order'], '%s: %s in Months_order' % (name, mon))
            got = eod[mon]
            for day, bal in days.items():
                eq(paise(got[day - 1]), bal, '%s EOD %s day %d' % (name, mon, day))
            ma = st['accounts'][name]['monthly_analysis']
            mk = dt.datetime.strptime(mon, '%b-%y').strftime('%b-%Y')
            eq(paise(ma['max_eod_balance'][mk]), max(days.values()), '%s %s max EOD' % (name, mk))
            eq(paise(ma['min_eod_balance'][mk]), min(days.values()), '%s %s min EOD' % (name, mk))
        sect = [a for a in r.json['accounts'] if a['account_id'] == st['uploads'][name]['account_id']]
        eq(sect[0]['eod_balances'], eod, 'eod_balances/ equals the insights section')


@suite.test
def expenses_score_and_document_keys(srv):
    st = setup(srv)
    doc = st['doc']
    check(re.fullmatch(r'\d{4}-\d\d-\d\d', doc['session_date_range']['from_date']), 'YYYY-MM-DD range')
    for name in CLEAN:
        data = st['accounts'][name]
        for k in ('account_details', 'fraud', 'transactions', 'salary_transactions', 'recurring_transactions',
                  'lender_transactions', 'top_credits_debits', 'expense_categories', 'monthly_analysis',
                  'predictors', 'eod_balances', 'score', 'xlsx_report_url'):
            check(k in data, '%s: key %s' % (name, k))
        pct = [e['percentage'] for e in data['expense_categories']]
        check(all(isinstance(p, int) for p in pct), 'whole percentages')
        eq(sum(pct), 100, '%s expense percentages' % name)
        check(300 <= data['score'] <= 900, 'score %r' % data['score'])
        check(isinstance(data['score_factors'], list) and data['score_factors'], 'score explained')
    r = uf.session_get(srv, st['org'], st['sid'], 'predictors')
    eq(r.status, 200, r.text[:200])
    for a in r.json['predictors']:
        p = a['predictors']
        for k in ('month_0', 'credits', 'debits', 'total_emi_ecs_loan', 'negative_balance'):
            check(k in p, 'predictor %s' % k)


def get_url(srv, url):
    u = urllib.parse.urlsplit(url)
    return srv.request('GET', u.path + ('?' + u.query if u.query else ''), timeout=120)


def sheet_texts(xlsx):
    z = zipfile.ZipFile(io.BytesIO(xlsx))
    names = z.namelist()
    check('xl/workbook.xml' in names, 'a workbook: %r' % names[:5])
    shared = z.read('xl/sharedStrings.xml').decode() if 'xl/sharedStrings.xml' in names else ''
    sheets = ''.join(z.read(n).decode() for n in names if n.startswith('xl/worksheets/sheet'))
    return z.read('xl/workbook.xml').decode(), shared, sheets


@suite.test
def xlsx_report_links(srv):
    st = setup(srv)
    r = uf.session_get(srv, st['org'], st['sid'], 'xlsx_report')
    eq(r.status, 200, r.text[:300])
    eq(r.json['session_id'], st['sid'])
    reports = r.json['reports']
    ids = [x['account_id'] for x in reports]
    eq(sorted(ids), sorted(u['account_id'] for u in st['uploads'].values()), 'one per account')
    hd = st['uploads']['hdfc']['account_id']
    link = [x['link'] for x in reports if x['account_id'] == hd][0]
    got = get_url(srv, link)
    eq(got.status, 200, got.text[:200])
    wb, shared, sheets = sheet_texts(got.body)
    # a figure of the sheet: the first truth amount appears as a number cell
    amt = st['fx']['hdfc'][1]['transactions'][0]['amount']
    check(re.search(r'<v>%s</v>' % re.escape(repr(float(amt)).rstrip('0').rstrip('.')), sheets),
          'amount %r in the sheets' % amt)
    other_holder = st['fx']['sbi'][1]['identity']['name']
    check(other_holder not in shared, "one account's workbook holds no other account")
    agg = r.json['aggregate_report']
    check('account=' not in agg, 'the aggregate link names no account: %s' % agg)
    check(st['doc']['aggregate_xlsx_report_url'].split('&expires=')[0] == agg.split('&expires=')[0],
          'insights/ aggregate_xlsx_report_url is the same workbook')
    got = get_url(srv, agg)
    eq(got.status, 200, got.text[:200])
    wb, shared, _ = sheet_texts(got.body)
    check(wb.count('<sheet ') == len(st['uploads']) + 4, 'aggregate workbook: Summary, a sheet per account, '
          'Aggregate, All metrics, Explanations')
    check(other_holder in shared and st['fx']['hdfc'][1]['identity']['name'] in shared, 'both holders')
    data = st['accounts']['hdfc']
    check(urllib.parse.urlsplit(data['xlsx_report_url']).query.count('account=' + hd), 'insights account link')
    # tampered links
    q = urllib.parse.urlsplit(link)
    params = dict(urllib.parse.parse_qsl(q.query))
    for k, v in (('signature', '0' * 64), ('expires', str(int(params['expires']) + 3600)),
                 ('account', st['uploads']['sbi']['account_id'])):
        bad = dict(params, **{k: v})
        r = srv.request('GET', q.path + '?' + urllib.parse.urlencode(bad))
        expect_error(r, 403, 'ACCESS_DENIED', 'tampered %s' % k)
    other = q.path.replace(st['sid'], st['uploads']['sbi']['statement_id'])
    expect_error(srv.request('GET', other + '?' + q.query), 403, 'ACCESS_DENIED', 'other session id')


@suite.test(server=False)
def xlsx_link_expires_and_errors():
    """Links stop working past their lifetime (PASSBOOK_TEST_CLOCK_OFFSET moves the server's
    clock); another org sees SESSION_NOT_FOUND; after delete everything is 410 and links die."""
    fx = fixtures()
    with Server() as srv:
        org = srv.create_org('A')
        other = srv.create_org('B')
        sid = uf.new_session(srv, org)
        eq(uf.upload(srv, org, sid, fx['sbi'][0]).status, 200)
        for what in ('insights', 'xlsx_report', 'predictors', 'eod_balances', 'monthly_analysis_updated',
                     'recurring_transactions'):
            expect_error(uf.session_get(srv, org, sid, what), 400, 'PROCESSING_NOT_REQUESTED', what)
        eq(srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid,
                    headers=org.headers()).status, 202)
        uf.wait_processed(srv, org, sid, timeout=120)
        for what in ('insights', 'xlsx_report'):
            expect_error(uf.session_get(srv, other, sid, what), 404, 'SESSION_NOT_FOUND', what)
        link = uf.session_get(srv, org, sid, 'xlsx_report').json['reports'][0]['link']
        eq(get_url(srv, link).status, 200, 'fresh link works')
        srv.stop()
        srv.env['PASSBOOK_TEST_CLOCK_OFFSET'] = '7200'
        srv.start()
        expect_error(get_url(srv, link), 403, 'ACCESS_DENIED', 'expired link')
        fresh = uf.session_get(srv, org, sid, 'xlsx_report').json['reports'][0]['link']
        eq(get_url(srv, fresh).status, 200, 'a new link works')
        eq(srv.request('DELETE', '/bank-connect/v1/session_data/%s/delete/' % sid,
                       headers=org.headers()).status, 200)
        for what in ('insights', 'xlsx_report', 'eod_balances'):
            expect_error(uf.session_get(srv, org, sid, what), 410, 'SESSION_DELETED', what)
        r = get_url(srv, fresh)
        check(r.status in (403, 404), 'deleted session link: %d' % r.status)


if __name__ == '__main__':
    suite.main()
