"""Load generator of bench/upload.sh: baseline `passbook parse` throughput, then a real server
(release build, temporary data directory) taking the same files through upload_session/ from N
concurrent keep-alive clients. Prints statements/s for both, the ratio, and upload latency
percentiles. Python stdlib only."""
import argparse
import glob
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def dmy(iso):
    y, m, d = iso.split('-')
    return '%s/%s/%s' % (d, m, y)


def baseline(binary, files, cpus):
    """Statements/s of `passbook parse`, one process per core over its share."""
    shares = [files[i::cpus] for i in range(cpus)]
    best = None
    for _ in range(1):
        t0 = time.time()
        procs = [subprocess.Popen([binary, 'parse'] + s, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for s in shares if s]
        for p in procs:
            p.wait()
        dt = time.time() - t0
        best = dt if best is None else min(best, dt)
    return len(files) / best


def multipart(fields, pdf, name):
    b = uuid.uuid4().hex
    out = [('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (b, k, v)).encode()
           for k, v in fields]
    out.append(('--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\n'
                'Content-Type: application/pdf\r\n\r\n' % (b, name)).encode() + pdf + b'\r\n')
    out.append(('--%s--\r\n' % b).encode())
    return b''.join(out), 'multipart/form-data; boundary=' + b


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    ap.add_argument('--corpus', required=True)
    ap.add_argument('--clients', type=int, default=8)
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--nodes', type=int, default=1,
                    help='servers on the one database of PASSBOOK_DB (PostgreSQL); clients spread over them')
    a = ap.parse_args()
    if a.nodes > 1 and not os.environ.get('PASSBOOK_DB', '').startswith('postgres'):
        sys.exit('--nodes > 1 needs PASSBOOK_DB=postgres://...')
    files = sorted(glob.glob(os.path.join(a.corpus, '*.pdf')))
    items = []
    for f in files:
        with open(f[:-4] + '.truth.json') as t:
            truth = json.load(t)
        if truth.get('expect_error') or truth.get('password'):
            continue
        with open(f, 'rb') as fh:
            items.append((os.path.basename(f), fh.read(), truth['date_range']))
    cpus = os.cpu_count() or 1
    pages = 0
    kept = []
    for it in items:  # the 10-page statements only (the set also holds a 100-page one)
        out = subprocess.run(['pdfinfo', os.path.join(a.corpus, it[0])], capture_output=True, text=True).stdout
        n = int(next((l.split()[-1] for l in out.splitlines() if l.startswith('Pages:')), '0'))
        if n <= 20:
            kept.append(it)
            pages += n
    items = kept
    paths = [os.path.join(a.corpus, n) for n, _, _ in items]
    cli_rates = []

    data = tempfile.mkdtemp(prefix='pb-bench-upload-')
    servers = []
    try:
        dirs = [os.path.join(data, 'n%d' % i) for i in range(a.nodes)]
        org = json.loads(subprocess.run([a.bin, 'org', 'create', '--name', 'Bench', '--data', dirs[0]],
                                        capture_output=True, check=True).stdout)
        ports = []
        for i, d in enumerate(dirs):
            os.makedirs(d, exist_ok=True)
            if i:   # one key file for every node
                shutil.copy2(os.path.join(dirs[0], 'passbook.keys'), d)
            port = free_port()
            log = open(os.path.join(d, 'server.log'), 'wb')
            servers.append(subprocess.Popen([a.bin, 'serve', '--data', d, '--listen', '127.0.0.1:%d' % port,
                                             '--node-name', 'n%d' % i, '--log-level', 'warn'],
                                            stdout=log, stderr=log))
            ports.append(port)
            for _ in range(200):
                try:
                    c = http.client.HTTPConnection('127.0.0.1', port, timeout=2)
                    c.request('GET', '/healthz')
                    if c.getresponse().status == 200:
                        break
                except OSError:
                    time.sleep(0.05)
        lock = threading.Lock()
        lat, errors, api_rates = [], [], []
        n = 0
        for _ in range(a.rounds):
            # interleaved with the baseline so both see the same machine load
            cli_rates.append(baseline(a.bin, paths, cpus))
            jobs = sessions(ports[0], org, items)
            n += len(jobs)
            api_rates.append(len(jobs) / run_clients(a, ports, org, jobs, lock, lat, errors))
        db = os.environ.get('PASSBOOK_DB')
        if db:  # what the uploads weigh in the database (for sizing: docs/operations.md)
            q = ("SELECT pg_database_size(current_database()), (SELECT count(*) FROM statements), "
                 "(SELECT count(*) FROM transactions), pg_total_relation_size('blob_chunks'), "
                 "pg_total_relation_size('transactions'), pg_total_relation_size('statements')")
            out = subprocess.run(['psql', db, '-qAtF', ' ', '-c', q], capture_output=True, text=True).stdout.split()
            if len(out) == 6:
                size, nst, ntx, blobs, txs, sts = (int(x) for x in out)
                print('database: %d bytes for %d statements (%d transactions): files %d, transactions %d, '
                      'statements %d bytes' % (size, nst, ntx, blobs, txs, sts))
    finally:
        for srv in servers:
            srv.terminate()
            srv.wait()
        shutil.rmtree(data, ignore_errors=True)
    lat.sort()
    api_rate = max(api_rates)
    cli_rate = max(cli_rates)

    def pct(p):
        return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000
    print('statements: %d (%d pages, %.1f pages each), cores: %d, clients: %d, uploads: %d, rounds: %d, '
          'store: %s, nodes: %d' % (len(items), pages, pages / max(1, len(items)), cpus, a.clients, n, a.rounds,
                                    'postgres' if os.environ.get('PASSBOOK_DB') else 'sqlite', a.nodes))
    print('passbook parse: %.2f statements/s (%.0f pages/s) best of %d; all: %s'
          % (cli_rate, cli_rate * pages / len(items), a.rounds, ', '.join('%.1f' % x for x in cli_rates)))
    print('upload API:     %.2f uploads/s (%.0f pages/s) best of %d; all: %s; p50 %.0f ms, p99 %.0f ms'
          % (api_rate, api_rate * pages / len(items), a.rounds, ', '.join('%.1f' % x for x in api_rates),
             pct(0.50), pct(0.99)))
    print('ratio API/CLI:  %.0f%% best to best, %.0f%% round by round (median) (target >= 80%%)'
          % (100 * api_rate / cli_rate, 100 * sorted(x / y for x, y in zip(api_rates, cli_rates))[len(api_rates) // 2]))
    if errors:
        print('errors: %d, first: %r' % (len(errors), errors[0]))
        sys.exit(1)


def sessions(port, org, items):
    """One fresh session per upload, created before the clock starts."""
    jobs = []
    c = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
    for name, pdf, rng in items:
        body = json.dumps({'api_key': org['api_key'], 'link_id': 'bench', 'accept_anything': True,
                           'from_date': dmy(rng['from_date']), 'to_date': dmy(rng['to_date'])})
        c.request('POST', '/bank-connect/v1/session/', body=body, headers={'Content-Type': 'application/json'})
        jobs.append((json.loads(c.getresponse().read())['session_id'], name, pdf))
    return jobs


def run_clients(a, ports, org, jobs, lock, lat, errors):
    """Uploads every job with a.clients keep-alive clients, spread over the nodes' ports;
    returns the wall time."""
    def client(port):
        conn = http.client.HTTPConnection('127.0.0.1', port, timeout=300)
        while True:
            with lock:
                if not jobs:
                    return
                sid, name, pdf = jobs.pop()
            body, ct = multipart([('session_id', sid)], pdf, name)
            t0 = time.time()
            conn.request('POST', '/bank-connect/v1/statement/upload_session/', body=body,
                         headers={'Content-Type': ct, 'x-api-key': org['api_key']})
            resp = conn.getresponse()
            out = resp.read()
            dt = time.time() - t0
            with lock:
                lat.append(dt)
                if resp.status != 200:
                    errors.append((name, resp.status, out[:200]))
    t0 = time.time()
    threads = [threading.Thread(target=client, args=(ports[i % len(ports)],)) for i in range(a.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.time() - t0


if __name__ == '__main__':
    main()
