// Statement uploads on the hosted journey, in a real browser at a phone's
// screen size, with statements generated on the fly (tools/statements): a
// redirect journey ending on the lender's page, an iframe journey whose
// parent checks the events, a bank outside the five profiled ones chosen in
// the bank search, a password-protected statement, a statement from the
// wrong bank, a multi-PDF journey, and the SDK modal's success.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Passbook, Lender, launchBrowser, makeStatement, newPage, shooter, assert, runSuite, parentEvents, eventSequence } from './lib.mjs';

const pb = new Passbook();
const lender = new Lender();
let browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-stmts-'));
const PERIOD = { from_date: '01/06/2026', to_date: '30/09/2026' };
let hdfcJunJul, hdfcAugSep, sbiJunSep, hdfcLocked, pnbJunSep;

function statements() {
  // two statements of one account: parts of one four-month period
  const acct1 = { bank: 'hdfc', start: '2026-06-01', months: 4, seed: 11, name: 'acct1' };
  hdfcJunJul = makeStatement(tmp, 'hdfc-jun-jul.pdf', { ...acct1, part: ['2026-06-01', '2026-07-31'] });
  hdfcAugSep = makeStatement(tmp, 'hdfc-aug-sep.pdf', { ...acct1, part: ['2026-08-01', '2026-09-30'] });
  sbiJunSep = makeStatement(tmp, 'sbi-jun-sep.pdf', { bank: 'sbi', start: '2026-06-01', months: 4, seed: 12, name: 'acct2' });
  hdfcLocked = makeStatement(tmp, 'hdfc-locked.pdf', { bank: 'hdfc', start: '2026-06-01', months: 4, seed: 13, name: 'acct3', password: 'Kx7-sesame' });
  // a bank outside the five profiled ones (catalogue id PNBBNK)
  pnbJunSep = makeStatement(tmp, 'pnb-jun-sep.pdf', { bank: 'pnb', start: '2026-06-01', months: 4, seed: 14, name: 'acct4' });
}

async function pickBank(root, query, name) {
  await root.getByLabel('Search your bank').fill(query);
  await root.getByRole('button', { name: name, exact: true }).click();
}

async function expectAdded(root, fileName) {
  await root.getByRole('listitem').filter({ hasText: fileName }).getByText(/^Added:/).waitFor({ timeout: 60000 });
}

async function statementCount(sid) {
  const st = await pb.uploadStatus(sid);
  return (st.body.accounts || []).reduce((a, acc) => a + (acc.statements || []).length, 0);
}

const tests = [
  ['redirect journey: choose the bank, add a statement, Submit lands on the lender with success', async () => {
    const s = await pb.createSession({ ...PERIOD, redirect_url: lender.url + '/done?ref=abc', logo_url: lender.url + '/logo.svg' });
    const page = await newPage(browser.ctx);
    const shot = shooter(page, 'redirect');
    await page.goto(s.redirect_url);
    await pickBank(page, 'hdfc', 'HDFC Bank');
    await page.getByRole('heading', { name: 'Add PDF statements' }).waitFor();
    await shot('file-step');
    await page.getByLabel('Choose PDF statement').setInputFiles(hdfcJunJul);
    await expectAdded(page, 'hdfc-jun-jul.pdf');
    await page.getByText('Months still missing: 2 of 4').waitFor();
    await shot('added');
    const submit = page.getByRole('button', { name: 'Submit' });
    assert(await submit.isEnabled(), 'Submit enabled after a statement');
    await submit.click();
    await page.waitForURL(/\/done\?/);
    const u = new URL(page.url());
    assert(u.searchParams.get('success') === 'true', 'success=true: ' + page.url());
    assert(u.searchParams.get('session_id') === s.session_id, 'session_id in the redirect');
    assert(u.searchParams.get('ref') === 'abc', "the lender's query kept");
    await shot('lender');
    const st = await pb.uploadStatus(s.session_id);
    assert(st.body.upload_status === 'COMPLETED', 'upload status COMPLETED: ' + JSON.stringify(st.body).slice(0, 300));
    await page.goto(s.redirect_url);
    await page.getByRole('heading', { name: 'Already shared' }).waitFor();
    await shot('link-spent');
    await page.close();
  }],

  ['iframe journey: wrong bank (MU004), then the right statement; the parent sees the events in order', async () => {
    const s = await pb.createSession({ ...PERIOD });
    const page = await newPage(browser.ctx);
    const shot = shooter(page, 'iframe');
    const f = await lender.embed(page, s.redirect_url);
    await pickBank(f, 'state', 'State Bank of India');
    await f.getByLabel('Choose PDF statement').setInputFiles(hdfcJunJul);
    await f.getByText('This is not a State Bank of India statement').waitFor({ timeout: 60000 });
    await shot('mu004');
    await f.getByLabel('Choose PDF statement').setInputFiles(sbiJunSep);
    await expectAdded(f, 'sbi-jun-sep.pdf');
    await shot('added');
    await f.getByRole('button', { name: 'Submit' }).click();
    await f.getByRole('heading', { name: 'Thank you' }).waitFor();
    await shot('done');
    const events = await parentEvents(page, 'success');
    const seq = eventSequence(events);
    const want = ['info:bank_selected', 'info:manual', 'error', 'success'];
    assert(JSON.stringify(seq) === JSON.stringify(want), 'event sequence ' + JSON.stringify(seq));
    const err = events[2].data.payload;
    assert(err.error_type === 'MU004' && /Not sbi/i.test(err.reason) && err.linkId === 'browser-test-user', 'MU004 ' + JSON.stringify(err));
    const ok = events[3].data.payload;
    assert(ok.sessionId === s.session_id && ok.linkId === 'browser-test-user', 'success ' + JSON.stringify(ok));
    assert(events.every((e) => e.origin === pb.url), 'events from the journey origin');
    assert(page.url().startsWith(lender.url + '/parent'), 'parent page not navigated');
    await page.close();
  }],

  ['a bank outside the five: the wrong bank first (MU004), then Punjab National Bank from the search, its statement added, Submit succeeds', async () => {
    const s = await pb.createSession({ ...PERIOD, redirect_url: lender.url + '/done' });
    const page = await newPage(browser.ctx);
    const shot = shooter(page, 'pnb');
    await page.goto(s.redirect_url);
    await pickBank(page, 'canara', 'Canara Bank');
    await page.getByLabel('Choose PDF statement').setInputFiles(pnbJunSep);
    await page.getByText('This is not a Canara Bank statement').waitFor({ timeout: 60000 });
    await shot('mu004');
    await page.getByRole('button', { name: 'Change bank' }).click();
    await pickBank(page, 'punjab nat', 'Punjab National Bank');
    await page.getByRole('heading', { name: 'Add PDF statements' }).waitFor();
    await page.getByLabel('Choose PDF statement').setInputFiles(pnbJunSep);
    await expectAdded(page, 'pnb-jun-sep.pdf');
    await page.getByRole('listitem').filter({ hasText: 'pnb-jun-sep.pdf' }).getByText(/Added: Punjab National Bank/).waitFor();
    await page.getByText('Every month is covered').waitFor();
    await shot('added');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/success=true/);
    const st = await pb.uploadStatus(s.session_id);
    const banks = (st.body.accounts || []).map((a) => a.bank_name);
    assert(JSON.stringify(banks) === JSON.stringify(['pnbbnk']), 'one PNB account, named by its catalogue id: ' + JSON.stringify(banks));
    assert(st.body.upload_status === 'COMPLETED', 'upload status COMPLETED: ' + JSON.stringify(st.body).slice(0, 300));
    await page.close();
  }],

  ['password-protected statement: the prompt, a wrong password, then the right one', async () => {
    const s = await pb.createSession({ ...PERIOD, bank_name: 'hdfc', redirect_url: lender.url + '/done' });
    const page = await newPage(browser.ctx);
    const shot = shooter(page, 'password');
    await page.goto(s.redirect_url);
    await page.getByRole('heading', { name: 'Add PDF statements' }).waitFor();
    await page.getByLabel('Choose PDF statement').setInputFiles(hdfcLocked);
    const pw = page.getByLabel('Password for hdfc-locked.pdf');
    await pw.waitFor({ timeout: 60000 });
    await page.getByText('This PDF is locked with a password').waitFor();
    assert(await pw.evaluate((e) => e === document.activeElement && e.type === 'password'), 'focus on a password field');
    await shot('prompt');
    await pw.fill('not-it');
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('That password is not right').waitFor({ timeout: 60000 });
    await shot('wrong');
    await page.getByLabel('Password for hdfc-locked.pdf').fill('Kx7-sesame');
    await page.getByLabel('Password for hdfc-locked.pdf').press('Enter');
    await expectAdded(page, 'hdfc-locked.pdf');
    await shot('unlocked');
    assert(await statementCount(s.session_id) === 1, 'one statement stored');
    await page.close();
  }],

  ['multi-PDF journey: two statements at once cover every month', async () => {
    const s = await pb.createSession({ ...PERIOD, bank_name: 'hdfc', journey_mode: 'multi_pdf', redirect_url: lender.url + '/done' });
    const page = await newPage(browser.ctx);
    const shot = shooter(page, 'multipdf');
    await page.goto(s.redirect_url);
    await page.getByText('4 months to cover').waitFor();   // nothing is "missing" before an upload
    await page.getByLabel('Choose PDF statement').setInputFiles([hdfcJunJul, hdfcAugSep]);
    await expectAdded(page, 'hdfc-jun-jul.pdf');
    await expectAdded(page, 'hdfc-aug-sep.pdf');
    await page.getByText('Every month is covered').waitFor();
    await shot('both');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/success=true/);
    assert(await statementCount(s.session_id) === 2, 'two statements stored');
    await page.close();
  }],

  ['multi-banking journey: a statement from each of two banks', async () => {
    const s = await pb.createSession({ ...PERIOD, journey_mode: 'multi_banking', redirect_url: lender.url + '/done' });
    const page = await newPage(browser.ctx);
    const shot = shooter(page, 'multibank');
    await page.goto(s.redirect_url);
    await pickBank(page, 'hdfc', 'HDFC Bank');
    await page.getByLabel('Choose PDF statement').setInputFiles(hdfcJunJul);
    await expectAdded(page, 'hdfc-jun-jul.pdf');
    await page.getByRole('button', { name: 'Add another bank' }).click();
    await pickBank(page, 'state bank', 'State Bank of India');
    await page.getByLabel('Choose PDF statement').setInputFiles(sbiJunSep);
    await expectAdded(page, 'sbi-jun-sep.pdf');
    await shot('two-banks');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/success=true/);
    const st = await pb.uploadStatus(s.session_id);
    const banks = (st.body.accounts || []).map((a) => a.bank_name).sort();
    assert(JSON.stringify(banks) === JSON.stringify(['hdfc', 'sbi']), 'two accounts, two banks: ' + JSON.stringify(banks));
    await page.close();
  }],

  ['the SDK modal reports success and closes', async () => {
    const s = await pb.createSession({ ...PERIOD, bank: 'HDFC' }, 2);
    const page = await newPage(browser.ctx);
    const shot = shooter(page, 'sdk-success');
    const f = await lender.embed(page, s.redirect_url, 'sdk');
    await f.getByLabel('Choose PDF statement').setInputFiles(hdfcAugSep);
    await expectAdded(f, 'hdfc-aug-sep.pdf');
    await shot('modal');
    await f.getByRole('button', { name: 'Submit' }).click();
    await page.waitForFunction(() => window.calls.some((c) => c[0] === 'success'));
    const ok = (await page.evaluate(() => window.calls)).find((c) => c[0] === 'success')[1];
    assert(ok.sessionId === s.session_id, 'onSuccess payload ' + JSON.stringify(ok));
    assert(await page.locator('iframe').count() === 0, 'modal closed after success');
    await shot('closed');
    await page.close();
  }],
];

await runSuite(tests, async () => {
  statements();
  await pb.start();
  await lender.start(pb.url);
  browser = await launchBrowser();
  return browser.ctx;
}, async () => {
  if (browser) await browser.close();
  await lender.stop().catch(() => {});
  await pb.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});
