"""Statement files by reference (issue 11, finding 1; src/ingest/files.h): uploads of the same
bytes share one file, and no other upload of those bytes (any organisation, any session, refused
or accepted, deleted afterwards) can take an acknowledged upload's PDF away. Files nothing refers
to are removed: after a refused upload, after a session delete, and by the sweep after a crash
cut an upload off mid-way."""

import os
import time

from harness import Server, check, eq, run_parallel, suite
import upload_fixtures as fx
from upload_fixtures import new_session, session_get, upload, wait_processed

DELETE = '/bank-connect/v1/session_data/%s/delete/'


def blob_files(srv):
    return srv.blob_files()


def download_pdfs(srv, o, sid):
    """The bytes behind every get_pdfs/ link of the session (None where there is none)."""
    out = []
    for s in session_get(srv, o, sid, 'get_pdfs').json['statements']:
        r = srv.get(s['pdf_url'].split('127.0.0.1:%d' % srv.port, 1)[1]) if s['pdf_url'] else None
        out.append(r.body if r is not None and r.status == 200 else None)
    return out


def fresh_bytes(pdf, n):
    """The same statement as other bytes (a trailing comment): a file no statement uses yet."""
    return pdf + b'%% round %d\n' % n


def one_round(srv, orgs, pdf, delay, problems):
    """Uploads of the same new bytes: refused ones (two reasons, two organisations) and one into a
    session deleted right after start first; accepted ones (and a duplicate pair) follow `delay`
    seconds later, so the refusals land while the accepted ones are still being read.
    Returns [(org, session)] of the acknowledged uploads; wrong answers go to problems."""
    a, b = orgs
    plan = [('out_of_range', b, 0), ('out_of_range', b, 0), ('bank_mismatch', a, 0), ('deleted', b, 0),
            ('ok', a, delay), ('ok', b, delay), ('ok', a, delay), ('dup', a, delay), ('dup', a, delay)]
    dup_sid = new_session(srv, a)
    sessions = []
    for kind, o, _ in plan:
        if kind == 'out_of_range':
            sessions.append(new_session(srv, o, from_date='01/01/2023', to_date='31/03/2023'))
        else:
            sessions.append(dup_sid if kind == 'dup' else new_session(srv, o))

    def send(i):
        kind, o, wait = plan[i]
        time.sleep(wait)
        fields = {'bank_name': 'sbi'} if kind == 'bank_mismatch' else {}
        r = upload(srv, o, sessions[i], pdf, **fields)
        if kind == 'deleted' and r.status == 200:
            eq(srv.request('DELETE', DELETE % sessions[i], headers=o.headers()).status, 200)
        return r

    results = run_parallel(len(plan), send)
    want = {'ok': (200, None), 'deleted': (200, None), 'out_of_range': (400, 'OUT_OF_DATE_RANGE'),
            'bank_mismatch': (400, 'BANK_NAME_MISMATCH')}
    kept = []
    for i, r in enumerate(results):
        kind, o, _ = plan[i]
        if isinstance(r, Exception):
            problems.append('%s: %r' % (kind, r))
            continue
        got = (r.status, r.json['error']['code'] if r.status != 200 else None)
        if kind in want and got != want[kind]:
            problems.append('%s upload answered %r' % (kind, got))
        if kind == 'ok' and r.status == 200:
            kept.append((o, sessions[i]))
    dups = sorted(results[i].status for i, p in enumerate(plan) if p[0] == 'dup'
                  and not isinstance(results[i], Exception))
    if dups != [200, 400]:
        problems.append('duplicate pair answered %r' % dups)
    if 200 in dups:
        kept.append((a, dup_sid))
    return kept


@suite.test
def acknowledged_pdfs_survive_whatever_other_uploads_of_the_bytes_do(srv):
    orgs = (srv.create_org('Files Lender A'), srv.create_org('Files Lender B'))
    base = fx.data('hdfc_q1')
    kept, problems = [], []
    for n, delay in enumerate((0, 0.05, 0.1, 0.2, 0.3, 0.5)):
        pdf = fresh_bytes(base, n)
        kept += [(o, sid, pdf) for o, sid in one_round(srv, orgs, pdf, delay, problems)]
    for o, sid, _ in kept:
        eq(srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, {}, headers=o.headers()).status,
           202)
    lost = []
    for o, sid, pdf in kept:
        wait_processed(srv, o, sid, timeout=120)
        got = download_pdfs(srv, o, sid)
        eq(len(got), 1, 'one statement in session %s' % sid)
        if got[0] != pdf:
            lost.append(sid)
    eq((lost, problems), ([], []), 'acknowledged uploads whose PDF is gone, wrong answers')
    eq(len(blob_files(srv)), 6, 'one file per distinct content')


@suite.test
def a_refused_upload_leaves_no_file(srv):
    o = srv.create_org('Refused Lender')
    before = blob_files(srv)
    sid = new_session(srv, o, from_date='01/01/2023', to_date='31/03/2023')
    r = upload(srv, o, sid, fx.data('sbi_q1'))
    eq(r.json['error']['code'], 'OUT_OF_DATE_RANGE')
    eq(blob_files(srv), before, 'the refused file is gone')
    eq(os.listdir(os.path.join(srv.data_dir, 'blobs', 'tmp')), [], 'no temporary file either')


@suite.test
def deleting_a_session_keeps_files_other_sessions_use(srv):
    a, b = srv.create_org('Delete Lender A'), srv.create_org('Delete Lender B')
    s1, s2, s3 = new_session(srv, a), new_session(srv, b), new_session(srv, a)
    for o, sid, name in ((a, s1, 'sbi_q1'), (b, s2, 'sbi_q1'), (a, s3, 'icici_jan')):
        eq(upload(srv, o, sid, fx.data(name)).status, 200)
    before = set(blob_files(srv))
    eq(srv.request('DELETE', DELETE % s1, headers=a.headers()).status, 200)
    eq(set(blob_files(srv)), before, 'sbi_q1 is still used by another organisation')
    eq(srv.request('DELETE', DELETE % s2, headers=b.headers()).status, 200)
    eq(len(before - set(blob_files(srv))), 1, 'the last user gone, the file goes')
    eq(srv.request('DELETE', DELETE % s3, headers=a.headers()).status, 200)
    eq(len(before - set(blob_files(srv))), 2, 'and the other one')


@suite.test(server=False)
def an_upload_killed_mid_extraction_is_swept():
    """kill -9 while the statement is being read: the file is pinned, in place, and nobody
    acknowledged it. After the pin's lifetime the sweep (at start, then hourly) removes it."""
    srv = Server(env={'PASSBOOK_FAULT_KILL_AT': 'files.placed'})
    try:
        srv.start()
        o = srv.create_org('Killed Lender')
        sid = new_session(srv, o)
        try:
            upload(srv, o, sid, fx.data('icici_jan'))
            check(False, 'the server should have died')
        except OSError:
            pass
        srv.proc.wait(30)
        srv.kill9()
        eq(len(blob_files(srv)), 1, 'the file was in place when the server died')
        del srv.env['PASSBOOK_FAULT_KILL_AT']
        srv.start()   # within the pin's lifetime: kept (the upload might be in flight elsewhere)
        time.sleep(1)
        eq(len(blob_files(srv)), 1, 'a pinned file is not swept early')
        srv.stop()
        srv.env['PASSBOOK_TEST_CLOCK_OFFSET'] = '7200'
        srv.start()   # two hours on: the pin expired, the sweep at start removes the file
        deadline = time.time() + 30
        while blob_files(srv) and time.time() < deadline:
            time.sleep(0.1)
        eq(blob_files(srv), [], 'swept; log: ' + srv.log()[-2000:])
        # and the same bytes upload fine afterwards (a new session: the clock moved past the old one's expiry)
        eq(upload(srv, o, new_session(srv, o), fx.data('icici_jan')).status, 200)
        eq(len(blob_files(srv)), 1)
        srv.stop_checked()
    finally:
        srv.cleanup()


@suite.test(server=False)
def a_deletion_cut_by_kill9_holds_back_no_upload():
    """kill -9 between a deletion's claim and its end (files.claimed: the file still there;
    files.removed: gone, its row not yet forgotten). The dead server's claim must not hold uploads
    of those bytes back: the restarted server ends it at start, so the same bytes are answered 200
    (not 503 'busy' while a claim of a dead process ages out), and after processing the PDF comes
    back byte for byte."""
    for point in ('files.claimed', 'files.removed'):
        srv = Server(env={'PASSBOOK_FAULT_KILL_AT': point})
        try:
            srv.start()
            o = srv.create_org('Cut Deletion Lender')
            pdf = fresh_bytes(fx.data('sbi_q1'), 7)
            refused = new_session(srv, o, from_date='01/01/2023', to_date='31/03/2023')
            try:   # OUT_OF_DATE_RANGE: the refused upload's file is claimed for deletion
                upload(srv, o, refused, pdf)
                check(False, 'the server should have died at ' + point)
            except OSError:
                pass
            srv.proc.wait(30)
            srv.kill9()
            del srv.env['PASSBOOK_FAULT_KILL_AT']
            srv.start()
            sid = new_session(srv, o)
            r = upload(srv, o, sid, pdf)
            eq((r.status, r.text[:200]), (200, r.text[:200]), point + ': the same bytes after the restart')
            eq(srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, {},
                        headers=o.headers()).status, 202)
            wait_processed(srv, o, sid, timeout=120)
            eq(download_pdfs(srv, o, sid), [pdf], point + ': the PDF byte for byte')
            eq(len(blob_files(srv)), 1, point + ': one file')
            srv.stop_checked()
        finally:
            srv.cleanup()


@suite.test(server=False)
def debris_of_older_versions_is_swept_but_young_files_are_not():
    """A file in place that the store has never heard of (an older version's crash) goes once it is
    a day old; a young one may be another node's upload in progress."""
    with Server() as srv:
        old = 'ab' + '0' * 62
        young = 'ac' + '0' * 62
        two_days = int(time.time()) - 2 * 86400
        for sha, made in ((old, two_days), (young, int(time.time()))):
            if srv.on_postgres:   # the files the store keeps itself
                srv.sql('INSERT INTO blob_chunks(sha256, part, data, created_at) VALUES (?, 0, ?, ?)',
                        sha, b'%PDF-1.4 debris', made)
                continue
            blobs = os.path.join(srv.data_dir, 'blobs')
            os.makedirs(os.path.join(blobs, sha[:2]), exist_ok=True)
            with open(os.path.join(blobs, sha[:2], sha), 'wb') as f:
                f.write(b'%PDF-1.4 debris')
            os.utime(os.path.join(blobs, sha[:2], sha), (made, made))
        srv.restart()
        deadline = time.time() + 30
        # the sweep removes the file, then forgets its row: wait for both
        while (old in blob_files(srv) or srv.sql('SELECT count(*) FROM blobs')[0][0]) and time.time() < deadline:
            time.sleep(0.1)
        eq(blob_files(srv), [young])
        eq(srv.sql('SELECT count(*) FROM blobs')[0][0], 0, 'no row left behind')


if __name__ == '__main__':
    fx.ensure()
    suite.main()
