"""Soak (issue 11): mixed traffic from several clients of several organisations (uploads of shared
and fresh bytes, refused uploads, bombs, processing, deletes, downloads) while the server is
killed with SIGKILL and restarted every few seconds. Nothing acknowledged may be lost: every
upload answered 200 in a session nobody tried to delete is there after the last restart, and
after processing its PDF is downloadable byte for byte.

`make test` runs it briefly (PB_SOAK_SECONDS, default 40); `make soak` for 10 minutes."""

import http.client
import os
import random
import threading
import time

from harness import Server, check, eq, suite
import bombs
import upload_fixtures as fx
from upload_fixtures import session_get, upload, wait_processed

SECONDS = float(os.environ.get('PB_SOAK_SECONDS', '40'))
CLIENTS = int(os.environ.get('PB_SOAK_CLIENTS', '4'))
KILL_EVERY = (float(os.environ.get('PB_SOAK_KILL_MIN', '4')), float(os.environ.get('PB_SOAK_KILL_MAX', '12')))
FILES = ['hdfc_q1', 'sbi_q1', 'icici_jan', 'coop_q1', 'tampered']


class Ledger:
    """What the server acknowledged, and what may have happened without an answer."""

    def __init__(self):
        self.mu = threading.Lock()
        self.uploads = []          # (org, sid, statement_id, bytes)
        self.sessions = {}         # sid -> org (sessions whose create was acknowledged)
        self.delete_tried = set()  # sids: whatever happened to them is allowed
        self.processing = set()    # sids whose processing was requested (or may have been)
        self.counts = {}
        self.problems = []

    def count(self, what):
        with self.mu:
            self.counts[what] = self.counts.get(what, 0) + 1


def pick_bytes(rng):
    name = rng.choice(FILES)
    pdf = fx.data(name)
    if rng.random() < 0.3:     # the same statement as new bytes: a file of its own
        pdf = pdf + b'%% soak %d\n' % rng.randrange(1 << 30)
    return pdf


EXPECTED_400 = {'OUT_OF_DATE_RANGE', 'STATEMENT_DUPLICATE', 'BANK_NAME_MISMATCH', 'SESSION_EXPIRED',
                'STATEMENT_TOO_COMPLEX', 'BANK_NAME_UNDETECTED'}


def client(srv, orgs, ledger, deadline, seed):
    rng = random.Random(seed)
    mine = []   # (org, sid)
    while time.time() < deadline:
        o = rng.choice(orgs)
        roll = rng.random()
        try:
            if roll < 0.12 or not mine:
                out_of_range = rng.random() < 0.15
                r = srv.create_session(o, from_date='01/01/2022' if out_of_range else '01/01/2024',
                                       to_date='31/03/2022' if out_of_range else '31/03/2024')
                if r.status != 200:
                    ledger.problems.append('session create answered %d %s' % (r.status, r.text[:200]))
                    continue
                sid = r.json['session_id']
                with ledger.mu:
                    ledger.sessions[sid] = o
                mine.append((o, sid))
                ledger.count('sessions')
            elif roll < 0.70:
                o, sid = rng.choice(mine)
                bomb = rng.random() < 0.05
                pdf = bombs.nested_forms() if bomb else pick_bytes(rng)
                fields = {'bank_name': 'axis'} if rng.random() < 0.05 else {}
                r = upload(srv, o, sid, pdf, **fields)
                if r.status == 200:
                    with ledger.mu:
                        ledger.uploads.append((o, sid, r.json['statement_id'], pdf))
                    ledger.count('uploads acknowledged')
                elif r.status == 400 and r.json and r.json.get('error', {}).get('code') in EXPECTED_400:
                    ledger.count('uploads refused')
                else:
                    ledger.problems.append('upload answered %d %s' % (r.status, r.text[:200]))
            elif roll < 0.80:
                o, sid = rng.choice(mine)
                with ledger.mu:
                    ledger.processing.add(sid)
                r = srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, {},
                             headers=o.headers())
                ledger.count('processing requests')
            elif roll < 0.85:
                o, sid = rng.choice(mine)
                with ledger.mu:
                    ledger.delete_tried.add(sid)
                # forgotten before asking: a delete cut off by kill -9 may still have happened
                mine.remove((o, sid))
                srv.request('DELETE', '/bank-connect/v1/session_data/%s/delete/' % sid, headers=o.headers())
                ledger.count('deletes')
            else:
                o, sid = rng.choice(mine)
                session_get(srv, o, sid, 'get_pdfs')
                ledger.count('reads')
        except (OSError, http.client.HTTPException):
            ledger.count('requests cut off')   # the server was down or died mid-request
            time.sleep(0.2)


def killer(srv, ledger, deadline, rng):
    while True:
        wait = rng.uniform(*KILL_EVERY)
        if time.time() + wait >= deadline:
            break
        time.sleep(wait)
        srv.kill9()
        ledger.count('kill -9')
        srv.start(timeout=120)


@suite.test(server=False)
def nothing_acknowledged_is_lost_under_kill9():
    srv = Server()
    ledger = Ledger()
    rng = random.Random(int(os.environ.get('PB_SOAK_SEED', '11')))
    try:
        srv.start()
        orgs = [srv.create_org('Soak Lender %d' % i) for i in range(3)]
        deadline = time.time() + SECONDS
        threads = [threading.Thread(target=client, args=(srv, orgs, ledger, deadline, rng.random()))
                   for _ in range(CLIENTS)]
        threads.append(threading.Thread(target=killer, args=(srv, ledger, deadline, rng)))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        srv.kill9()
        srv.start(timeout=120)
        # every acknowledged upload is there
        lost = []
        by_session = {}
        for o, sid, stmt, pdf in ledger.uploads:
            if sid not in ledger.delete_tried:
                by_session.setdefault(sid, (o, {}))[1][stmt] = pdf
        for sid, (o, stmts) in by_session.items():
            st = srv.upload_status(o, sid).json
            have = {s['statement_id'] for a in st.get('accounts', []) for s in a['statements']}
            lost += [s for s in stmts if s not in have]
        eq(lost, [], 'acknowledged uploads lost')
        # and after processing, every PDF comes back byte for byte
        missing = []
        for sid, (o, stmts) in by_session.items():
            srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, {}, headers=o.headers())
        for sid, (o, stmts) in by_session.items():
            wait_processed(srv, o, sid, timeout=300)
            for s in session_get(srv, o, sid, 'get_pdfs').json['statements']:
                if s['statement_id'] not in stmts:
                    continue
                r = srv.get(s['pdf_url'].split('127.0.0.1:%d' % srv.port, 1)[1]) if s['pdf_url'] else None
                if r is None or r.status != 200 or r.body != stmts[s['statement_id']]:
                    missing.append(s['statement_id'])
        eq(missing, [], 'acknowledged uploads whose PDF is gone')
        eq(ledger.problems, [], 'unexpected answers')
        print('soak: %.0f s, %s' % (SECONDS, ', '.join('%s %d' % kv for kv in sorted(ledger.counts.items()))))
        check(ledger.counts.get('uploads acknowledged', 0) > 0, 'some uploads went through')
        srv.stop_checked()
    finally:
        srv.cleanup()


if __name__ == '__main__':
    fx.ensure()
    suite.main()
