"""The command line as an operator (or a script gone wrong) runs it: every
subcommand refuses a bad command line -- unknown flags, missing values,
numbers that are not numbers or out of range (also through PASSBOOK_*),
stray arguments -- with exit status 2 and one line on stderr naming the
command, before it does anything: no output, no data directory, no change
in the store. --help answers 0 with the usage on stdout. Only serve's
flags and the store's (--data, --db) are read from the environment."""

import os
import subprocess
import tempfile

from harness import BINARY, check, eq, suite
import upload_fixtures as fx

HUGE = '99999999999999999999'   # beyond a long
WRAPS = '4294967297'            # 2^32 + 1: an int of 1 if it were cut


def run(*args, env=None):
    e = {k: v for k, v in os.environ.items() if not k.startswith('PASSBOOK_')}
    e.update(env or {})
    return subprocess.run([BINARY] + list(args), capture_output=True, env=e, timeout=120)


def refused(p, command, what=''):
    err = p.stderr.decode()
    eq(p.returncode, 2, '%s: exit status (stderr %r)' % (what, err[-300:]))
    eq(p.stdout, b'', what + ': nothing on stdout')
    lines = err.strip().split('\n')
    eq(len(lines), 1, what + ': one line on stderr: %r' % err[-500:])
    check(lines[0].startswith('passbook %s: ' % command), what + ': names the command: ' + lines[0])
    return lines[0]


@suite.test(server=False)
def serve_refuses_a_bad_line_before_touching_the_data_directory():
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, 'new')
        cases = [
            (['--threads'], 'needs a value'),
            (['--threads', 'x'], 'not a whole number'),
            (['--threads', HUGE], 'must be'),
            (['--workers', '65'], 'must be 0 to 64'),
            (['--max-connections', '15'], 'must be 16 to 1000000'),
            (['--job-lease', '86401'], 'must be 1 to 86400'),
            (['--webhook-lease', '10'], 'must be 11 to 86400'),
            (['--extract-memory-mb', WRAPS], 'must be'),
            (['--link-ttl', '0'], 'must be'),
            (['--no-such-flag'], 'unknown option --no-such-flag'),
            (['stray'], 'unexpected argument stray'),
            (['--listen', 'nonsense'], '--listen'),
            (['--listen', '127.0.0.1:65536'], '--listen'),
            (['--log-level', 'loud'], '--log-level'),
            (['--trusted-proxies', '10.0.0.0/33'], '--trusted-proxies'),
            (['--allow-private-urls=perhaps'], 'not a boolean'),
        ]
        for args, says in cases:
            line = refused(run('serve', '--data', data, *args), 'serve', ' '.join(args))
            check(says in line, '%s: %r in %r' % (args, says, line))
            check(not os.path.exists(data), '%s: data directory left alone' % args)
        for env, says in [({'PASSBOOK_THREADS': '-1'}, 'PASSBOOK_THREADS'),
                          ({'PASSBOOK_MAX_BODY': '1k'}, 'PASSBOOK_MAX_BODY'),
                          ({'PASSBOOK_ALLOW_PRIVATE_URLS': 'maybe'}, 'PASSBOOK_ALLOW_PRIVATE_URLS')]:
            line = refused(run('serve', '--data', data, env=env), 'serve', str(env))
            check(says in line, '%s named: %r' % (says, line))
        check(not os.path.exists(data), 'data directory left alone')


@suite.test(server=False)
def parse_refuses_numbers_it_would_have_cut():
    pdf = fx.path('hdfc_q1')
    for args, says in [(['--max-pages', WRAPS], 'must be 0 to 2147483647'),
                       (['--ocr-max-pages', '-1'], 'must be'),
                       (['--ocr-page-seconds', HUGE], 'must be'),
                       (['--format', 'xml'], '--format'),
                       (['--bank', 'nosuchbank'], '--bank'),
                       (['--password'], 'needs a value')]:
        line = refused(run('parse', pdf, *args), 'parse', ' '.join(args))
        check(says in line, '%s: %r in %r' % (args, says, line))
    refused(run('parse'), 'parse', 'no file')
    p = run('parse', '--max-pages', '2147483647', pdf)
    eq(p.returncode, 0, 'the largest --max-pages reads the statement: ' + p.stderr.decode()[-300:])
    check(b'"transactions"' in p.stdout, 'a statement printed')


@suite.test(server=False)
def parse_maps_none_of_the_servers_libraries():
    """Every library linked is mapped and relocated at each start: reading a
    statement must not pay for the server's HTTP, PostgreSQL and fetching
    libraries (util/lazylib.h opens them on first use)."""
    p = run('parse', fx.path('hdfc_q1'), env={'LD_DEBUG': 'files'})
    eq(p.returncode, 0, 'the statement is read: ' + p.stderr.decode()[-300:])
    check(b'"transactions"' in p.stdout, 'a statement printed')
    check(b'file=libc.so' in p.stderr, 'the loader reported the libraries it mapped')
    for lib in (b'libmicrohttpd.so', b'libpq.so', b'libcurl.so', b'libgnutls.so', b'libkrb5.so'):
        check(b'file=' + lib not in p.stderr, '%s not mapped' % lib.decode())


@suite.test(server=False)
def insights_refuses_a_bad_line():
    refused(run('insights'), 'insights', 'no file')
    refused(run('insights', 'a.pdf', '--xlsx'), 'insights', '--xlsx without a value')
    refused(run('insights', *['f%d.pdf' % i for i in range(65)]), 'insights', '65 files')


def cli(srv, command, *args):
    """passbook COMMAND on srv's data, --data first: a flag left without its value ends the line."""
    return run(command, '--data', srv.data_dir, *args, env=srv.env)


@suite.test
def org_and_user_refuse_a_bad_line_and_change_nothing(srv):
    org = srv.create_org('Cli Lender')
    before = srv.cli('org', 'list').stdout
    for args, says in [(['set-acceptance', org.id, '--acceptance', 'missing_upload_date_range',
                         '--tolerance-days', WRAPS], 'must be 0 to 366'),
                       (['set-acceptance', org.id, '--acceptance', 'missing_upload_date_range',
                         '--tolerance-days', '-1'], 'must be 0 to 366'),
                       (['frobnicate'], 'unknown command frobnicate'),
                       ([], 'too few arguments'),
                       (['rotate-key', org.id, 'extra'], 'unexpected argument extra'),
                       (['set-ocr', org.id, 'on', 'extra'], 'unexpected argument extra'),
                       (['create', org.id, '--name', 'Another Lender'], 'create takes no argument'),
                       (['list', org.id], 'list takes no argument'),
                       (['create', '--name'], 'needs a value')]:
        line = refused(cli(srv, 'org', *args), 'org', ' '.join(args))
        check(says in line, '%s: %r in %r' % (args, says, line))
    eq(srv.cli('org', 'list').stdout, before, 'no organisation changed')
    for args, says in [(['add', 'extra', '--org', org.id], 'add takes no argument'),
                       (['remove', '--org', org.id], 'remove needs an EMAIL'),
                       (['promote', 'a@b.c', '--org', org.id], 'unknown command promote'),
                       (['list', '--org'], 'needs a value')]:
        line = refused(cli(srv, 'user', *args), 'user', ' '.join(args))
        check(says in line, '%s: %r in %r' % (args, says, line))
    eq(srv.cli('user', 'list', '--org', org.id).stdout.strip(), b'[]', 'no user added')


@suite.test(server=False)
def a_data_path_too_long_is_refused_not_cut():
    with tempfile.TemporaryDirectory() as tmp:
        deep = os.path.join(tmp, *(['d'] * 2100))   # over the 4096 bytes a path is built in
        for cmd in (['org', 'list'], ['serve']):
            p = run(*cmd, '--data', deep)
            eq(p.returncode, 1, '%s: exit status' % cmd)
            check(b'File name too long' in p.stderr, '%s says why: %r' % (cmd, p.stderr[-200:]))
            eq(os.listdir(tmp), [], '%s: no directory made of a cut path' % cmd)


@suite.test(server=False)
def only_the_server_and_the_store_read_the_environment():
    """A PASSBOOK_* variable meant for another program fills no flag of
    parse: PASSBOOK_PASSWORD opens no protected PDF, PASSBOOK_FORMAT and a
    bad PASSBOOK_MAX_PAGES are not read. The store's place is (PASSBOOK_DATA
    for org, as for serve)."""
    pdf, password = fx.path('rc4'), fx.SPECS['rc4']['password']
    p = run('parse', pdf, env={'PASSBOOK_PASSWORD': password})
    eq(p.returncode, 1, 'parse without --password: exit status')
    check(b'PASSWORD_INCORRECT' in p.stdout, 'refused for its password: %r' % p.stdout[-300:])
    p = run('parse', pdf, '--password', password, env={'PASSBOOK_FORMAT': 'csv', 'PASSBOOK_MAX_PAGES': 'x'})
    eq(p.returncode, 0, 'parse --password: ' + p.stderr.decode()[-300:])
    check(p.stdout.startswith(b'{') and b'"transactions"' in p.stdout, 'JSON, not CSV: %r' % p.stdout[:80])
    with tempfile.TemporaryDirectory() as tmp:
        p = run('org', 'list', env={'PASSBOOK_DATA': tmp})
        eq(p.returncode, 0, 'org list: ' + p.stderr.decode()[-300:])
        check(os.path.exists(os.path.join(tmp, 'passbook.db')), 'the store opened under PASSBOOK_DATA')


@suite.test(server=False)
def help_answers_zero_with_the_usage():
    for cmd in ('serve', 'org', 'user', 'parse', 'insights'):
        p = run(cmd, '--help')
        eq(p.returncode, 0, cmd + ' --help')
        check(p.stdout.startswith(b'usage: passbook ' + cmd.encode()), cmd + ': usage on stdout')
        eq(p.stderr, b'', cmd + ': nothing on stderr')


if __name__ == '__main__':
    suite.main()
