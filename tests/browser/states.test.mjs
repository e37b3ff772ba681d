// The journey's states as a customer meets them, at a phone's and a
// desktop's size, in English and in Hindi: the period and month chips
// under the first-week rule, nothing called "missing" before an upload, a
// bank search that never acts on a stale list, a failed row that fades
// after a success and can be dismissed, masked numbers as ••1234, the
// password's show/hide, the statement list beside the months on a desktop,
// the language from the session, the browser or the switcher. Every state
// is audited by axe-core (no serious or critical violation) and saved as a
// screenshot in build/test-artifacts/browser/states-*. Then the lender's
// brand (org set-branding) on the page and its dead ends, the trust text,
// the consent record and the lender's consent checkbox.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Passbook, Lender, launchBrowser, makeStatement, newPage, shooter, audit, assert, runSuite } from './lib.mjs';

const pb = new Passbook();
const lender = new Lender();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-states-'));
// to_date in the first week of October: October is not asked for.
const PERIOD = { from_date: '06/06/2026', to_date: '06/10/2026' };
let hdfc, sbi, locked;
const browsers = {};

async function open(kind, url) {
  const page = await newPage(browsers[kind].ctx);
  await page.goto(url);
  return page;
}

// Audits the page now; fails with the violations.
async function clean(page, where) {
  const v = await audit(page);
  assert(v.length === 0, 'accessibility (' + where + '):\n  ' + v.join('\n  '));
}

// One journey through every state, in the words of `w` (a language's texts).
async function journey(page, shot, w, desktop) {
  await page.getByRole('heading', { name: w.chooseBank }).waitFor();
  await page.getByText(w.period, { exact: true }).waitFor();
  await page.getByText(w.toCover, { exact: true }).waitFor();
  const chips = await page.locator('#months li').allInnerTexts();
  assert(JSON.stringify(chips) === JSON.stringify(w.chips), 'month chips ' + JSON.stringify(chips));
  assert(!(await page.getByText(w.missingWord).count()), 'nothing is "missing" before an upload');
  await clean(page, 'landing');
  await shot('landing');

  // Enter straight after typing: the list answering "" (State Bank of India
  // first) must not be the one acted on.
  const search = page.getByLabel(w.searchBank);
  await search.pressSequentially('HDFC', { delay: 5 });
  await search.press('Enter');
  await page.getByRole('heading', { name: w.addPdf }).waitFor();
  await page.locator('#bank-name').getByText('HDFC Bank', { exact: true }).waitFor();
  await clean(page, 'file step');
  await shot('file-step');

  // The wrong bank's statement: a red row, dismissible.
  await page.getByLabel(w.choosePdf).setInputFiles(sbi);
  const bad = page.getByRole('listitem').filter({ hasText: 'sbi.pdf' });
  await bad.getByText(w.notHdfc).waitFor({ timeout: 60000 });
  assert(await bad.evaluate((e) => e.classList.contains('bad')), 'the failed row is marked');
  await clean(page, 'failed row');
  await shot('failed');

  // A locked statement: the password with show/hide.
  await page.getByLabel(w.choosePdf).setInputFiles(locked);
  const pw = page.getByLabel(w.passwordFor('locked.pdf'));
  await pw.waitFor({ timeout: 60000 });
  const hint = await page.locator('.pw-hint').innerText();
  assert(hint.includes(w.hdfcHint), 'the bank\'s password hint: ' + hint);
  await pw.fill('Qz4-open');
  const toggle = page.getByRole('button', { name: w.show });
  await toggle.click();
  assert(await pw.getAttribute('type') === 'text', 'show reveals the password');
  assert(await toggle.getAttribute('aria-pressed') === 'true', 'the toggle says it is on');
  await clean(page, 'password');
  await shot('password');
  await toggle.click();
  assert(await pw.getAttribute('type') === 'password', 'hide hides it again');
  await page.getByRole('button', { name: w.upload }).click();
  await page.getByRole('listitem').filter({ hasText: 'locked.pdf' }).getByText(new RegExp('^' + w.added)).waitFor({ timeout: 60000 });

  // Accepted: the masked number as ••1234; the earlier failure fades.
  const ok = await page.getByRole('listitem').filter({ hasText: 'locked.pdf' }).locator('.file-state').innerText();
  assert(/••\d{4}/.test(ok) && !/X{3}/.test(ok), 'masked number shown as ••1234: ' + ok);
  assert(!(await bad.evaluate((e) => e.classList.contains('bad'))), 'an earlier failure is no longer an alarm');
  await page.getByText(w.allCovered, { exact: true }).waitFor();
  if (desktop) {
    const step = await page.locator('#file-step').boundingBox();
    const list = await page.locator('#files-box').boundingBox();
    const months = await page.locator('#months-box').boundingBox();
    assert(list.x >= step.x + step.width && months.x >= step.x + step.width, 'months and statements beside the step');
    assert(step.width + list.width > 800, 'the page uses the width: ' + (step.width + list.width));
  } else {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= 360, 'no sideways scrolling on a phone, width ' + width);
  }
  await clean(page, 'accepted');
  await shot('accepted');
  await bad.getByRole('button', { name: new RegExp(w.dismiss) }).click();
  await bad.waitFor({ state: 'detached' });
  assert(await page.getByRole('button', { name: w.submit, exact: true }).isEnabled(), 'Submit ready');
}

const EN = {
  chooseBank: 'Choose your bank', period: 'Statements from 6 Jun 2026 to 30 Sep 2026', toCover: '4 months to cover',
  chips: ['Jun 2026', 'Jul 2026', 'Aug 2026', 'Sep 2026'], missingWord: /missing/i, searchBank: 'Search your bank',
  addPdf: 'Add PDF statements', choosePdf: 'Choose PDF statement', notHdfc: 'This is not a HDFC Bank statement',
  passwordFor: (f) => 'Password for ' + f, show: 'Show', upload: 'Upload', added: 'Added: HDFC Bank',
  allCovered: 'Every month is covered', dismiss: 'Dismiss', submit: 'Submit', hdfcHint: 'Customer ID',
};
const HI = {
  chooseBank: 'अपना बैंक चुनें', period: '6 जून 2026 से 30 सितंबर 2026 तक के स्टेटमेंट', toCover: '4 महीनों के स्टेटमेंट चाहिए',
  chips: ['जून 2026', 'जुलाई 2026', 'अगस्त 2026', 'सितंबर 2026'], missingWord: /बाकी/, searchBank: 'अपना बैंक खोजें',
  addPdf: 'PDF स्टेटमेंट जोड़ें', choosePdf: 'PDF स्टेटमेंट चुनें', notHdfc: 'यह HDFC Bank का स्टेटमेंट नहीं है',
  passwordFor: (f) => f + ' का पासवर्ड', show: 'दिखाएँ', upload: 'अपलोड करें', added: 'जोड़ा गया: HDFC Bank',
  allCovered: 'सभी महीनों के स्टेटमेंट मिल गए हैं', dismiss: 'हटाएँ', submit: 'जमा करें', hdfcHint: 'कस्टमर ID',
};

const tests = [
  ['phone, English: every state of a journey, audited', async () => {
    const s = await pb.createSession({ ...PERIOD });
    const page = await open('phone', s.redirect_url);
    await journey(page, shooter(page, 'states-phone-en'), EN, false);
    const st = await pb.uploadStatus(s.session_id);
    const c = st.body.consent;
    assert(c && c.language === 'en' && /^\d{4}-\d{2}-\d{2}$/.test(c.version) && /Z$/.test(c.given_at),
      'the consent is recorded for the lender: ' + JSON.stringify(c));
    await page.close();
  }],

  ['desktop, Hindi from the session: every state of a journey, audited, the list beside the months', async () => {
    const s = await pb.createSession({ ...PERIOD, language: 'hi' });
    assert(/[?&]lang=hi(&|$)/.test(s.redirect_url), 'the link carries the language: ' + s.redirect_url);
    const page = await open('desktop', s.redirect_url);
    await journey(page, shooter(page, 'states-desktop-hi'), HI, true);
    assert(await page.evaluate(() => document.documentElement.lang) === 'hi', 'the page says it is Hindi');
    assert((await pb.uploadStatus(s.session_id)).body.consent.language === 'hi', 'consent given in Hindi');
    await page.close();
  }],

  ["phone, Hindi from the browser's languages; the switcher turns it into English", async () => {
    const s = await pb.createSession({ ...PERIOD });
    const page = await open('phoneHi', s.redirect_url);
    const shot = shooter(page, 'states-phone-hi');
    await page.getByRole('heading', { name: HI.chooseBank }).waitFor();
    await page.getByText(HI.period, { exact: true }).waitFor();
    await clean(page, 'hindi landing');
    await shot('landing');
    await page.getByLabel('भाषा').selectOption('en');
    await page.getByRole('heading', { name: EN.chooseBank }).waitFor();
    await page.getByText(EN.period, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Exit' }).waitFor();
    await shot('switched');
    await page.reload();
    await page.getByRole('heading', { name: EN.chooseBank }).waitFor();
    await page.close();
  }],

  ['dead ends in the chosen language: a forged v2 link, a deleted session, audited', async () => {
    const s = await pb.createSession({ ...PERIOD, language: 'hi' }, 2);
    const u = new URL(s.redirect_url);
    u.searchParams.set('token', 'f'.repeat(64));
    const page = await browsers.desktop.ctx.newPage();
    const res = await page.goto(u.toString());
    assert(res.status() === 403, 'forged token: ' + res.status());
    await page.getByRole('heading', { name: 'यह लिंक मान्य नहीं है' }).waitFor();
    assert(await page.locator('link[rel=stylesheet]').count() === 2, 'the styled page, not bare HTML');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert(bg === 'rgb(244, 246, 249)', 'the shared stylesheet applies: ' + bg);
    await clean(page, 'forged link');
    await shooter(page, 'states-desktop-hi-forged')('forged');
    await page.close();
  }],

  ["the lender's brand, trust text and consent checkbox; a dead end keeps the brand", async () => {
    const b = pb.cli(['org', 'set-branding', pb.org.org_id, '--display-name', 'Acme Finance', '--accent', '#0a6b4a',
      '--logo-url', lender.url + '/logo.svg', '--privacy-url', 'https://acme.example/privacy', '--consent-checkbox', 'on']);
    assert(b.display_name === 'Acme Finance' && b.consent_checkbox === true, 'branding stored: ' + JSON.stringify(b));
    const s = await pb.createSession({ ...PERIOD, bank_name: 'hdfc' });
    const page = await browsers.phone.ctx.newPage();
    const res = await page.goto(s.redirect_url);
    const csp = res.headers()['content-security-policy'];
    assert(csp.includes("img-src 'self' data: " + lender.url), 'the logo origin is allowed, and only it: ' + csp);
    const shot = shooter(page, 'states-phone-en-brand');
    await page.getByRole('heading', { name: EN.addPdf }).waitFor();
    await page.getByText('Acme Finance', { exact: true }).waitFor();
    assert(await page.getByRole('img', { name: 'Acme Finance logo' }).isVisible(), 'the logo');
    await page.getByText('Only Acme Finance sees them').waitFor();
    await page.getByText('deleted after 30 days').waitFor();
    const policy = page.getByRole('link', { name: "Acme Finance's privacy policy" });
    assert(await policy.getAttribute('href') === 'https://acme.example/privacy', 'privacy policy link');
    const accent = await policy.evaluate((e) => getComputedStyle(e).color);
    assert(accent === 'rgb(10, 107, 74)', 'the accent colour on links and buttons: ' + accent);
    const file = page.getByLabel(EN.choosePdf);
    assert(await file.isDisabled(), 'the checkbox gate: no file before the tick');
    await clean(page, 'brand and gate');
    await shot('gate');
    await page.getByLabel('I agree to share my bank statements with Acme Finance for this purpose.').check();
    assert(await file.isEnabled(), 'ticked: the chooser opens');
    for (let i = 0; i < 50 && !(await pb.uploadStatus(s.session_id)).body.consent; i++) await new Promise((r) => setTimeout(r, 100));
    assert((await pb.uploadStatus(s.session_id)).body.consent.language === 'en', 'the tick is the consent');
    await shot('ticked');
    assert(await pb.deleteSession(s.session_id) === 200, 'session deleted');
    await page.reload();
    await page.getByRole('heading', { name: 'This link is no longer valid' }).waitFor();
    await page.getByText('Acme Finance', { exact: true }).waitFor();
    await clean(page, 'branded dead end');
    await shot('dead-end');
    pb.cli(['org', 'set-branding', pb.org.org_id, '--consent-checkbox', 'off', '--display-name', '', '--accent', '', '--logo-url', '', '--privacy-url', '']);
    await page.close();
  }],

  ['a language the page does not have is refused at session create', async () => {
    const r = await fetch(pb.url + '/bank-connect/v1/session/', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ api_key: pb.org.api_key, link_id: 'x', ...PERIOD, language: 'xx' }),
    });
    const body = await r.json();
    assert(r.status === 400 && body.error && body.error.code === 'INVALID_REQUEST', 'refused: ' + r.status + ' ' + JSON.stringify(body));
  }],
];

await runSuite(tests, async () => {
  hdfc = makeStatement(tmp, 'hdfc.pdf', { bank: 'hdfc', start: '2026-06-01', months: 4, seed: 21, name: 'acct1' });
  sbi = makeStatement(tmp, 'sbi.pdf', { bank: 'sbi', start: '2026-06-01', months: 4, seed: 22, name: 'acct2' });
  locked = makeStatement(tmp, 'locked.pdf', { bank: 'hdfc', start: '2026-06-01', months: 4, seed: 23, name: 'acct3', password: 'Qz4-open' });
  await pb.start();
  await lender.start(pb.url);
  browsers.phone = await launchBrowser();
  browsers.desktop = await launchBrowser({ desktop: true });
  browsers.phoneHi = await launchBrowser({ locale: 'hi-IN' });
  return browsers.phone.ctx;
}, async () => {
  for (const b of Object.values(browsers)) await b.close().catch(() => {});
  await lender.stop().catch(() => {});
  await pb.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});
