"""The README's walkthrough, run exactly as written: its shell blocks are read from
README.md (section "Walkthrough"), so they cannot drift from what works. The server is the
one the first block starts (`PASSBOOK_ALLOW_PRIVATE_URLS=1 make run`), here the test binary
with --allow-private-urls on a free port; the walkthrough reads PASSBOOK_LISTEN and
PASSBOOK_DATA as `make run` does, and RECEIVER_PORT for its webhook receiver. It runs in a
scratch directory where build/passbook is the binary under test and tools/ the repository's."""
import os
import re
import subprocess
import tempfile

from harness import BINARY, REPO, Server, check, eq, free_port, suite

START = 'PASSBOOK_ALLOW_PRIVATE_URLS=1 make run'


def walkthrough_blocks():
    with open(os.path.join(REPO, 'README.md')) as f:
        text = f.read()
    m = re.search(r'^## Walkthrough.*?(?=^## )', text, re.M | re.S)
    check(m, 'README.md has a "## Walkthrough" section')
    return re.findall(r'^```sh\n(.*?)^```', m.group(0), re.M | re.S)


@suite.test(server=False)
def readme_walkthrough_runs_as_written():
    blocks = walkthrough_blocks()
    check(len(blocks) >= 8, 'the walkthrough has its steps: %d blocks' % len(blocks))
    eq(blocks[0].strip(), START, 'the walkthrough starts the server with make run')
    script = 'set -euo pipefail\n' + '\n'.join(blocks[1:])
    with Server(args=['--allow-private-urls']) as srv, tempfile.TemporaryDirectory() as work:
        os.makedirs(os.path.join(work, 'build'))
        os.symlink(BINARY, os.path.join(work, 'build', 'passbook'))
        os.symlink(os.path.join(REPO, 'tools'), os.path.join(work, 'tools'))
        env = dict(os.environ, PASSBOOK_LISTEN='127.0.0.1:%d' % srv.port, PASSBOOK_DATA=srv.data_dir,
                   RECEIVER_PORT=str(free_port()))
        if srv.on_postgres:   # as on a PostgreSQL install: every command finds the database there
            env['PASSBOOK_DB'] = srv.env['PASSBOOK_DB']
        p = subprocess.run(['bash', '-c', script], cwd=work, env=env, capture_output=True, text=True,
                           timeout=600)
        out = p.stdout + p.stderr
        eq(p.returncode, 0, 'the walkthrough failed:\n%s' % out[-4000:])
        check('"success"' in p.stdout, 'update_webhook answered success:\n' + out[-2000:])
        check('"bank_name": "hdfc"' in p.stdout, 'the statement was accepted:\n' + out[-2000:])
        check('"COMPLETED"' in p.stdout, 'the upload covers the default period:\n' + out[-2000:])
        with open(os.path.join(work, 'report.xlsx'), 'rb') as f:
            eq(f.read(2), b'PK', 'report.xlsx is a workbook')
        with open(os.path.join(work, 'webhooks.jsonl')) as f:
            events = f.read()
        check('SESSION_REQUIREMENT_COMPLETION_NOTIFICATION' in events or 'ENRICHMENT_NOTIFICATION' in events, events)
        check('ENRICHMENT_NOTIFICATION' in events, events)


if __name__ == '__main__':
    suite.main()
