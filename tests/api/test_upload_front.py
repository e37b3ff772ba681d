"""The upload form under attack (issue 11): the answer does not depend on
where TCP splits the body; file names of any bytes come back as valid UTF-8
cut on a character boundary, and their statements stay visible; a wrong
multipart boundary is a clear 400; a password sent with a PDF that needs
none is ignored (not stored, not refused)."""

import base64
import os
import socket
import subprocess
import time
import uuid

from harness import Server, check, eq, expect_error, suite
import upload_fixtures as fx
from upload_fixtures import UPLOAD, new_session

ORG = {}


def org(srv):
    if 'o' not in ORG:
        ORG['o'] = srv.create_org('Front Uploads')
    return ORG['o']


def part(boundary, name, value, filename=None, ctype=None):
    head = b'--' + boundary + b'\r\nContent-Disposition: form-data; name="' + name + b'"'
    if filename is not None:
        head += b'; filename="' + filename + b'"'
    head += b'\r\n'
    if ctype:
        head += b'Content-Type: ' + ctype + b'\r\n'
    return head + b'\r\n' + value + b'\r\n'


def form(fields, boundary=None):
    b = boundary or uuid.uuid4().hex.encode()
    body = b''.join(part(b, *f) for f in fields) + b'--' + b + b'--\r\n'
    return body, b'multipart/form-data; boundary=' + b


def send_split(srv, o, body, ctype, cut):
    """POSTs body with the bytes before cut and after it in separate TCP
    segments, far enough apart in time that the server reads them apart."""
    head = (b'POST ' + UPLOAD.encode() + b' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n'
            b'x-api-key: ' + o.api_key.encode() + b'\r\nContent-Type: ' + ctype +
            b'\r\nContent-Length: ' + str(len(body)).encode() + b'\r\n\r\n')
    s = socket.create_connection(('127.0.0.1', srv.port), timeout=120)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        s.sendall(head + body[:cut])
        time.sleep(0.15)
        s.sendall(body[cut:])
        out = b''
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
    finally:
        s.close()
    status = int(out.split(b' ', 2)[1])
    return status, out.partition(b'\r\n\r\n')[2]


@suite.test
def the_tcp_split_does_not_change_the_answer(srv):
    o = org(srv)
    pdf = fx.data('hdfc_q1')
    b64 = b'data:application/pdf;base64,' + base64.b64encode(pdf)
    cases = [
        ('raw PDF file part', lambda sid: form([(b'session_id', sid), (b'file', pdf, b'jan.pdf', b'application/pdf')])),
        ('raw PDF in a plain field', lambda sid: form([(b'session_id', sid), (b'file', pdf)])),
        ('BASE64 with a data: prefix', lambda sid: form([(b'session_id', sid), (b'upload_type', b'BASE64'),
                                                         (b'file', b64)])),
        ('BASE64 without upload_type', lambda sid: form([(b'session_id', sid), (b'file', base64.b64encode(pdf))])),
    ]
    for what, build in cases:
        for delta in range(0, 8):
            sid = new_session(srv, o)
            body, ct = build(sid.encode())
            start = body.index(b'name="file"')
            start = body.index(b'\r\n\r\n', start) + 4   # the first byte of the file's value
            status, answer = send_split(srv, o, body, ct, start + delta)
            eq(status, 200, '%s split %d bytes into the file: %s' % (what, delta, answer[:300]))


@suite.test
def file_names_come_back_as_valid_utf8_cut_on_a_character(srv):
    o = org(srv)
    deva = 'बैंक'.encode() * 30          # 360 bytes of 3-byte letters
    names = [
        (b'\xff\xfe bad \xc3(.pdf', lambda n: '\ufffd' in n and n.endswith('.pdf')),
        (deva, lambda n: len(n.encode()) <= 255 and deva.startswith(n.encode())),
        (b'cut-' + 'ऋ'.encode() * 84 + b'x.pdf', lambda n: len(n.encode()) <= 255),
        (b'a\x01b\x7fc.pdf', lambda n: n == 'abc.pdf'),
    ]
    pdf = fx.data('hdfc_q1')   # one file, a new session each time
    for raw, good in names:
        sid = new_session(srv, o)
        body, ct = form([(b'session_id', sid.encode()), (b'file', pdf, raw, b'application/pdf')])
        r = srv.request('POST', UPLOAD, body=body, headers={'Content-Type': ct.decode(), 'x-api-key': o.api_key},
                        timeout=120)
        eq(r.status, 200, '%r: %s' % (raw[:40], r.text[:300]))
        st = srv.upload_status(o, sid)
        eq(st.status, 200, st.text[:300])
        stmts = [s for a in st.json['accounts'] for s in a['statements']]
        eq(len(stmts), 1, 'the statement is in upload status: %s' % st.text[:400])
        name = stmts[0]['upload_file_name']
        check(isinstance(name, str) and good(name), 'file name %r from %r' % (name, raw[:40]))


@suite.test
def a_wrong_boundary_is_a_clear_400(srv):
    o = org(srv)
    sid = new_session(srv, o)
    body, _ = form([(b'session_id', sid.encode()), (b'file', fx.data('hdfc_q1'), b'a.pdf')], boundary=b'REAL')
    r = srv.request('POST', UPLOAD, body=body, headers={'Content-Type': 'multipart/form-data; boundary=OTHER',
                                                        'x-api-key': o.api_key})
    expect_error(r, 400, 'INVALID_FILE_OBJECT')
    check('boundary' in r.json['error']['message'], r.text[:300])
    r = srv.request('POST', UPLOAD, body=body[:len(body) // 2],
                    headers={'Content-Type': 'multipart/form-data; boundary=REAL', 'x-api-key': o.api_key})
    expect_error(r, 400, 'INVALID_FILE_OBJECT', 'a body cut short')


def stored_password(srv, sid):
    return srv.sql('SELECT pdf_password_enc FROM statements WHERE session_id = ?', sid)


@suite.test
def a_password_sent_with_a_pdf_that_needs_none_is_ignored(srv):
    o = org(srv)
    owner_only = os.path.join(srv.data_dir, 'owner-only.pdf')   # encrypted, but opens without a password
    subprocess.run(['qpdf', '--encrypt', '', 'owner-secret', '256', '--', fx.path('hdfc_q1'), owner_only],
                   check=True)
    for what, pdf in (('unencrypted', fx.data('hdfc_q1')), ('owner password only', open(owner_only, 'rb').read())):
        sid = new_session(srv, o)
        body, ct = form([(b'session_id', sid.encode()), (b'pdf_password', b'not-needed'),
                         (b'file', pdf, b'a.pdf')])
        r = srv.request('POST', UPLOAD, body=body, headers={'Content-Type': ct.decode(), 'x-api-key': o.api_key},
                        timeout=120)
        eq(r.status, 200, what + ': ' + r.text[:300])
        eq(stored_password(srv, sid), [(None,)], what + ': no password stored')
    # the control: a protected PDF's password is kept (sealed) for re-reading
    sid = new_session(srv, o)
    body, ct = form([(b'session_id', sid.encode()), (b'pdf_password', fx.SPECS['rc4']['password'].encode()),
                     (b'file', fx.data('rc4'), b'rc4.pdf')])
    r = srv.request('POST', UPLOAD, body=body, headers={'Content-Type': ct.decode(), 'x-api-key': o.api_key},
                    timeout=120)
    eq(r.status, 200, r.text[:300])
    rows = stored_password(srv, sid)
    check(rows and rows[0][0] and b'Secret#1' not in rows[0][0], 'sealed password kept: %r' % rows)


def raw_get(port, path):
    s = socket.create_connection(('127.0.0.1', port), timeout=120)
    s.sendall(('GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' % path).encode())
    return s


@suite.test(server=False)
def reports_are_built_off_the_http_threads():
    """One HTTP thread: eight workbook downloads are asked for, then
    /healthz. Built on the HTTP thread, the workbooks would hold it and
    /healthz would be answered after all of them; built off it, /healthz
    is answered while they are still being written."""
    import selectors
    import urllib.parse
    with Server(args=['--threads', '1']) as srv:
        o = srv.create_org('Reports')
        sid = new_session(srv, o)
        for name in ('hdfc_q1', 'sbi_q1'):
            r = fx.upload(srv, o, sid, fx.data(name), name=name + '.pdf')
            eq(r.status, 200, r.text[:300])
        eq(srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, headers=o.headers()).status, 202)
        fx.wait_processed(srv, o, sid, timeout=120)
        r = fx.session_get(srv, o, sid, 'xlsx_report')
        eq(r.status, 200, r.text[:300])
        url = urllib.parse.urlsplit(r.json['aggregate_report'] if 'aggregate_report' in r.json
                                    else r.json['reports'][0]['link'])
        path = url.path + '?' + url.query
        sel = selectors.DefaultSelector()
        socks = [raw_get(srv.port, path) for _ in range(8)]
        socks.append(raw_get(srv.port, '/healthz'))
        for i, s in enumerate(socks):
            sel.register(s, selectors.EVENT_READ, i)
        done, bufs = [], {i: b'' for i in range(len(socks))}
        deadline = time.time() + 120
        while len(done) < len(socks) and time.time() < deadline:
            for key, _ in sel.select(timeout=1):
                chunk = key.fileobj.recv(1 << 20)
                if chunk:
                    bufs[key.data] += chunk
                else:
                    sel.unregister(key.fileobj)
                    done.append(key.data)
        for s in socks:
            s.close()
        eq(sorted(done), list(range(len(socks))), 'every request answered')
        for i in range(8):
            check(bufs[i].startswith(b'HTTP/1.1 200'), 'workbook %d: %r' % (i, bufs[i][:200]))
        check(bufs[8].startswith(b'HTTP/1.1 200'), 'healthz: %r' % bufs[8][:200])
        check(done.index(8) < 7, '/healthz waited for the workbooks: answer order %r' % done)


if __name__ == '__main__':
    suite.main()
