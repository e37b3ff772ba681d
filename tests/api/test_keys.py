"""Secrets apart from the data (issue 11): the server's keys live in
<data>/passbook.keys (0600), never in the database; an older install's keys
move out of the database on first start without breaking links handed out
before; a key file that does not belong to the database stops the server;
the database files are the owner's only."""

import os
import stat
import subprocess

from harness import BINARY, Server, check, eq, query_params, suite

KEYS = ('token_secret', 'link_secret', 'pdf_seal_key', 'journey_token_key', 'webhook_key')
UPDATE = '/bank-connect/v1/session_data/update_webhook/'


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def read_keys(path):
    out = {}
    for line in open(path):
        line = line.strip()
        if line and not line.startswith('#'):
            k, _, v = line.partition('=')
            out[k.strip()] = v.strip()
    return out


def settings(srv):
    return dict(srv.sql('SELECT key, value FROM settings'))


def signing_secret(srv, org):
    r = srv.post(UPDATE, {'webhook_url': 'https://hooks.example.com/pb', 'webhook_mode': 1},
                 headers=org.headers())
    eq(r.status, 200, r.text[:200])
    return r.json['signing_secret']


@suite.test
def a_new_install_keeps_its_keys_apart_from_the_data(srv):
    org = srv.create_org('Keys Lender')
    eq(srv.create_session(org, version=2).status, 200)
    keyfile = os.path.join(srv.data_dir, 'passbook.keys')
    eq(mode(keyfile), 0o600, 'key file mode')
    keys = read_keys(keyfile)
    for k in KEYS:
        check(len(keys.get(k, '')) == 64, 'key file holds ' + k)
    db = os.path.join(srv.data_dir, 'passbook.db')
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(db + suffix):
            eq(mode(db + suffix), 0o600, 'mode of passbook.db' + suffix)
    rows = settings(srv)
    for name, value in rows.items():
        check(name not in KEYS and not name.startswith('webhook_signing_key'), 'key in the database: ' + name)
        for secret in keys.values():
            check(secret not in value, 'a key value in the database under ' + name)
    check('key_fingerprint' in rows, 'the database knows which key file is its own')
    check(signing_secret(srv, org) not in srv.db_bytes().decode('latin-1'), 'webhook key in the db')


@suite.test(server=False)
def an_older_install_moves_its_keys_out_and_keeps_its_links():
    srv = Server()
    srv.start()
    try:
        org = srv.create_org('Old Lender')
        r = srv.create_session(org, version=2)
        eq(r.status, 200)
        q = query_params(r.json['redirect_url'])
        page = '/?session_id=%s&token=%s' % (q['session_id'], q['token'])
        eq(srv.get(page).status, 200)
        srv.stop()
        # what an install from before the key file looked like
        keyfile = os.path.join(srv.data_dir, 'passbook.keys')
        db = os.path.join(srv.data_dir, 'passbook.db')
        old = read_keys(keyfile)
        old_webhook = 'ab' * 32
        for k in ('token_secret', 'link_secret', 'pdf_seal_key', 'journey_token_key'):
            srv.sql('INSERT INTO settings(key, value) VALUES (?, ?)', k, old[k])
        srv.sql('INSERT INTO settings(key, value) VALUES (?, ?)', 'webhook_signing_key:' + org.id, old_webhook)
        srv.sql("DELETE FROM settings WHERE key = 'key_fingerprint'")
        os.unlink(keyfile)
        if not srv.on_postgres:
            os.chmod(db, 0o644)
        srv.start()
        eq(mode(keyfile), 0o600)
        if not srv.on_postgres:
            eq(mode(db), 0o600, 'an old 0644 database is made private')
        now = read_keys(keyfile)
        for k in ('token_secret', 'link_secret', 'pdf_seal_key', 'journey_token_key'):
            eq(now[k], old[k], k + ' moved, not replaced')
        eq(now.get('webhook_signing_key:' + org.id), old_webhook)
        rows = settings(srv)
        check(not [k for k in rows if k in KEYS or k.startswith('webhook_signing_key')],
              'keys left in the database: %r' % sorted(rows))
        eq(srv.get(page).status, 200, 'a v2 link handed out before still opens the page')
        eq(signing_secret(srv, org), old_webhook, "the organisation's webhook key is kept")
        check('keys moved from the database' in srv.log())
    finally:
        srv.cleanup()


@suite.test(server=False)
def a_key_file_that_is_not_the_databases_stops_the_server():
    srv = Server()
    srv.start()
    try:
        srv.stop()
        keyfile = os.path.join(srv.data_dir, 'passbook.keys')
        os.rename(keyfile, keyfile + '.lost')
        p = subprocess.run([BINARY, 'serve', '--data', srv.data_dir, '--listen', '127.0.0.1:0'],
                           capture_output=True, timeout=60, env=srv.env)
        check(p.returncode != 0, 'server started with a new key file')
        check('passbook.keys' in p.stderr.decode(), p.stderr.decode()[-300:])
        check(not os.path.exists(keyfile), 'no stray key file written')
        os.rename(keyfile + '.lost', keyfile)
        srv.start()
        eq(srv.get('/healthz').status, 200)
    finally:
        srv.cleanup()


if __name__ == '__main__':
    suite.main()
