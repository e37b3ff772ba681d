#!/usr/bin/env python3
"""Runs FinBox's official Python client (finbox_bankconnect, GitHub finbox-in/bank-connect-python),
unchanged, against a Passbook server: the drop-in check of issue 14, from outside.

    python3 tools/finbox_client_check.py CLIENT_DIR [--binary build/passbook] [--seed 901]

CLIENT_DIR is a checkout of the client (it holds finbox_bankconnect/ and tests.py); nothing of it
is copied here. The script starts `passbook serve` on a free port with a scratch data directory,
creates an organisation, makes statements the project's tests never use (the corpus generator
with --seed), and then:

1. drives the client through every call (Entity.create with and without a link_id,
   upload_statement with and without a bank, the errors it raises, get_transactions with its
   filters, get_identity, get_accounts, get_fraud_info, get_salary, get_credit_recurring,
   get_debit_recurring, get_lender_transactions, Entity.get(...).link_id), with the client's
   own poll timeout (10 s), checking the answers against the statements' truth;
2. runs the client's own tests.py with TEST_API_KEY and TEST_ENTITY_ID (an entity made by a
   bankless upload without a link_id, of a statement a PDF editor touched, so that its fraud
   list is not empty, as TestFraudInfo needs).

The client's base_url is the only setting changed (it is a module attribute the client reads).
Exit status 0 when both pass.
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, 'tools', 'statements'))
import fixtures  # noqa: E402

# Run in the client's own interpreter environment: everything below uses its public calls only.
FLOW = r'''
import datetime, json, os, sys, time
import finbox_bankconnect as bc
from finbox_bankconnect import custom_exceptions as ex
bc.base_url = os.environ['PB_BASE_URL']
bc.api_key = os.environ['TEST_API_KEY']
truth = json.load(open(os.environ['PB_TRUTH']))
st = os.environ['PB_STATEMENTS']
failures = []

def expect(cond, what):
    print(('ok   ' if cond else 'FAIL ') + what)
    if not cond:
        failures.append(what)

def raises(kind, **kw):
    try:
        bc.Entity.create(link_id='errors').upload_statement(**kw)
    except Exception as e:
        return type(e).__name__ == kind
    return False

t0 = time.time()
e = bc.Entity.create(link_id='drop-in-check')
expect(e.upload_statement(os.path.join(st, 'main.pdf'), bank_name=truth['main']['bank']) is True,
       'upload_statement with a bank: authentic')
txns = list(e.get_transactions())
expect(len(txns) == len(truth['main']['transactions']), 'get_transactions: %d of %d'
       % (len(txns), len(truth['main']['transactions'])))
ident = e.get_identity()
expect(ident.get('account_number') == truth['main']['identity']['account_number'], 'get_identity: account number')
accounts = list(e.get_accounts())
expect(len(accounts) == 1 and accounts[0]['months'], 'get_accounts: one account with its months')
aid = accounts[0]['account_id']
expect(len(list(e.get_transactions(account_id=aid))) == len(txns), 'get_transactions(account_id=...)')
first = datetime.datetime.strptime(txns[0]['date'], '%Y-%m-%d %H:%M:%S').date()
one_day = [t for t in txns if t['date'].startswith(first.isoformat())]
expect(len(list(e.get_transactions(from_date=first, to_date=first))) == len(one_day), 'get_transactions(from_date, to_date)')
expect(list(e.get_fraud_info()) == [], 'get_fraud_info: none for a genuine statement')
salary = list(e.get_salary())
want = sum(1 for t in truth['main']['transactions'] if t['labels'].get('is_salary'))
expect(len(salary) == want, 'get_salary: %d of %d' % (len(salary), want))
rec = list(e.get_credit_recurring()) + list(e.get_debit_recurring())
expect(all(r['account_id'] == aid for r in rec), 'get_credit_recurring / get_debit_recurring: %d sets' % len(rec))
lender = list(e.get_lender_transactions())
emis = sum(1 for t in truth['main']['transactions'] if t['labels'].get('is_emi'))
expect(len(lender) >= emis, 'get_lender_transactions: %d (EMIs in truth: %d)' % (len(lender), emis))
expect(bc.Entity.get(e.entity_id).link_id == 'drop-in-check', 'Entity.get(...).link_id')

b = bc.Entity.create()
expect(b.upload_statement(os.path.join(st, 'bankless.pdf')) is True, 'upload_statement without a bank')
expect(len(list(b.get_transactions())) == len(truth['bankless']['transactions']), 'bankless: every transaction')
f = bc.Entity.create()
expect(f.upload_statement(os.path.join(st, 'tampered.pdf')) is False, 'a tampered statement is not authentic')
fraud = list(f.get_fraud_info())
expect(fraud and 'fraud_type' in fraud[0] and 'statement_id' in fraud[0], 'get_fraud_info: %s'
       % [x.get('fraud_type') for x in fraud])
expect(bc.Entity.get(f.entity_id).link_id is None, 'an entity made by a bare upload has no link_id')

expect(raises('InvalidBankNameError', file_path=os.path.join(st, 'main.pdf'), bank_name='no_such_bank'),
       'InvalidBankNameError')
expect(raises('PasswordIncorrectError', file_path=os.path.join(st, 'locked.pdf'), pdf_password='wrong',
              bank_name=truth['locked']['bank']), 'PasswordIncorrectError')
expect(raises('UnparsablePDFError', file_path=os.path.join(st, 'letter.pdf'), bank_name='hdfc'), 'UnparsablePDFError')
expect(raises('CannotIdentityBankError', file_path=os.path.join(st, 'letter.pdf')), 'CannotIdentityBankError')
try:
    bc.Entity.get('c036e96d-ccae-443c-8f64-b98ceeaa1578').get_transactions()
    expect(False, 'EntityNotFoundError')
except ex.EntityNotFoundError:
    expect(True, 'EntityNotFoundError')
print('flow took %.1fs' % (time.time() - t0))
print('TEST_ENTITY_ID=' + f.entity_id)
sys.exit(1 if failures else 0)
'''


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def letter_pdf(path):
    """A readable one-page PDF that is not a statement."""
    text = 'Dear customer, thank you for banking with us.'
    stream = 'BT /F1 12 Tf 72 720 Td (%s) Tj ET' % text
    objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R '
            '/Resources << /Font << /F1 5 0 R >> >> >>',
            '<< /Length %d >>\nstream\n%s\nendstream' % (len(stream), stream),
            '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']
    out, offsets = b'%PDF-1.4\n', []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += ('%d 0 obj\n%s\nendobj\n' % (i, o)).encode()
    xref = len(out)
    out += ('xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)).encode()
    out += b''.join(('%010d 00000 n \n' % off).encode() for off in offsets)
    out += ('trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)).encode()
    with open(path, 'wb') as f:
        f.write(out)


def statements(out, seed):
    """Statements no test uses (other seeds): {name: truth + bank}."""
    specs = {
        'main': dict(bank='kotak', months=4, seed=seed, start='2024-05-01', density=25),
        'bankless': dict(bank='icici', months=2, seed=seed + 1, start='2024-03-01', density=20),
        'tampered': dict(bank='sbi', months=2, seed=seed + 2, start='2024-02-01', density=15, tamper='producer'),
        'locked': dict(bank='axis', months=1, seed=seed + 3, start='2024-01-01', density=15,
                       password='s3cret', enc='aes256'),
    }
    truth = {}
    for name, spec in specs.items():
        _, t = fixtures.write_statement(out, name, **spec)
        truth[name] = dict(t, bank=spec['bank'])
    letter_pdf(os.path.join(out, 'letter.pdf'))
    with open(os.path.join(out, 'truth.json'), 'w') as f:
        json.dump(truth, f)
    return os.path.join(out, 'truth.json')


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('client_dir', help='a checkout of finbox-in/bank-connect-python')
    ap.add_argument('--binary', default=os.path.join(REPO, 'build', 'passbook'))
    ap.add_argument('--seed', type=int, default=901, help='statement seeds (default 901..904)')
    a = ap.parse_args()
    client = os.path.abspath(a.client_dir)
    if not os.path.isfile(os.path.join(client, 'tests.py')) or not os.path.isdir(os.path.join(client, 'finbox_bankconnect')):
        sys.exit('%s: not a checkout of bank-connect-python (no tests.py, finbox_bankconnect/)' % client)
    with tempfile.TemporaryDirectory() as work:
        data, st = os.path.join(work, 'data'), os.path.join(work, 'statements')
        os.makedirs(st)
        truth = statements(st, a.seed)
        port = free_port()
        base = 'http://127.0.0.1:%d' % port
        log = open(os.path.join(work, 'server.log'), 'w')
        server = subprocess.Popen([a.binary, 'serve', '--listen', '127.0.0.1:%d' % port, '--data', data],
                                  stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + '/healthz', timeout=2)
                    break
                except OSError:
                    time.sleep(0.1)
            org = json.loads(subprocess.run([a.binary, 'org', 'create', '--name', 'Drop-in check', '--data', data],
                                            check=True, capture_output=True).stdout)
            env = dict(os.environ, PYTHONPATH=client, PB_BASE_URL=base, TEST_API_KEY=org['api_key'],
                       PB_TRUTH=truth, PB_STATEMENTS=st)
            print('== the client through every call (%s)' % base)
            flow = subprocess.run([sys.executable, '-c', FLOW], env=env, capture_output=True, text=True)
            sys.stdout.write(flow.stdout + flow.stderr)
            entity = [l.split('=', 1)[1] for l in flow.stdout.splitlines() if l.startswith('TEST_ENTITY_ID=')]
            if not entity:
                print('FAIL the flow made no entity for tests.py')
                return 1
            print("== the client's own tests.py")
            env['TEST_ENTITY_ID'] = entity[0]
            tests = subprocess.run([sys.executable, '-c', 'import os, runpy, finbox_bankconnect as bc; '
                                    'bc.base_url = os.environ["PB_BASE_URL"]; '
                                    'runpy.run_path("tests.py", run_name="__main__")'],
                                   cwd=client, env=env, capture_output=True, text=True)
            sys.stdout.write(tests.stdout + tests.stderr)
            ok = flow.returncode == 0 and tests.returncode == 0
            print('drop-in check: %s' % ('PASSED' if ok else 'FAILED'))
            return 0 if ok else 1
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == '__main__':
    sys.exit(main())
