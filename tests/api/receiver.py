"""A lender's webhook receiver for tests: a python3 http.server on a free
loopback port that records every POST and answers with the statuses it is
told to (e.g. [500, 500] then 200 for ever). Every delivery is checked
against data/openapi.json's webhooks (openapi_check.webhook_problems): wait()
and leaving the `with` block fail on the first one that does not match.

    with Receiver(fail_first=2) as rx:
        url = rx.url                  # give it to update_webhook
        hits = rx.wait(1, timeout=30) # the first successful delivery
"""

import http.server
import json
import threading
import time

import openapi_check


class Hit:
    def __init__(self, path, headers, body, status):
        self.path = path
        self.headers = headers      # lower-case names
        self.body = body            # raw bytes, exactly as received
        self.status = status        # what we answered
        self.json = json.loads(body.decode('utf-8')) if body else None
        self.at = time.time()
        self.problems = openapi_check.webhook_problems(headers, body)


class Receiver:
    def __init__(self, fail_first=0, fail_status=500):
        self.fail_first = fail_first
        self.fail_status = fail_status
        self.hits = []
        self.lock = threading.Condition()
        rx = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                n = int(self.headers.get('Content-Length') or 0)
                body = self.rfile.read(n)
                with rx.lock:
                    failing = rx.fail_first > 0
                    if failing:
                        rx.fail_first -= 1
                    status = rx.fail_status if failing else 200
                    rx.hits.append(Hit(self.path, {k.lower(): v for k, v in self.headers.items()},
                                       body, status))
                    rx.lock.notify_all()
                self.send_response(status)
                self.send_header('Content-Type', 'application/json')
                self.send_header('Content-Length', '2')
                self.end_headers()
                self.wfile.write(b'{}')

            def log_message(self, *a):
                pass

        self.httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        self.port = self.httpd.server_address[1]
        self.url = 'http://127.0.0.1:%d/hooks/passbook' % self.port
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        if exc[0] is None:
            self.check_documented()

    def check_documented(self):
        """Raises AssertionError when a delivery is not what data/openapi.json says."""
        with self.lock:
            bad = [p for h in self.hits for p in h.problems]
        if bad:
            raise AssertionError('webhook does not match data/openapi.json:\n  ' + '\n  '.join(bad[:10]))

    def set_failing(self, n):
        with self.lock:
            self.fail_first = n

    def delivered(self):
        """The hits we answered 2xx."""
        with self.lock:
            return [h for h in self.hits if 200 <= h.status < 300]

    def wait(self, n_ok=1, timeout=30, n_any=None):
        """Waits until n_ok successful deliveries (or n_any hits of any kind)
        arrived; returns all hits. Raises AssertionError on timeout."""
        deadline = time.time() + timeout
        with self.lock:
            while True:
                ok = [h for h in self.hits if 200 <= h.status < 300]
                if (n_any is not None and len(self.hits) >= n_any) or \
                        (n_any is None and len(ok) >= n_ok):
                    hits = list(self.hits)
                    break
                left = deadline - time.time()
                if left <= 0:
                    raise AssertionError('receiver: waited %ss for %s deliveries, got %d hits (%d ok)'
                                         % (timeout, n_any if n_any is not None else n_ok,
                                            len(self.hits), len(ok)))
                self.lock.wait(left)
        self.check_documented()
        return hits
