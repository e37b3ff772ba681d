"""Console bench (issue 16): server time of the console's session page
(GET /console/api/sessions/<id>) for a session of 12 months x 3 accounts,
against the API's insights/ of the same session in the same run (the same
analysis, built from the stored rows: the baseline), and of the sessions
list. Server times are the server's own dur_ms (log lines), median of
PB_BENCH_RUNS (default 15) after one warm-up. Target: the page < 300 ms."""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(REPO, 'tests', 'api'))
os.environ.setdefault('PASSBOOK_BIN', os.path.join(REPO, 'build', 'passbook'))
import harness  # noqa: E402
import upload_fixtures as uf  # noqa: E402

RUNS = int(os.environ.get('PB_BENCH_RUNS', '15'))
CACHE = os.path.join(REPO, 'build', 'bench', 'console')
SPECS = {
    'hdfc': dict(bank='hdfc', months=12, seed=61, start='2024-01-01', density=30),
    'sbi': dict(bank='sbi', months=12, seed=61, start='2024-01-01', density=30),
    'icici': dict(bank='icici', months=12, seed=61, start='2024-01-01', density=30),
}


def statements():
    os.makedirs(CACHE, exist_ok=True)
    out = {}
    for name, spec in SPECS.items():
        pdf = os.path.join(CACHE, name + '.pdf')
        if not os.path.exists(pdf):
            uf.fixtures.write_statement(CACHE, name, **spec)
        out[name] = open(pdf, 'rb').read()
    return out


def durations(log, route):
    """dur_ms of the log lines of route (the log shortens ids in paths)."""
    return [float(m.group(1)) for m in re.finditer(r'route="%s" status=200 dur_ms=([0-9.]+)' % re.escape(route), log)]


def main():
    pdfs = statements()
    data = tempfile.mkdtemp(prefix='pb-bench-console-')
    srv = harness.Server(data_dir=data, args=['--threads', '4'])
    with srv:
        org = srv.create_org('Bench Lending')
        subprocess.run([harness.BINARY, 'user', 'add', '--org', org.name, '--email', 'bench@bench.in',
                        '--data', srv.data_dir], input=b'bench password 1\n', check=True, capture_output=True)
        sid = uf.new_session(srv, org, from_date='01/01/2024', to_date='31/12/2024', link_id='bench-1')
        for name, pdf in pdfs.items():
            r = uf.upload(srv, org, sid, pdf, name=name + '.pdf')
            assert r.status == 200, r.text[:300]
        assert srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid,
                        headers=org.headers()).status == 202
        uf.wait_processed(srv, org, sid, timeout=600)
        r = srv.post('/console/api/login', {'email': 'bench@bench.in', 'password': 'bench password 1'})
        cookie = {'Cookie': 'pb_console=' + re.match(r'pb_console=([^;]*)', r.headers['set-cookie']).group(1)}
        page = srv.get('/console/api/sessions/' + sid, headers=cookie)
        assert page.status == 200, page.text[:300]
        accounts = page.json['accounts']
        ntx = sum(len(a['data'].get('transactions', [])) for a in accounts)
        for _ in range(RUNS):
            srv.get('/console/api/sessions/' + sid, headers=cookie)
            srv.get('/bank-connect/v1/session_data/%s/insights/' % sid, headers=org.headers())
            srv.get('/console/api/sessions', headers=cookie)
    log = srv.log()  # complete once the server stopped
    shutil.rmtree(data, ignore_errors=True)
    page_ms = durations(log, '/console/api/sessions/<id>')[1:]
    ins_ms = durations(log, '/bank-connect/v1/session_data/<id>/insights/')
    list_ms = durations(log, '/console/api/sessions')
    med = statistics.median
    print('session: %d accounts, %d transactions, page JSON %d KB' % (len(accounts), ntx, len(page.body) // 1024))
    print('console session page: median %.1f ms server time (target < 300 ms), max %.1f' % (med(page_ms), max(page_ms)))
    print('API insights/ of the same session (baseline): median %.1f ms' % med(ins_ms))
    print('ratio page/insights: %.2fx' % (med(page_ms) / med(ins_ms)))
    print('console sessions list: median %.1f ms' % med(list_ms))


if __name__ == '__main__':
    main()
