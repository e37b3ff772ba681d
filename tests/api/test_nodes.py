"""Several Passbook nodes on one PostgreSQL database (issue 15; docs/operations.md, "Several
nodes on PostgreSQL"): what one node acknowledges every other node serves at once (organisations,
sessions, uploads, their files behind signed links), processing asked on one node runs on any,
and a node killed with kill -9 loses nothing: acknowledged uploads are there, the job it held is
run by another node once its lease ends, the webhook is delivered once.

Runs against PB_TEST_PG (tests/run.sh starts a throwaway cluster) or, run alone, against a
cluster of its own (scripts/pg-cluster.sh)."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import REPO, Server, check, eq, expect_error, suite  # noqa: E402
from receiver import Receiver  # noqa: E402
import upload_fixtures as fx  # noqa: E402
from upload_fixtures import new_session, session_get, upload, wait_processed  # noqa: E402

LEASE = 8   # --job-lease of every node: a dead node's job waits this long
HOOK_LEASE = 12   # --webhook-lease: a dead node's webhook deliveries wait this long
FAST = ['--job-lease', str(LEASE), '--webhook-lease', str(HOOK_LEASE), '--webhook-retry-base', '1',
        '--allow-private-urls']
INITIATE = '/bank-connect/v1/session_data/%s/initiate_processing/'


class Nodes:
    """Nodes named a, b, ... sharing one fresh database and one key file (as an operator
    copies it to every node), each with a data directory of its own. `with Nodes(n) as nodes:`
    closes them at the end (stops every node, drops the database, reports their problems)."""

    def __init__(self, n, env_of=None, args_of=None):
        self.home = tempfile.mkdtemp(prefix='pb-nodes-')
        self.db = harness.pg_database(self.home)
        self.nodes = []
        for i in range(n):
            name = chr(ord('a') + i)
            env = {'PASSBOOK_DB': self.db}
            env.update((env_of or {}).get(name, {}))
            self.nodes.append(Server(data_dir=os.path.join(self.home, name), env=env,
                                     args=FAST + ['--node-name', name] + (args_of or {}).get(name, [])))

    def start(self, node):
        first = self.nodes[0]
        os.makedirs(node.data_dir, exist_ok=True)
        if node is not first:   # the key file the database knows (its fingerprint)
            shutil.copy2(os.path.join(first.data_dir, 'passbook.keys'), node.data_dir)
        return node.start()

    def start_all(self):
        """Starts every node, a first; returns them."""
        for node in self.nodes:
            self.start(node)
        return self.nodes

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        problems = []
        for node in self.nodes:
            node.stop()
            problems += node.problems_beyond_kill9()
        if problems:
            logs = '\n'.join(n.log()[-2000:] for n in self.nodes)
        name = urllib.parse.urlsplit(self.db).path.lstrip('/')
        subprocess.run(['psql', harness.PG_SERVER, '-qAtc', 'DROP DATABASE IF EXISTS %s WITH (FORCE)' % name],
                       capture_output=True, timeout=120)
        shutil.rmtree(self.home, ignore_errors=True)
        check(not problems, '; '.join(problems) + '\n' + (logs if problems else ''))


def statement_ids(srv, o, sid):
    st = srv.upload_status(o, sid).json
    return sorted(s['statement_id'] for acct in st['accounts'] for s in acct['statements'])


def download(srv, url):
    """A signed link's bytes, fetched from srv whichever node signed it."""
    path = '/' + url.split('://', 1)[1].split('/', 1)[1]
    r = srv.get(path)
    eq(r.status, 200, 'download %s from another node' % path)
    return r.body


@suite.test(server=False)
def what_one_node_acknowledges_every_node_serves():
    with Nodes(2) as nodes:
        a, b = nodes.start_all()
        o = a.create_org('Two Node Lender')        # created while both serve: no restart, no cache
        eq(b.get('/readyz').status, 200)
        sid = new_session(b, o)
        eq(a.upload_status(o, sid).json['upload_status'], 'NO_UPLOAD', 'created on b, read on a')
        r1 = upload(a, o, sid, fx.data('hdfc_q1'))
        r2 = upload(b, o, sid, fx.data('sbi_q1'))
        eq((r1.status, r2.status), (200, 200), r1.text[:200] + r2.text[:200])
        want = sorted([r1.json['statement_id'], r2.json['statement_id']])
        eq(statement_ids(a, o, sid), want, 'both uploads on a')
        eq(statement_ids(b, o, sid), want, 'both uploads on b')
        eq(a.post(INITIATE % sid, headers=o.headers()).status, 202)
        wait_processed(b, o, sid)
        rows = session_get(b, o, sid, 'transactions').json['transactions']
        eq(len(rows), len(fx.truth('hdfc_q1')['transactions']) + len(fx.truth('sbi_q1')['transactions']))
        eq(session_get(a, o, sid, 'transactions').json, session_get(b, o, sid, 'transactions').json,
           'both nodes answer the same')
        # a link signed by one node opens on the other; the file is in the database, not on a's disk
        pdfs = {s['statement_id']: s['pdf_url'] for s in session_get(b, o, sid, 'get_pdfs').json['statements']}
        eq(download(a, pdfs[r2.json['statement_id']]), fx.data('sbi_q1'))
        eq(download(b, pdfs[r1.json['statement_id']]), fx.data('hdfc_q1'))
        check(not any(os.listdir(os.path.join(n.data_dir, 'blobs', 'tmp'))
                      for n in (a, b)), 'no file left on a node')
        # the job ran once, on one of the two
        jobs = a.sql("SELECT state, attempts, locked_by FROM jobs WHERE kind = 'process_session'")
        eq([(j[0], j[1]) for j in jobs], [('done', 1)])
        check(jobs[0][2].split(':')[0] in ('a', 'b'), 'run by a named node: %r' % jobs)


def listed_files(srv, o, sid):
    """{upload_file_name: [statement_id, ...]} of a session as srv lists it."""
    st = srv.upload_status(o, sid).json
    out = {}
    for acct in st['accounts']:
        for s in acct['statements']:
            out.setdefault(s['upload_file_name'], []).append(s['statement_id'])
    return out


@suite.test(server=False)
def a_node_killed_holding_uploads_and_a_job_loses_nothing():
    """a dies (SIGKILL, by itself) as soon as it starts processing: it holds the job, and three
    uploads into another session are at three different points: one answered 200, one committed
    but not yet answered, one read but not committed. What a answered 200 is on b; what it committed
    without answering is on b too (the client, who got no answer, retries on b and is told it is a
    duplicate); what it never committed is not (the retry on b stores it)."""
    # a's uploads: two into sid, then three into `other`: the first answered; the second paused
    # after its COMMIT, before its answer (a's fourth commit); the third paused before its commit
    # (a's fifth file read). A pause holds that visit and every later one.
    with Nodes(2, env_of={'a': {'PASSBOOK_FAULT_KILL_AT': 'pipeline.checks',
                                'PASSBOOK_FAULT_PAUSE_AT': 'ingest.committed@4=3600,ingest.extracted@5=3600'}},
               args_of={'a': ['--ingest-threads', '4', '--ingest-per-org', '2', '--ingest-per-session', '2']}) as nodes:
        a, b = nodes.nodes
        nodes.start(a)
        with Receiver() as rx:
            o = a.create_org('Crash Lender')
            r = a.post('/bank-connect/v1/session_data/update_webhook/',
                       {'webhook_url': rx.url, 'webhook_mode': 1}, headers=o.headers())
            eq(r.status, 200, r.text[:200])
            sid = new_session(a, o)
            other = new_session(a, o)
            acked = [upload(a, o, sid, fx.data(n)).json['statement_id'] for n in ('hdfc_q1', 'sbi_q1')]
            answers, lock = {}, threading.Lock()

            def send(name):
                try:
                    r = upload(a, o, other, fx.data(name), name=name + '.pdf')
                except OSError:
                    r = None   # cut off by the kill: no answer
                with lock:
                    answers[name] = r

            def in_flight(name, point, seen):
                t = threading.Thread(target=send, args=(name,))
                t.start()
                wait_for('a to hold %s at %s' % (name, point),
                         lambda: a.log().count('fault point %s reached' % point) >= seen or name in answers, 120)
                check(name not in answers, '%s held by a, not answered: %r' % (name, answers.get(name)))
                return t
            send('hdfc_q1')                                                 # answered
            eq(answers['hdfc_q1'].status, 200, answers['hdfc_q1'].text[:200])
            threads = [in_flight('icici_jan', 'ingest.committed', 1),      # committed, answer held
                       in_flight('sbi_q1', 'ingest.extracted', 1)]         # read, commit held
            # processing asked: a's worker takes the job and dies at its second step
            eq(a.post(INITIATE % sid, headers=o.headers()).status, 202)
            a.proc.wait(60)                         # the fault point killed it, job in hand
            a.kill9()
            for t in threads:
                t.join(120)
            eq((answers['icici_jan'], answers['sbi_q1']), (None, None), 'the held uploads were never answered')
            held = a.sql("SELECT state, locked_by FROM jobs WHERE kind = 'process_session'")
            eq([(h[0], h[1].split(':')[0]) for h in held], [('running', 'a')], 'a held the job when it died')
            nodes.start(b)
            eq(statement_ids(b, o, sid), sorted(acked), 'acknowledged uploads are on b')
            listed = listed_files(b, o, other)
            eq(listed.get('hdfc_q1.pdf'), [answers['hdfc_q1'].json['statement_id']],
               'the upload a acknowledged is on b: %r' % listed)
            eq(len(listed.get('icici_jan.pdf', [])), 1, 'the upload a committed but never answered is on b: %r' % listed)
            check('sbi_q1.pdf' not in listed, 'the upload a never committed is not on b: %r' % listed)
            sent = {(hashlib.sha256(fx.data(n)).hexdigest(), len(fx.data(n))) for n in ('icici_jan', 'hdfc_q1')}
            files = b.sql('SELECT blob_sha256, file_size FROM statements WHERE session_id = ?', other)
            eq(sorted(tuple(f) in sent for f in files), [True, True], 'whole files stored: %r' % files)
            # the client retries on b what a never answered
            expect_error(upload(b, o, other, fx.data('icici_jan'), name='icici_jan.pdf'), 400, 'STATEMENT_DUPLICATE',
                         'stored by a before it died')
            r = upload(b, o, other, fx.data('sbi_q1'), name='sbi_q1.pdf')
            eq(r.status, 200, r.text[:200])
            eq(statement_ids(b, o, other), sorted(listed['icici_jan.pdf'] + listed['hdfc_q1.pdf'] +
                                                  [r.json['statement_id']]), 'each file once')
            wait_processed(b, o, sid, timeout=LEASE + 90)
            jobs = b.sql("SELECT state, attempts, locked_by FROM jobs WHERE kind = 'process_session'")
            eq([(j[0], j[1], j[2].split(':')[0]) for j in jobs], [('done', 2, 'b')], 'b finished it')
            eq(len(session_get(b, o, sid, 'transactions').json['transactions']),
               len(fx.truth('hdfc_q1')['transactions']) + len(fx.truth('sbi_q1')['transactions']))
            deadline = time.time() + 60
            while time.time() < deadline and not any(
                    h.json['event_name'] == 'ENRICHMENT_NOTIFICATION' for h in rx.hits):
                time.sleep(0.1)
            time.sleep(2)
            events = sorted((h.json['event_name'], h.json['session_id']) for h in rx.hits)
            check(('ENRICHMENT_NOTIFICATION', sid) in events, 'processing notified: %r' % events)
            eq(len(events), len(set(events)), 'every event delivered once')


@suite.test(server=False)
def nodes_carry_on_when_the_database_drops_their_connections():
    """A database restart or failover ends every node's connections: the next requests find out
    before they use one, reconnect, and succeed. Twice, the second time on the reconnected ones.
    A node names its connections 'passbook' unless the operator names them (PGAPPNAME here)."""
    with Nodes(2, env_of={'b': {'PGAPPNAME': 'passbook-b'}}) as nodes:
        a, b = nodes.start_all()
        o = a.create_org('Reconnect Lender')
        for attempt in range(2):
            for n in (a, b):                       # every kind of connection in use
                sid = new_session(n, o)            # the commit thread's connection
                eq(n.upload_status(o, sid).json['upload_status'], 'NO_UPLOAD')   # a pooled one
                eq(n.get('/readyz').status, 200)
            ended = dict(a.sql('SELECT application_name, count(pg_terminate_backend(pid)) FROM pg_stat_activity '
                               'WHERE datname = current_database() AND pid <> pg_backend_pid() '
                               'GROUP BY application_name'))
            for name in ('passbook', 'passbook-b'):
                check(ended.get(name, 0) >= 2, 'attempt %d: %s had a commit and a pooled connection to end: %r'
                      % (attempt, name, ended))
            time.sleep(1)
            sid = new_session(a, o)
            eq(b.upload_status(o, sid).json['upload_status'], 'NO_UPLOAD')
            eq(upload(b, o, sid, fx.data('icici_jan')).status, 200)
            for n in (a, b):
                eq(n.get('/readyz').status, 200)


@suite.test(server=False)
def a_key_rotated_through_one_node_stops_at_once_on_every_node():
    """Each node keeps the keys it saw for session create; a key rotated through one node creates
    nothing on any node from the next request on (the insert checks it at its commit), the new
    key works on every node at once, and a mode turned off holds everywhere at once too."""
    with Nodes(2) as nodes:
        a, b = nodes.start_all()
        o = a.create_org('Rotating Lender')
        for n in (a, b):
            for i in range(2):                     # the second from the node's cache
                eq(n.create_session(o, bank_name='sbi', mode='aa').status, 200, 'create %d' % i)
        rot = json.loads(a.cli('org', 'rotate-key', o.id).stdout)
        for n in (a, b):
            expect_error(n.create_session(o), 401, 'AUTHENTICATION_CREDENTIALS_NOT_PROVIDED', 'rotated key')
        o.api_key, o.server_hash = rot['api_key'], rot['server_hash']
        for n in (a, b):
            for i in range(2):
                eq(n.create_session(o, bank_name='sbi', mode='aa').status, 200, 'new key, create %d' % i)
        b.cli('org', 'set-modes', o.id, '--modes', 'pdf')
        for n in (a, b):
            expect_error(n.create_session(o, bank_name='sbi', mode='aa'), 403, 'MODE_NOT_ENABLED', 'aa turned off')
            eq(n.create_session(o, bank_name='hdfc', mode='pdf').status, 200, 'pdf still on')


def wait_for(what, fn, timeout):
    deadline = time.time() + timeout
    while True:
        got = fn()
        if got:
            return got
        check(time.time() < deadline, 'waited %ss for %s' % (timeout, what))
        time.sleep(0.2)


@suite.test(server=False)
def three_nodes_one_killed_holding_uploads_jobs_and_webhooks():
    """Three nodes, requests spread over them; a is killed with kill -9 while it holds unacknowledged
    uploads, processing jobs and webhook deliveries. a pauses (alive, holding what it took) in the
    middle of each kind of work: its fifth and later uploads after extraction, before their commit;
    every job it claims at the checks step; its webhook dispatcher right after the receiver
    answered a delivery, before a records the outcome. Afterwards every acknowledged upload is
    there, every job finishes on b or c, every webhook is delivered at least once, the one a had
    sent again with the same delivery id."""
    pause = 'ingest.extracted@5=3600,pipeline.checks=3600,notify.attempted=3600'
    with Nodes(3, env_of={'a': {'PASSBOOK_FAULT_PAUSE_AT': pause}},
               args_of={'b': ['--workers', '1'], 'c': ['--workers', '1']}) as nodes:
        a, b, c = nodes.start_all()
        with Receiver() as rx:
            o = a.create_org('Three Node Lender')
            r = b.post('/bank-connect/v1/session_data/update_webhook/',
                       {'webhook_url': rx.url, 'webhook_mode': 1}, headers=o.headers())
            eq(r.status, 200, r.text[:200])
            # sessions created on one node, read on another; uploads spread, four of them on a (each
            # queues a completion webhook and wakes a's own dispatcher, which takes it at once)
            sids, acked = [], {}
            for i in range(8):
                maker, reader, loader = nodes.nodes[i % 3], nodes.nodes[(i + 1) % 3], nodes.nodes[(0, 1, 0, 2)[i % 4]]
                sid = new_session(maker, o)
                eq(reader.upload_status(o, sid).json['upload_status'], 'NO_UPLOAD',
                   'created on %s, read on %s' % ('abc'[i % 3], 'abc'[(i + 1) % 3]))
                r = upload(loader, o, sid, fx.data('icici_jan' if i % 2 else ('hdfc_q1', 'sbi_q1')[i // 2 % 2]))
                eq(r.status, 200, r.text[:200])
                sids.append(sid)
                acked[sid] = [r.json['statement_id']]
            # a's own completion webhook: a queued it and woke its dispatcher, which now holds it
            held_hooks = wait_for('a to hold a webhook delivery', lambda: b.sql(
                "SELECT id FROM webhook_deliveries WHERE status = 'pending' AND lease_owner LIKE 'a:%'"), 60)
            held_ids = [h[0] for h in held_hooks]
            sent_by_a = wait_for('a to send one of the deliveries it holds', lambda: [
                h.headers['x-passbook-delivery'] for h in rx.hits if h.headers['x-passbook-delivery'] in held_ids], 30)
            # processing asked on every node; a's workers hold what they claim (lease kept alive)
            jobs_a = []
            for i, sid in enumerate(sids):
                eq(nodes.nodes[(i + 2) % 3].post(INITIATE % sid, headers=o.headers()).status, 202)
            extra = 0
            while True:
                wait_for('every job claimed', lambda: not b.sql(
                    "SELECT id FROM jobs WHERE kind = 'process_session' AND state = 'queued'"), 60)
                jobs_a = b.sql("SELECT id FROM jobs WHERE state = 'running' AND locked_by LIKE 'a:%'")
                if jobs_a or extra == 12:
                    break
                extra += 1              # b and c took them all: one more session, until a holds one
                sid = new_session(nodes.nodes[extra % 3], o)
                r = upload(b, o, sid, fx.data('icici_jan'))
                eq(r.status, 200, r.text[:200])
                sids.append(sid)
                acked[sid] = [r.json['statement_id']]
                eq(c.post(INITIATE % sid, headers=o.headers()).status, 202)
            check(jobs_a, 'a claimed one of %d jobs' % len(sids))
            time.sleep(LEASE + 2)       # longer than a lease: a, alive, keeps its jobs
            eq(b.sql("SELECT count(*) FROM jobs WHERE state = 'running' AND locked_by LIKE 'a:%'")[0][0],
               len(jobs_a), 'a live node keeps the jobs it runs')
            # uploads in flight on a: read, then held before their commit
            late = new_session(c, o)
            answers, lock = [], threading.Lock()

            def send(name):
                try:
                    r = upload(a, o, late, fx.data(name))
                    with lock:
                        answers.append((name, r))
                except OSError:
                    with lock:
                        answers.append((name, None))   # cut off by the kill: never acknowledged
            threads = [threading.Thread(target=send, args=(n,)) for n in ('hdfc_q1', 'sbi_q1')]
            for t in threads:
                t.start()
            wait_for('a to hold two uploads', lambda: a.log().count('fault point ingest.extracted reached') >= 2, 120)
            a.kill9()
            for t in threads:
                t.join(120)
            for name, r in answers:         # the client retries what was not acknowledged, on b
                if r is None or r.status != 200:
                    r = upload(b, o, late, fx.data(name))
                eq(r.status, 200, r.text[:200])
                acked.setdefault(late, []).append(r.json['statement_id'])
            sids.append(late)
            for sid in sids:                # every acknowledged upload, read on c
                eq(statement_ids(c, o, sid), sorted(acked[sid]), 'acknowledged uploads of %s' % sid)
            for sid in sids[:-1]:           # every job finishes, a's on b or c after its lease
                wait_processed(c, o, sid, timeout=LEASE + 120)
            for (jid,) in jobs_a:
                row = b.sql('SELECT state, locked_by FROM jobs WHERE id = ?', jid)[0]
                eq((row[0], row[1].split(':')[0] in ('b', 'c')), ('done', True), 'job %s: %r' % (jid, row))
            # every webhook delivered, a's again from b or c with the same delivery id
            wait_for('every delivery delivered', lambda: not b.sql(
                "SELECT id FROM webhook_deliveries WHERE status <> 'delivered'"), HOOK_LEASE + 120)
            got = [h.headers['x-passbook-delivery'] for h in rx.delivered()]
            for (did,) in b.sql('SELECT id FROM webhook_deliveries'):
                check(did in got, 'delivery %s reached the receiver' % did)
            again = [d for d in sent_by_a if got.count(d) >= 2]
            check(again, 'the delivery a sent before dying was sent again with its id: %r' % sent_by_a)


@suite.test(server=False)
def a_full_database_disk_is_answered_507_and_passes():
    """PostgreSQL answers disk_full (SQLSTATE 53100) when it cannot extend a table: the request is
    answered 507 INSUFFICIENT_STORAGE, nothing of it is stored, the node stays up, and the same
    request succeeds once there is room (triggers play the full disk, at an INSERT and at COMMIT)."""
    with Nodes(1) as nodes:
        (a,) = nodes.start_all()
        o = a.create_org('Full Disk Lender')
        sid = new_session(a, o)
        a.sql("CREATE FUNCTION disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
              "RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'; END $$")
        # at COMMIT for session creates (the group commit's COMMIT fails), at the INSERT for uploads
        a.sql('CREATE CONSTRAINT TRIGGER full_sessions AFTER INSERT ON sessions DEFERRABLE INITIALLY '
              'DEFERRED FOR EACH ROW EXECUTE FUNCTION disk_full()')
        a.sql('CREATE TRIGGER full_statements BEFORE INSERT ON statements FOR EACH ROW '
              'EXECUTE FUNCTION disk_full()')
        before = a.sql('SELECT count(*) FROM sessions')[0][0]
        r = a.create_session(o, from_date='01/01/2024', to_date='31/03/2024')
        expect_error(r, 507, 'INSUFFICIENT_STORAGE', 'session create')
        expect_error(upload(a, o, sid, fx.data('icici_jan')), 507, 'INSUFFICIENT_STORAGE', 'upload')
        eq(a.sql('SELECT count(*) FROM sessions')[0][0], before, 'nothing stored')
        eq(a.sql('SELECT count(*) FROM statements')[0][0], 0, 'nothing stored')
        eq(a.get('/readyz').status, 200, 'the node stays up')
        for table in ('sessions', 'statements'):
            a.sql('DROP TRIGGER full_%s ON %s' % (table, table))
        check(new_session(a, o), 'creates pass again')
        eq(upload(a, o, sid, fx.data('icici_jan')).status, 200, 'uploads pass again')


def main():
    fx.ensure()
    own = None
    if not harness.PG_SERVER:   # run alone: a cluster of our own
        own = tempfile.mkdtemp(prefix='pb-pg-')
        p = subprocess.run([os.path.join(REPO, 'scripts', 'pg-cluster.sh'), 'start', own],
                           capture_output=True, text=True, timeout=300)
        if p.returncode != 0:
            print('FAIL PostgreSQL cluster: ' + p.stderr[-2000:])
            print('0 passed, 1 failed')
            sys.exit(1)
        harness.PG_SERVER = p.stdout.strip()
    try:
        suite.main()
    finally:
        if own:
            subprocess.run([os.path.join(REPO, 'scripts', 'pg-cluster.sh'), 'stop', own], timeout=120)


if __name__ == '__main__':
    main()
