#!/usr/bin/env python3
"""A webhook receiver for trying Passbook on one machine: listens on 127.0.0.1:PORT, answers
every POST with 200 and appends its JSON body, one line each, to FILE.

    python3 tools/webhook_receiver.py FILE [--port 9000]

Point update_webhook/ at http://127.0.0.1:PORT/ (the server must run with
--allow-private-urls / PASSBOOK_ALLOW_PRIVATE_URLS=1 to deliver to a loopback address).
Stops on Ctrl-C or SIGTERM.
"""
import argparse
import http.server
import json
import signal
import sys


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="file the received bodies are appended to (JSON lines)")
    ap.add_argument("--port", type=int, default=9000)
    a = ap.parse_args(argv)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                line = json.dumps(json.loads(body), separators=(",", ":"))
            except ValueError:
                line = json.dumps({"unparsable_body": body.decode("utf-8", "replace")})
            with open(a.out, "a") as f:
                f.write(line + "\n")
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", a.port), Handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print("webhook receiver on http://127.0.0.1:%d/, writing %s" % (a.port, a.out), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
