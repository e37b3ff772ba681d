// The hosted journey in a real browser at a phone's screen size, driven as
// a person would: by visible labels and button words. Screenshots of each
// step land in build/test-artifacts/browser/. (Statement uploads are in
// upload.test.mjs.)
import { Passbook, Lender, launchBrowser, newPage, shooter, assert, runSuite, parentEvents, eventSequence } from './lib.mjs';

const pb = new Passbook();
const lender = new Lender();
let browser;
const PERIOD = { from_date: '01/06/2026', to_date: '30/09/2026' };

const tests = [
  ['the page shows the lender, the period, the months and what is not offered', async () => {
    const s = await pb.createSession({ ...PERIOD, redirect_url: lender.url + '/done', logo_url: lender.url + '/logo.svg' });
    const page = await newPage(browser.ctx);
    const shot = shooter(page, 'landing');
    await page.goto(s.redirect_url);
    await page.getByRole('heading', { name: 'Choose your bank' }).waitFor();
    await page.getByText('Statements from 1 Jun 2026 to 30 Sep 2026').waitFor();
    await page.getByText('4 months to cover').waitFor();   // nothing is "missing" before an upload
    for (const m of ['Jun 2026', 'Jul 2026', 'Aug 2026', 'Sep 2026']) await page.getByText(m, { exact: true }).waitFor();
    assert(await page.getByText(/Account Aggregator and net banking login are not available/).isVisible(), 'honest about modes');
    assert(await page.getByRole('img', { name: 'Acme Lending logo' }).isVisible(), 'lender logo shown');
    assert(await page.getByRole('button', { name: 'Submit' }).isDisabled(), 'Submit waits for a statement');
    const words = await page.getByRole('button').allInnerTexts();
    assert(!words.some((w) => /upload|submit/i.test(w) && w.trim() !== 'Submit'), 'no other control says Upload or Submit: ' + words.join('|'));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(width <= 360, 'no sideways scrolling on a phone, width ' + width);
    await shot('landing');
    await page.close();
  }],

  ['bank search by keyboard, change of bank, and the events an iframe parent receives', async () => {
    const s = await pb.createSession({ ...PERIOD });
    const page = await newPage(browser.ctx);
    const shot = shooter(page, 'iframe-bank');
    const f = await lender.embed(page, s.redirect_url);
    const search = f.getByLabel('Search your bank');
    await search.fill('state bank');
    await f.getByRole('button', { name: 'State Bank of India', exact: true }).waitFor();
    await shot('search');
    await search.press('Enter');                               // keyboard: first match
    await f.getByRole('heading', { name: 'Add PDF statements' }).waitFor();
    await f.getByText('State Bank of India', { exact: true }).filter({ visible: true }).waitFor();
    assert(await f.getByLabel('Choose PDF statement').count() === 1, 'file input labelled');
    await shot('file-step');
    await f.getByRole('button', { name: 'Change bank' }).click();
    await f.getByRole('heading', { name: 'Choose your bank' }).waitFor();
    await f.getByLabel('Search your bank').fill('hdfc');
    await f.getByRole('button', { name: 'HDFC Bank', exact: true }).click();
    await f.getByRole('heading', { name: 'Add PDF statements' }).waitFor();
    await f.getByRole('button', { name: 'Exit' }).click();
    await f.getByRole('heading', { name: 'You left' }).waitFor();
    await shot('exit');
    const events = await parentEvents(page, 'exit');
    const seq = eventSequence(events);
    const want = ['info:bank_selected', 'info:manual', 'info:manual_upload_back', 'info:bank_selected', 'info:manual', 'exit'];
    assert(JSON.stringify(seq) === JSON.stringify(want), 'event sequence ' + JSON.stringify(seq));
    assert(events.every((e) => e.origin === pb.url && e.data.type === 'finbox-bankconnect'), 'events from the journey origin');
    assert(events[0].data.payload.message === 'sbi' && events[3].data.payload.message === 'hdfc', 'bank_selected names the bank');
    assert(events.every((e) => e.data.payload.linkId === 'browser-test-user'), 'linkId on every event');
    assert(typeof events[5].data.payload.message === 'string', 'exit message');
    assert(page.url().startsWith(lender.url + '/parent'), 'the parent page stays where it is');
    await page.close();
  }],

  ['exit in redirect mode returns to the lender with success=false', async () => {
    const s = await pb.createSession({ ...PERIOD, redirect_url: lender.url + '/done?ref=abc' });
    const page = await newPage(browser.ctx);
    const shot = shooter(page, 'exit');
    await page.goto(s.redirect_url);
    await page.getByRole('heading', { name: 'Choose your bank' }).waitFor();
    await page.getByRole('button', { name: 'Exit' }).click();
    await page.waitForURL(/\/done\?/);
    const u = new URL(page.url());
    assert(u.searchParams.get('success') === 'false', 'success=false: ' + page.url());
    assert(!u.searchParams.has('session_id'), 'no session id on exit');
    assert(u.searchParams.get('ref') === 'abc', "the lender's own query is kept");
    await shot('lender');
    await page.close();
  }],

  ['a session that names a bank skips the bank list', async () => {
    const s = await pb.createSession({ ...PERIOD, bank_name: 'kotak' });
    const page = await newPage(browser.ctx);
    const shot = shooter(page, 'fixed-bank');
    await page.goto(s.redirect_url);
    await page.getByRole('heading', { name: 'Add PDF statements' }).waitFor();
    await page.getByText('Kotak Mahindra Bank', { exact: true }).filter({ visible: true }).waitFor();
    assert(!(await page.getByRole('button', { name: 'Change bank' }).isVisible()), 'bank fixed');
    assert(!(await page.getByLabel('Search your bank').isVisible()), 'no bank list');
    await shot('file-step');
    await page.close();
  }],

  ['a forged v2 link is refused; a broken link says so and reports an error', async () => {
    const s = await pb.createSession({ ...PERIOD, bank: 'HDFC' }, 2);
    const page = await newPage(browser.ctx);
    const shot = shooter(page, 'bad-link');
    const u = new URL(s.redirect_url);
    assert(u.searchParams.get('token'), 'v2 link has a token');
    u.searchParams.set('token', 'f'.repeat(64));
    const res = await page.goto(u.toString());
    assert(res.status() === 403, 'forged token: ' + res.status());
    await page.getByRole('heading', { name: 'This link is not valid' }).waitFor();
    await shot('forged');
    const unknown = await lender.embed(page, pb.url + '/?session_id=0f8fad5b-d9cb-469f-a165-70867728950e');
    await unknown.getByRole('heading', { name: 'This link is not valid' }).waitFor();
    await page.waitForFunction(() => window.events.length > 0);
    const ev = (await page.evaluate(() => window.events))[0].data;
    assert(ev.status === 'error' && ev.payload.error_type === 'JOURNEY_UNAUTHORIZED', 'error event ' + JSON.stringify(ev));
    await shot('unknown');
    const ok = await page.goto(s.redirect_url);
    assert(ok.status() === 200, 'the real link opens');
    await page.getByText('HDFC Bank', { exact: true }).filter({ visible: true }).waitFor();
    assert(!/token=/.test(page.url()), 'the token is dropped from the address bar');
    await page.close();
  }],

  ['the SDK opens the journey in a modal and reports the exit', async () => {
    const s = await pb.createSession({ ...PERIOD });
    const page = await newPage(browser.ctx);
    const shot = shooter(page, 'sdk-modal');
    const f = await lender.embed(page, s.redirect_url, 'sdk');
    await f.getByLabel('Search your bank').fill('axis');
    await f.getByRole('button', { name: 'Axis Bank', exact: true }).click();
    await shot('modal');
    await f.getByRole('button', { name: 'Exit' }).click();
    await page.waitForFunction(() => window.calls.some((c) => c[0] === 'exit'));
    const calls = await page.evaluate(() => window.calls);
    assert(calls.map((c) => c[0]).join(',') === 'info,info,exit', 'callbacks ' + JSON.stringify(calls));
    assert(calls[0][1].event_name === 'bank_selected' && calls[0][1].message === 'axis', 'onInfo payload');
    assert(await page.locator('iframe').count() === 0, 'modal closed after exit');
    await shot('closed');
    await page.close();
  }],
];

await runSuite(tests, async () => {
  await pb.start();
  await lender.start(pb.url);
  browser = await launchBrowser();
  return browser.ctx;
}, async () => {
  if (browser) await browser.close();
  await lender.stop().catch(() => {});
  await pb.stop();
});
