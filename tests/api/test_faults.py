"""Faults (issue 11): a full disk, failing fsyncs and kill -9 at every step of the upload and
processing pipeline. Nothing acknowledged is lost, nothing unacknowledged is half there (a
statement without its file), and the server serves again once the fault is gone.

Disk faults are injected by a shim this test builds (tests/fault/shim.c, loaded with LD_PRELOAD
and steered through a control file while the server runs); crashes by the server's test-only
crash points (PASSBOOK_FAULT_KILL_AT, src/util/fault.h). On PostgreSQL the database's disk is
the database server's: triggers play its faults instead (database_fault below)."""

import os
import signal
import subprocess
import tempfile
import time

from harness import REPO, Server, check, eq, expect_error, suite
import upload_fixtures as fx
from upload_fixtures import new_session, session_get, upload, wait_processed

SHIM_SRC = os.path.join(REPO, 'tests', 'fault', 'shim.c')
SHIM = os.path.join(REPO, 'build', 'fault', 'shim.so')
EXIT_STORE_FAILED = 75


def build_shim():
    if os.path.exists(SHIM) and os.path.getmtime(SHIM) >= os.path.getmtime(SHIM_SRC):
        return SHIM
    os.makedirs(os.path.dirname(SHIM), exist_ok=True)
    subprocess.run(['cc', '-shared', '-fPIC', '-O1', '-o', SHIM, SHIM_SRC, '-ldl', '-pthread'], check=True)
    return SHIM


class Faulty(Server):
    """A server with the shim loaded; set_fault() changes what fails, at once."""

    def __init__(self, **kw):
        self.ctl = tempfile.mktemp(prefix='pb-fault-ctl-')
        env = dict(kw.pop('env', {}), LD_PRELOAD=build_shim(), PB_FAULT_CTL=self.ctl)
        # the sanitizer runtime need not come first when the shim is preloaded
        env['ASAN_OPTIONS'] = os.environ.get('ASAN_OPTIONS', 'detect_leaks=1:abort_on_error=1') + \
            ':verify_asan_link_order=0'
        super().__init__(env=env, **kw)
        self.set_fault('')

    def set_fault(self, rules):
        tmp = self.ctl + '.new'
        with open(tmp, 'w') as f:
            f.write(rules + '\n')
        os.replace(tmp, self.ctl)
        time.sleep(0.05)  # a new mtime even on coarse clocks

    def cleanup(self):
        super().cleanup()
        for p in (self.ctl, self.ctl + '.new'):
            if os.path.exists(p):
                os.unlink(p)


def database_fault(srv, fault):
    """Makes the database's disk fail: 'full' (no room) or 'sync' (its log cannot be made
    durable), or '' (healthy again). On SQLite through the shim (passbook.db and its WAL).
    On PostgreSQL the disk is the database server's, so triggers play what PostgreSQL does:
    'full' raises disk_full (SQLSTATE 53100, as when it cannot extend a table) at a
    statement's INSERT and at a session create's COMMIT; 'sync' ends the server process at
    COMMIT (a failed WAL fsync is a PANIC there: every connection is cut, nothing of the
    transaction is committed)."""
    if not srv.on_postgres:
        srv.set_fault({'full': 'enospc passbook.db', 'sync': 'fsync passbook.db', '': ''}[fault])
        return
    srv.set_fault('')
    for table in ('sessions', 'statements'):
        srv.sql('DROP TRIGGER IF EXISTS fault_%s ON %s' % (table, table))
    if not fault:
        return
    body = {'full': "RAISE EXCEPTION 'could not extend file' USING ERRCODE = 'disk_full'",
            'sync': 'PERFORM pg_terminate_backend(pg_backend_pid())'}[fault]
    srv.sql("CREATE OR REPLACE FUNCTION fault_%s() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "%s; RETURN NULL; END $$" % (fault, body))
    srv.sql('CREATE CONSTRAINT TRIGGER fault_sessions AFTER INSERT ON sessions DEFERRABLE INITIALLY '
            'DEFERRED FOR EACH ROW EXECUTE FUNCTION fault_%s()' % fault)
    srv.sql('CREATE TRIGGER fault_statements BEFORE INSERT ON statements FOR EACH ROW '
            'EXECUTE FUNCTION fault_%s()' % fault)


def download(srv, o, sid):
    out = []
    for s in session_get(srv, o, sid, 'get_pdfs').json['statements']:
        check(s['pdf_url'], 'a link for every statement: %r' % s)
        r = srv.get(s['pdf_url'].split('127.0.0.1:%d' % srv.port, 1)[1])
        eq(r.status, 200, 'get_pdfs link answers')
        out.append(r.body)
    return out


def statement_ids(srv, o, sid):
    st = srv.upload_status(o, sid).json
    return sorted(s['statement_id'] for a in st.get('accounts', []) for s in a['statements'])


@suite.test(server=False)
def a_full_disk_is_507_and_uploads_work_again_once_space_returns():
    with Faulty() as srv:
        o = srv.create_org('Full Disk Lender')
        sid = new_session(srv, o)
        srv.set_fault('enospc blobs/')           # no room for the file
        r = upload(srv, o, sid, fx.data('hdfc_q1'))
        expect_error(r, 507, 'INSUFFICIENT_STORAGE', 'file')
        eq(r.json.get('statement_id'), '', 'upload error envelope')
        database_fault(srv, 'full')              # room for the file, none for the database
        expect_error(upload(srv, o, sid, fx.data('hdfc_q1')), 507, 'INSUFFICIENT_STORAGE', 'database')
        r = srv.create_session(o, from_date='01/01/2024', to_date='31/03/2024')
        expect_error(r, 507, 'INSUFFICIENT_STORAGE', 'session create')
        eq(statement_ids(srv, o, sid), [], 'nothing stored')
        database_fault(srv, '')                  # space is back: no restart needed
        r = upload(srv, o, sid, fx.data('hdfc_q1'))
        eq(r.status, 200, 'upload after the disk has room again (%s)' % r.text[:300])
        eq(statement_ids(srv, o, sid), [r.json['statement_id']])
        eq(srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, {},
                    headers=o.headers()).status, 202)
        wait_processed(srv, o, sid)
        eq(download(srv, o, sid), [fx.data('hdfc_q1')])
        eq(os.listdir(os.path.join(srv.data_dir, 'blobs', 'tmp')), [], 'no temporary file left')


@suite.test(server=False)
def a_failed_file_fsync_is_never_acknowledged():
    with Faulty() as srv:
        o = srv.create_org('Fsync Lender')
        sid = new_session(srv, o)
        srv.set_fault('fsync blobs/')
        r = upload(srv, o, sid, fx.data('sbi_q1'))
        check(r.status >= 500, 'not acknowledged: %r' % r)
        eq(statement_ids(srv, o, sid), [], 'nothing stored')
        srv.set_fault('')
        eq(upload(srv, o, sid, fx.data('sbi_q1')).status, 200, 'the retry succeeds')


@suite.test(server=False)
def a_failed_database_sync_stops_the_server_and_loses_nothing_acknowledged():
    srv = Faulty()
    try:
        srv.start()
        o = srv.create_org('WAL Lender')
        sid = new_session(srv, o)
        first = upload(srv, o, sid, fx.data('icici_jan'))
        eq(first.status, 200)
        database_fault(srv, 'sync')
        try:
            r = upload(srv, o, sid, fx.data('hdfc_q1'))
            check(r.status != 200, 'acknowledged although the WAL was not synced: %r' % r)
        except OSError:
            pass  # the server went down before answering: not acknowledged either
        if srv.on_postgres:
            # PostgreSQL recovers from its own log and the next transaction can be trusted
            # (docs/operations.md, Durability): the node stays up and serves once it does
            eq(srv.get('/readyz').status, 200, 'the node stays up')
            database_fault(srv, '')
            second = upload(srv, o, sid, fx.data('hdfc_q1'))
            eq(second.status, 200, 'uploads pass again: %r' % second)
            ids = statement_ids(srv, o, sid)
            eq(sorted(ids), sorted([first.json['statement_id'], second.json['statement_id']]),
               'the acknowledged uploads, and nothing of the failed one')
        else:
            # SQLite's failed fsync poisons the file's pages: the server stops
            rc = srv.proc.wait(60)
            eq(rc, EXIT_STORE_FAILED, 'the server stops: it can no longer promise durability (log: %s)'
               % srv.log()[-1500:])
            srv.kill9()  # already gone; collects the log
            database_fault(srv, '')
            srv.start()
            ids = statement_ids(srv, o, sid)
        check(first.json['statement_id'] in ids, 'the acknowledged upload survived')
        srv.stop_checked()
    finally:
        srv.cleanup()


UPLOAD_STEPS = ['upload.queued', 'files.sealed', 'files.pinned', 'files.placed', 'ingest.extracted',
                'ingest.committed']
PIPELINE_STEPS = ['pipeline.load', 'pipeline.checks', 'pipeline.analyse', 'pipeline.complete',
                  'pipeline.notify']


def initiate(srv, o, sid):
    """initiate_processing/: 202, or 409 (400 once expired) when an earlier request already got through."""
    r = srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, {}, headers=o.headers())
    check(r.status == 202 or (r.status in (400, 409) and r.json['error']['code'] in ('SESSION_EXPIRED', 'DUPLICATE_PROCESSING_REQUEST')),
          repr(r))


def crash_at(point, pipeline):
    """kill -9 at one step; then restart and check the rules."""
    srv = Server()
    try:
        srv.start()
        o = srv.create_org('Crash Lender')
        sid = new_session(srv, o, to_date='30/04/2024')
        kept = upload(srv, o, sid, fx.data('icici_jan'))
        eq(kept.status, 200)
        srv.stop()
        srv.env['PASSBOOK_FAULT_KILL_AT'] = point
        srv.start()
        second = None
        if pipeline:
            second = upload(srv, o, sid, fx.data('hdfc_apr'))
            eq(second.status, 200)
        try:
            if pipeline:
                initiate(srv, o, sid)
            else:
                upload(srv, o, sid, fx.data('hdfc_apr'))
        except OSError:
            pass
        eq(srv.proc.wait(120), -signal.SIGKILL, '%s: the crash point was reached' % point)
        srv.kill9()
        del srv.env['PASSBOOK_FAULT_KILL_AT']
        srv.start()
        ids = statement_ids(srv, o, sid)
        check(kept.json['statement_id'] in ids, '%s: the acknowledged upload survived' % point)
        if second:
            check(second.json['statement_id'] in ids, '%s: the second acknowledged upload survived' % point)
        else:   # cut off mid-way: either not there, or whole; a retry settles it
            r = upload(srv, o, sid, fx.data('hdfc_apr'))
            check(r.status == 200 or (r.status == 400 and r.json['error']['code'] == 'STATEMENT_DUPLICATE'),
                  '%s: the retry is accepted or a duplicate: %r' % (point, r))
        initiate(srv, o, sid)  # again, if the crash came before its answer
        wait_processed(srv, o, sid, timeout=180)   # a job the dead server held resumes
        got = download(srv, o, sid)
        eq(sorted(got), sorted([fx.data('icici_jan'), fx.data('hdfc_apr')]), '%s: every PDF is there' % point)
        srv.stop_checked()
    finally:
        srv.cleanup()


@suite.test(server=False)
def kill9_at_every_step_of_an_upload():
    for point in UPLOAD_STEPS:
        crash_at(point, pipeline=False)


@suite.test(server=False)
def kill9_at_every_step_of_processing():
    for point in PIPELINE_STEPS:
        crash_at(point, pipeline=True)


if __name__ == '__main__':
    fx.ensure()
    suite.main()
