"""The analysis on every family of the statement corpus, PDF to insights, against the generator's
labels: `passbook insights` on each statement of a generated set (default build/corpus/smoke, the
set run_accuracy.sh makes: every layout family and pattern), compared with its truth.json.

Per statement a row is matched to its truth by (date, type, amount) in order, and its labels are
checked only when the reader returned its narration as printed (spaces aside): a row the reader
missed or whose words it lost cannot be blamed on the analysis; those are counted apart. Checked:
- channels: the matched rows' transaction_channel against labels.channel (>= 99%);
- salary: every labelled salary credit in salary_transactions with its employer;
- EMIs: every labelled instalment in lender_transactions; bounces in bounced_or_penal_transactions;
- statements of a bank outside India (no catalogue bank, no IFSC) are left out: FinBox's channels
  describe Indian payments;
- fraud: no finding on a genuine statement (truth `tampered` null) whose rows the reader got
  exactly; a tampered one (`tampered` set) carries that fraud_type. Genuine statements the reader
  misread are listed with what they were flagged with (a reader problem shown, not hidden).
Prints per family, then "N passed, N failed" (one check per statement and one per overall ratio).
Usage: corpus_insights.py SETDIR [--bin build/passbook] [--verbose]"""
import json
import os
import subprocess
import sys
from collections import defaultdict


def paise(x):
    return int(round(float(x) * 100))


def key(date, ttype, amount):
    return (date[:10], ttype, paise(amount))


def run(binary, pdf, password):
    cmd = [binary, 'insights', pdf] + (['--password', password] if password else [])
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    if p.returncode != 0:
        return None, p.stderr.decode(errors='replace').strip()[:200]
    return json.loads(p.stdout), None


def summary_read(binary, stem, setdir, truth):
    """Whether the reader got the printed opening and closing balances (the figures the
    accounting checks compare the rows with): `passbook parse`, only for flagged statements."""
    pw = truth.get('password')
    p = subprocess.run([binary, 'parse', os.path.join(setdir, stem + '.pdf')] + (['--password', pw] if pw else []),
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=600)
    try:
        d = json.loads(p.stdout)
    except ValueError:
        return False
    d = d[0] if isinstance(d, list) else d
    return all(d.get(k) is not None and paise(d[k]) == paise(truth[k]) for k in ('opening_bal', 'closing_bal'))


def match(truth_rows, got_rows):
    """Truth index -> insight row, by (date, type, amount), earlier rows first."""
    pool = defaultdict(list)
    for g in got_rows:
        pool[key(g['date'], g['transaction_type'], g['amount'])].append(g)
    out = {}
    for i, w in enumerate(truth_rows):
        k = key(w['date'], w['transaction_type'], w['amount'])
        if pool[k]:
            out[i] = pool[k].pop(0)
    return out


def squash(s):
    return ''.join(s.split()).upper()


def ids(rows):
    return {r['hash'] for r in rows}


class Tally:
    def __init__(self):
        self.n = defaultdict(int)

    def add(self, name, ok):
        self.n[name + '_total'] += 1
        self.n[name + '_right'] += 1 if ok else 0

    def ratio(self, name):
        t = self.n[name + '_total']
        return self.n[name + '_right'], t


def check_statement(truth, doc, t, misses):
    data = doc['accounts'][0]['data']
    rows = truth['transactions']
    m = match(rows, data['transactions'])
    salary, lender = ids(data['salary_transactions']), ids(data['lender_transactions'])
    bounced = ids(data['bounced_or_penal_transactions'])
    sal_by = {r['hash']: r for r in data['salary_transactions']}
    t.n['rows_total'] += len(rows)
    t.n['rows_read'] += len(m)
    ok = True
    for i, w in enumerate(rows):
        g = m.get(i)
        if g is None:
            continue
        if squash(g['transaction_note']) != squash(w['transaction_note']):
            t.n['notes_misread'] += 1
            continue
        lab = w['labels']
        right = g['transaction_channel'] == lab['channel']
        t.add('channel', right)
        if not right:
            misses.append('channel %s -> %s: %s' % (lab['channel'], g['transaction_channel'], w['transaction_note']))
        if lab['is_salary']:
            found = g['hash'] in salary
            emp = found and (sal_by[g['hash']].get('employer_name') or '').upper() == (lab['employer'] or '').upper()
            t.add('salary', found)
            t.add('employer', emp)
            if not emp:
                ok = False
                misses.append('salary %s: %s' % ('employer %r' % sal_by[g['hash']].get('employer_name')
                                                 if found else 'missed', w['transaction_note']))
        if lab['is_emi']:
            found = g['hash'] in lender
            t.add('emi', found)
            if not found:
                ok = False
                misses.append('EMI of %s missed: %s' % (lab['lender'], w['transaction_note']))
        if lab['is_bounce']:
            found = g['hash'] in bounced
            t.add('bounce', found)
            if not found:
                ok = False
                misses.append('bounce missed: %s' % w['transaction_note'])
    return ok, len(m) == len(rows) == len(data['transactions'])


def main(argv):
    setdir = argv[1]
    binary = argv[argv.index('--bin') + 1] if '--bin' in argv else 'build/passbook'
    verbose = '--verbose' in argv
    fam = defaultdict(lambda: defaultdict(int))
    t = Tally()
    passed = failed = 0
    flagged_misread = []
    for name in sorted(os.listdir(setdir)):
        if not name.endswith('.truth.json'):
            continue
        with open(os.path.join(setdir, name)) as f:
            truth = json.load(f)
        if truth.get('expect_error') or not truth['transactions']:
            continue
        if truth['bank_name'] is None and not (truth['identity'] or {}).get('ifsc'):
            continue  # a bank outside India: its payment words have no FinBox channel
        stem = name[:-len('.truth.json')]
        family = truth['generator']['layout']
        doc, err = run(binary, os.path.join(setdir, stem + '.pdf'), truth.get('password'))
        f = fam[family]
        f['statements'] += 1
        if doc is None:
            f['unread'] += 1
            print('note %s: not read (%s)' % (stem, err))
            continue
        misses = []
        ok, exact = check_statement(truth, doc, t, misses)
        fraud = sorted({x['fraud_type'] for x in doc['accounts'][0]['data']['fraud']})
        tampered = truth.get('tampered')
        if tampered:
            ok = ok and tampered in fraud
            t.add('tampered_caught', tampered in fraud)
            if tampered not in fraud:
                misses.append('tampering %s not caught (fraud: %s)' % (tampered, fraud))
        elif exact and fraud and not summary_read(binary, stem, setdir, truth):
            flagged_misread.append('%s (%s; printed opening/closing misread)' % (stem, ', '.join(fraud)))
        elif exact:
            t.add('genuine_clean', not fraud)
            if fraud:
                ok = False
                misses.append('genuine statement flagged: %s' % fraud)
        elif fraud:
            flagged_misread.append('%s (%s)' % (stem, ', '.join(fraud)))
        f['exact_rows'] += 1 if exact else 0
        f['ok'] += 1 if ok else 0
        if ok:
            passed += 1
        else:
            failed += 1
        if not ok or verbose:
            print('%s %s' % ('ok  ' if ok else 'FAIL', stem))
            for line in misses[:8]:
                print('     ' + line)
    print('\nper family: statements, rows read exactly, analysis right')
    for family in sorted(fam):
        f = fam[family]
        print('  %-16s %3d  %3d  %3d%s' % (family, f['statements'], f['exact_rows'], f['ok'],
                                            '  (%d unread)' % f['unread'] if f['unread'] else ''))
    print('\nrows read (of the truth): %d/%d, of them narrations misread (labels not checked): %d'
          % (t.n['rows_read'], t.n['rows_total'], t.n['notes_misread']))
    for name in ('channel', 'salary', 'employer', 'emi', 'bounce', 'genuine_clean', 'tampered_caught'):
        r, n = t.ratio(name)
        print('%-16s %5d/%5d %6.2f%%' % (name, r, n, 100.0 * r / n if n else 100.0))
    if flagged_misread:
        print('genuine statements the reader misread, flagged: ' + '; '.join(flagged_misread))
    r, n = t.ratio('channel')
    if n and r >= 0.99 * n:
        passed += 1
    else:
        failed += 1
        print('FAIL channels below 99%')
    print('%d passed, %d failed' % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
