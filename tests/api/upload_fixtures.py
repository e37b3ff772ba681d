"""Statements for the upload tests, generated once per checkout with the corpus generator
(tools/statements/fixtures.py) and cached under build/test-fixtures/upload (generation is
deterministic by seed), plus helpers to send uploads: multipart, BASE64, urlencoded."""

import base64
import json
import os
import sys
import time
import urllib.parse
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, 'tools', 'statements'))
import fixtures  # noqa: E402

CACHE = os.path.join(REPO, 'build', 'test-fixtures', 'upload-v1')
UPLOAD = '/bank-connect/v1/statement/upload_session/'

# name -> spec (all small: a few pages each)
SPECS = {
    'hdfc_q1': dict(bank='hdfc', months=3, seed=11, start='2024-01-01', density=20),
    'hdfc_apr': dict(bank='hdfc', months=1, seed=11, start='2024-04-01', density=20),
    'sbi_q1': dict(bank='sbi', months=3, seed=12, start='2024-01-01', density=20),
    'icici_jan': dict(bank='icici', months=1, seed=13, start='2024-01-01', density=15),
    'coop_q1': dict(bank='coop', months=3, seed=14, start='2024-01-01', density=15),
    'rc4': dict(bank='axis', months=1, seed=15, start='2024-01-01', density=15, password='Secret#1', enc='rc4'),
    'aes': dict(bank='kotak', months=1, seed=16, start='2024-01-01', density=15, password='Pa55 w0rd',
                enc='aes256'),
    'tampered': dict(bank='hdfc', months=2, seed=17, start='2024-01-01', density=15, tamper='balance'),
    # banks outside the five profiled ones, named by the catalogue (pnbbnk, canara)
    'pnb_q1': dict(bank='pnb', months=3, seed=21, start='2024-01-01', density=15),
    'canara_feb': dict(bank='canara', months=1, seed=22, start='2024-02-01', density=15),
    # no balance column: the opening above the table, the closing after it (nothing checks a row)
    'utkarsh_jan': dict(bank='utkarsh', months=1, seed=23, start='2024-01-01', density=15),
}
SPECIALS = ['image', 'truncated', 'garbage', 'not_pdf', 'empty', 'duplicate']


def ensure():
    """Generates what is missing; returns the cache directory."""
    marker = os.path.join(CACHE, '.complete')
    os.makedirs(CACHE, exist_ok=True)
    for name, spec in SPECS.items():  # a statement added to SPECS is made in an existing cache too
        if not os.path.exists(os.path.join(CACHE, name + '.pdf')):
            fixtures.write_statement(CACHE, name, **spec)
    if os.path.exists(marker):
        return CACHE
    for kind in SPECIALS:
        fixtures.special(kind, CACHE, seed=3, start='2024-01-01')
    with open(marker, 'w') as f:
        f.write('ok')
    return CACHE


def text_pdf(text):
    """A PDF of monospaced text made on the spot (Courier 10 pt: 6 pt a character, 12 pt a line,
    a form feed starts a new page): a statement shaped line by line, as the reader's unit tests
    write them (tests/unit/extract/table_case.h)."""
    pages = []
    for page in text.split('\f'):
        ops = []
        for i, line in enumerate(page.split('\n')):
            esc = line.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)')
            if esc.strip():
                ops.append('BT /F1 10 Tf 30 %d Td (%s) Tj ET' % (800 - 12 * i, esc))
        pages.append('\n'.join(ops).encode('latin-1'))
    n = len(pages)
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>',
            ('<< /Type /Pages /Kids [%s] /Count %d >>'
             % (' '.join('%d 0 R' % (4 + 2 * k) for k in range(n)), n)).encode(),
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>']
    for k, content in enumerate(pages):
        objs.append(('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font << /F1 3 0 R >> >> '
                     '/Contents %d 0 R >>' % (5 + 2 * k)).encode())
        objs.append(b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream')
    out = bytearray(b'%PDF-1.4\n')
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % i + o + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for off in offsets:
        out += b'%010d 00000 n \n' % off
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, xref)
    return bytes(out)


def path(name):
    return os.path.join(ensure(), name + '.pdf')


def data(name):
    with open(path(name), 'rb') as f:
        return f.read()


def truth(name):
    with open(os.path.join(ensure(), name + '.truth.json')) as f:
        return json.load(f)


def multipart(fields, files=(), boundary=None):
    """(body, content type). fields: [(name, str)], files: [(name, filename, bytes)]."""
    b = boundary or uuid.uuid4().hex
    out = []
    for k, v in fields:
        out.append(('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n' % (b, k)).encode()
                   + (v.encode() if isinstance(v, str) else v) + b'\r\n')
    for k, fn, content in files:
        out.append(('--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\n'
                    'Content-Type: application/pdf\r\n\r\n' % (b, k, fn)).encode() + content + b'\r\n')
    out.append(('--%s--\r\n' % b).encode())
    return b''.join(out), 'multipart/form-data; boundary=%s' % b


def upload(srv, org, session_id, pdf=None, name='statement.pdf', query='', key=None, **fields):
    """Multipart upload of pdf bytes (None: no file part) with extra form fields."""
    f = [('session_id', session_id)] if session_id is not None else []
    f += [(k, v) for k, v in fields.items()]
    files = [('file', name, pdf)] if pdf is not None else []
    body, ct = multipart(f, files)
    hdrs = {'Content-Type': ct, 'x-api-key': key if key is not None else org.api_key}
    return srv.request('POST', UPLOAD + query, body=body, headers=hdrs, timeout=120)


def upload_base64(srv, org, session_id, pdf, urlencoded=False, **fields):
    text = base64.b64encode(pdf).decode()
    if urlencoded:
        params = dict(fields, session_id=session_id, file=text, upload_type='BASE64')
        body = urllib.parse.urlencode(params)
        ct = 'application/x-www-form-urlencoded'
    else:
        body, ct = multipart([('session_id', session_id), ('upload_type', 'BASE64'), ('file', text)]
                             + list(fields.items()))
    return srv.request('POST', UPLOAD, body=body, headers={'Content-Type': ct, 'x-api-key': org.api_key},
                       timeout=120)


def new_session(srv, org, from_date='01/01/2024', to_date='31/03/2024', **kw):
    r = srv.create_session(org, from_date=from_date, to_date=to_date, **kw)
    if r.status != 200:
        raise AssertionError('session create failed: %s' % r.text)
    return r.json['session_id']


def session_get(srv, org, sid, what):
    return srv.get('/bank-connect/v1/session_data/%s/%s/' % (sid, what), headers=org.headers())


def wait_processed(srv, org, sid, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        r = session_get(srv, org, sid, 'progress')
        if r.status == 200 and r.json.get('session_progress') == 'completed':
            return r
        time.sleep(0.1)
    raise AssertionError('processing did not complete: %s' % r.text)
