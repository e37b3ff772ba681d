"""Bench of bounded extraction (issue 11, findings 2 and 4), release build:

1. bombs: one organisation sends four bomb PDFs at once (nested forms 30 deep drawing the
   next four times, a double-Flate bomb of 4 GiB, an 11-deep five-wide form tree, an operator
   flood); 0.3 s later another organisation sends an ordinary statement. Prints each answer's
   time; the marks are: the ordinary upload within 15 s, each bomb within 75 s. Baseline in
   the same run: the ordinary upload alone.
2. memory: four concurrent uploads of a ~500-page text statement (four organisations, so all
   four run at once); prints the server's peak resident memory (VmHWM). Mark: under 1.5 GiB.
   Baseline: one such upload alone.

Run by bench/bounds.sh (which builds and generates the big statement once)."""

import os
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'tests', 'api'))
os.environ.setdefault('PASSBOOK_BIN', os.path.join(os.path.dirname(HERE), 'build', 'passbook'))

from harness import Server  # noqa: E402
import bombs  # noqa: E402
import upload_fixtures as fx  # noqa: E402
from upload_fixtures import new_session, upload  # noqa: E402

ROUNDS = int(os.environ.get('PB_BENCH_ROUNDS', '3'))


def timed(fn, *args, **kw):
    t0 = time.time()
    r = fn(*args, **kw)
    return r, time.time() - t0


def peak_kb(pid):
    with open('/proc/%d/status' % pid) as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
    return 0


def bombs_round(srv, a, b):
    pdfs = [bombs.nested_forms(30, 4), bombs.flate_bomb(4, 2), bombs.nested_forms(11, 5), bombs.operator_flood(12)]
    out = [None] * 5
    sessions = [new_session(srv, a) for _ in pdfs] + [new_session(srv, b)]

    def send(i):
        if i == 4:
            time.sleep(0.3)
            out[i] = timed(upload, srv, b, sessions[i], fx.data('hdfc_q1'))
        else:
            out[i] = timed(upload, srv, a, sessions[i], pdfs[i])
    threads = [threading.Thread(target=send, args=(i,)) for i in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def bombs_bench():
    with Server() as srv:
        a, b = srv.create_org('Bombs'), srv.create_org('Ordinary')
        alone = [timed(upload, srv, b, new_session(srv, b), fx.data('hdfc_q1'))[1] for _ in range(ROUNDS)]
        print('ordinary upload alone: %s s' % ', '.join('%.2f' % t for t in alone))
        worst_bomb = worst_ordinary = 0
        for n in range(ROUNDS):
            out = bombs_round(srv, a, b)
            codes = [r.json['error']['code'] if r.status != 200 else 'ok' for r, _ in out]
            times = [t for _, t in out]
            print('round %d: bombs %s s (%s); other organisation\'s upload %.2f s (%s)' % (
                n + 1, ', '.join('%.2f' % t for t in times[:4]), ', '.join(codes[:4]), times[4], codes[4]))
            worst_bomb = max(worst_bomb, max(times[:4]))
            worst_ordinary = max(worst_ordinary, times[4])
        print('worst: bomb %.2f s (mark 75 s), ordinary %.2f s (mark 15 s; alone %.2f s, ratio %.1f)' % (
            worst_bomb, worst_ordinary, max(alone), worst_ordinary / max(alone)))


def memory_run(label, pdf, n, args=()):
    with Server(args=['--ingest-threads', '4', '--max-upload-bytes', str(64 << 20)] + list(args)) as srv:
        orgs = [srv.create_org('Memory %d' % i) for i in range(n)]
        sessions = [new_session(srv, o, from_date='01/01/2022', to_date='31/12/2023', accept_anything=True)
                    for o in orgs]
        base = peak_kb(srv.proc.pid)
        out = [None] * n
        threads = [threading.Thread(target=lambda i=i: out.__setitem__(i, timed(upload, srv, orgs[i],
                                                                                  sessions[i], pdf)))
                   for i in range(n)]
        t0 = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        peak = peak_kb(srv.proc.pid)
        codes = [str(r.status) if r.status == 200 else '%d %s' % (r.status, r.json['error']['code'])
                 for r, _ in out]
        print('%s, %d at once (%.1f MB each): %s in %.1f s; server peak %.0f MiB (idle %.0f MiB)' % (
            label, n, len(pdf) / 1e6, ', '.join(codes), time.time() - t0, peak / 1024, base / 1024))


def memory_bench(big):
    """A ~500-page statement, and a ~500-page document whose pages carry large structures
    (MuPDF keeps what it parsed while the document is open: ~450 MB each)."""
    with open(big, 'rb') as f:
        statement = f.read()
    heavy = bombs.heavy_pages(500, 14000)
    for n in (1, 4):
        memory_run('500-page statement', statement, n)
    for n in (1, 4):
        memory_run('500 heavy pages', heavy, n)


if __name__ == '__main__':
    fx.ensure()
    bombs_bench()
    if len(sys.argv) > 1:
        memory_bench(sys.argv[1])
