"""Statement upload (POST /bank-connect/v1/statement/upload_session/) against the real server:
file, BASE64, file_url, passwords, every refusal code in the documented order, duplicates,
isolation between organisations, hostile forms and size limits."""

import base64
import http.server
import os
import threading

from harness import Server, check, eq, expect_error, suite, UUID4
import upload_fixtures as fx
from upload_fixtures import UPLOAD, upload, upload_base64, new_session, session_get

ORGS = {}


def org(srv, name='Lender A'):
    if name not in ORGS:
        ORGS[name] = srv.create_org(name)
    return ORGS[name]


def ok(r, msg=''):
    eq(r.status, 200, (msg + ' ' if msg else '') + 'upload status (body %s)' % r.text[:400])
    return r.json


def upload_error(r, status, code, msg=''):
    expect_error(r, status, code, msg)
    eq(r.json.get('session_id'), '', 'error envelope session_id')
    eq(r.json.get('statement_id'), '', 'error envelope statement_id')


@suite.test
def upload_file_returns_documented_shape(srv):
    o = org(srv)
    sid = new_session(srv, o)
    t = fx.truth('hdfc_q1')
    body = ok(upload(srv, o, sid, fx.data('hdfc_q1'), name='jan-mar.pdf', query='?identity=true', file_url=''))
    for key in ('bank_name', 'statement_id', 'page_count', 'identity', 'date_range', 'opening_bal',
                'closing_bal', 'is_fraud', 'fraud_type', 'metadata_analysis', 'country_code', 'currency_code',
                'extracted_date_range', 'account_id', 'masked_account_number', 'months', 'missing_months',
                'status', 'session_id'):
        check(key in body, 'missing key %s in %s' % (key, sorted(body)))
    eq(body['status'], 1)
    eq(body['session_id'], sid)
    eq(body['bank_name'], 'hdfc')
    check(UUID4.match(body['statement_id']), 'statement_id is a UUID4')
    check(UUID4.match(body['account_id']), 'account_id is a UUID4')
    acct = t['identity']['account_number']
    eq(body['identity']['account_number'], acct, 'full account number in identity')
    eq(body['identity']['name'], t['identity']['name'])
    eq(body['identity']['account_id'], body['account_id'])
    eq(body['masked_account_number'], 'X' * (len(acct) - 4) + acct[-4:])
    eq(body['date_range'], {'from_date': '2024-01-01', 'to_date': '2024-03-31'})
    eq(body['months'], ['2024-01', '2024-02', '2024-03'])
    eq(body['missing_months'], [])
    eq(body['is_fraud'], False)
    eq(body['fraud_type'], None)
    eq(body['country_code'], 'IN')
    eq(body['currency_code'], 'INR')
    eq(body['closing_bal'], t['closing_bal'])
    check(body['page_count'] >= 1)


@suite.test
def missing_months_are_reported(srv):
    o = org(srv)
    sid = new_session(srv, o, from_date='01/01/2024', to_date='30/04/2024')
    body = ok(upload(srv, o, sid, fx.data('hdfc_q1')))
    eq(body['missing_months'], ['2024-04'])
    st = srv.upload_status(o, sid).json
    eq(st['upload_status'], 'IN_PROGRESS')
    eq(st['accounts'][0]['account_status'], 'PARTIAL')
    eq(st['accounts'][0]['missing_data'], [{'from_date': '2024-04-01', 'to_date': '2024-04-29'}], 'to the day before to_date')


@suite.test
def base64_multipart_and_urlencoded(srv):
    o = org(srv)
    sid = new_session(srv, o)
    body = ok(upload_base64(srv, o, sid, fx.data('sbi_q1')), 'BASE64 multipart')
    eq(body['bank_name'], 'sbi')
    sid2 = new_session(srv, o)
    body2 = ok(upload_base64(srv, o, sid2, fx.data('sbi_q1'), urlencoded=True), 'BASE64 urlencoded')
    eq(body2['identity']['account_number'], fx.truth('sbi_q1')['identity']['account_number'])
    # a client that forgets to percent-encode '+' in a form body: spaces read as '+'
    text = base64.b64encode(fx.data('icici_jan')).decode()
    check('+' in text, 'fixture has a + in its BASE64')
    raw = 'session_id=%s&upload_type=BASE64&file=%s' % (sid2, text.replace('/', '%2F').replace('=', '%3D'))
    r = srv.request('POST', UPLOAD, body=raw, headers={'Content-Type': 'application/x-www-form-urlencoded',
                                                         'x-api-key': o.api_key})
    eq(ok(r, 'unescaped plus')['bank_name'], 'icici')


@suite.test
def invalid_base64(srv):
    o = org(srv)
    sid = new_session(srv, o)
    for bad in ('!!!not base64!!!', 'JVBERi0x=A==', 'J'):
        body, ct = fx.multipart([('session_id', sid), ('upload_type', 'BASE64'), ('file', bad)])
        r = srv.request('POST', UPLOAD, body=body, headers={'Content-Type': ct, 'x-api-key': o.api_key})
        upload_error(r, 400, 'INVALID_BASE_64', bad)


@suite.test
def file_url_refused_without_the_flag(srv):
    o = org(srv)
    sid = new_session(srv, o)
    for url in ('http://127.0.0.1:1/x.pdf', 'ftp://example.com/x.pdf', 'not a url', 'http://10.0.0.1/a.pdf',
                'http://localhost:1/x.pdf'):
        body, ct = fx.multipart([('session_id', sid), ('file_url', url)])
        r = srv.request('POST', UPLOAD, body=body, headers={'Content-Type': ct, 'x-api-key': o.api_key})
        upload_error(r, 400, 'INVALID_FILE_URL', url)
        # a private address (literal, or a name resolving to one) is refused saying how to allow it
        private = url.startswith(('http://127.', 'http://10.', 'http://localhost'))
        eq('--allow-private-urls' in r.json['error']['message'], private, r.json['error']['message'])


class _PdfHandler(http.server.BaseHTTPRequestHandler):
    files = {}

    def do_GET(self):
        data = self.files.get(self.path)
        if data is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header('Content-Type', 'application/pdf')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *a):
        pass


@suite.test(server=False)
def file_url_fetched_with_allow_private_urls():
    _PdfHandler.files = {'/s.pdf': fx.data('icici_jan'), '/big.pdf': b'%PDF-1.4\n' + b'0' * 300000}
    httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), _PdfHandler)
    th = threading.Thread(target=httpd.serve_forever, daemon=True)
    th.start()
    base = 'http://127.0.0.1:%d' % httpd.server_address[1]
    try:
        with Server(args=['--allow-private-urls', '--max-upload-bytes', '200000']) as srv:
            o = srv.create_org('Url Lender')
            sid = new_session(srv, o)
            body, ct = fx.multipart([('session_id', sid), ('file_url', base + '/s.pdf')])
            r = srv.request('POST', UPLOAD, body=body, headers={'Content-Type': ct, 'x-api-key': o.api_key})
            eq(ok(r, 'file_url')['bank_name'], 'icici')
            body, ct = fx.multipart([('session_id', sid), ('file_url', base + '/missing.pdf')])
            r = srv.request('POST', UPLOAD, body=body, headers={'Content-Type': ct, 'x-api-key': o.api_key})
            upload_error(r, 400, 'INVALID_FILE_URL', '404 at the URL')
            body, ct = fx.multipart([('session_id', sid), ('file_url', base + '/big.pdf')])
            r = srv.request('POST', UPLOAD, body=body, headers={'Content-Type': ct, 'x-api-key': o.api_key})
            upload_error(r, 413, 'REQUEST_TOO_LARGE', 'URL body above --max-upload-bytes')
    finally:
        httpd.shutdown()


@suite.test
def passwords_missing_wrong_right(srv):
    o = org(srv)
    sid = new_session(srv, o)
    for name in ('rc4', 'aes'):
        pw = fx.SPECS[name]['password']
        upload_error(upload(srv, o, sid, fx.data(name)), 400, 'PASSWORD_INCORRECT', name + ' missing')
        upload_error(upload(srv, o, sid, fx.data(name), pdf_password=''), 400, 'PASSWORD_INCORRECT',
                     name + ' empty')
        upload_error(upload(srv, o, sid, fx.data(name), pdf_password=pw + 'x'), 400, 'PASSWORD_INCORRECT',
                     name + ' wrong')
        body = ok(upload(srv, o, sid, fx.data(name), pdf_password=pw), name + ' right')
        eq(body['identity']['account_number'], fx.truth(name)['identity']['account_number'])
    check('Secret#1' not in srv.log() and 'Pa55 w0rd' not in srv.log(), 'a password reached the log')


@suite.test
def duplicates_within_a_session_only(srv):
    o = org(srv)
    sid = new_session(srv, o)
    pdf = fx.data('icici_jan')
    ok(upload(srv, o, sid, pdf))
    upload_error(upload(srv, o, sid, pdf), 400, 'STATEMENT_DUPLICATE', 'same bytes')
    upload_error(upload_base64(srv, o, sid, pdf), 400, 'STATEMENT_DUPLICATE', 'same bytes as BASE64')
    ok(upload(srv, o, new_session(srv, o), pdf), 'same statement, another session')
    s2 = new_session(srv, o, from_date='01/01/2024', to_date='30/04/2024')
    ok(upload(srv, o, s2, fx.data('duplicate_overlap_a')))
    upload_error(upload(srv, o, s2, fx.data('duplicate_overlap_b')), 400, 'STATEMENT_DUPLICATE',
                 'same account, overlapping period')


@suite.test
def concurrent_uploads_of_one_statement(srv):
    from harness import run_parallel
    o = org(srv)
    sid = new_session(srv, o)
    pdf = fx.data('sbi_q1')
    results = run_parallel(4, lambda i: upload(srv, o, sid, pdf))
    codes = sorted(r.status for r in results)
    eq(codes, [200, 400, 400, 400], 'exactly one wins')
    st = srv.upload_status(o, sid).json
    eq(len(st['accounts']), 1)
    eq(len(st['accounts'][0]['statements']), 1)


@suite.test
def bank_name_checks(srv):
    o = org(srv)
    sid = new_session(srv, o)
    r = upload(srv, o, sid, fx.data('hdfc_q1'), bank_name='sbi')
    upload_error(r, 400, 'BANK_NAME_MISMATCH')
    eq(r.json['error']['message'], 'Not sbi bank statement')
    ok(upload(srv, o, sid, fx.data('hdfc_q1'), bank_name='HDFC'), 'matching bank, any case')
    upload_error(upload(srv, o, sid, fx.data('sbi_q1'), bank_name='nosuchbank'), 400, 'INVALID_BANK_NAME')
    s2 = new_session(srv, o, bank_name='sbi')
    upload_error(upload(srv, o, s2, fx.data('icici_jan')), 400, 'BANK_NAME_MISMATCH', "session's bank")


@suite.test
def any_catalogue_bank_is_accepted_for_its_own_statement(srv):
    """Banks outside the five profiled ones: bank_name is the catalogue id, an upload naming that
    id (any case) is accepted, another bank's id is BANK_NAME_MISMATCH, on the upload's bank_name
    and on the session's alike; a bank merged into the statement's bank is accepted."""
    o = org(srv)
    sid = new_session(srv, o)
    pnb = fx.data('pnb_q1')
    r = upload(srv, o, sid, pnb, bank_name='canara')
    upload_error(r, 400, 'BANK_NAME_MISMATCH', 'PNB statement uploaded as Canara')
    eq(r.json['error']['message'], 'Not canara bank statement')
    body = ok(upload(srv, o, sid, pnb, bank_name='PNBBNK'), 'PNB statement, catalogue id upper case')
    eq(body['bank_name'], 'pnbbnk')
    t = fx.truth('pnb_q1')
    eq(body['identity']['account_number'], t['identity']['account_number'])
    eq(body['identity']['ifsc'], t['identity']['ifsc'])
    eq(body['identity']['bank_name'], 'pnbbnk')
    st = srv.upload_status(o, sid).json
    eq([a['bank_name'] for a in st['accounts']], ['pnbbnk'], 'upload status names the account by catalogue id')
    # without bank_name: the bank is detected, no BANK_NAME_UNDETECTED
    s2 = new_session(srv, o, from_date='01/02/2024', to_date='29/02/2024')
    eq(ok(upload(srv, o, s2, fx.data('canara_feb')), 'detected bank')['bank_name'], 'canara')
    # the session's bank decides when the upload names none
    s3 = new_session(srv, o, bank_name='canara', from_date='01/02/2024', to_date='29/02/2024')
    ok(upload(srv, o, s3, fx.data('canara_feb')), "session's bank, lower case")
    s4 = new_session(srv, o, bank_name='CANARA')
    upload_error(upload(srv, o, s4, pnb), 400, 'BANK_NAME_MISMATCH', "session's bank, another statement")
    # Oriental Bank of Commerce was merged into PNB: its customers' PNB statements are accepted
    s5 = new_session(srv, o, bank_name='OBC')
    eq(ok(upload(srv, o, s5, pnb), 'merged bank')['bank_name'], 'pnbbnk')


@suite.test
def unknown_bank_needs_accept_anything(srv):
    o = org(srv)
    sid = new_session(srv, o)
    upload_error(upload(srv, o, sid, fx.data('coop_q1')), 400, 'BANK_NAME_UNDETECTED')
    s2 = new_session(srv, o, accept_anything=True)
    body = ok(upload(srv, o, s2, fx.data('coop_q1')), 'accept_anything')
    eq(body['bank_name'], None)
    eq(body['identity']['account_number'], fx.truth('coop_q1')['identity']['account_number'])


@suite.test
def unreadable_files(srv):
    o = org(srv)
    sid = new_session(srv, o)
    upload_error(upload(srv, o, sid, fx.data('image')), 400, 'PDF_IS_IMAGE')
    upload_error(upload(srv, o, sid, fx.data('truncated')), 400, 'STATEMENT_UNSUPPORTED_FORMAT', 'truncated')
    upload_error(upload(srv, o, sid, fx.data('garbage')), 400, 'STATEMENT_UNSUPPORTED_FORMAT', 'garbage')
    upload_error(upload(srv, o, sid, fx.data('not_pdf')), 400, 'INVALID_FILE_OBJECT', 'not a PDF')
    upload_error(upload(srv, o, sid, b''), 400, 'EMPTY_FILE')
    upload_error(upload(srv, o, sid, None), 400, 'MISSING_FILE_OBJECT')
    upload_error(upload(srv, o, sid, None, file_url=''), 400, 'MISSING_FILE_OBJECT', 'empty file_url')
    eq(srv.upload_status(o, sid).json['upload_status'], 'NO_UPLOAD', 'refused files leave no trace')
    blobs = os.path.join(srv.data_dir, 'blobs')
    kept = srv.blob_files()
    tmp = os.listdir(os.path.join(blobs, 'tmp'))
    eq(tmp, [], 'no temporary files left')
    check(len(kept) < 40, 'refused files are not kept')


@suite.test
def out_of_date_range(srv):
    o = org(srv)
    sid = new_session(srv, o, from_date='01/01/2023', to_date='31/03/2023')
    upload_error(upload(srv, o, sid, fx.data('hdfc_q1')), 400, 'OUT_OF_DATE_RANGE')
    # one transaction inside the range is enough
    s2 = new_session(srv, o, from_date='01/06/2023', to_date='31/01/2024')
    ok(upload(srv, o, s2, fx.data('hdfc_q1')), 'partly inside')


@suite.test
def check_order_session_before_file(srv):
    o = org(srv)
    upload_error(upload(srv, o, '6f1c1c4e-2f7e-4a40-9c1e-5d0f0b1b2c3d', None), 404, 'SESSION_NOT_FOUND')
    upload_error(upload(srv, o, 'not-a-uuid', fx.data('image')), 404, 'SESSION_NOT_FOUND')
    upload_error(upload(srv, o, None, fx.data('hdfc_q1')), 404, 'SESSION_NOT_FOUND', 'no session_id')
    sid = new_session(srv, o)
    # password is checked before the bank
    upload_error(upload(srv, o, sid, fx.data('rc4'), bank_name='sbi'), 400, 'PASSWORD_INCORRECT')
    # bank before the date range
    s2 = new_session(srv, o, from_date='01/01/2023', to_date='31/03/2023')
    upload_error(upload(srv, o, s2, fx.data('hdfc_q1'), bank_name='sbi'), 400, 'BANK_NAME_MISMATCH')


@suite.test
def other_organisations_cannot_see_a_session(srv):
    a, b = org(srv), org(srv, 'Lender B')
    sid = new_session(srv, a)
    mine = upload(srv, b, sid, fx.data('icici_jan'))
    unknown = upload(srv, b, '6f1c1c4e-2f7e-4a40-9c1e-5d0f0b1b2c3d', fx.data('icici_jan'))
    upload_error(mine, 404, 'SESSION_NOT_FOUND')
    eq(mine.text, unknown.text, 'foreign and unknown sessions answer alike')
    r = upload(srv, a, sid, fx.data('icici_jan'), key='wrong-key')
    eq(r.status, 403)
    r = upload(srv, a, sid, fx.data('icici_jan'), key='')
    eq(r.status, 403)
    eq(srv.upload_status(a, sid).json['upload_status'], 'NO_UPLOAD')


@suite.test
def hostile_forms(srv):
    o = org(srv)
    sid = new_session(srv, o)
    h = {'x-api-key': o.api_key}
    r = srv.request('POST', UPLOAD, body=b'--x\r\n', headers=dict(h, **{'Content-Type': 'multipart/form-data'}))
    upload_error(r, 400, 'INVALID_FILE_OBJECT', 'no boundary')
    body, ct = fx.multipart([('session_id', sid)], [('file', 'a.pdf', fx.data('hdfc_q1'))])
    r = srv.request('POST', UPLOAD, body=body[:len(body) // 2], headers=dict(h, **{'Content-Type': ct}))
    upload_error(r, 400, 'INVALID_FILE_OBJECT', 'truncated body')
    big = b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nX-Junk: ' + b'a' * 200000 + \
        b'\r\n\r\n%PDF-1.4\r\n--b--\r\n'
    r = srv.request('POST', UPLOAD, body=big, headers=dict(h, **{'Content-Type': 'multipart/form-data; boundary=b'}))
    check(r.status == 400, 'huge part headers: %s' % r)
    fields = [('f%d' % i, 'x') for i in range(300)] + [('session_id', sid)]
    body, ct = fx.multipart(fields, [('file', 'a.pdf', fx.data('icici_jan'))])
    r = srv.request('POST', UPLOAD, body=body, headers=dict(h, **{'Content-Type': ct}))
    upload_error(r, 400, 'INVALID_FILE_OBJECT', 'many parts')
    nested = (b'--o\r\nContent-Disposition: form-data; name="session_id"\r\n\r\n' + sid.encode() +
              b'\r\n--o\r\nContent-Disposition: form-data; name="file"\r\nContent-Type: multipart/mixed; '
              b'boundary=i\r\n\r\n--i\r\nContent-Disposition: file; filename="a.pdf"\r\n\r\nnot a pdf\r\n--i--\r\n--o--\r\n')
    r = srv.request('POST', UPLOAD, body=nested, headers=dict(h, **{'Content-Type': 'multipart/form-data; boundary=o'}))
    check(r.status == 400 and r.json['error']['code'] in ('INVALID_FILE_OBJECT', 'INVALID_BASE_64',
                                                          'MISSING_FILE_OBJECT'), 'nested multipart: %s' % r)
    long_field = fx.multipart([('session_id', 'x' * 10000)], [('file', 'a.pdf', b'%PDF')])
    r = srv.request('POST', UPLOAD, body=long_field[0], headers=dict(h, **{'Content-Type': long_field[1]}))
    upload_error(r, 400, 'INVALID_FILE_OBJECT', 'overlong field')
    r = srv.request('POST', UPLOAD, body='{"session_id": "%s"}' % sid, headers=dict(h, **{'Content-Type': 'application/json'}))
    eq(r.status, 415, 'JSON body')
    r = srv.request('GET', UPLOAD, headers=h)
    eq(r.status, 405)
    # the server is still healthy, and nothing was stored
    eq(srv.get('/healthz').status, 200)
    eq(srv.upload_status(o, sid).json['upload_status'], 'NO_UPLOAD')


@suite.test(server=False)
def size_limit_413():
    with Server(args=['--max-upload-bytes', '100000']) as srv:
        o = srv.create_org('Small')
        sid = new_session(srv, o)
        pdf = b'%PDF-1.4\n' + os.urandom(120000)
        upload_error(upload(srv, o, sid, pdf), 413, 'REQUEST_TOO_LARGE', 'file part')
        r = upload_base64(srv, o, sid, os.urandom(80000))  # 80 kB decoded, 107 kB as text
        eq(r.status, 413, 'the limit counts the BASE64 text')
        head = ('POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n'
                'x-api-key: %s\r\nContent-Length: 2000000\r\n\r\n' % (UPLOAD, o.api_key)).encode()
        r = srv.raw(head + b'x' * 1000)
        eq(r.status, 413, 'Content-Length far above the limit, answered before the body')
        body = ok(upload(srv, o, sid, fx.data('icici_jan')), 'a small statement still fits')
        eq(body['bank_name'], 'icici')


if __name__ == '__main__':
    fx.ensure()
    suite.main()
