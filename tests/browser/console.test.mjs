// The lender console in a real browser at a laptop's screen size, driven
// as an analyst would: sign in, find a session by its link_id, read the key
// figures, open a month of the inflow chart and land on its transactions,
// download the XLSX; an analyst cannot replay a webhook, an admin can and
// reads the audit log; another organisation's analyst and a visitor who is
// not signed in see nothing. Screenshots of each step land in
// build/test-artifacts/browser/console-*.png. Any Content-Security-Policy
// violation or page error fails the test.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Passbook, makeStatement, launchBrowser, shooter, assert, runSuite, passbookBin, freePort, ARTIFACTS } from './lib.mjs';

const LAPTOP = { width: 1280, height: 860 };
const PASSWORD = 'correct horse battery';
const pb = new Passbook({ args: ['--allow-private-urls', '--webhook-retry-base', '1'] });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-console-'));
let browser, sid, hook, hits = 0;
const problems = [];

function userAdd(org, email, role) {
  execFileSync(passbookBin(), ['user', 'add', '--org', org, '--email', email, '--role', role, '--data', pb.dir],
    { input: PASSWORD + '\n', env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
}

async function lenderApi(method, p, body, headers = {}) {
  const r = await fetch(pb.url + p, { method, headers: { 'x-api-key': pb.org.api_key, 'server-hash': pb.org.server_hash, ...headers },
    body });
  return { status: r.status, body: await r.json().catch(() => null) };
}

// A session of Acme's with one processed statement and a webhook delivery.
async function seed() {
  hook = http.createServer((req, res) => { req.resume(); req.on('end', () => { hits++; res.end('ok'); }); });
  const port = await freePort();
  await new Promise((r) => hook.listen(port, '127.0.0.1', r));
  let r = await lenderApi('POST', '/bank-connect/v1/session_data/update_webhook/',
    JSON.stringify({ webhook_url: 'http://127.0.0.1:' + port + '/hook', webhook_mode: 1 }), { 'Content-Type': 'application/json' });
  assert(r.status === 200, 'update_webhook ' + JSON.stringify(r.body));
  const s = await pb.createSession({ link_id: 'console-browser-1', from_date: '01/01/2024', to_date: '31/03/2024' });
  sid = s.session_id;
  const pdf = makeStatement(work, 'hdfc-q1.pdf', { bank: 'hdfc', start: '2024-01-01', months: 3, seed: 31, name: 'console' });
  const form = new FormData();
  form.append('session_id', sid);
  form.append('file', new Blob([fs.readFileSync(pdf)], { type: 'application/pdf' }), 'hdfc-q1.pdf');
  r = await lenderApi('POST', '/bank-connect/v1/statement/upload_session/', form);
  assert(r.status === 200, 'upload ' + JSON.stringify(r.body));
  r = await lenderApi('POST', '/bank-connect/v1/session_data/' + sid + '/initiate_processing/');
  assert(r.status === 202, 'initiate_processing ' + JSON.stringify(r.body));
  for (let i = 0; i < 600; i++) {
    r = await lenderApi('GET', '/bank-connect/v1/session_data/' + sid + '/progress/');
    if (r.body && r.body.session_progress === 'completed' && hits > 0) break;
    await new Promise((res) => setTimeout(res, 200));
  }
  assert(r.body.session_progress === 'completed', 'processed: ' + JSON.stringify(r.body));
  for (let i = 0; i < 3; i++) await pb.createSession({ link_id: 'console-other-' + i });
}

async function newPage() {
  const page = await browser.ctx.newPage();
  await page.setViewportSize(LAPTOP);
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push('CSP: ' + m.text()); });
  return page;
}

async function signIn(page, email) {
  await page.goto(pb.url + '/console/');
  await page.waitForURL(/\/console\/login(#.*)?$/);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Sessions' }).waitFor();
}

async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/console\/login(#.*)?$/);
}

const tests = [
  ['a visitor who is not signed in is sent to the sign-in page and a wrong password is refused', async () => {
    const page = await newPage();
    const shot = shooter(page, 'console-signin');
    await page.goto(pb.url + '/console/#/sessions/' + sid);
    await page.waitForURL(/\/console\/login(#.*)?$/);
    await page.getByLabel('E-mail address').fill('analyst@acme.in');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong e-mail address or password').waitFor();
    await shot('refused');
    const r = await page.evaluate(async (u) => (await fetch(u)).status, '/console/api/sessions/' + sid);
    assert(r === 401, 'the API refuses too: ' + r);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /HDFC Bank/ }).waitFor();   // the page asked for at first
    await signOut(page);
    await page.close();
  }],

  ['an analyst finds a session by link_id, reads the key figures, opens a month and downloads the XLSX', async () => {
    const page = await newPage();
    const shot = shooter(page, 'console-analyst');
    await signIn(page, 'analyst@acme.in');
    await page.locator('#sessions tbody tr').nth(3).waitFor();
    await shot('sessions');
    await page.getByLabel('Search').fill('console-browser-1');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#sessions tbody tr').length === 1);
    await shot('found');
    await page.getByRole('link', { name: 'console-browser-1' }).click();
    await page.getByRole('heading', { name: /HDFC Bank/ }).waitFor();
    const score = await page.locator('[data-figure=score] .fig-value').innerText();
    assert(/^\d{3}$/.test(score), 'a score: ' + score);
    const income = await page.locator('[data-figure=income] .fig-value').innerText();
    assert(/^₹\d{1,2}(,\d\d)*,\d{3}\.\d\d$/.test(income), 'income in Indian grouping: ' + income);
    const salary = await page.locator('[data-figure=salary]').innerText();
    assert(/credits/.test(salary), 'salary credits counted: ' + salary);
    const fmt = await page.evaluate(() => [PBFormat.rupees(123456.78), PBFormat.rupees(-1234567.5), PBFormat.rupees(0.5),
      PBFormat.rupees(999), PBFormat.date('2026-03-05 00:00:00'), PBFormat.monthKey('Mar-2026'), PBFormat.monthKey('Jan-24')]);
    assert(JSON.stringify(fmt) === JSON.stringify(['₹1,23,456.78', '-₹12,34,567.50', '₹0.50', '₹999.00', '05 Mar 2026',
      '2026-03', '2024-01']), 'Indian number and date formats: ' + fmt.join(' | '));
    await page.getByText('Fraud checks: nothing found').waitFor();
    await page.getByText('01 Jan 2024 – 31 Mar 2024').first().waitFor();
    await shot('session');

    // a bar of the inflow chart: its month's transactions
    const canvas = page.locator('canvas[aria-label="Monthly inflow and outflow"]');
    await canvas.scrollIntoViewIfNeeded();
    const bar = await canvas.evaluate((c) => {
      const chart = window.Chart.getChart(c);
      const el = chart.getDatasetMeta(0).data[1];   // inflow, February
      return { x: el.x, y: (el.y + el.base) / 2, label: chart.data.labels[1] };
    });
    assert(bar.label === 'Feb 2024', 'second month is Feb 2024: ' + bar.label);
    await canvas.click({ position: { x: bar.x, y: bar.y } });
    const note = page.locator('.txn-count').first();
    await page.waitForFunction(() => /of \d+ transactions/.test(document.querySelector('.txn-count').textContent));
    const dates = await page.locator('.txns').first().locator('tbody tr td:first-child').allInnerTexts();
    assert(dates.length > 0 && dates.every((d) => / Feb 2024$/.test(d)), 'only February: ' + dates.slice(0, 5).join('|'));
    assert(await page.locator('select[name=month]').first().inputValue() === '2024-02', 'month filter set');
    await shot('february');
    console.log('  ' + (await note.innerText()));

    // a salary figure: its credits
    await page.locator('[data-figure=salary]').click();
    await page.waitForFunction(() => /salary credits/.test(document.querySelector('.txn-count').textContent));
    const channels = await page.locator('.txns').first().locator('tbody tr td:nth-child(3)').allInnerTexts();
    assert(channels.length > 0 && channels.every((c) => c === 'salary'), 'salary rows: ' + channels.join('|'));

    // webhooks: listed, but no replay for an analyst, and the API refuses it
    await page.locator('#deliveries').waitFor();
    assert(await page.getByRole('button', { name: 'Replay' }).count() === 0, 'no replay button for an analyst');
    const refused = await page.evaluate(async () => {
      const me = await (await fetch('/console/api/me')).json();
      const w = await (await fetch(location.pathname + 'api/sessions/' + location.hash.split('/')[2] + '/webhooks')).json();
      const r = await fetch('/console/api/webhooks/' + w.deliveries[0].id + '/replay',
        { method: 'POST', headers: { 'X-CSRF-Token': me.csrf } });
      return r.status;
    });
    assert(refused === 403, 'replay refused for an analyst: ' + refused);

    // the printable report: the print stylesheet hides the console's chrome, one page per account
    await page.emulateMedia({ media: 'print' });
    assert(!(await page.locator('header.top').isVisible()), 'no navigation in print');
    assert(!(await page.locator('.txn-section').first().isVisible()), 'no transaction table in print');
    assert(await page.locator('[data-figure=score]').isVisible(), 'the figures are printed');
    const breakBefore = await page.locator('section.account').first().evaluate((e) => getComputedStyle(e).breakBefore);
    assert(breakBefore === 'page', 'each account starts a page: ' + breakBefore);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.pdf({ path: path.join(ARTIFACTS, 'console-analyst-report.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });

    // the workbook
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#xlsx-all').click()]);
    const file = path.join(work, 'report.xlsx');
    await download.saveAs(file);
    const head = fs.readFileSync(file).subarray(0, 2).toString();
    assert(head === 'PK', 'an XLSX (zip) file');
    assert(/\.xlsx$/.test(download.suggestedFilename()), 'named .xlsx: ' + download.suggestedFilename());
    await shot('downloaded');
    await signOut(page);
    await page.goto(pb.url + '/console/#/sessions/' + sid);
    await page.waitForURL(/\/console\/login(#.*)?$/);
    await page.close();
  }],

  ['an admin replays a webhook and reads who saw the session in the audit log', async () => {
    const page = await newPage();
    const shot = shooter(page, 'console-admin');
    await signIn(page, 'admin@acme.in');
    await page.goto(pb.url + '/console/#/sessions/' + sid);
    await page.locator('#deliveries').waitFor();
    const before = hits;
    await page.getByRole('button', { name: 'Replay' }).first().click();
    await page.getByText(/Queued again as delivery/).waitFor();
    for (let i = 0; i < 300 && hits === before; i++) await new Promise((r) => setTimeout(r, 100));
    assert(hits > before, 'the replay reached the receiver');
    await shot('replayed');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const rows = await page.locator('#audit tbody tr').allInnerTexts();
    assert(rows.some((r) => /analyst@acme\.in\s+session\.view/.test(r)), 'the analyst\'s view is logged');
    assert(rows.some((r) => /analyst@acme\.in\s+xlsx\.download/.test(r)), 'the download is logged');
    assert(rows.some((r) => /admin@acme\.in\s+webhook\.replay/.test(r)), 'the replay is logged');
    await shot('audit');
    await signOut(page);
    await page.close();
  }],

  ['another organisation\'s analyst cannot see the session', async () => {
    const page = await newPage();
    const shot = shooter(page, 'console-other-org');
    await signIn(page, 'analyst@other.in');
    await page.getByText('No sessions match.').waitFor();
    await page.goto(pb.url + '/console/#/sessions/' + sid);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await shot('not-found');
    const st = await page.evaluate(async (u) => (await fetch(u)).status, '/console/api/sessions/' + sid + '/xlsx');
    assert(st === 404, 'the workbook too: ' + st);
    await signOut(page);
    await page.close();
  }],

  ['the page held to its Content-Security-Policy throughout', async () => {
    assert(problems.length === 0, problems.join('\n'));
  }],
];

await runSuite(tests, async () => {
  await pb.start();
  execFileSync(passbookBin(), ['org', 'create', '--name', 'Other Lending', '--data', pb.dir],
    { env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
  userAdd('Acme Lending', 'analyst@acme.in', 'analyst');
  userAdd('Acme Lending', 'admin@acme.in', 'admin');
  userAdd('Other Lending', 'analyst@other.in', 'analyst');
  await seed();
  browser = await launchBrowser();
  return browser.ctx;
}, async () => {
  if (browser) await browser.close();
  if (hook) hook.close();
  await pb.stop();
  fs.rmSync(work, { recursive: true, force: true });
});
