"""Every bank of the corpus through the API (issue 10: "an upload with any catalogue bank's id is
accepted when the statement is that bank's"): for one statement of each bank the synthetic corpus
holds (tests/extract/corpus.sh smoke: 29 banks, public, private, small-finance, co-operative,
payments and foreign banks in India), an upload naming the bank by its catalogue id (upper case,
into a session created for that bank) is accepted and names the account by that id; the same
statement uploaded as another bank's is BANK_NAME_MISMATCH."""

import json
import os
import subprocess

from harness import REPO, check, eq, expect_error, suite
import upload_fixtures as uf

SKIP = ('tamper_', 'dup_', 'special_')  # evidence files, tested elsewhere


def corpus():
    """{bank id: (name, truth)}: the first statement of each bank (no password)."""
    out = subprocess.run(['sh', os.path.join(REPO, 'tests', 'extract', 'corpus.sh'), 'smoke'], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout.strip()
    d = os.path.join(REPO, out)
    banks = {}
    with open(os.path.join(d, 'manifest.json')) as f:
        names = json.load(f)['files']
    for n in names:
        with open(os.path.join(d, n + '.truth.json')) as f:
            t = json.load(f)
        if n.startswith(SKIP) or t.get('expect_error') or t.get('password') or not t.get('bank_name'):
            continue
        banks.setdefault(t['bank_name'], (os.path.join(d, n + '.pdf'), t))
    return banks


def dmy(iso):
    y, m, d = iso.split('-')
    return '%s/%s/%s' % (d, m, y)


@suite.test
def every_corpus_bank_is_accepted_under_its_own_id(srv):
    banks = corpus()
    check(len(banks) >= 25, 'the corpus holds at least 25 banks: %s' % sorted(banks))
    org = srv.create_org('Every Bank Lender')
    failed = []
    for bank, (pdf_path, t) in sorted(banks.items()):
        with open(pdf_path, 'rb') as f:
            pdf = f.read()
        period = dict(from_date=dmy(t['date_range']['from_date']), to_date=dmy(t['date_range']['to_date']))
        sid = uf.new_session(srv, org, bank_name=bank, **period)
        r = uf.upload(srv, org, sid, pdf, bank_name=bank.upper())
        if r.status != 200 or r.json.get('bank_name') != bank:
            failed.append('%s (%s): %s %s' % (bank, os.path.basename(pdf_path), r.status, r.text[:200]))
            continue
        eq(r.json['identity']['account_number'], t['identity']['account_number'], bank)
        other = 'sbi' if bank != 'sbi' else 'hdfc'
        r = uf.upload(srv, org, uf.new_session(srv, org, **period), pdf, bank_name=other)
        expect_error(r, 400, 'BANK_NAME_MISMATCH', '%s statement uploaded as %s' % (bank, other))
    eq(failed, [], 'every bank accepted under its own catalogue id')


if __name__ == '__main__':
    suite.main()
