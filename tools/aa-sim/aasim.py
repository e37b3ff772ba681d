#!/usr/bin/env python3
"""A small Account Aggregator for tests: an AA as the public documents
describe it, in one process, written from those documents (not from
Passbook's code).

Speaks
  * ReBIT NBFC-AA API 2.0.0 (AA side): POST /Consent, /Consent/handle,
    /Consent/fetch, /FI/request, /FI/fetch; every request's detached JWS
    (RS256, b64:false, crit ["b64"]) and client_api_key checked, every
    answer signed;
  * the FIU callbacks it calls: POST {fiu}/aa/Consent/Notification and
    {fiu}/aa/FI/Notification, signed, with aa_api_key;
  * the Sahamati redirection guidelines: GET /webview?fi=&reqdate=&ecreq=,
    a consent page with Approve / Reject, and the way back with
    fi=&resdate=&ecres=;
  * Rahasya for FI data: X25519, nonce XOR -> HKDF-SHA256 salt (20 bytes)
    and AES-GCM IV (12 bytes), AES-256-GCM with the tag appended;
  * DEPOSIT FI documents (XML 1.1 / 1.2 / 2.0.0, the JSON forms).

Test control (not part of any standard), JSON in and out:
  POST /__sim/config     {"fiu_url": ...}            where Passbook listens
  POST /__sim/customer   {"mobile", "scenario", "accounts": [...], ...}
  GET  /__sim/log        what the simulator saw (requests, verdicts)
  POST /__sim/notify     send a hand-made notification to the FIU
  GET  /__sim/consents   the consents and FI sessions

Scenarios (per customer): happy, reject, expire, fi_denied, fi_timeout,
slow (data ready after "delay" seconds), bad_signature (answers to
/FI/fetch signed with a wrong key), tampered (one account's ciphertext
altered), no_notify (never notifies: the FIU must poll), approved_form
("READY" or "APPROVED" in /Consent/handle), artefact_form (the signed
consent as "mixed": b64:false header over a base64url payload, the
default; "jws": RFC 7515; "raw": RFC 7797, the JSON between the dots;
"wrapped": the detail under "ConsentDetail" without FIDataRange).
A customer's "unconsented" accounts are sent by /FI/fetch without being in
the consent (an AA at fault). A customer's "stagger" (seconds) makes account i ready that much after
account i-1: /FI/fetch answers only the accounts ready so far, and each
account's readiness is notified (sessionStatus ACTIVE with the others
PENDING, COMPLETED with the last), as FIPs answering at different times do.

Run: python3 tools/aa-sim/aasim.py --port 0 --state DIR [options]
It writes DIR/aa-public.pem (its signing key) and DIR/port once ready.
"""

import argparse
import base64
import datetime
import hashlib
import html
import json
import os
import random
import sys
import threading
import time
import traceback
import urllib.parse
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import padding as rsa_padding
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

IST = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
DEPOSIT_NS = 'http://api.rebit.org.in/FISchema/deposit'


# ---------------------------------------------------------------- encodings

def b64url(data, pad=False):
    s = base64.urlsafe_b64encode(data).decode()
    return s if pad else s.rstrip('=')


def b64url_dec(s):
    s = s.replace(' ', '+')
    return base64.urlsafe_b64decode(s.replace('+', '-').replace('/', '_') + '=' * (-len(s) % 4))


def now_iso():
    t = datetime.datetime.now(datetime.timezone.utc)
    return t.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (t.microsecond // 1000)


def iso_in(seconds):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds)
    return t.strftime('%Y-%m-%dT%H:%M:%S.000Z')


# ---------------------------------------------------------------- JWS (Sahamati Annexure B)

def jws_sign(key, kid, body):
    header = b64url(json.dumps({'alg': 'RS256', 'kid': kid, 'b64': False, 'crit': ['b64']},
                               separators=(',', ':')).encode())
    sig = key.sign(header.encode() + b'.' + body, rsa_padding.PKCS1v15(), hashes.SHA256())
    return header + '..' + b64url(sig)


def jws_verify(pub, token, body):
    """RFC 7515 detached, RFC 7797 b64:false. Returns None or a reason."""
    if not token or token.count('.') != 2 or '..' not in token:
        return 'malformed'
    header_b64, _, sig_b64 = token.split('.')
    try:
        header = json.loads(b64url_dec(header_b64))
    except ValueError:
        return 'bad header'
    if header.get('alg') != 'RS256':
        return 'alg'
    payload = body if header.get('b64') is False else b64url(body).encode()
    try:
        pub.verify(b64url_dec(sig_b64), header_b64.encode() + b'.' + payload, rsa_padding.PKCS1v15(), hashes.SHA256())
    except Exception:
        return 'signature does not match'
    return None


# ---------------------------------------------------------------- redirection (Sahamati guidelines)

def reqdate_now():
    t = datetime.datetime.now(datetime.timezone.utc)
    return t.strftime('%d%m%Y%H%M%S') + str(t.microsecond // 100000)


def reqdate_ok(d):
    """ddMMyyyyHHmmss + tenths, within 180 s (either reading the guidelines allow)."""
    if not (len(d) == 15 and d.isdigit()):
        return False
    now = datetime.datetime.now(datetime.timezone.utc)
    for fmt, extra in (('%d%m%Y%H%M%S', lambda r: int(r[14]) * 100), ('%d%m%Y%H%M', lambda r: int(r[12:15]))):
        try:
            base = datetime.datetime.strptime(d[:14] if fmt.endswith('%S') else d[:12], fmt)
        except ValueError:
            continue
        t = base.replace(tzinfo=datetime.timezone.utc) + datetime.timedelta(milliseconds=extra(d))
        if abs((t - now).total_seconds()) <= 180:
            return True
    return False


def redirect_key(secret, salt):
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt.encode(), iterations=65536)
    return kdf.derive(secret.encode())


def redirect_encrypt(secret, salt, text, pad=True):
    padder = padding.PKCS7(128).padder()
    data = padder.update(text.encode()) + padder.finalize()
    enc = Cipher(algorithms.AES(redirect_key(secret, salt)), modes.CBC(b'\0' * 16)).encryptor()
    return b64url(enc.update(data) + enc.finalize(), pad=pad)


def redirect_decrypt(secret, salt, text):
    dec = Cipher(algorithms.AES(redirect_key(secret, salt)), modes.CBC(b'\0' * 16)).decryptor()
    data = dec.update(b64url_dec(text)) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(data) + unpadder.finalize()).decode()


def xor_b64(text, key):
    return base64.b64encode(bytes(c ^ key.encode()[i % len(key)] for i, c in enumerate(text.encode()))).decode()


def unxor_b64(text, key):
    raw = base64.b64decode(text)
    return bytes(c ^ key.encode()[i % len(key)] for i, c in enumerate(raw)).decode('utf-8', 'replace')


# ---------------------------------------------------------------- Rahasya (X25519 path)

def x25519_public_from(text):
    """KeyValue as FIUs send it: PEM SPKI (also on one line), Base64 DER, hex or Base64 raw."""
    body = ''.join(line for line in text.replace('\\n', '\n').splitlines() if not line.startswith('-----'))
    body = body.replace('-----BEGIN PUBLIC KEY-----', '').replace('-----END PUBLIC KEY-----', '').strip()
    if len(body) == 64 and all(c in '0123456789abcdefABCDEF' for c in body):
        return X25519PublicKey.from_public_bytes(bytes.fromhex(body))
    raw = base64.b64decode(body)
    if len(raw) == 32:
        return X25519PublicKey.from_public_bytes(raw)
    return serialization.load_der_public_key(raw)


def rahasya_encrypt(own_priv, own_nonce, peer_pub, peer_nonce, data):
    shared = own_priv.exchange(peer_pub)
    x = bytes(a ^ b for a, b in zip(own_nonce, peer_nonce))
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=x[:20], info=None).derive(shared)
    return base64.b64encode(AESGCM(key).encrypt(x[20:32], data, None)).decode()


# ---------------------------------------------------------------- FI documents

def xml_attr(v):
    return html.escape(str(v), quote=True)


def deposit_xml(acc, version):
    """A DEPOSIT document. 2.0.0 uses a namespace prefix and the v2 names
    for the balance after a row (transactionalBalance) unless told otherwise."""
    p = 'dp:' if version == '2.0.0' else ''
    ns = ('xmlns:dp="%s"' if p else 'xmlns="%s"') % DEPOSIT_NS
    bal_name = acc.get('balance_attr') or ('transactionalBalance' if version == '2.0.0' else 'currentBalance')
    prof, summ = acc.get('profile', {}), acc.get('summary', {})
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<%sAccount %s xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" linkedAccRef="%s" '
           'maskedAccNumber="%s" version="%s" type="deposit">' % (p, ns, xml_attr(acc['link_ref']),
                                                                   xml_attr(acc['masked']), version)]
    if prof is not None:
        out.append('<%sProfile><%sHolders type="%s">' % (p, p, prof.get('type', 'SINGLE')))
        for h in prof.get('holders', []):
            out.append('<%sHolder %s/>' % (p, ' '.join('%s="%s"' % (k, xml_attr(v)) for k, v in h.items())))
        out.append('</%sHolders></%sProfile>' % (p, p))
    if summ is not None:
        out.append('<%sSummary %s/>' % (p, ' '.join('%s="%s"' % (k, xml_attr(v)) for k, v in summ.items())))
    out.append('<%sTransactions startDate="%s" endDate="%s">' % (p, acc['start'], acc['end']))
    for t in acc['transactions']:
        attrs = {'txnId': t.get('txnId', ''), 'type': t['type'], 'mode': t.get('mode', 'OTHERS'),
                 'amount': t['amount'], bal_name: t['balance'], 'transactionTimestamp': t['timestamp'],
                 'valueDate': t.get('valueDate', t['timestamp'][:10]), 'narration': t['narration'],
                 'reference': t.get('reference', '')}
        out.append('<%sTransaction %s/>' % (p, ' '.join('%s="%s"' % (k, xml_attr(v)) for k, v in attrs.items())))
    out.append('</%sTransactions></%sAccount>' % (p, p))
    return '\n'.join(out).encode()


def deposit_json(acc, style):
    rows = [{'txnId': t.get('txnId', ''), 'type': t['type'], 'mode': t.get('mode', 'OTHERS'),
             'amount': float(t['amount']) if style == 'capital' else t['amount'],
             'currentBalance': t['balance'], 'transactionTimestamp': t['timestamp'],
             'valueDate': t.get('valueDate', t['timestamp'][:10]), 'narration': t['narration']}
            for t in acc['transactions']]
    prof, summ = acc.get('profile', {}), acc.get('summary', {})
    if style == 'capital':   # as FIU modules hand it out: capitalised, one holder as an object
        holders = prof.get('holders', [])
        return json.dumps({
            'type': 'DEPOSIT', 'maskedAccNumber': acc['masked'], 'linkedAccRef': acc['link_ref'], 'version': '1.1',
            'Profile': {'Holders': {'type': prof.get('type', 'SINGLE'), 'Holder': holders[0] if holders else {}}},
            'Summary': summ,
            'Transactions': {'startDate': acc['start'], 'endDate': acc['end'], 'Transaction': rows}}).encode()
    return json.dumps({'account': {  # lower-case with an "account" wrapper
        'type': 'deposit', 'maskedAccNumber': acc['masked'], 'linkedAccRef': acc['link_ref'], 'version': '1.2',
        'profile': {'holders': {'type': prof.get('type', 'SINGLE'), 'holder': prof.get('holders', [])}},
        'summary': summ,
        'transactions': {'startDate': acc['start'], 'endDate': acc['end'], 'transaction': rows}}}).encode()


def fi_document(acc):
    fmt = acc.get('format', 'xml-1.2')
    if fmt.startswith('xml-'):
        return deposit_xml(acc, fmt[4:])
    return deposit_json(acc, 'capital' if fmt == 'json-capital' else 'lower')


# ---------------------------------------------------------------- the AA

class Sim:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.wrong_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        with open(args.fiu_public_key, 'rb') as f:
            self.fiu_pub = serialization.load_pem_public_key(f.read())
        self.fiu_url = args.fiu_url
        self.customers = {}      # mobile -> {"scenario", "accounts", ...}
        self.consents = {}       # handle -> record
        self.by_id = {}          # consent id -> handle
        self.sessions = {}       # FI session id -> record
        self.log = []

    def note(self, **kw):
        kw['at'] = time.time()
        with self.lock:
            self.log.append(kw)

    def sign(self, body, wrong=False):
        return jws_sign(self.wrong_key if wrong else self.key, self.args.aa_id, body)

    def notify(self, path, payload, wrong_key=False, api_key=None):
        """POSTs a notification to the FIU; returns (status, body)."""
        body = json.dumps(payload).encode()
        req = urllib.request.Request(self.fiu_url.rstrip('/') + path, data=body, method='POST', headers={
            'Content-Type': 'application/json', 'x-jws-signature': self.sign(body, wrong_key),
            'aa_api_key': self.args.api_key if api_key is None else api_key})
        try:
            with urllib.request.urlopen(req, timeout=20) as r:
                status, text = r.status, r.read()
                sig = r.headers.get('x-jws-signature')
        except urllib.error.HTTPError as e:
            status, text, sig = e.code, e.read(), e.headers.get('x-jws-signature')
        except OSError as e:
            self.note(kind='notify', path=path, error=str(e))
            return 0, b''
        verdict = jws_verify(self.fiu_pub, sig, text)
        self.note(kind='notify', path=path, status=status, answer_signature=verdict or 'ok', body=payload)
        return status, text

    def envelope(self, txnid=None):
        return {'ver': '2.0.0', 'timestamp': now_iso(), 'txnid': txnid or str(uuid.uuid4())}

    def consent_notification(self, c, status):
        if c['customer'].get('scenario') == 'no_notify':
            return
        body = self.envelope()
        body['Notifier'] = {'type': 'AA', 'id': self.args.aa_id}
        body['ConsentStatusNotification'] = {'consentId': c.get('consent_id'), 'consentHandle': c['handle'],
                                             'consentStatus': status}
        threading.Thread(target=self.notify, args=('/aa/Consent/Notification', body), daemon=True).start()

    def fi_notification(self, s, status, accounts):
        body = self.envelope()
        body['Notifier'] = {'type': 'AA', 'id': self.args.aa_id}
        body['FIStatusNotification'] = {'sessionId': s['id'], 'sessionStatus': status, 'FIStatusResponse': [
            {'fipID': fip, 'Accounts': [{'linkRefNumber': ref, 'FIStatus': st, 'description': ''}
                                        for ref, st in accs]} for fip, accs in accounts.items()]}
        self.notify('/aa/FI/Notification', body)


SIM = None


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, fmt, *args):
        pass

    # ---- plumbing

    def send(self, status, obj=None, signed=True, raw=None, ctype='application/json', headers=None):
        body = raw if raw is not None else json.dumps(obj).encode()
        self.send_response(status)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body)))
        if signed and ctype == 'application/json':
            c = getattr(self, 'customer', None) or {}
            wrong = c.get('scenario') == 'bad_signature' and self.path.startswith('/FI/fetch')
            self.send_header('x-jws-signature', SIM.sign(body, wrong))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def error(self, status, code, msg, txnid=None):
        body = SIM.envelope(txnid)
        body.update({'errorCode': code, 'errorMsg': msg})
        SIM.note(kind='refused', path=self.path, code=code, msg=msg)
        self.send(status, body)

    def read_body(self):
        n = int(self.headers.get('Content-Length') or 0)
        return self.rfile.read(n) if n else b''

    def rebit(self):
        """Checks a ReBIT request: client_api_key, signature, JSON. Returns the body or None."""
        raw = self.read_body()
        if self.headers.get('client_api_key') != SIM.args.api_key:
            self.error(401, 'Unauthorized', 'client_api_key')
            return None
        why = jws_verify(SIM.fiu_pub, self.headers.get('x-jws-signature'), raw)
        if why:
            self.error(400, 'SignatureDoesNotMatch', why)
            return None
        try:
            body = json.loads(raw)
        except ValueError:
            self.error(400, 'InvalidRequest', 'not JSON')
            return None
        if body.get('ver') != '2.0.0':
            self.error(404, 'NoSuchVersion', 'ver')
            return None
        SIM.note(kind='request', path=self.path, body=body)
        return body

    # ---- routes

    def do_POST(self):
        try:
            path = urllib.parse.urlparse(self.path).path
            route = {'/Consent': self.consent, '/Consent/handle': self.consent_handle,
                     '/Consent/fetch': self.consent_fetch, '/FI/request': self.fi_request, '/FI/fetch': self.fi_fetch,
                     '/webview/decision': self.decision, '/__sim/config': self.sim_config,
                     '/__sim/customer': self.sim_customer, '/__sim/notify': self.sim_notify}.get(path)
            if not route:
                return self.send(404, {'error': 'no such path'}, signed=False)
            route()
        except Exception:
            traceback.print_exc()
            self.send(500, {'errorCode': 'InternalError'})

    def do_GET(self):
        path = urllib.parse.urlparse(self.path).path
        if path == '/webview':
            return self.webview()
        if path == '/__sim/log':
            with SIM.lock:
                return self.send(200, SIM.log, signed=False)
        if path == '/__sim/consents':
            with SIM.lock:
                out = {'consents': [{k: v for k, v in c.items() if k not in ('customer', 'artefact')}
                                    for c in SIM.consents.values()],
                       'sessions': [{k: v for k, v in s.items() if k not in ('fiu_key', 'fiu_nonce', 'customer')}
                                    for s in SIM.sessions.values()]}
            return self.send(200, out, signed=False)
        self.send(404, {'error': 'no such path'}, signed=False)

    # POST /Consent
    def consent(self):
        body = self.rebit()
        if body is None:
            return
        d = body.get('ConsentDetail') or {}
        problems = []
        if d.get('consentMode') not in ('VIEW', 'STORE', 'QUERY', 'STREAM'):
            problems.append('consentMode')
        if d.get('fetchType') not in ('ONETIME', 'PERIODIC'):
            problems.append('fetchType')
        if not d.get('consentTypes') or not set(d['consentTypes']) <= {'PROFILE', 'SUMMARY', 'TRANSACTIONS'}:
            problems.append('consentTypes')
        if 'DEPOSIT' not in (d.get('fiTypes') or []):
            problems.append('fiTypes')
        if (d.get('DataConsumer') or {}).get('id') != SIM.args.fiu_id:
            problems.append('DataConsumer')
        cust = (d.get('Customer') or {}).get('id', '')
        if not cust.endswith('@' + SIM.args.suffix):
            return self.error(400, 'InvalidCustomerAddress', 'Customer.id', body.get('txnid'))
        purpose = d.get('Purpose') or {}
        if not purpose.get('code'):
            return self.error(400, 'InvalidConsentPurpose', 'Purpose', body.get('txnid'))
        for k in ('consentStart', 'consentExpiry'):
            if not d.get(k):
                problems.append(k)
        rng = d.get('FIDataRange') or {}
        if not rng.get('from') or not rng.get('to'):
            problems.append('FIDataRange')
        if problems:
            return self.error(400, 'InvalidRequest', ','.join(problems), body.get('txnid'))
        mobile = cust.split('@')[0]
        handle = str(uuid.uuid4())
        with SIM.lock:
            customer = SIM.customers.get(mobile) or {'scenario': 'happy', 'accounts': default_accounts(rng)}
            SIM.consents[handle] = {'handle': handle, 'status': 'PENDING', 'detail': d, 'customer_id': cust,
                                    'mobile': mobile, 'customer': customer, 'consent_id': None,
                                    'txnid': body.get('txnid')}
        self.customer = customer
        out = SIM.envelope(body.get('txnid'))
        out.update({'Customer': {'id': cust}, 'ConsentHandle': handle})
        self.send(200, out)

    # GET /webview?fi=&reqdate=&ecreq=
    def webview(self):
        q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        fi, reqdate, ecreq = (q.get(k, [''])[0] for k in ('fi', 'reqdate', 'ecreq'))
        problems = []
        if not reqdate_ok(reqdate):
            problems.append('reqdate')
        try:
            if unxor_b64(fi, reqdate) != SIM.args.fiu_id:
                problems.append('fi')
            params = urllib.parse.parse_qs(redirect_decrypt(SIM.args.secret, reqdate, ecreq))
        except Exception:
            problems.append('ecreq')
            params = {}
        p = {k: v[0] for k, v in params.items()}
        c = SIM.consents.get(p.get('srcref', ''))
        if not c:
            problems.append('srcref')
        SIM.note(kind='webview', params={k: v for k, v in p.items()}, problems=problems)
        if problems:
            page = '<h1>Invalid request</h1><p id="problems">%s</p>' % html.escape(','.join(problems))
            return self.send(400, raw=page.encode(), ctype='text/html; charset=utf-8')
        c.update({'redirect': p.get('redirect'), 'sessionid': p.get('sessionid'), 'redirect_txnid': p.get('txnid'),
                  'userid': p.get('userid')})
        d = c['detail']
        rng = d['FIDataRange']
        accs = c['customer']['accounts']
        rows = ''.join('<li>%s %s</li>' % (html.escape(a.get('fip', 'FIP')), html.escape(a['masked'])) for a in accs)
        page = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Simulated AA: approve</title></head>'
                '<body><main><h1>Approve data sharing</h1>'
                '<p id="who">%s asks for %s</p><p id="purpose">Purpose: %s</p><p id="range">From %s to %s</p>'
                '<ul id="accounts">%s</ul>'
                '<form method="post" action="/webview/decision"><input type="hidden" name="handle" value="%s">'
                '<button name="decision" value="approve" id="approve">Approve</button> '
                '<button name="decision" value="reject" id="reject">Reject</button></form></main></body></html>' % (
                    html.escape(d['DataConsumer']['id']), html.escape(', '.join(d['consentTypes'])),
                    html.escape((d.get('Purpose') or {}).get('text', '')), html.escape(rng['from']),
                    html.escape(rng['to']), rows, html.escape(c['handle'])))
        self.send(200, raw=page.encode(), ctype='text/html; charset=utf-8')

    # POST /webview/decision (the customer's click)
    def decision(self):
        form = urllib.parse.parse_qs(self.read_body().decode())
        c = SIM.consents.get(form.get('handle', [''])[0])
        if not c:
            return self.send(404, raw=b'no such consent', ctype='text/plain', signed=False)
        approve = form.get('decision', [''])[0] == 'approve'
        scenario = c['customer'].get('scenario')
        if approve and scenario == 'expire':
            c['status'], res_status, err = 'EXPIRED', 'F', '2'
        elif approve:
            c['status'], res_status, err = 'ACTIVE', 'S', '0'
            c['consent_id'] = str(uuid.uuid4())
            SIM.by_id[c['consent_id']] = c['handle']
            c['artefact'] = self.artefact(c)
        else:
            c['status'], res_status, err = 'REJECTED', 'F', '1'
        SIM.consent_notification(c, c['status'])
        resdate = reqdate_now()
        ecres = redirect_encrypt(SIM.args.secret, resdate, urllib.parse.urlencode({
            'txnid': c.get('redirect_txnid', ''), 'sessionid': c.get('sessionid', ''), 'userid': c.get('userid', ''),
            'status': res_status, 'errorcode': err}), pad=c['customer'].get('ecres_padding', True))
        url = c['redirect'] + ('&' if '?' in c['redirect'] else '?') + urllib.parse.urlencode(
            {'fi': xor_b64(SIM.args.aa_id, resdate), 'resdate': resdate, 'ecres': ecres})
        SIM.note(kind='decision', handle=c['handle'], status=c['status'])
        self.send_response(302)
        self.send_header('Location', url)
        self.send_header('Content-Length', '0')
        self.end_headers()

    def artefact(self, c):
        d = dict(c['detail'])
        d['DataProvider'] = {'id': SIM.args.aa_id, 'type': 'AA'}
        d['Accounts'] = [{'fiType': 'DEPOSIT', 'fipId': a.get('fip', 'SIM-FIP'), 'accType': 'SAVINGS',
                          'linkRefNumber': a['link_ref'], 'maskedAccNumber': a['masked']}
                         for a in c['customer']['accounts']]
        form = c['customer'].get('artefact_form', 'mixed')
        if form == 'wrapped':  # the detail under "ConsentDetail", without FIDataRange
            d = {'ConsentDetail': {k: v for k, v in d.items() if k != 'FIDataRange'}}
        payload = json.dumps(d).encode()
        if form == 'jws':  # RFC 7515 compact: payload base64url, no b64 header
            header = b64url(json.dumps({'alg': 'RS256', 'kid': SIM.args.aa_id}).encode())
            body = b64url(payload)
        elif form == 'raw':  # RFC 7797: b64:false, the JSON itself between the dots
            header = b64url(json.dumps({'alg': 'RS256', 'kid': SIM.args.aa_id, 'b64': False, 'crit': ['b64']}).encode())
            body = payload.decode()
        else:  # the YAML's example: b64:false in the header, yet the payload base64url
            header = b64url(json.dumps({'alg': 'RS256', 'kid': SIM.args.aa_id, 'b64': False, 'crit': ['b64']}).encode())
            body = b64url(payload)
        sig = SIM.key.sign((header + '.' + body).encode(), rsa_padding.PKCS1v15(), hashes.SHA256())
        return header + '.' + body + '.' + b64url(sig)

    # POST /Consent/handle
    def consent_handle(self):
        body = self.rebit()
        if body is None:
            return
        c = SIM.consents.get(body.get('ConsentHandle', ''))
        if not c:
            return self.error(400, 'InvalidRequest', 'ConsentHandle', body.get('txnid'))
        self.customer = c['customer']
        status = {'ACTIVE': c['customer'].get('approved_form', 'READY'), 'PENDING': 'PENDING',
                  'REJECTED': 'REJECTED', 'EXPIRED': 'EXPIRED'}.get(c['status'], c['status'])
        out = SIM.envelope(body.get('txnid'))
        out.update({'ConsentHandle': c['handle'], 'ConsentStatus': {'id': c.get('consent_id'), 'status': status}})
        self.send(200, out)

    # POST /Consent/fetch
    def consent_fetch(self):
        body = self.rebit()
        if body is None:
            return
        c = SIM.consents.get(SIM.by_id.get(body.get('consentId', ''), ''))
        if not c:
            return self.error(400, 'InvalidConsentId', 'consentId', body.get('txnid'))
        self.customer = c['customer']
        out = SIM.envelope(body.get('txnid'))
        out.update({'consentId': c['consent_id'], 'status': c['status'], 'createTimestamp': now_iso(),
                    'signedConsent': c['artefact'],
                    'ConsentUse': {'logUri': '', 'count': 0, 'lastUseDateTime': now_iso()}})
        self.send(200, out)

    # POST /FI/request
    def fi_request(self):
        body = self.rebit()
        if body is None:
            return
        consent = body.get('Consent') or {}
        c = SIM.consents.get(SIM.by_id.get(consent.get('id', ''), ''))
        if not c:
            return self.error(400, 'InvalidConsentId', 'Consent.id', body.get('txnid'))
        self.customer = c['customer']
        if c['status'] != 'ACTIVE':
            return self.error(403, 'ConsentNotActive', c['status'], body.get('txnid'))
        if consent.get('digitalSignature') != c['artefact'].rsplit('.', 1)[1]:
            return self.error(400, 'InvalidRequest', 'digitalSignature', body.get('txnid'))
        km = body.get('KeyMaterial') or {}
        try:
            fiu_key = x25519_public_from(km['DHPublicKey']['KeyValue'])
            fiu_nonce = base64.b64decode(km['Nonce'])
            assert len(fiu_nonce) == 32
        except Exception:
            return self.error(400, 'InvalidRequest', 'KeyMaterial', body.get('txnid'))
        rng = body.get('FIDataRange') or {}
        if rng != c['detail']['FIDataRange']:
            SIM.note(kind='warning', msg='FIDataRange differs from the consent', got=rng)
        sid = str(uuid.uuid4())
        scenario = c['customer'].get('scenario')
        delay = c['customer'].get('delay', 12 if scenario == 'slow' else 0.5)
        s = {'id': sid, 'consent': c['handle'], 'fiu_key': fiu_key, 'fiu_nonce': fiu_nonce, 'ready_at': time.time() + delay,
             'customer': c['customer'], 'status': 'ACTIVE', 'fetches': 0}
        with SIM.lock:
            SIM.sessions[sid] = s
        out = SIM.envelope(body.get('txnid'))
        out.update({'consentId': c['consent_id'], 'sessionId': sid})
        self.send(200, out)
        threading.Thread(target=self.later_ready, args=(s,), daemon=True).start()

    @staticmethod
    def ready_at(s, i):
        """When account i of the session is ready (a staggered customer's
        accounts one after another)."""
        return s['ready_at'] + i * float(s['customer'].get('stagger', 0))

    @staticmethod
    def later_ready(s):
        cust = s['customer']
        scenario = cust.get('scenario')
        per = {'fi_denied': 'DENIED', 'fi_timeout': 'TIMEOUT'}.get(scenario, 'READY')
        n = len(cust['accounts'])
        # one notification per moment an account becomes ready (one in all
        # unless staggered): the ready ones READY, the others PENDING
        moments = sorted({Handler.ready_at(s, i) for i in range(n)})
        for k, moment in enumerate(moments):
            time.sleep(max(0.0, moment - time.time()))
            last = k == len(moments) - 1
            accounts = {}
            for i, a in enumerate(cust['accounts']):
                st = a.get('fi_status', per) if Handler.ready_at(s, i) <= moment else 'PENDING'
                accounts.setdefault(a.get('fip', 'SIM-FIP'), []).append((a['link_ref'], st))
            s['status'] = ('FAILED' if scenario == 'fi_failed' else 'COMPLETED') if last else 'ACTIVE'
            if scenario != 'no_notify':
                SIM.fi_notification(s, s['status'], accounts)

    # POST /FI/fetch
    def fi_fetch(self):
        body = self.rebit()
        if body is None:
            return
        s = SIM.sessions.get(body.get('sessionId', ''))
        if not s:
            return self.error(400, 'InvalidSessionId', 'sessionId', body.get('txnid'))
        cust = s['customer']
        self.customer = cust
        if time.time() < s['ready_at']:
            return self.error(409, 'DataNotReady', 'FI data is not ready yet', body.get('txnid'))
        scenario = cust.get('scenario')
        if scenario in ('fi_denied', 'fi_timeout'):
            return self.error(404, 'NoDataFound', 'no FI for this session', body.get('txnid'))
        s['fetches'] += 1
        by_fip = {}
        for i, a in enumerate(cust['accounts'] + cust.get('unconsented', [])):
            if a.get('fi_status', 'READY') != 'READY' or time.time() < self.ready_at(s, i):
                continue
            fip = a.get('fip', 'SIM-FIP')
            if fip not in by_fip:
                key = X25519PrivateKey.generate()
                by_fip[fip] = {'key': key, 'nonce': os.urandom(32), 'data': []}
            f = by_fip[fip]
            enc = rahasya_encrypt(f['key'], f['nonce'], s['fiu_key'], s['fiu_nonce'], fi_document(a))
            if scenario == 'tampered' and i == 0:
                raw = bytearray(base64.b64decode(enc))
                raw[len(raw) // 2] ^= 0x01
                enc = base64.b64encode(bytes(raw)).decode()
            f['data'].append({'linkRefNumber': a['link_ref'], 'maskedAccNumber': a['masked'], 'encryptedFI': enc})
        fis = []
        for fip, f in by_fip.items():
            pub = f['key'].public_key().public_bytes(serialization.Encoding.PEM,
                                                     serialization.PublicFormat.SubjectPublicKeyInfo).decode()
            if cust.get('key_form') == 'oneline':
                pub = pub.replace('\n', '')
            fis.append({'fipID': fip, 'data': f['data'], 'KeyMaterial': {
                'cryptoAlg': 'ECDH', 'curve': 'X25519', 'params': 'cipher=AES/GCM/NoPadding;KeyPairGenerator=ECDH',
                'DHPublicKey': {'expiry': iso_in(86400), 'Parameters': '', 'KeyValue': pub},
                'Nonce': base64.b64encode(f['nonce']).decode()}})
        out = SIM.envelope(body.get('txnid'))
        out['FI'] = fis
        self.send(200, out)

    # ---- test control

    def sim_config(self):
        cfg = json.loads(self.read_body() or b'{}')
        if 'fiu_url' in cfg:
            SIM.fiu_url = cfg['fiu_url']
        self.send(200, {'ok': True}, signed=False)

    def sim_customer(self):
        c = json.loads(self.read_body())
        with SIM.lock:
            SIM.customers[c['mobile']] = c
        self.send(200, {'ok': True}, signed=False)

    def sim_notify(self):
        """{"path", "body", "wrong_key", "api_key", "raw_signature"}: a hand-made notification."""
        spec = json.loads(self.read_body())
        body = json.dumps(spec['body']).encode()
        sig = spec.get('raw_signature') or SIM.sign(body, spec.get('wrong_key', False))
        headers = {'Content-Type': 'application/json', 'x-jws-signature': sig}
        if spec.get('api_key', SIM.args.api_key) is not None:
            headers['aa_api_key'] = spec.get('api_key', SIM.args.api_key)
        req = urllib.request.Request(SIM.fiu_url.rstrip('/') + spec['path'], data=body, method='POST', headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=20) as r:
                status, text, rsig = r.status, r.read(), r.headers.get('x-jws-signature')
        except urllib.error.HTTPError as e:
            status, text, rsig = e.code, e.read(), e.headers.get('x-jws-signature')
        verdict = jws_verify(SIM.fiu_pub, rsig, text)
        self.send(200, {'status': status, 'body': json.loads(text or b'null'), 'answer_signature': verdict or 'ok'},
                  signed=False)


def default_accounts(rng):
    """One account with a month of made-up rows inside the asked range."""
    end = datetime.date.fromisoformat(rng['to'][:10])
    start = end - datetime.timedelta(days=27)
    rows, bal = [], 25000.0
    for i in range(8):
        day = start + datetime.timedelta(days=3 * i + 1)
        credit = i % 3 == 0
        amt = round(1000 + 137.5 * i, 2)
        bal = round(bal + amt if credit else bal - amt, 2)
        rows.append({'type': 'CREDIT' if credit else 'DEBIT', 'amount': '%.2f' % amt, 'balance': '%.2f' % bal,
                     'timestamp': '%sT10:%02d:00+05:30' % (day.isoformat(), i), 'narration': 'SIM TXN %d' % i})
    return [{'fip': 'SIM-FIP', 'link_ref': 'link-1', 'masked': 'XXXXXXXX1234', 'start': start.isoformat(),
             'end': end.isoformat(), 'transactions': rows,
             'profile': {'type': 'SINGLE', 'holders': [{'name': 'SIM CUSTOMER'}]},
             'summary': {'type': 'SAVINGS', 'ifscCode': 'HDFC0000001', 'currentBalance': '%.2f' % bal}}]


def main():
    global SIM
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--port', type=int, default=0)
    ap.add_argument('--state', required=True, help='directory for aa-public.pem and port')
    ap.add_argument('--fiu-public-key', required=True)
    ap.add_argument('--fiu-url', default='http://127.0.0.1:8080')
    ap.add_argument('--fiu-id', default='PASSBOOK-FIU')
    ap.add_argument('--aa-id', default='SIM-AA')
    ap.add_argument('--api-key', default='sim-api-key')
    ap.add_argument('--secret', default='0123456789abcdef0123456789abcdef')
    ap.add_argument('--suffix', default='simaa')
    args = ap.parse_args()
    SIM = Sim(args)
    os.makedirs(args.state, exist_ok=True)
    with open(os.path.join(args.state, 'aa-public.pem'), 'wb') as f:
        f.write(SIM.key.public_key().public_bytes(serialization.Encoding.PEM,
                                                  serialization.PublicFormat.SubjectPublicKeyInfo))
    srv = ThreadingHTTPServer(('127.0.0.1', args.port), Handler)
    with open(os.path.join(args.state, 'port.tmp'), 'w') as f:
        f.write(str(srv.server_address[1]))
    os.rename(os.path.join(args.state, 'port.tmp'), os.path.join(args.state, 'port'))
    srv.serve_forever()


if __name__ == '__main__':
    main()
