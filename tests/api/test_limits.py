"""Bounded extraction and fair queues through the API (issue 11, findings 2 and 4): bomb PDFs
are answered 400 STATEMENT_TOO_COMPLEX in the upload envelope while another organisation's
upload goes through; a slow file_url download does not hold an extraction thread; work over an
organisation's limit waits in the queue instead of being refused; a full queue answers 503.
(Timings are measured by bench/bounds.sh, not asserted here.)"""

import http.server
import os
import socketserver
import threading
import time

from harness import Server, check, eq, expect_error, run_parallel, suite
import bombs
import upload_fixtures as fx
from upload_fixtures import new_session, upload

BOMBS = {
    'nested forms (30 deep, 4 each)': lambda: bombs.nested_forms(30, 4),
    'nested forms (11 deep, 5 each)': lambda: bombs.nested_forms(11, 5),
    'double Flate, 4 GiB of spaces': lambda: bombs.flate_bomb(4, 2),
    'operator flood': lambda: bombs.operator_flood(12),
}


@suite.test
def every_bomb_is_refused_with_its_own_code(srv):
    o = srv.create_org('Bomb Lender')
    for name, make in BOMBS.items():
        pdf = make()
        check(len(pdf) < 512 * 1024, '%s is small (%d bytes)' % (name, len(pdf)))
        r = upload(srv, o, new_session(srv, o), pdf)
        expect_error(r, 400, 'STATEMENT_TOO_COMPLEX', name)
        eq((r.json['session_id'], r.json['statement_id']), ('', ''), 'upload error envelope')
    eq(srv.get('/healthz').status, 200)


@suite.test
def another_organisations_upload_goes_through_while_bombs_are_read(srv):
    a, b = srv.create_org('Bombing Lender'), srv.create_org('Ordinary Lender')
    pdfs = [make() for make in BOMBS.values()]
    sessions = [new_session(srv, a) for _ in pdfs] + [new_session(srv, b)]

    def send(i):
        if i < len(pdfs):
            return upload(srv, a, sessions[i], pdfs[i])
        time.sleep(0.3)   # the bombs are in first
        return upload(srv, b, sessions[i], fx.data('hdfc_q1'))
    results = run_parallel(len(pdfs) + 1, send)
    for r in results[:-1]:
        expect_error(r, 400, 'STATEMENT_TOO_COMPLEX')
    eq(results[-1].status, 200, 'the ordinary upload (%s)' % results[-1].text[:300])


class Trickle(http.server.BaseHTTPRequestHandler):
    """Serves a PDF a few bytes at a time over `seconds`."""
    pdf = b''
    seconds = 10.0
    started = threading.Event()

    def do_GET(self):
        Trickle.started.set()
        self.send_response(200)
        self.send_header('Content-Type', 'application/pdf')
        self.send_header('Content-Length', str(len(self.pdf)))
        self.end_headers()
        steps = 50
        size = len(self.pdf) // steps + 1
        for i in range(0, len(self.pdf), size):
            try:
                self.wfile.write(self.pdf[i:i + size])
                self.wfile.flush()
            except OSError:
                return
            time.sleep(self.seconds / steps)

    def log_message(self, *a):
        pass


def trickle_server(pdf, seconds):
    Trickle.pdf = pdf
    Trickle.seconds = seconds
    Trickle.started.clear()
    httpd = socketserver.ThreadingTCPServer(('127.0.0.1', 0), Trickle)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, 'http://127.0.0.1:%d/statement.pdf' % httpd.server_address[1]


def url_upload(srv, o, sid, url):
    return upload(srv, o, sid, None, file_url=url)


@suite.test(server=False)
def a_slow_download_does_not_hold_the_only_extraction_thread():
    with Server(args=['--ingest-threads', '1', '--allow-private-urls']) as srv:
        a, b = srv.create_org('Slow URL Lender'), srv.create_org('Quick Lender')
        httpd, url = trickle_server(fx.data('sbi_q1'), 20)
        try:
            slow = {}
            t = threading.Thread(target=lambda: slow.setdefault('r', url_upload(srv, a, new_session(srv, a), url)))
            t.start()
            check(Trickle.started.wait(30), 'the download began')
            r = upload(srv, b, new_session(srv, b), fx.data('hdfc_q1'))
            eq(r.status, 200, 'the other organisation is answered')
            check(t.is_alive(), 'while the slow download still runs: it holds no extraction thread')
            t.join(120)
            eq(slow['r'].status, 200, 'and the slow one completes (%s)' % slow['r'].text[:200])
        finally:
            httpd.shutdown()


@suite.test(server=False)
def work_over_a_limit_waits_and_only_a_full_queue_refuses():
    with Server(args=['--ingest-threads', '1', '--ingest-per-org', '1']) as srv:
        o = srv.create_org('Busy Lender')
        names = ['hdfc_q1', 'sbi_q1', 'icici_jan', 'tampered', 'hdfc_q1', 'sbi_q1']
        sessions = [new_session(srv, o) for _ in names]
        results = run_parallel(len(names), lambda i: upload(srv, o, sessions[i], fx.data(names[i])))
        eq([r.status for r in results], [200] * len(names), 'all waited their turn, none refused')
    with Server(args=['--fetch-threads', '1', '--ingest-queue', '1', '--allow-private-urls']) as srv:
        o = srv.create_org('Queue Lender')
        httpd, url = trickle_server(fx.data('icici_jan'), 8)
        try:
            out = {}
            first = threading.Thread(target=lambda: out.setdefault(1, url_upload(srv, o, new_session(srv, o), url)))
            first.start()
            check(Trickle.started.wait(30), 'the first download runs')
            second = threading.Thread(target=lambda: out.setdefault(2, url_upload(srv, o, new_session(srv, o), url)))
            second.start()
            deadline = time.time() + 30
            while 'passbook_fetch_queued 1' not in srv.get('/metrics').text and time.time() < deadline:
                time.sleep(0.05)
            r = url_upload(srv, o, new_session(srv, o), url)   # the queue (1) is full now
            expect_error(r, 503, 'SERVICE_UNAVAILABLE', 'a full queue')
            first.join(120)
            second.join(120)
            eq((out[1].status, out[2].status), (200, 200), 'queued work is done')
        finally:
            httpd.shutdown()


if __name__ == '__main__':
    fx.ensure()
    suite.main()
