"""One PDF holding several accounts (issue 10: a combined statement, savings with a loan or a
fixed deposit): one upload gives one statement per account, each in its own account, through
the same per-account paths as separate uploads: the upload answer's accounts[],
session_upload_status/, session_status/, transactions/, insights/ and xlsx_report/. An account
the reader cannot read (a deposit's summary grid: no rows) is recorded failed, never dropped."""

import os

from harness import Server, check, eq, expect_error, suite, UUID4
import upload_fixtures as uf

CACHE = os.path.join(uf.REPO, 'build', 'test-fixtures', 'accounts-v1')
SPECS = {
    # a PNB savings statement with a home loan's section (interest and EMI rows) after its table
    'loan': dict(bank='pnb', family='pnb', months=2, seed=31, start='2024-01-01', density=15,
                 second_account='loan', variant=1),
    # an IDFC FIRST statement with the customer's fixed deposits in a grid after its table
    'fd': dict(bank='idfc', family='idfc', months=1, seed=32, start='2024-02-01', density=15,
               second_account='fd'),
}
STATE = {}


def fixture(name):
    pdf = os.path.join(CACHE, name + '.pdf')
    if not os.path.exists(pdf) or not os.path.exists(os.path.join(CACHE, name + '.truth.json')):
        uf.fixtures.write_statement(CACHE, name, **SPECS[name])
    import json
    with open(pdf, 'rb') as f, open(os.path.join(CACHE, name + '.truth.json')) as g:
        return f.read(), json.load(g)


def masked(number):
    return 'X' * (len(number) - 4) + number[-4:]


def setup(srv):
    """A session holding the loan statement's upload, processed (built on first use)."""
    if STATE:
        return STATE
    org = srv.create_org('Several Accounts Lender')
    sid = uf.new_session(srv, org)
    pdf, truth = fixture('loan')
    r = uf.upload(srv, org, sid, pdf, name='combined.pdf', query='?identity=true')
    eq(r.status, 200, 'upload: %s' % r.text[:400])
    STATE.update(org=org, sid=sid, pdf=pdf, truth=truth, upload=r.json)
    return STATE


@suite.test
def upload_answers_every_account(srv):
    st = setup(srv)
    body, truth = st['upload'], st['truth']
    other = truth['other_accounts'][0]
    # the answer is the first account's, as for a one-account PDF
    eq(body['identity']['account_number'], truth['identity']['account_number'], 'first account first')
    eq(body['closing_bal'], truth['closing_bal'], "the first account's closing balance, not the loan's")
    accounts = body['accounts']
    eq(len(accounts), 2, 'one entry per account of the file: %s' % accounts)
    first, loan = accounts
    eq(first['statement_id'], body['statement_id'])
    eq(first['account_id'], body['account_id'])
    eq(first['status'], 'completed')
    eq(loan['status'], 'completed', 'the loan account is read: %s' % loan)
    eq(loan['error'], None)
    eq(loan['account_type'], 'LOAN')
    eq(loan['masked_account_number'], masked(other['account_number']))
    eq(loan['bank_name'], 'pnbbnk')
    check(UUID4.match(loan['statement_id'] or '') and UUID4.match(loan['account_id'] or ''), 'ids are UUID4s')
    check(loan['account_id'] != first['account_id'], 'the loan is an account of its own')
    check(loan['statement_id'] != first['statement_id'], 'and a statement of its own')


@suite.test
def upload_status_lists_both_accounts(srv):
    st = setup(srv)
    r = uf.session_get(srv, st['org'], st['sid'], 'session_upload_status')
    eq(r.status, 200, r.text[:300])
    by_id = {a['account_id']: a for a in r.json['accounts']}
    for entry in st['upload']['accounts']:
        acc = by_id.get(entry['account_id'])
        check(acc is not None, 'account %s in session_upload_status/' % entry['account_id'])
        eq([s['statement_id'] for s in acc['statements']], [entry['statement_id']])
        eq(acc['statements'][0]['upload_file_name'], 'combined.pdf', 'both come from the one file')
    eq(len(by_id), 2, 'two accounts, nothing else')


@suite.test
def same_file_again_is_a_duplicate(srv):
    st = setup(srv)
    r = uf.upload(srv, st['org'], st['sid'], st['pdf'], name='again.pdf')
    expect_error(r, 400, 'STATEMENT_DUPLICATE', 'the same combined statement again')
    r = uf.session_get(srv, st['org'], st['sid'], 'session_upload_status')
    eq(sum(len(a['statements']) for a in r.json['accounts']), 2, 'no statement added by the refused upload')


@suite.test
def each_account_processed_with_its_own_rows(srv):
    st = setup(srv)
    org, sid, truth = st['org'], st['sid'], st['truth']
    r = srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, headers=org.headers())
    eq(r.status, 202, r.text)
    uf.wait_processed(srv, org, sid, timeout=180)
    first, loan = st['upload']['accounts']
    # transactions/ per account: each account's rows, none of the other's
    for entry, want in ((first, truth['transactions']), (loan, None)):
        r = srv.get('/bank-connect/v1/session_data/%s/transactions/?account_id=%s' % (sid, entry['account_id']),
                    headers=org.headers())
        eq(r.status, 200, r.text[:300])
        got = r.json['transactions']
        if want is not None:
            eq(len(got), len(want), 'savings rows')
            eq([round(float(t['amount']), 2) for t in got], [round(float(t['amount']), 2) for t in want])
        else:
            eq(len(got), truth['other_accounts'][0]['rows'], 'loan rows')
            check(all('INTEREST' in t['transaction_note'] or 'EMI' in t['transaction_note'] for t in got),
                  'only the loan account rows: %s' % [t['transaction_note'] for t in got])
    # session_status/: both accounts completed
    r = uf.session_get(srv, org, sid, 'session_status')
    eq(r.status, 200, r.text[:300])
    status = {a['account_id']: a for a in r.json['accounts']}
    eq(sorted(status), sorted([first['account_id'], loan['account_id']]))
    # insights/: an account each, the loan's balances its own (outstanding, negative)
    r = uf.session_get(srv, org, sid, 'insights')
    eq(r.status, 200, r.text[:300])
    ins = {a['account_id']: a['data'] for a in r.json['accounts']}
    eq(sorted(ins), sorted(status), 'insights/ has both accounts')
    eq(len(ins[loan['account_id']]['transactions']), truth['other_accounts'][0]['rows'])
    eq(len(ins[first['account_id']]['transactions']), len(truth['transactions']))
    # xlsx_report/: a workbook per account
    r = uf.session_get(srv, org, sid, 'xlsx_report')
    eq(r.status, 200, r.text[:300])
    eq(sorted(x['account_id'] for x in r.json['reports']), sorted(status), 'a report per account')


@suite.test
def account_without_rows_is_recorded_failed(srv):
    org = srv.create_org('Deposit Lender')
    pdf, truth = fixture('fd')
    sid = uf.new_session(srv, org)
    r = uf.upload(srv, org, sid, pdf, name='with-deposits.pdf')
    eq(r.status, 200, 'the savings account is read: %s' % r.text[:400])
    accounts = r.json['accounts']
    eq(len(accounts), 2, str(accounts))
    fd = accounts[1]
    eq(accounts[0]['status'], 'completed')
    eq(fd['status'], 'failed', 'a deposit grid gives no rows: %s' % fd)
    eq(fd['error']['code'], 'STATEMENT_NO_TRANSACTIONS')
    eq(fd['account_type'], 'FIXED DEPOSIT')
    eq(fd['masked_account_number'], masked(truth['other_accounts'][0]['account_number']))
    r = uf.session_get(srv, org, sid, 'session_upload_status')
    eq(r.status, 200, r.text[:300])
    stmts = {s['statement_id']: s for a in r.json['accounts'] for s in a['statements']}
    check(fd['statement_id'] in stmts, 'the failed account is shown, not dropped')
    eq(stmts[fd['statement_id']]['statement_status'], 'failed')
    eq(stmts[fd['statement_id']]['error_code'], 'STATEMENT_NO_TRANSACTIONS')


@suite.test(server=False)
def a_crash_between_accounts_leaves_nothing_half_there():
    """kill -9 after the first account of a combined PDF is written and before the second is
    (store.statement_writing, the second time): the upload was never acknowledged, so nothing of
    it may be kept, or the resend would be refused STATEMENT_DUPLICATE on the first account and
    the loan account could never come in. The accounts of one file commit together: after the
    restart the session is empty and the resend gives both accounts."""
    srv = Server(env={'PASSBOOK_FAULT_KILL_AT': 'store.statement_writing@2'})
    try:
        srv.start()
        org = srv.create_org('Crash Between Accounts Lender')
        sid = uf.new_session(srv, org)
        pdf, truth = fixture('loan')
        try:
            uf.upload(srv, org, sid, pdf, name='combined.pdf')
            check(False, 'the server should have died between the accounts')
        except OSError:
            pass
        srv.proc.wait(120)
        srv.kill9()
        del srv.env['PASSBOOK_FAULT_KILL_AT']
        srv.start()
        r = uf.session_get(srv, org, sid, 'session_upload_status')
        eq(r.status, 200, r.text[:300])
        eq(r.json['accounts'], [], 'nothing of the unacknowledged upload is kept')
        r = uf.upload(srv, org, sid, pdf, name='combined.pdf')
        eq(r.status, 200, 'the resend is accepted: %s' % r.text[:400])
        eq([a['status'] for a in r.json['accounts']], ['completed', 'completed'], str(r.json['accounts']))
        eq(r.json['accounts'][1]['masked_account_number'], masked(truth['other_accounts'][0]['account_number']))
        r = uf.session_get(srv, org, sid, 'session_upload_status')
        eq(sum(len(a['statements']) for a in r.json['accounts']), 2, 'both accounts, each once')
        srv.stop_checked()
    finally:
        srv.cleanup()


if __name__ == '__main__':
    suite.main()
