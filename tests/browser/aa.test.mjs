// The Account Aggregator journey in a real browser at a phone's size,
// against the AA simulator (tools/aa-sim): the customer reads what is
// shared, continues to the AA's page, approves or rejects there, comes back
// to Passbook and sees the outcome; the lender's transactions/ equal the FI
// data exactly. Failures end with a clear outcome, the iframe parent gets
// the error event, and the PDF path is offered. Every state of the AA path
// is audited by axe-core, in English and in Hindi (its words come from the
// message catalogue, like the rest of the page), at a phone's and a
// desktop's size; the language survives the trip to the AA's page.
import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Passbook, Lender, ROOT, launchBrowser, shooter, audit, assert, run, parentEvents } from './lib.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-aa-'));
const FIU_ID = 'PASSBOOK-FIU', API_KEY = 'browser-aa-key', SECRET = 'browser-redirect-secret-0123456789', SUFFIX = 'simaa';
const PERIOD = { from_date: '01/06/2026', to_date: '31/08/2026' };
let sim, simUrl, pb, lender, browser, desktop;
let mobileSeq = 9700000000;

// The simulator, with the FIU's public key; its own key for Passbook.
async function startSim() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.writeFileSync(path.join(tmp, 'fiu-private.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  fs.writeFileSync(path.join(tmp, 'fiu-public.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
  const state = path.join(tmp, 'sim');
  sim = spawn('python3', [path.join(ROOT, 'tools/aa-sim/aasim.py'), '--port', '0', '--state', state,
    '--fiu-public-key', path.join(tmp, 'fiu-public.pem'), '--fiu-id', FIU_ID, '--api-key', API_KEY,
    '--secret', SECRET, '--suffix', SUFFIX], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 300 && !fs.existsSync(path.join(state, 'port')); i++) await sleep(50);
  simUrl = 'http://127.0.0.1:' + fs.readFileSync(path.join(state, 'port'), 'utf8').trim();
  return ['--aa-url', simUrl, '--aa-webview-url', simUrl + '/webview', '--aa-fiu-id', FIU_ID, '--aa-api-key', API_KEY,
    '--aa-redirect-secret', SECRET, '--aa-signing-key', path.join(tmp, 'fiu-private.pem'),
    '--aa-peer-key', path.join(state, 'aa-public.pem'), '--aa-handle-suffix', SUFFIX, '--aa-poll-interval', '1'];
}

async function simCall(p, body) {
  const r = await fetch(simUrl + p, { method: body ? 'POST' : 'GET', headers: { 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined });
  return r.json();
}

// FI data and the rows a lender must get back (tests/api/aa_env.py).
function account(masked, seed, fmt) {
  const code = 'import sys, json, datetime\nsys.path.insert(0, ' + JSON.stringify(path.join(ROOT, 'tests/api')) + ')\n' +
    'from aa_env import make_account\n' +
    'a, w = make_account(sys.argv[1], "link-" + sys.argv[1], datetime.date(2026, 6, 1), datetime.date(2026, 8, 31), ' +
    'rows=20, seed=int(sys.argv[2]), fmt=sys.argv[3])\nprint(json.dumps({"account": a, "want": w}))\n';
  return JSON.parse(execFileSync('python3', ['-c', code, masked, String(seed), fmt], { encoding: 'utf8' }));
}

async function customer(scenario, accounts) {
  const mobile = String(++mobileSeq);
  await simCall('/__sim/customer', { mobile, scenario, accounts });
  return mobile;
}

async function lenderApi(method, sid, what) {
  const r = await fetch(pb.url + '/bank-connect/v1/session_data/' + sid + '/' + what + '/', {
    method, headers: { 'x-api-key': pb.org.api_key, 'server-hash': pb.org.server_hash } });
  return { status: r.status, body: await r.json() };
}

async function processed(sid) {
  const r = await lenderApi('POST', sid, 'initiate_processing');
  assert(r.status === 202, 'initiate_processing ' + JSON.stringify(r.body));
  for (let i = 0; i < 600; i++) {
    const p = await lenderApi('GET', sid, 'progress');
    if (p.body.session_progress === 'completed') return;
    await sleep(200);
  }
  throw new Error('processing did not complete');
}

function sameRows(got, want) {
  const key = (t) => t.date + '|' + t.narration + '|' + t.amount.toFixed(2);
  const g = got.map((t) => ({ date: t.date.slice(0, 10), amount: Math.round(t.amount * 100) / 100,
    type: t.transaction_type, balance: Math.round(t.balance * 100) / 100, narration: t.transaction_note }))
    .sort((a, b) => key(a) < key(b) ? -1 : 1);
  const w = [...want].sort((a, b) => key(a) < key(b) ? -1 : 1);
  assert(g.length === w.length, 'rows ' + g.length + ' != ' + w.length);
  for (let i = 0; i < g.length; i++)
    assert(JSON.stringify(g[i]) === JSON.stringify(w[i]), 'row ' + i + ': ' + JSON.stringify(g[i]) + ' != ' + JSON.stringify(w[i]));
}

// Words of the PDF path never on the AA path's own buttons.
async function aaButtonsSayNoPdfWords(root) {
  for (const id of ['#choose-aa', '#aa-continue', '#aa-retry']) {
    const el = root.locator(id);
    if (await el.count() === 0) continue;
    const text = await el.textContent();
    assert(!/pdf|statement|upload/i.test(text), id + ' says ' + text);
  }
}

// Audits the page now; fails with the violations.
async function clean(page, where) {
  const v = await audit(page);
  assert(v.length === 0, 'accessibility (' + where + '):\n  ' + v.join('\n  '));
}

async function newPage(b = browser) {
  const page = await b.ctx.newPage();
  page.on('pageerror', (e) => console.log('  page error: ' + e.message));
  return page;
}

const tests = [
  ['redirect journey, mode aa: what is shared, Continue, approve on the AA page, data fetched; transactions/ equal the FI data', async () => {
    const a = account('XXXXXXXX4321', 3, 'xml-1.2');
    const mobile = await customer('happy', [a.account]);
    const s = await pb.createSession({ ...PERIOD, mode: 'aa', bank_name: 'hdfc', mobile_number: mobile,
      redirect_url: lender.url + '/done' });
    const page = await newPage();
    const shot = shooter(page, 'aa-redirect');
    await page.goto(s.redirect_url);
    await page.getByRole('heading', { name: 'Share through an Account Aggregator' }).waitFor();
    await page.getByText('asks to see, once').waitFor();
    await page.getByText('your transactions from 1 Jun 2026 to 31 Aug 2026').waitFor();
    const field = page.getByLabel('Mobile number registered with your bank');
    assert(await field.inputValue() === mobile, 'mobile prefilled');
    assert(await field.getAttribute('readonly') !== null, 'not editable unless the lender allows it');
    await aaButtonsSayNoPdfWords(page);
    await clean(page, 'what is shared');
    await shot('what-is-shared');
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.waitForURL(simUrl + '/webview?**');
    await page.getByText('Purpose: Aggregated statement').waitFor();
    await shot('aa-page');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(pb.url + '/?session_id=' + s.session_id);
    assert(!page.url().includes('jt='), 'the token left the address bar');
    await page.getByText('Shared from HDFC Bank').waitFor({ timeout: 90000 });
    await page.getByText(/Added: HDFC Bank, account ••4321/).waitFor();
    await clean(page, 'shared');
    await shot('shared');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/done\?/);
    assert(new URL(page.url()).searchParams.get('success') === 'true', 'success');
    await processed(s.session_id);
    const t = await lenderApi('GET', s.session_id, 'transactions');
    sameRows(t.body.transactions, a.want);
    const st = await lenderApi('GET', s.session_id, 'session_status');
    assert(JSON.stringify(st.body.accounts[0].attempt_types) === '["AA"]', 'attempt_types AA');
    await page.close();
  }],

  ['iframe journey: choose the bank and the AA, reject on the AA page; a clear outcome, the error event, and PDF offered', async () => {
    const a = account('XXXXXXXX5555', 4, 'json-lower');
    const mobile = await customer('happy', [a.account]);
    const s = await pb.createSession({ ...PERIOD });
    const page = await newPage();
    const shot = shooter(page, 'aa-iframe');
    const f = await lender.embed(page, s.redirect_url);
    await f.getByLabel('Search your bank').fill('hdfc');
    await f.getByRole('button', { name: 'HDFC Bank', exact: true }).click();
    await f.getByRole('heading', { name: 'How would you like to share?' }).waitFor();
    await aaButtonsSayNoPdfWords(f);
    await shot('method');
    await f.getByRole('button', { name: 'Continue with Account Aggregator' }).click();
    const field = f.getByLabel('Mobile number registered with your bank');
    assert(await field.getAttribute('readonly') === null, 'asked for when the session has none');
    await field.fill('12345');
    await f.getByRole('button', { name: 'Continue', exact: true }).click();
    await f.getByText('Enter your 10-digit mobile number.').waitFor();
    await field.fill('+91 ' + mobile);
    await f.getByRole('button', { name: 'Continue', exact: true }).click();
    await f.getByRole('button', { name: 'Reject' }).click();
    await f.getByText('You declined the request, so nothing was shared.').waitFor({ timeout: 90000 });
    await shot('rejected');
    const events = (await parentEvents(page, 'error')).map((e) => e.data);
    const err = events.find((e) => e.status === 'error');
    assert(err.payload.error_type === 'AA_CONSENT_REJECTED', 'error_type ' + JSON.stringify(err));
    assert(events.some((e) => e.status === 'info' && e.payload.event_name === 'bank_selected'), 'bank_selected info');
    const up = await pb.uploadStatus(s.session_id);
    assert(up.body.accounts[0].error_code === 'AA_CONSENT_REJECTED', 'lender sees the code');
    await f.getByRole('button', { name: 'Upload a PDF statement instead' }).click();
    await f.getByRole('heading', { name: 'Add PDF statements' }).waitFor();
    await shot('pdf-fallback');
    await page.close();
  }],

  ['FI denied and an unreachable AA end clearly, with Try again and the PDF path', async () => {
    const a = account('XXXXXXXX6666', 5, 'xml-2.0.0');
    const mobile = await customer('fi_denied', [a.account]);
    const s = await pb.createSession({ ...PERIOD, mode: 'aa', bank_name: 'sbi', mobile_number: mobile });
    const page = await newPage();
    const shot = shooter(page, 'aa-denied');
    await page.goto(s.redirect_url);
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Your bank declined to share the data.').waitFor({ timeout: 90000 });
    assert(await page.getByRole('button', { name: 'Try again' }).isVisible(), 'Try again offered');
    assert(await page.getByRole('button', { name: 'Upload a PDF statement instead' }).isVisible(), 'PDF offered');
    await clean(page, 'denied');
    await shot('denied');
    const up = await pb.uploadStatus(s.session_id);
    assert(up.body.accounts[0].error_code === 'AA_FI_DENIED', 'lender sees AA_FI_DENIED');
    await page.close();
  }],

  ['Hindi at a desktop size, from the session parameter: every AA state in Hindi, audited; the language survives the AA page; the switcher re-renders it in English', async () => {
    const a = account('XXXXXXXX7654', 6, 'json-capital');
    const mobile = await customer('happy', [a.account]);
    const s = await pb.createSession({ ...PERIOD, mode: 'aa', bank_name: 'hdfc', mobile_number: mobile,
      is_mobile_field_editable: true, language: 'hi' });
    const page = await newPage(desktop);
    const shot = shooter(page, 'aa-desktop-hi');
    await page.goto(s.redirect_url);
    await page.getByRole('heading', { name: 'अकाउंट एग्रीगेटर के ज़रिए साझा करें' }).waitFor();
    await page.getByText('1 जून 2026 से 31 अगस्त 2026 तक के आपके लेन-देन').waitFor();
    const field = page.getByLabel('आपके बैंक में रजिस्टर्ड मोबाइल नंबर');
    assert(await field.inputValue() === mobile, 'mobile prefilled');
    assert(await field.getAttribute('readonly') === null, 'editable when the lender allows it');
    await page.getByText('अकाउंट एग्रीगेटर इसी नंबर से आपके खाते ढूँढता है।').waitFor();
    await clean(page, 'hi: what is shared');
    await shot('what-is-shared');
    await field.fill('123');
    await page.getByRole('button', { name: 'आगे बढ़ें', exact: true }).click();
    await page.getByText('अपना 10 अंकों का मोबाइल नंबर डालें।').waitFor();
    assert(await field.getAttribute('aria-invalid') === 'true', 'the field is marked invalid');
    await clean(page, 'hi: bad mobile');
    await field.fill(mobile);
    await page.getByRole('button', { name: 'आगे बढ़ें', exact: true }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(pb.url + '/?session_id=' + s.session_id);
    await page.getByText('HDFC Bank से जानकारी साझा हो गई। तैयार हों तो जमा करें।').waitFor({ timeout: 90000 });
    assert(await page.evaluate(() => document.documentElement.lang) === 'hi', 'still Hindi after the AA page');
    await page.getByText(/जोड़ा गया: HDFC Bank, खाता ••7654/).waitFor();
    await clean(page, 'hi: shared');
    await shot('shared');
    await page.selectOption('#lang', 'en');
    await page.getByText('Shared from HDFC Bank. Submit when you are ready.').waitFor();
    await page.getByRole('heading', { name: 'Share through an Account Aggregator' }).waitFor();
    await page.getByText(/Added: HDFC Bank, account ••7654/).waitFor();
    assert(await page.getByRole('button', { name: 'Submit', exact: true }).isEnabled(), 'Submit ready');
    await clean(page, 'en after switch: shared');
    await shot('shared-en');
    await page.close();
  }],

  ['Hindi on a phone: the choice between AA and PDF, a rejection and the PDF fallback, in Hindi, audited', async () => {
    const a = account('XXXXXXXX8765', 7, 'xml-1.1');
    const mobile = await customer('happy', [a.account]);
    const s = await pb.createSession({ ...PERIOD, language: 'hi' });
    const page = await newPage();
    const shot = shooter(page, 'aa-phone-hi');
    await page.goto(s.redirect_url);
    await page.getByLabel('अपना बैंक खोजें').fill('hdfc');
    await page.getByRole('button', { name: 'HDFC Bank', exact: true }).click();
    await page.getByRole('heading', { name: 'आप कैसे साझा करना चाहेंगे?' }).waitFor();
    await aaButtonsSayNoPdfWords(page);
    await clean(page, 'hi: method');
    await shot('method');
    await page.getByRole('button', { name: 'अकाउंट एग्रीगेटर के साथ आगे बढ़ें' }).click();
    await page.getByLabel('आपके बैंक में रजिस्टर्ड मोबाइल नंबर').fill(mobile);
    await page.getByRole('button', { name: 'आगे बढ़ें', exact: true }).click();
    await page.getByRole('button', { name: 'Reject' }).click();
    await page.getByText('आपने अनुरोध अस्वीकार कर दिया, इसलिए कुछ भी साझा नहीं हुआ।', { exact: false }).waitFor({ timeout: 90000 });
    assert(await page.getByRole('button', { name: 'फिर से कोशिश करें' }).isVisible(), 'Try again offered');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= 360, 'no sideways scrolling on a phone, width ' + width);
    await clean(page, 'hi: rejected');
    await shot('rejected');
    await page.getByRole('button', { name: 'इसके बजाय PDF स्टेटमेंट अपलोड करें' }).click();
    await page.getByRole('heading', { name: 'PDF स्टेटमेंट जोड़ें' }).waitFor();
    await clean(page, 'hi: pdf fallback');
    await page.close();
  }],
];

let failed = 1;
try {
  const aaArgs = await startSim();
  pb = new Passbook({ args: aaArgs });
  await pb.start();
  await simCall('/__sim/config', { fiu_url: pb.url });
  lender = new Lender();
  await lender.start(pb.url);
  browser = await launchBrowser();
  desktop = await launchBrowser({ desktop: true });
  failed = await run(tests, browser.ctx);
} catch (e) {
  console.log('FAIL setup: ' + (e.stack || e));
  console.log('0 passed, 1 failed');
} finally {
  if (browser) await browser.close();
  if (desktop) await desktop.close();
  if (lender) await lender.stop().catch(() => {});
  if (pb) {
    if (failed) console.log(pb.log.split('\n').filter((l) => / aa |journey|warn|error/.test(l)).slice(-40).join('\n'));
    await pb.stop();
  }
  if (sim) sim.kill();
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
