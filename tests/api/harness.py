"""Black-box test harness for Passbook's HTTP API (python3 stdlib only).

Starts the real server binary (build/asan/passbook by default, or
$PASSBOOK_BIN) on a free port with a temporary data directory, creates
organisations through the CLI, sends requests, and counts results.

    from harness import Server, suite, check, eq

    @suite.test
    def healthz_answers(srv):
        r = srv.get('/healthz')
        eq(r.status, 200)

    if __name__ == '__main__':
        suite.main()          # one server for the file; prints "N passed, N failed"

With PB_TEST_PG set to a PostgreSQL server's URL (tests/run.sh starts a
throwaway cluster and sets it for the PostgreSQL run of the suite), every
Server gets a database of its own on that server (PASSBOOK_DB, also seen
by the CLI); a Server started again on the same data directory finds the
same database. srv.sql(), srv.blob_files() and srv.db_bytes() look into
whichever store the server uses.

Each test function receives the shared Server (started once per file) unless
declared with @suite.test(server=False), in which case it gets nothing and
manages its own Server(s) (restarts, kill -9, special flags). A test fails on
the first failed check; the others still run. After the last test the
server is stopped with SIGTERM and its exit status and log are checked for
sanitizer reports, which count as one more failure.
"""

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse

import openapi_check

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get('PASSBOOK_BIN', os.path.join(REPO, 'build', 'asan', 'passbook'))
PG_SERVER = os.environ.get('PB_TEST_PG')   # a PostgreSQL server URL: run against PostgreSQL
SANITIZER_MARKS = ('ERROR: AddressSanitizer', 'ERROR: LeakSanitizer', 'runtime error:',
                   'ThreadSanitizer', 'SUMMARY: UndefinedBehaviorSanitizer')


class CheckFailed(AssertionError):
    pass


def check(cond, msg='check failed'):
    if not cond:
        raise CheckFailed(msg)


def eq(got, want, msg=''):
    if got != want:
        raise CheckFailed('%s%r != %r' % (msg + ': ' if msg else '', got, want))


def error_code(resp):
    """The FinBox error code of a response, or None."""
    try:
        return resp.json['error']['code']
    except (TypeError, KeyError, ValueError):
        return None


def expect_error(resp, status, code, msg=''):
    """Checks status and the {"error": {"code", "message"}} envelope."""
    where = (msg + ': ') if msg else ''
    eq(resp.status, status, where + 'status (body %s)' % resp.text[:300])
    check(isinstance(resp.json, dict) and isinstance(resp.json.get('error'), dict),
          where + 'error envelope missing: %s' % resp.text[:300])
    eq(resp.json['error'].get('code'), code, where + 'code')
    check(isinstance(resp.json['error'].get('message'), str) and resp.json['error']['message'],
          where + 'message missing')


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers          # dict with lower-case names
        self.body = body                # bytes
        self.text = body.decode('utf-8', 'replace')
        try:
            self.json = json.loads(self.text) if body else None
        except ValueError:
            self.json = None

    def __repr__(self):
        return '<Response %d %s>' % (self.status, self.text[:200])


def pg_url(server, dbname):
    """server's URL naming database dbname instead."""
    u = urllib.parse.urlsplit(server)
    return urllib.parse.urlunsplit((u.scheme, u.netloc, '/' + dbname, u.query, u.fragment))


def pg_database(data_dir):
    """The PostgreSQL database of a data directory: created on first use,
    remembered in the directory (a restart on it finds the same data)."""
    mark = os.path.join(data_dir, '.test-database')
    if os.path.exists(mark):
        return open(mark).read().strip()
    name = 'pbt_%d_%d' % (os.getpid(), time.time_ns() % 10**12)
    subprocess.run(['psql', PG_SERVER, '-qAtc', 'CREATE DATABASE %s' % name], check=True,
                   capture_output=True, timeout=120)
    url = pg_url(PG_SERVER, name)
    with open(mark, 'w') as f:
        f.write(url)
    return url


def sql_literal(v):
    if v is None:
        return 'NULL'
    if isinstance(v, bool):
        return '1' if v else '0'
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, bytes):
        return "'\\x%s'::bytea" % v.hex()
    return "'" + str(v).replace("'", "''") + "'"


def copy_unescape(field):
    if field == '\\N':
        return None
    out, i = [], 0
    while i < len(field):
        c = field[i]
        if c == '\\' and i + 1 < len(field):
            n = field[i + 1]
            out.append({'n': '\n', 't': '\t', 'r': '\r', '\\': '\\'}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    v = ''.join(out)
    if re.fullmatch(r'\\x(?:[0-9a-f]{2})*', v):   # bytea, as SQLite's sqlite3 gives BLOBs
        return bytes.fromhex(v[2:])
    return int(v) if re.fullmatch(r'-?[0-9]{1,18}', v) else v


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Org:
    """An organisation created with `passbook org create`."""

    def __init__(self, info):
        self.info = info
        self.id = info['org_id']
        self.name = info['name']
        self.api_key = info['api_key']
        self.server_hash = info['server_hash']
        self.modes = info['modes']

    def headers(self):
        """Headers for key + server-hash endpoints."""
        return {'x-api-key': self.api_key, 'server-hash': self.server_hash}


class Server:
    """A passbook server process with its own data directory."""

    def __init__(self, data_dir=None, args=(), env=None, public_url=None):
        self.own_dir = data_dir is None
        self.data_dir = data_dir or tempfile.mkdtemp(prefix='pb-api-')
        self.args = list(args)
        self.env = dict(os.environ)
        self.env.setdefault('ASAN_OPTIONS', 'detect_leaks=1:abort_on_error=1')
        self.env.setdefault('UBSAN_OPTIONS', 'print_stacktrace=1:halt_on_error=1')
        self.env.update(env or {})
        self.test_db = (PG_SERVER and 'PASSBOOK_DB' not in (env or {}) and
                        not any(a.startswith('--db') for a in self.args))
        if self.test_db:    # a database of its own, dropped by cleanup() with the directory
            os.makedirs(self.data_dir, exist_ok=True)
            self.env['PASSBOOK_DB'] = pg_database(self.data_dir)
        self.public_url = public_url
        self.proc = None
        self.port = None
        self.log_path = os.path.join(self.data_dir, 'server.log')
        self.logs = []           # logs of earlier runs (restarts)
        self.problems = []       # sanitizer reports, bad exits

    # ---- lifecycle ----

    def start(self, timeout=30):
        """Starts the server on a free port and waits for /healthz."""
        for attempt in range(5):
            self.port = free_port()
            cmd = [BINARY, 'serve', '--data', self.data_dir,
                   '--listen', '127.0.0.1:%d' % self.port] + self.args
            if self.public_url:
                cmd += ['--public-url', self.public_url]
            self._log = open(self.log_path, 'ab')
            self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=self._log, env=self.env)
            if self._wait_healthy(timeout):
                return self
            self._log.close()
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            if 'cannot listen' not in self.log():   # only retry port collisions
                break
        raise RuntimeError('server did not start:\n' + self.log()[-3000:])

    def _wait_healthy(self, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                if self.get('/healthz', timeout=2).status == 200:
                    return True
            except OSError:
                pass
            time.sleep(0.05)
        return False

    def stop(self, sig=signal.SIGTERM, timeout=30):
        """Stops the server; returns its exit status. Records sanitizer
        reports and unclean exits in self.problems."""
        if not self.proc:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.problems.append('server did not stop within %ds after signal %d' % (timeout, sig))
                self.proc.kill()
                self.proc.wait()
        rc = self.proc.returncode
        self._log.close()
        text = self.log()
        for mark in SANITIZER_MARKS:
            if mark in text:
                self.problems.append('sanitizer report in server log: ' + mark)
                break
        if sig in (signal.SIGTERM, signal.SIGINT) and rc != 0:
            self.problems.append('server exited with status %r after signal %d' % (rc, sig))
        self.proc = None
        return rc

    def kill9(self):
        """SIGKILL: no cleanup, no flush; what a crash looks like."""
        return self.stop(signal.SIGKILL)

    def problems_beyond_kill9(self):
        """self.problems but the exits by the kill -9s a test made on purpose."""
        return [p for p in self.problems if 'signal 9' not in p]

    def stop_checked(self):
        """Stops the server; fails on any problem beyond the test's own kill -9s."""
        self.stop()
        problems = self.problems_beyond_kill9()
        check(not problems, '; '.join(problems))

    def restart(self, sig=signal.SIGTERM):
        self.stop(sig)
        return self.start()

    def cleanup(self):
        if self.proc:
            self.stop()
        if self.own_dir and self.test_db:
            name = urllib.parse.urlsplit(self.env['PASSBOOK_DB']).path.lstrip('/')
            subprocess.run(['psql', PG_SERVER, '-qAtc', 'DROP DATABASE IF EXISTS %s WITH (FORCE)' % name],
                           capture_output=True, timeout=120)
        if self.own_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def log(self):
        try:
            with open(self.log_path, 'rb') as f:
                return f.read().decode('utf-8', 'replace')
        except OSError:
            return ''

    def log_when(self, done, timeout=10):
        """The server's log once done(log) is true, or at the timeout: the access line of a
        request is written after its answer, so a test that reads it waits for it."""
        deadline = time.time() + timeout
        log = self.log()
        while not done(log) and time.time() < deadline:
            time.sleep(0.05)
            log = self.log()
        return log

    def __enter__(self):
        return self.start()

    def __exit__(self, exc_type, exc, tb):
        if self.proc:
            self.stop()
        problems = list(self.problems)
        log = self.log()
        self.cleanup()
        if problems and exc_type is None:
            raise CheckFailed('; '.join(problems) + '\n' + log[-3000:])

    # ---- the store, from outside ----

    @property
    def on_postgres(self):
        return self.env.get('PASSBOOK_DB', '').startswith(('postgres://', 'postgresql://'))

    def sql(self, query, *params):
        """Runs one SQL statement on the server's store ('?' placeholders);
        returns its rows as tuples (integers as int)."""
        if not self.on_postgres:
            import sqlite3
            con = sqlite3.connect(os.path.join(self.data_dir, 'passbook.db'), timeout=30)
            try:
                rows = con.execute(query, params).fetchall()
                con.commit()
                return rows
            finally:
                con.close()
        parts = query.split('?')
        check(len(parts) == len(params) + 1, 'placeholders and parameters differ')
        text = parts[0] + ''.join(sql_literal(p) + rest for p, rest in zip(params, parts[1:]))
        returns = text.lstrip().upper().startswith(('SELECT', 'WITH')) or ' RETURNING ' in text.upper()
        if returns:
            text = 'COPY (%s) TO STDOUT' % text
        p = subprocess.run(['psql', self.env['PASSBOOK_DB'], '-qX', '-v', 'ON_ERROR_STOP=1', '-c', text],
                           capture_output=True, timeout=60)
        if p.returncode != 0:
            raise CheckFailed('psql: %s' % p.stderr.decode()[-500:])
        if not returns:
            return []
        out = p.stdout.decode('utf-8')
        return [tuple(copy_unescape(f) for f in line.split('\t')) for line in out.split('\n') if line]

    def blob_files(self):
        """The statement files the store holds, by hash, sorted."""
        if self.on_postgres:
            return sorted(r[0] for r in self.sql('SELECT DISTINCT sha256 FROM blob_chunks'))
        root = os.path.join(self.data_dir, 'blobs')
        if not os.path.isdir(root):
            return []
        return sorted(f for d in os.listdir(root) if d != 'tmp' and os.path.isdir(os.path.join(root, d))
                      for f in os.listdir(os.path.join(root, d)))

    def db_bytes(self):
        """Everything the database holds, as bytes (to look for secrets)."""
        if not self.on_postgres:   # the file and its write-ahead log (not yet checkpointed)
            return b''.join(open(os.path.join(self.data_dir, f), 'rb').read() for f in sorted(os.listdir(self.data_dir))
                            if f in ('passbook.db', 'passbook.db-wal'))
        p = subprocess.run(['pg_dump', '--data-only', self.env['PASSBOOK_DB']], capture_output=True, timeout=120)
        check(p.returncode == 0, 'pg_dump: ' + p.stderr.decode()[-300:])
        return p.stdout

    # ---- CLI ----

    def cli(self, *args, check_rc=True):
        """Runs `passbook <args> --data <this server's dir>`."""
        p = subprocess.run([BINARY] + list(args) + ['--data', self.data_dir],
                           capture_output=True, env=self.env, timeout=60)
        if check_rc and p.returncode != 0:
            raise CheckFailed('passbook %s failed (%d): %s' % (' '.join(args), p.returncode,
                                                                p.stderr.decode()[-2000:]))
        return p

    def create_org(self, name='Test Lender', modes=None):
        args = ['org', 'create', '--name', name]
        if modes:
            args += ['--modes', modes]
        out = self.cli(*args).stdout.decode()
        return Org(json.loads(out))

    # ---- HTTP ----

    @property
    def base(self):
        return 'http://127.0.0.1:%d' % self.port

    def connection(self, timeout=30):
        """A raw keep-alive connection (http.client) to the server."""
        return http.client.HTTPConnection('127.0.0.1', self.port, timeout=timeout)

    def request(self, method, path, body=None, json_body=None, headers=None, timeout=30, conn=None):
        """One request; body is bytes/str, or json_body any JSON value.
        Uses conn when given (keep-alive), else a fresh connection."""
        hdrs = dict(headers or {})
        if json_body is not None:
            body = json.dumps(json_body)
            hdrs.setdefault('Content-Type', 'application/json')
        if isinstance(body, str):
            body = body.encode()
        c = conn or self.connection(timeout)
        try:
            c.request(method, path, body=body, headers=hdrs)
            r = c.getresponse()
            data = r.read()
            resp = Response(r.status, {k.lower(): v for k, v in r.getheaders()}, data)
        finally:
            if conn is None:
                c.close()
        self.check_document(method, path, resp)
        return resp

    @staticmethod
    def check_document(method, path, resp):
        """Every response must be what data/openapi.json says (openapi_check.py)."""
        try:
            openapi_check.check(method, path, resp.status, resp.headers, resp.body)
        except AssertionError as e:
            raise CheckFailed(str(e)) from None

    def raw(self, data, timeout=10):
        """Sends raw bytes on a new connection, reads until the server
        closes or one full response arrived; returns a Response (status 0
        when nothing parsable came back). Tolerates the server closing
        while we still send (an early 413 or 415)."""
        s = socket.create_connection(('127.0.0.1', self.port), timeout=timeout)
        out = b''
        try:
            try:
                s.sendall(data)
            except OSError:
                pass
            while True:
                try:
                    chunk = s.recv(65536)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
                head, sep, body = out.partition(b'\r\n\r\n')
                m = re.search(rb'(?i)content-length:\s*(\d+)', head)
                if sep and m and len(body) >= int(m.group(1)):
                    break
        finally:
            s.close()
        head, _, body = out.partition(b'\r\n\r\n')
        lines = head.decode('latin-1').split('\r\n')
        m = re.match(r'HTTP/1\.[01] (\d{3})', lines[0] if lines else '')
        headers = {}
        for line in lines[1:]:
            k, _, v = line.partition(':')
            headers[k.strip().lower()] = v.strip()
        resp = Response(int(m.group(1)) if m else 0, headers, body)
        request_line = data.split(b'\r\n', 1)[0].decode('latin-1').split(' ')
        if resp.status and len(request_line) == 3:
            self.check_document(request_line[0], request_line[1], resp)
        return resp

    def get(self, path, **kw):
        return self.request('GET', path, **kw)

    def post(self, path, json_body=None, **kw):
        return self.request('POST', path, json_body=json_body, **kw)

    # ---- the Session API ----

    def create_session(self, org, version=1, header_key=False, **fields):
        """POST /bank-connect/v<version>/session/ with link_id defaulted."""
        body = {'link_id': 'link-%d' % time.time_ns()}
        body.update(fields)
        headers = {}
        if header_key:
            headers['x-api-key'] = org.api_key
        else:
            body.setdefault('api_key', org.api_key)
        return self.post('/bank-connect/v%d/session/' % version, body, headers=headers)

    def upload_status(self, org, session_id):
        return self.get('/bank-connect/v1/session_data/%s/session_upload_status/' % session_id,
                        headers=org.headers())


def query_params(url):
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


class Suite:
    """Collects test functions and runs them with one shared server."""

    def __init__(self):
        self.tests = []
        self.passed = 0
        self.failed = 0

    def test(self, fn=None, server=True):
        def register(f):
            self.tests.append((f, server))
            return f
        return register(fn) if fn else register

    def _run_one(self, name, fn, *args):
        t0 = time.time()
        try:
            fn(*args)
        except Exception as e:  # a failed check or an unexpected error
            self.failed += 1
            detail = str(e) if isinstance(e, CheckFailed) else traceback.format_exc()
            print('FAIL %s: %s' % (name, detail.strip()[:3000]), flush=True)
            return
        self.passed += 1
        print('ok   %s (%.2fs)' % (name, time.time() - t0), flush=True)

    def main(self, server_args=(), public_url=None):
        only = os.environ.get('PB_TEST_ONLY')
        srv = Server(args=server_args, public_url=public_url)
        try:
            srv.start()
        except Exception as e:
            print('FAIL server start: %s' % e)
            print('0 passed, 1 failed')
            sys.exit(1)
        try:
            for fn, shared in self.tests:
                if only and only not in fn.__name__:
                    continue
                if shared:
                    self._run_one(fn.__name__, fn, srv)
                else:
                    self._run_one(fn.__name__, fn)
        finally:
            srv.stop()
            for p in srv.problems:
                self.failed += 1
                print('FAIL server: %s\n%s' % (p, srv.log()[-4000:]))
            srv.cleanup()
        print('%d passed, %d failed' % (self.passed, self.failed))
        sys.exit(1 if self.failed else 0)


suite = Suite()


def run_parallel(n, fn):
    """Runs fn(i) for i in range(n) on n threads; returns the results in
    order (exceptions are returned, not raised)."""
    results = [None] * n
    barrier = threading.Barrier(n)

    def worker(i):
        try:
            barrier.wait()
            results[i] = fn(i)
        except Exception as e:  # reported by the caller
            results[i] = e
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


UUID4 = re.compile(r'^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')
