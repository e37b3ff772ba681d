"""FinBox's legacy entity flow, driven exactly as FinBox's official Python
client (finbox_bankconnect) drives it, written from its behaviour:

- every call carries x-api-key alone (no server-hash);
- Entity.create(link_id) POSTs the form {link_id} to entity/ and wants 201 {entity_id};
- entity.link_id GETs entity/<id>/ and reads link_id (404: EntityNotFoundError);
- upload_statement(path, pdf_password, bank_name) POSTs multipart file= (+ bank_name, entity_id,
  pdf_password) to statement/upload/?identity=true, or statement/bankless_upload/?identity=true
  without a bank; a 200 must carry is_fraud, entity_id and identity; on a 400 the body's
  `bank_name` key means an invalid bank name, otherwise `message` is matched against
  "Password incorrect", "PDF is not parsable", "Unable to detect bank. Please provide BANK NAME.";
- get_transactions / get_identity / get_accounts / get_fraud_info / get_salary / get_*_recurring /
  get_lender_transactions GET entity/<id>/<what>/ every poll_interval (2 s) until no progress
  entry is "processing" ("failed" raises), then read accounts, fraud.fraud_type and the payload;
  identity is identity[0]; account_id filters need a UUID4; date filters parse
  "%Y-%m-%d %H:%M:%S".
The statements come from the corpus generator (tools/statements). Every response is also checked
against data/openapi.json (harness.Server.check_document)."""

import datetime
import json
import os
import subprocess
import tempfile
import time
import uuid

from harness import REPO, Server, UUID4, check, eq, suite
from receiver import Receiver
import upload_fixtures as fx

try:
    import requests
except ImportError:  # Debian's python3-requests (install-deps.sh)
    import sys
    sys.path.append('/usr/lib/python3/dist-packages')
    import requests

BASE = '/bank-connect/v1'
CACHE = os.path.join(REPO, 'build', 'test-fixtures', 'entity-v1')
POLL_INTERVAL = 2          # the client's poll_interval
POLL_TIMEOUT = 120         # the client waits 10 s; a loaded CI machine gets more

MESSAGES = {"Password incorrect": 'PasswordIncorrectError', "PDF is not parsable": 'UnparsablePDFError',
            "Unable to detect bank. Please provide BANK NAME.": 'CannotIdentityBankError'}


class ClientError(Exception):
    """What the official client would raise (its exception class name in .kind)."""

    def __init__(self, kind, response=None):
        Exception.__init__(self, kind)
        self.kind = kind
        self.response = response


def is_valid_uuid4(value):
    try:
        uuid.UUID(value, version=4)
    except (ValueError, AttributeError, TypeError):
        return False
    return value.count('-') == 4


class OfficialClientFlow:
    """The HTTP behaviour of finbox_bankconnect's connector and Entity, over requests."""

    def __init__(self, srv, api_key):
        self.srv = srv
        self.base = srv.base + '/bank-connect/v1'
        self.headers = {'x-api-key': api_key}

    def _call(self, method, url, **kw):
        r = requests.request(method, url, headers=self.headers, timeout=120, **kw)
        # every response the test sees must be what data/openapi.json says
        from harness import Response
        self.srv.check_document(method, url[len(self.srv.base):], Response(
            r.status_code, {k.lower(): v for k, v in r.headers.items()}, r.content))
        return r

    def create_entity(self, link_id):
        r = self._call('POST', self.base + '/entity/', data={'link_id': link_id})
        if r.status_code != 201 or 'entity_id' not in r.json():
            raise ClientError('ServiceTimeOutError', r)
        return r.json()['entity_id']

    def get_link_id(self, entity_id):
        r = self._call('GET', '%s/entity/%s/' % (self.base, entity_id))
        if r.status_code == 404:
            raise ClientError('EntityNotFoundError', r)
        if r.status_code != 200 or 'link_id' not in r.json():
            raise ClientError('ServiceTimeOutError', r)
        return r.json()['link_id']

    def upload(self, entity_id, path, pdf_password=None, bank_name=None, bank_field='bank_name'):
        data = {}
        api = 'upload'
        if bank_name is None:
            api = 'bankless_upload'
        else:
            data[bank_field] = bank_name
        if entity_id is not None:
            data['entity_id'] = entity_id
        if pdf_password is not None:
            data['pdf_password'] = pdf_password
        with open(path, 'rb') as f:
            r = self._call('POST', '%s/statement/%s/?identity=true' % (self.base, api), data=data,
                           files={'file': f})
        if r.status_code == 200:
            body = r.json()
            return not body['is_fraud'], body['entity_id'], body['identity']
        if r.status_code == 400:
            body = r.json()
            if body.get('bank_name') is not None:
                raise ClientError('InvalidBankNameError', r)
            if body.get('message') is not None:
                raise ClientError(MESSAGES.get(body['message'], 'FileProcessFailedError'), r)
        raise ClientError('ServiceTimeOutError', r)

    def fetch(self, entity_id, what):
        """One GET as connector.get_*: (status, body)."""
        r = self._call('GET', '%s/entity/%s/%s/' % (self.base, entity_id, what))
        if r.status_code == 404:
            return 'not_found', None
        if r.status_code != 200:
            return 'service_failed', None
        body = r.json()
        status = 'completed'
        for statement in body['progress']:
            if statement['status'] in ('failed', 'processing'):
                status = statement['status']
                break
        if status == 'completed':
            body['fraud']['fraud_type']  # the client reads it: KeyError would be "format_changed"
            body['accounts']
        return status, body

    def poll(self, entity_id, what):
        """Entity.get_*: poll until completed; failed / not found / timeout raise."""
        deadline = time.time() + POLL_TIMEOUT
        while time.time() < deadline:
            status, body = self.fetch(entity_id, what)
            if status == 'failed':
                raise ClientError('ExtractionFailedError')
            if status == 'not_found':
                raise ClientError('EntityNotFoundError')
            if status == 'completed':
                return body
            time.sleep(POLL_INTERVAL)
        raise ClientError('ServiceTimeOutError')


def date_filter(rows, from_date=None, to_date=None):
    """The client's date-range filter."""
    out = []
    for row in rows:
        d = datetime.datetime.strptime(row['date'], '%Y-%m-%d %H:%M:%S').date()
        if (from_date is None or from_date <= d) and (to_date is None or d <= to_date):
            out.append(row)
    return out


# ---- statements ----

def letter_pdf(text):
    """A readable one-page PDF that is not a statement (a letter)."""
    stream = 'BT /F1 12 Tf 72 720 Td (%s) Tj ET' % text
    objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R '
            '/Resources << /Font << /F1 5 0 R >> >> >>',
            '<< /Length %d >>\nstream\n%s\nendstream' % (len(stream), stream),
            '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
    out = b'%PDF-1.4\n'
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += ('%d 0 obj\n%s\nendobj\n' % (i, o)).encode()
    xref = len(out)
    out += ('xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)).encode()
    for off in offsets:
        out += ('%010d 00000 n \n' % off).encode()
    out += ('trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)).encode()
    return out


def statements():
    """{name: (path, truth)}, generated once per checkout."""
    os.makedirs(CACHE, exist_ok=True)
    specs = {
        'hdfc': dict(bank='hdfc', months=3, seed=1, start='2024-01-01', density=20),
        'axis_pw': dict(bank='axis', months=1, seed=5, start='2024-02-01', density=15, password='finbox',
                        enc='rc4'),
        'tampered': dict(bank='hdfc', months=1, seed=7, start='2024-03-01', density=15, tamper='producer'),
        'sbi': dict(bank='sbi', months=1, seed=8, start='2024-01-01', density=15),
    }
    out = {}
    for name, spec in specs.items():
        path = os.path.join(CACHE, name + '.pdf')
        if not os.path.exists(path):
            fx.fixtures.write_statement(CACHE, name, **spec)
        with open(os.path.join(CACHE, name + '.truth.json')) as f:
            out[name] = (path, json.load(f))
    letter = os.path.join(CACHE, 'letter.pdf')
    if not os.path.exists(letter):
        with open(letter, 'wb') as f:
            f.write(letter_pdf('Dear customer, thank you for banking with us.'))
    out['letter'] = (letter, None)
    locked = os.path.join(CACHE, 'letter_pw.pdf')
    if not os.path.exists(locked):
        subprocess.run(['qpdf', '--encrypt', 'finbox', 'owner-secret', '256', '--', letter, locked], check=True)
    out['letter_pw'] = (locked, None)
    return out


ST = statements()


def client(srv, org=None):
    return OfficialClientFlow(srv, (org or srv.org).api_key)


def shared_org(srv):
    if not hasattr(srv, 'org'):
        srv.org = srv.create_org('Entity Lender')
    return srv.org


# ---- the official client's flow ----

@suite.test
def client_flow_with_a_link_id(srv):
    org = shared_org(srv)
    c = client(srv, org)
    path, truth = ST['hdfc']
    entity_id = c.create_entity('python_link_id_test_2')
    check(is_valid_uuid4(entity_id), entity_id)
    eq(c.get_link_id(entity_id), 'python_link_id_test_2')
    is_authentic, eid, identity = c.upload(entity_id, path, bank_name='hdfc')
    eq(eid, entity_id)
    check(is_authentic, 'a clean statement is authentic')
    eq(identity['account_number'], truth['identity']['account_number'])

    body = c.poll(entity_id, 'transactions')       # Entity.get_transactions()
    txns = body['transactions']
    eq(len(txns), len(truth['transactions']), 'every transaction')
    for t in txns:
        for k in ('balance', 'transaction_type', 'date', 'amount', 'transaction_note', 'hash', 'account_id'):
            check(k in t, 'transaction lacks %s' % k)
        datetime.datetime.strptime(t['date'], '%Y-%m-%d %H:%M:%S')
    eq([round(t['amount'], 2) for t in txns], [round(t['amount'], 2) for t in truth['transactions']])
    account_id = body['accounts'][0]['account_id']
    check(is_valid_uuid4(account_id), 'the client accepts only UUID4 account ids: %r' % account_id)
    eq(len([t for t in txns if t['account_id'] == account_id]), len(txns))
    # the client's own date filter, and the server's
    frm, to = datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)
    feb = date_filter(txns, frm, to)
    check(feb, 'February has transactions')
    r = srv.get('%s/entity/%s/transactions/?from_date=2024-02-01&to_date=29/02/2024&account_id=%s'
                % (BASE, entity_id, account_id), headers={'x-api-key': org.api_key})
    eq(r.status, 200)
    eq([t['hash'] for t in r.json['transactions']], [t['hash'] for t in feb])
    r = srv.get('%s/entity/%s/transactions/?account_id=%s' % (BASE, entity_id, uuid.uuid4()),
                headers={'x-api-key': org.api_key})
    eq(r.json['transactions'], [])

    ident = c.poll(entity_id, 'identity')['identity'][0]   # Entity.get_identity()
    for k in ('name', 'account_id', 'account_number', 'address'):
        check(k in ident, 'identity lacks %s' % k)
    eq(ident['name'], truth['identity']['name'])
    eq(ident['address'], truth['identity']['address'])
    eq(ident['account_id'], account_id)

    accounts = c.poll(entity_id, 'accounts')                # Entity.get_accounts()
    first = accounts['accounts'][0]
    for k in ('months', 'account_id', 'account_number'):
        check(k in first, 'account lacks %s' % k)
    eq(first['months'], ['2024-01', '2024-02', '2024-03'])
    eq(accounts['fraud']['fraud_type'], [], 'a clean statement has no findings')

    salary = c.poll(entity_id, 'salary')['transactions']     # Entity.get_salary()
    want = [t for t in truth['transactions'] if t['labels']['is_salary']]
    eq(len(salary), len(want), 'salary credits')
    for s in salary:
        check(s['month_year'] and s['clean_transaction_note'] is not None, s)
        datetime.datetime.strptime(s['date'], '%Y-%m-%d %H:%M:%S')

    rec = c.poll(entity_id, 'recurring_transactions')['transactions']
    credit, debit = rec.get('credit_transactions', []), rec.get('debit_transactions', [])
    check(credit or debit, 'recurring transactions found')
    for group in credit + debit:
        eq(group['account_id'], account_id)
        check(group['transactions'], group)

    lender = c.poll(entity_id, 'lender_transactions')['transactions']
    emis = [t for t in truth['transactions'] if t['labels']['is_emi']]
    check(len(lender) >= len(emis) > 0, 'lender transactions: %d, EMIs in truth: %d' % (len(lender), len(emis)))


@suite.test
def bankless_upload_without_entity_or_link_creates_one(srv):
    org = shared_org(srv)
    c = client(srv, org)
    path, truth = ST['sbi']
    is_authentic, entity_id, identity = c.upload(None, path)      # Entity.create(); upload_statement(path)
    check(is_valid_uuid4(entity_id), entity_id)
    check(is_authentic)
    eq(identity['account_number'], truth['identity']['account_number'])
    eq(c.get_link_id(entity_id), None)
    eq(len(c.poll(entity_id, 'transactions')['transactions']), len(truth['transactions']))
    # the upload's bank may also be sent as `bank` (the client's older releases)
    path, truth = ST['hdfc']
    _, eid, _ = c.upload(entity_id, path, bank_name='HDFC', bank_field='bank')
    eq(eid, entity_id)
    accounts = c.poll(entity_id, 'accounts')['accounts']
    eq(sorted(a['bank'] for a in accounts), ['hdfc', 'sbi'])


@suite.test
def fraud_type_lists_the_tampering(srv):
    org = shared_org(srv)
    c = client(srv, org)
    entity_id = c.create_entity('fraud-link')
    is_authentic, _, _ = c.upload(entity_id, ST['tampered'][0], bank_name='hdfc')
    check(not is_authentic, 'a statement made by a PDF editor is not authentic (is_fraud)')
    fraud = c.poll(entity_id, 'accounts')['fraud']            # Entity.get_fraud_info()
    check(fraud['fraud_type'], 'fraud_type lists the finding')
    first = fraud['fraud_type'][0]
    check('fraud_type' in first and 'statement_id' in first, first)
    check(any(f['fraud_type'] == 'author_fraud' for f in fraud['fraud_type']), fraud)
    check(first['statement_id'] in fraud['fraudulent_statements'], fraud)


@suite.test(server=False)
def an_analysis_ending_during_a_read_is_never_completed_without_its_findings():
    """The client stops polling at the first answer with nothing processing and reads fraud from
    it. The statement's analysis is held at its start (entity.load) and the GET between its two
    reads (entity.view) while the analysis ends: the GET answers processing, never completed
    without the findings (CI once saw fraud_type empty on a completed answer)."""
    srv = Server(env={'PASSBOOK_FAULT_PAUSE_AT': 'entity.load@1=3,entity.view@1=30'})
    srv.start()
    try:
        c = client(srv, srv.create_org('Race Lender'))
        entity_id = c.create_entity('race-link')
        is_authentic, _, _ = c.upload(entity_id, ST['tampered'][0], bank_name='hdfc')
        check(not is_authentic, 'the upload found the tampering')
        status, body = c.fetch(entity_id, 'accounts')
        eq(srv.sql("SELECT state FROM jobs WHERE kind = 'process_entity'"), [('done',)],
           'the analysis ended while the GET was held')
        check(status == 'processing' or body['fraud']['fraud_type'],
              'completed without the findings: %r' % (body and body['fraud']))
        fraud = c.poll(entity_id, 'accounts')['fraud']
        check(any(f['fraud_type'] == 'author_fraud' for f in fraud['fraud_type']), fraud)
    finally:
        srv.stop()


@suite.test
def the_messages_the_client_matches(srv):
    org = shared_org(srv)
    c = client(srv, org)

    def raised(**kw):
        try:
            c.upload(c.create_entity('messages'), **kw)
        except ClientError as e:
            return e
        raise AssertionError('no error for %r' % kw)

    e = raised(path=ST['axis_pw'][0], pdf_password='wrongpass', bank_name='axis')
    eq(e.kind, 'PasswordIncorrectError')
    eq(e.response.json()['status'], 3)
    check(is_valid_uuid4(e.response.json()['entity_id']))
    e = raised(path=ST['letter_pw'][0], pdf_password='finbox', bank_name='axis')
    eq(e.kind, 'UnparsablePDFError', 'a readable PDF that is not a statement, with a bank')
    e = raised(path=ST['letter_pw'][0], pdf_password='finbox')
    eq(e.kind, 'CannotIdentityBankError', 'the same without a bank')
    e = raised(path=ST['letter'][0], bank_name='hdfc')
    eq(e.kind, 'UnparsablePDFError')
    e = raised(path=ST['hdfc'][0], bank_name='no_such_bank')
    eq(e.kind, 'InvalidBankNameError')
    e = raised(path=ST['hdfc'][0], bank_name='axis')
    eq(e.kind, 'FileProcessFailedError', 'a bank mismatch is none of the matched messages')
    eq(e.response.json()['message'], 'Not axis statement')
    check('bank_name' not in e.response.json(), 'bank_name only for an invalid bank name')
    # the right password reads it
    is_authentic, _, identity = c.upload(c.create_entity('pw'), ST['axis_pw'][0], pdf_password='finbox',
                                         bank_name='axis')
    eq(identity['account_number'], ST['axis_pw'][1]['identity']['account_number'])


@suite.test
def unknown_entities_and_keys(srv):
    org = shared_org(srv)
    c = client(srv, org)
    missing = 'c036e96d-ccae-443c-8f64-b98ceeaa1578'
    for what in ('transactions', 'identity', 'accounts'):
        eq(c.fetch(missing, what)[0], 'not_found')
    try:
        c.get_link_id(missing)
        raise AssertionError('no EntityNotFoundError')
    except ClientError as e:
        eq(e.kind, 'EntityNotFoundError')
    r = srv.get('%s/entity/not-a-uuid/accounts/' % BASE, headers={'x-api-key': org.api_key})
    eq(r.status, 404)
    eq(r.json, {'detail': 'Not found.'})
    # another organisation's entity is anybody's unknown entity
    other = srv.create_org('Other Entity Lender')
    entity_id = c.create_entity('mine')
    r = srv.get('%s/entity/%s/' % (BASE, entity_id), headers={'x-api-key': other.api_key})
    eq((r.status, r.json), (404, {'detail': 'Not found.'}))
    # no key, a wrong key, a wrong server-hash: DRF's 401
    for headers in ({}, {'x-api-key': 'nope'}, {'x-api-key': org.api_key, 'server-hash': 'wrong'}):
        r = srv.get('%s/entity/%s/' % (BASE, entity_id), headers=headers)
        eq((r.status, r.json), (401, {'detail': 'Authentication credentials were not provided.'}))
    r = srv.get('%s/entity/%s/' % (BASE, entity_id), headers=org.headers())
    eq(r.status, 200, 'the right server-hash is accepted')
    # the server's own errors on entity paths are DRF's too
    r = srv.request('PUT', '%s/entity/%s/' % (BASE, entity_id), headers={'x-api-key': org.api_key})
    eq(r.status, 405)
    check(set(r.json) == {'detail'}, r.json)
    r = srv.get('%s/entity/%s/nothing_here/' % (BASE, entity_id), headers={'x-api-key': org.api_key})
    eq((r.status, r.json), (404, {'detail': 'Not found.'}))


@suite.test
def entity_list_and_create_fields(srv):
    org = shared_org(srv)
    hdr = {'x-api-key': org.api_key}
    link = 'list-%d' % time.time_ns()
    ids = []
    for i in range(12):
        r = srv.post('%s/entity/' % BASE, {'link_id': link, 'meta_data': 'n=%d' % i, 'is_single_account': False},
                     headers=hdr)
        eq(r.status, 201, r.text)
        ids.append(r.json['entity_id'])
        eq(r.json, {'entity_id': ids[-1], 'link_id': link, 'meta_data': 'n=%d' % i})
    r = srv.get('%s/entity/?link_id=%s' % (BASE, link), headers=hdr)
    eq(r.json['count'], 12)
    eq([e['entity_id'] for e in r.json['results']], ids[:10])
    check(r.json['next'] and r.json['previous'] is None, r.json)
    r2 = srv.get(r.json['next'][len(srv.base):], headers=hdr)
    eq([e['entity_id'] for e in r2.json['results']], ids[10:])
    eq(r2.json['next'], None)
    eq(srv.get('%s/entity/?link_id=%s&page=3' % (BASE, link), headers=hdr).status, 404)
    r = srv.post('%s/entity/' % BASE, {'link_id': 'x' * 501}, headers=hdr)
    eq(r.status, 400)
    check('link_id' in r.json, r.json)


@suite.test
def every_entity_get(srv):
    org = shared_org(srv)
    c = client(srv, org)
    path, truth = ST['hdfc']
    entity_id = c.create_entity('every-get')
    c.upload(entity_id, path, bank_name='hdfc')
    c.poll(entity_id, 'accounts')
    hdr = {'x-api-key': org.api_key}

    def get(what):
        r = srv.get('%s/entity/%s/%s/' % (BASE, entity_id, what), headers=hdr)
        eq(r.status, 200, '%s: %s' % (what, r.text[:300]))
        eq(r.json['entity_id'], entity_id)
        check(all(p['status'] == 'completed' for p in r.json['progress']), r.json['progress'])
        return r.json

    account_id = get('accounts')['accounts'][0]['account_id']
    cats = get('get_expense_categories')['categories']
    check(cats, 'expense categories')
    eq(sum(x['percentage'] for x in cats), 100)
    top = get('top_credits_debits')['top_5_credit_debit']
    check(set(top) == {'top_5_credit', 'top_5_debit'} and top['top_5_credit'], top)
    for month, notes in top['top_5_credit'].items():
        check(len(month) == 6 and month[3] == '-', month)   # "Jan-24"
        check(all(isinstance(v, (int, float)) for v in notes.values()), notes)
    for name in ('monthly_analysis_updated', 'monthly_analysis'):
        ma = get(name)['monthly_analysis']
        eq(list(ma), [account_id])
        check('Jan-2024' in ma[account_id]['monthly_analysis']['amt_credit'], ma[account_id]['monthly_analysis']['amt_credit'])
    preds = get('predictors')['predictors']
    eq([p['account_id'] for p in preds], [account_id])
    check(len(preds[0]['predictors']) > 50, 'predictors')
    score = get('score')['score']
    eq([s['account_id'] for s in score], [account_id])
    check(isinstance(score[0]['score'], int), score)
    reports = get('xlsx_report')['reports']
    eq([r['account_id'] for r in reports], [account_id])
    x = requests.get(reports[0]['link'], timeout=120)
    eq(x.status_code, 200)
    check(x.content[:2] == b'PK', 'an XLSX (zip) workbook')
    pdfs = srv.get('%s/entity/%s/get_pdfs/' % (BASE, entity_id), headers=hdr).json['statements']
    eq(len(pdfs), 1)
    with open(path, 'rb') as f:
        eq(requests.get(pdfs[0]['pdf_url'], timeout=60).content, f.read())
    # the session flow is not reachable through an entity id
    r = srv.get('%s/session_data/%s/insights/' % (BASE, entity_id), headers=org.headers())
    eq(r.status, 404)


@suite.test(server=False)
def entity_webhooks_and_payloads():
    with Receiver() as rx, Server(args=['--allow-private-urls', '--webhook-retry-base', '1']) as srv:
        org = srv.create_org('Hooked Lender')
        hdr = {'x-api-key': org.api_key}
        c = client(srv, org)
        # the entity pages send forms
        r = srv.request('POST', '%s/entity/update_webhook/' % BASE,
                        body='webhook_url=%s&webhook_mode=1' % requests.utils.quote(rx.url, safe=''),
                        headers=dict(hdr, **{'Content-Type': 'application/x-www-form-urlencoded'}))
        eq(r.status, 200, r.text)
        eq(r.json['webhook_mode'], 1)
        entity_id = c.create_entity('hook-link')
        _, _, _ = c.upload(entity_id, ST['sbi'][0], bank_name='sbi')
        hits = rx.wait(1, timeout=120)
        body = hits[0].json
        statement = c.poll(entity_id, 'accounts')['progress'][0]['statement_id']
        eq(body, {'entity_id': entity_id, 'statement_id': statement, 'link_id': 'hook-link',
                  'progress': 'completed', 'reason': ''})
        r = srv.get('%s/entity/webhook_payloads/?link_id=hook-link' % BASE, headers=hdr)
        eq(r.status, 200)
        eq(len(r.json['payloads']), 1)
        p = r.json['payloads'][0]
        eq({k: p[k] for k in body}, body)
        datetime.datetime.strptime(p['date_time'], '%Y-%m-%d %H:%M:%S')
        eq(srv.get('%s/entity/webhook_payloads/' % BASE, headers=hdr).status, 400)
        # webhook_mode 0: net banking only, so a PDF upload sends nothing
        r = srv.post('%s/entity/update_webhook/' % BASE, {'webhook_url': rx.url, 'webhook_mode': 0}, headers=hdr)
        eq(r.status, 200)
        c.upload(entity_id, ST['hdfc'][0], bank_name='hdfc')
        c.poll(entity_id, 'accounts')
        time.sleep(2)
        eq(len(rx.hits), 1)
        eq(len(srv.get('%s/entity/webhook_payloads/?link_id=hook-link' % BASE, headers=hdr).json['payloads']), 2)
        # /metrics counts what happened: uploads, pages, refusals, jobs, webhooks
        try:
            c.upload(entity_id, ST['axis_pw'][0], pdf_password='wrong', bank_name='axis')
        except ClientError as e:
            eq(e.kind, 'PasswordIncorrectError')
        m = metrics(srv)
        eq(m.get('passbook_uploads_total{source="pdf",result="ok"}'), 2)
        eq(m.get('passbook_uploads_total{source="pdf",result="PASSWORD_INCORRECT"}'), 1)
        eq(m.get('passbook_extraction_refusals_total{code="PASSWORD_INCORRECT"}'), 1)
        check(m.get('passbook_extraction_pages_total', 0) >= 2, 'pages counted')
        eq(m.get('passbook_extraction_seconds_count'), 3)
        eq(m.get('passbook_jobs_finished_total{kind="process_entity",outcome="ok"}'), 2)
        eq(m.get('passbook_job_latency_seconds_count{kind="process_entity"}'), 2)
        eq(m.get('passbook_webhooks_delivered_total{event="ENTITY_NOTIFICATION"}'), 1)
        eq(m.get('passbook_webhook_lag_seconds_count{event="ENTITY_NOTIFICATION"}'), 1)
        for k in ('passbook_jobs{state="queued"}', 'passbook_jobs{state="running"}', 'passbook_jobs{state="failed"}'):
            check(k in m, k)
        check('# TYPE passbook_aa_fetches_total counter' in srv.get('/metrics').text, 'the AA family is there')


def metrics(srv):
    """{series: value} of /metrics."""
    out = {}
    for line in srv.get('/metrics').text.splitlines():
        if line and not line.startswith('#'):
            k, _, v = line.rpartition(' ')
            out[k] = float(v)
    return out


if __name__ == '__main__':
    suite.main()
