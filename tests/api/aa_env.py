"""The AA simulator (tools/aa-sim/aasim.py) as a test fixture, and FI data
made up for tests with the answers a lender must get back.

    env = AAEnv()                       # FIU keys + a running simulator
    suite.main(server_args=env.server_args())
    env.attach(srv)                     # tell the simulator where Passbook is
"""
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SIM = os.path.join(REPO, 'tools', 'aa-sim', 'aasim.py')
IST = datetime.timezone(datetime.timedelta(hours=5, minutes=30))
FIU_ID = 'PASSBOOK-FIU'
API_KEY = 'sim-api-key-7f3a'
SECRET = 'Zq3xV9rT2mL8pK4wN6yB1cH5jF7dG0sA'
SUFFIX = 'simaa'


class AAEnv:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix='pb-aa-')
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.fiu_private = os.path.join(self.dir, 'fiu-private.pem')
        self.fiu_public = os.path.join(self.dir, 'fiu-public.pem')
        with open(self.fiu_private, 'wb') as f:
            f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))
        with open(self.fiu_public, 'wb') as f:
            f.write(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                  serialization.PublicFormat.SubjectPublicKeyInfo))
        state = os.path.join(self.dir, 'sim')
        self.log = open(os.path.join(self.dir, 'sim.log'), 'wb')
        self.proc = subprocess.Popen([sys.executable, SIM, '--port', '0', '--state', state, '--fiu-public-key',
                                      self.fiu_public, '--fiu-id', FIU_ID, '--api-key', API_KEY, '--secret', SECRET,
                                      '--suffix', SUFFIX], stdout=self.log, stderr=self.log)
        port_file = os.path.join(state, 'port')
        deadline = time.time() + 30
        while not os.path.exists(port_file):
            if self.proc.poll() is not None or time.time() > deadline:
                raise RuntimeError('AA simulator did not start: ' + open(self.log.name).read())
            time.sleep(0.05)
        self.base = 'http://127.0.0.1:%s' % open(port_file).read().strip()
        self.peer_key = os.path.join(state, 'aa-public.pem')
        self.attached = None

    def server_args(self):
        return ['--aa-url', self.base, '--aa-webview-url', self.base + '/webview', '--aa-fiu-id', FIU_ID,
                '--aa-api-key', API_KEY, '--aa-redirect-secret', SECRET, '--aa-signing-key', self.fiu_private,
                '--aa-peer-key', self.peer_key, '--aa-handle-suffix', SUFFIX, '--aa-poll-interval', '1']

    def attach(self, srv):
        if self.attached != srv.base:
            self.call('POST', '/__sim/config', {'fiu_url': srv.base})
            self.attached = srv.base

    def call(self, method, path, body=None, raw=False):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={'Content-Type': 'application/json'})
        with urllib.request.urlopen(req, timeout=30) as r:
            out = r.read()
        return out if raw else json.loads(out)

    def customer(self, mobile, scenario='happy', accounts=None, **opts):
        spec = {'mobile': mobile, 'scenario': scenario, 'accounts': accounts or []}
        spec.update(opts)
        self.call('POST', '/__sim/customer', spec)

    def requests(self, path):
        return [e['body'] for e in self.call('GET', '/__sim/log') if e.get('kind') == 'request' and e['path'] == path]

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


# ---------------------------------------------------------------- FI data

NARRATIONS = ['UPI/412345678901/ZOMATO  LTD/ok@axis', 'NEFT-HDFCN5202412345-ACME & SONS PVT LTD',
              'ATW-532676XXXXXX3613-S1AWDD47-PUNE', 'SALARY OCT "BONUS" <PAYROLL>', 'IMPS/P2A/0123/रवि कुमार',
              'CHQ DEP 000123 ₹ CLEARING', 'INT.PD:01-10-2026 TO 31-12-2026', ' LEADING AND TRAILING  ']
ZONES = ['+05:30', 'Z', '+0000', '+0530']


def make_account(masked, link_ref, start, end, rows=12, seed=1, fmt='xml-1.2', fip='SIM-FIP', opening=50000.0,
                 ifsc='HDFC0001234', name='ASHA VERMA'):
    """An account with rows spread over [start, end] (datetime.date), in
    mixed time zones; returns (the simulator's account, the rows a lender
    must get back: IST date, amount, type, balance, narration)."""
    rnd = random.Random(seed)
    span = (end - start).days
    moments = sorted(datetime.datetime.combine(start, datetime.time(0), IST) +
                     datetime.timedelta(minutes=rnd.randrange(max(1, span) * 24 * 60)) for _ in range(rows))
    # one row just after midnight IST, written in UTC the evening before
    if rows >= 3:
        moments[1] = datetime.datetime.combine(moments[1].date(), datetime.time(0, 10), IST)
    bal = opening
    txns, want = [], []
    for i, m in enumerate(moments):
        credit = rnd.random() < 0.4
        amt = round(rnd.randrange(100, 2500000) / 100, 2)
        bal = round(bal + amt if credit else bal - amt, 2)
        zone = ZONES[i % len(ZONES)] if i != 1 else 'Z'
        if zone in ('Z', '+0000'):
            u = m.astimezone(datetime.timezone.utc)
            ts = u.strftime('%Y-%m-%dT%H:%M:%S') + ('.000Z' if zone == 'Z' else '.000+0000')
        else:
            ts = m.strftime('%Y-%m-%dT%H:%M:%S') + zone
        narration = NARRATIONS[i % len(NARRATIONS)] + ('' if i < len(NARRATIONS) else ' %d' % i)
        txns.append({'txnId': 'T%06d' % i, 'type': 'CREDIT' if credit else 'DEBIT', 'amount': '%.2f' % amt,
                     'balance': '%.2f' % bal, 'timestamp': ts, 'valueDate': m.date().isoformat(),
                     'narration': narration, 'mode': 'UPI' if 'UPI' in narration else 'OTHERS'})
        want.append({'date': m.astimezone(IST).date().isoformat(), 'amount': amt,
                     'type': 'credit' if credit else 'debit', 'balance': bal, 'narration': narration})
    acc = {'fip': fip, 'link_ref': link_ref, 'masked': masked, 'format': fmt, 'start': start.isoformat(),
           'end': end.isoformat(), 'transactions': txns,
           'profile': {'type': 'SINGLE', 'holders': [{'name': name, 'mobile': '9876543210', 'email': 'a@example.in',
                                                      'pan': 'ABCDE1234F', 'address': '12 MG Road, Pune'}]},
           'summary': {'type': 'SAVINGS', 'ifscCode': ifsc, 'micrCode': '411240002', 'branch': 'Pune',
                       'currentBalance': '%.2f' % bal, 'currency': 'INR', 'status': 'ACTIVE'}}
    return acc, want
