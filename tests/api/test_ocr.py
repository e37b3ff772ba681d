"""Scanned statements through the API (issue 17): an image-only PDF is read by OCR into rows
marked extraction "ocr" with a confidence, the balance chain judges them, the fraud checks treat
the scan as a scan, and `passbook org set-ocr ORG off` keeps FinBox's PDF_IS_IMAGE.

The scan is the upload fixture icici_jan drawn to a 200 dpi grey image (mutool draw) and wrapped
as an image-only PDF (mutool convert): no text layer left, the truth carried over."""

import glob
import json
import os
import subprocess
import tempfile

from harness import BINARY, check, eq, expect_error, suite
import upload_fixtures as fx
from upload_fixtures import upload, new_session, session_get, wait_processed

ORGS = {}
SCAN = {}


def org(srv, name):
    if name not in ORGS:
        ORGS[name] = srv.create_org(name)
    return ORGS[name]


def scan(name='icici_jan'):
    if name not in SCAN:
        with tempfile.TemporaryDirectory() as d:
            subprocess.run(['mutool', 'draw', '-q', '-r', '200', '-c', 'gray', '-o', os.path.join(d, 'p-%d.png'),
                            fx.path(name)], check=True, capture_output=True)
            pages = sorted(glob.glob(os.path.join(d, 'p-*.png')), key=lambda p: int(p.rsplit('-', 1)[1][:-4]))
            out = os.path.join(d, 'scan.pdf')
            subprocess.run(['mutool', 'convert', '-O', 'compress', '-o', out] + pages, check=True,
                           capture_output=True)
            text = subprocess.run(['mutool', 'draw', '-F', 'txt', '-o', '-', out], capture_output=True).stdout
            check(not text.strip(), 'the scan has no text layer')
            with open(out, 'rb') as f:
                SCAN[name] = f.read()
    return SCAN[name]


def paise(x):
    return int(round(float(x) * 100))


@suite.test
def a_scan_is_read_by_ocr(srv):
    o = org(srv, 'Scan Lender')
    t = fx.truth('icici_jan')
    sid = new_session(srv, o, from_date='01/01/2024', to_date='31/01/2024')
    r = upload(srv, o, sid, scan(), name='scan.pdf')
    eq(r.status, 200, 'upload of a scan: %s' % r.text[:300])
    body = r.json
    eq(body['bank_name'], 'icici')
    eq(body['identity']['account_number'], t['identity']['account_number'], 'identity read from the scan')
    eq(body['is_fraud'], False, 'the scanner\'s metadata is no fraud')
    r = srv.post('/bank-connect/v1/session_data/%s/initiate_processing/' % sid, headers=o.headers())
    eq(r.status, 202, r.text)
    wait_processed(srv, o, sid, timeout=300)
    r = session_get(srv, o, sid, 'transactions')
    eq(r.status, 200, r.text[:300])
    rows = r.json['transactions']
    eq(len(rows), len(t['transactions']), 'every row of the scan')
    for row in rows:
        eq(row['extraction'], 'ocr', 'how the row was read')
        check(0 <= row['confidence'] <= 1, 'confidence %r in 0..1' % row['confidence'])
    # amounts and balances either match the truth or the chain says the row does not reconcile
    wrong = [(g, w) for g, w in zip(rows, t['transactions'])
             if paise(g['amount']) != paise(w['amount']) or paise(g['balance']) != paise(w['balance'])]
    eq(wrong, [], 'amounts and balances of the scan')
    r = session_get(srv, o, sid, 'insights')
    eq(r.status, 200, r.text[:300])
    data = r.json['accounts'][0]['data']
    metadata = [f for f in data['fraud'] if f['fraud_category'] == 'metadata']
    eq(metadata, [], 'no metadata finding on a scan')
    reasons = ' '.join(data['authenticity']['reasons'])
    check('scan' in reasons and 'OCR' in reasons, 'the authenticity says it judged a scan: %s' % reasons)


def mixed(name='hdfc_apr'):
    """The statement with its last page printed and scanned back (300 dpi grey, no text layer)."""
    key = 'mixed-' + name
    if key not in SCAN:
        with tempfile.TemporaryDirectory() as d:
            src = fx.path(name)
            info = subprocess.run(['mutool', 'info', src], capture_output=True).stdout.decode()
            n = int([ln for ln in info.splitlines() if ln.startswith('Pages:')][0].split()[1])
            png, page, out = (os.path.join(d, f) for f in ('last.png', 'last.pdf', 'mixed.pdf'))
            subprocess.run(['mutool', 'draw', '-q', '-r', '300', '-c', 'gray', '-o', png, src, str(n)], check=True,
                           capture_output=True)
            subprocess.run(['mutool', 'convert', '-O', 'compress', '-o', page, png], check=True, capture_output=True)
            subprocess.run(['mutool', 'merge', '-o', out, src, '1-%d' % (n - 1), page], check=True,
                           capture_output=True)
            text = subprocess.run(['mutool', 'draw', '-F', 'txt', '-o', '-', out, str(n)], capture_output=True).stdout
            check(not text.strip(), 'the last page has no text layer')
            with open(out, 'rb') as f:
                SCAN[key] = f.read()
    return SCAN[key]


def parse(srv, pdf, *flags):
    with tempfile.NamedTemporaryFile(suffix='.pdf') as f:
        f.write(pdf)
        f.flush()
        p = subprocess.run([BINARY, 'parse', f.name] + list(flags), capture_output=True, env=srv.env, timeout=900)
    return json.loads(p.stdout.decode())


@suite.test
def a_text_pdf_with_a_scanned_page_is_read_page_by_page(srv):
    t = fx.truth('hdfc_apr')
    out = parse(srv, mixed('hdfc_apr'))
    rows = out.get('transactions', [])
    eq(len(rows), len(t['transactions']), 'rows of the text page and of the scanned page: %s' % str(out)[:300])
    eq(out['metadata']['ocr_pages'], 1, 'one page read by OCR')
    eq(out['extraction'], 'mixed', 'the statement says how it was read')
    kinds = [r['extraction'] for r in rows]
    check('text' in kinds and 'ocr' in kinds, 'rows of both pages: %s' % kinds)
    eq(kinds, sorted(kinds, key=lambda k: k == 'ocr'), 'text rows first (page 1), then the scanned page\'s')
    flagged = {u['index'] for u in out['reconciliation']['unreconciled']}
    for i, (g, w) in enumerate(zip(rows, t['transactions'])):
        if g['extraction'] == 'text':
            eq((g['date'], paise(g['amount']), paise(g['balance'])), (w['date'], paise(w['amount']), paise(w['balance'])),
               'text row %d as printed' % i)
        elif (paise(g['amount']), paise(g['balance'])) != (paise(w['amount']), paise(w['balance'])):
            check(i in flagged, 'scanned row %d wrong yet not flagged' % i)
    eq(parse(srv, mixed('hdfc_apr'), '--no-ocr')['metadata']['ocr_pages'], 0, '--no-ocr reads no page by OCR')
    short = parse(srv, mixed('hdfc_apr'), '--no-ocr').get('transactions', [])
    check(len(short) < len(rows), '--no-ocr: only the text page\'s rows (%d)' % len(short))


@suite.test
def org_set_ocr_off_keeps_pdf_is_image(srv):
    o = org(srv, 'FinBox Faithful')
    out = srv.cli('org', 'set-ocr', o.id, 'off').stdout.decode()
    check('"ocr": false' in out or '"ocr":false' in out, out)
    sid = new_session(srv, o, from_date='01/01/2024', to_date='31/01/2024')
    r = upload(srv, o, sid, scan(), name='scan.pdf')
    expect_error(r, 400, 'PDF_IS_IMAGE', 'OCR turned off')
    # another organisation still has OCR
    other = org(srv, 'Scan Lender')
    sid2 = new_session(srv, other, from_date='01/01/2024', to_date='31/01/2024')
    eq(upload(srv, other, sid2, scan(), name='scan.pdf').status, 200, 'the setting is per organisation')
    srv.cli('org', 'set-ocr', o.id, 'on')
    sid3 = new_session(srv, o, from_date='01/01/2024', to_date='31/01/2024')
    eq(upload(srv, o, sid3, scan(), name='scan.pdf').status, 200, 'turned on again')
    bad = srv.cli('org', 'set-ocr', o.id, 'maybe', check_rc=False)
    eq(bad.returncode, 2, 'set-ocr takes on or off')


@suite.test
def an_image_with_no_statement_stays_pdf_is_image(srv):
    o = org(srv, 'Scan Lender')
    sid = new_session(srv, o)
    expect_error(upload(srv, o, sid, fx.data('image')), 400, 'PDF_IS_IMAGE')


def parse_without_tesseract(pdf):
    """`passbook parse` of pdf with Tesseract's library missing (PASSBOOK_OCR_LIBRARY names no file)."""
    with tempfile.NamedTemporaryFile(suffix='.pdf') as f:
        f.write(pdf)
        f.flush()
        env = dict(os.environ, PASSBOOK_OCR_LIBRARY='/nonexistent/libtesseract.so.5')
        return subprocess.run([BINARY, 'parse', f.name], capture_output=True, env=env, timeout=300)


@suite.test
def without_the_ocr_library_a_scan_is_pdf_is_image_and_text_pdfs_never_load_it(srv):
    p = parse_without_tesseract(scan())
    eq(p.returncode, 1, 'a scan without Tesseract is refused: %s' % p.stdout[:300])
    eq(json.loads(p.stdout)['error']['code'], 'PDF_IS_IMAGE')
    check(b'event=ocr_library_missing' in p.stderr, 'the missing library is logged: %s' % p.stderr[-500:])
    p = parse_without_tesseract(fx.data('icici_jan'))
    eq(p.returncode, 0, 'a text PDF is read without Tesseract: %s' % p.stdout[:300])
    eq(len(json.loads(p.stdout)['transactions']), len(fx.truth('icici_jan')['transactions']))
    check(b'ocr_library' not in p.stderr, 'a text PDF never loads the OCR library: %s' % p.stderr[-500:])


BINDINGS = []


def bindings_of_a_scan():
    """The dynamic loader's bindings (LD_DEBUG=bindings) while `passbook parse` reads a scan."""
    if not BINDINGS:
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, 'scan.pdf'), 'wb') as f:
                f.write(scan())
            env = dict(os.environ, LD_DEBUG='bindings', LD_DEBUG_OUTPUT=os.path.join(d, 'ld'))
            p = subprocess.run([BINARY, 'parse', f.name], capture_output=True, env=env, timeout=600)
            eq(p.returncode, 0, 'the scan is read: %s' % p.stdout[:300])
            BINDINGS.append(''.join(open(n, errors='replace').read() for n in glob.glob(os.path.join(d, 'ld.*'))))
    return BINDINGS[0].splitlines()


@suite.test
def tesseracts_openmp_regions_run_on_the_reading_thread(srv):
    """libtesseract's parallel regions bind to Passbook's inline runtime (src/extract/ocr_omp.h), not
    libgomp's: ~250,000 per page, each a team set up and a futex wake in libgomp."""
    binds = [ln for ln in bindings_of_a_scan() if 'libtesseract' in ln.split('to ')[0] and '`GOMP_' in ln]
    check(binds, 'libtesseract binds its OpenMP entry points (built with OpenMP)')
    wrong = [ln for ln in binds if 'libgomp' in ln]
    eq(wrong, [], 'no parallel region of Tesseract\'s goes to libgomp')


@suite.test
def tesseracts_line_images_stay_raw(srv):
    """libtesseract's pixWriteMem and pixReadMem (every text line's image, written as PNG and read
    back at once) bind to Passbook's (src/extract/ocr_pixmem.h); leptonica's own are only looked up
    by it (dlsym, logged as bindings of libtesseract's too)."""
    exe = os.path.basename(BINARY)
    for name in ('pixWriteMem', 'pixReadMem'):
        binds = [ln for ln in bindings_of_a_scan() if 'libtesseract' in ln.split('to ')[0] and '`%s\'' % name in ln]
        check([ln for ln in binds if ln.split('to ')[1].split(' ')[0].endswith('/' + exe)],
              'libtesseract binds %s to Passbook\'s: %s' % (name, binds))


@suite.test
def tesseracts_table_of_ambiguities_is_not_loaded(srv):
    """libtesseract's UnicharAmbigs::LoadUniversal (a built-in table only its legacy engine reads, ~0.1 s
    of every Tesseract's start) binds to Passbook's, which does nothing (src/extract/ocr_ambigs.h)."""
    exe = os.path.basename(BINARY)
    name = '_ZN9tesseract13UnicharAmbigs13LoadUniversalERKNS_10UNICHARSETEPS1_'
    binds = [ln for ln in bindings_of_a_scan() if 'libtesseract' in ln.split('to ')[0] and '`%s\'' % name in ln]
    check([ln for ln in binds if ln.split('to ')[1].split(' ')[0].endswith('/' + exe)],
          'libtesseract binds LoadUniversal to Passbook\'s: %s' % binds)


if __name__ == '__main__':
    fx.ensure()
    suite.main()
