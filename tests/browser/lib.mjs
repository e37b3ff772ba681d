// Shared harness for the browser tests: runs the real Passbook server on a
// random loopback port with a fresh data directory, a lender's web server
// (redirect target and iframe parent page) on another port, Debian's
// chromium through playwright-core (never a downloaded browser), and
// statements generated on the fly by tools/statements/fixtures.py.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = path.join(ROOT, 'build/test-artifacts/browser');
export const PHONE = { width: 360, height: 740 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function passbookBin() {
  if (process.env.PASSBOOK_BIN) return process.env.PASSBOOK_BIN;
  for (const p of ['build/asan/passbook', 'build/passbook']) {
    const f = path.join(ROOT, p);
    if (fs.existsSync(f)) return f;
  }
  throw new Error('no passbook binary: run make first');
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The Passbook server under test. start() creates an organisation with the
// CLI, then serves; stop() sends SIGTERM and waits.
export class Passbook {
  constructor(opts = {}) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-browser-'));
    this.extraArgs = opts.args || [];
    this.proc = null;
    this.log = '';
  }
  async start() {
    const bin = passbookBin();
    const out = execFileSync(bin, ['org', 'create', '--name', 'Acme Lending', '--data', this.dir],
      { encoding: 'utf8', env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
    this.org = JSON.parse(out.trim().split('\n').pop());
    this.port = await freePort();
    this.url = 'http://127.0.0.1:' + this.port;
    this.proc = spawn(bin, ['serve', '--data', this.dir, '--listen', '127.0.0.1:' + this.port,
      '--public-url', this.url, ...this.extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (d) => { this.log += d; });
    this.proc.stderr.on('data', (d) => { this.log += d; });
    for (let i = 0; i < 200; i++) {
      try {
        const r = await fetch(this.url + '/healthz');
        if (r.ok) return this;
      } catch (e) { /* not up yet */ }
      if (this.proc.exitCode !== null) break;
      await sleep(50);
    }
    throw new Error('passbook did not start:\n' + this.log);
  }
  async stop() {
    if (this.proc && this.proc.exitCode === null) {
      const done = new Promise((r) => this.proc.once('exit', r));
      this.proc.kill('SIGTERM');
      await Promise.race([done, sleep(10000)]);
      if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
  // The passbook CLI on this server's data directory (e.g. org set-branding):
  // its last line of output, parsed as JSON.
  cli(args) {
    const out = execFileSync(passbookBin(), [...args, '--data', this.dir],
      { encoding: 'utf8', env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
    return JSON.parse(out.trim().split('\n').pop());
  }
  async deleteSession(sessionId) {
    const r = await fetch(this.url + '/bank-connect/v1/session_data/' + sessionId + '/delete/', {
      method: 'DELETE', headers: { 'x-api-key': this.org.api_key, 'server-hash': this.org.server_hash },
    });
    return r.status;
  }
  // POST /bank-connect/v1/session/ (or v2) as a lender's backend would.
  async createSession(fields, version = 1) {
    const r = await fetch(this.url + '/bank-connect/v' + version + '/session/', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ api_key: this.org.api_key, link_id: 'browser-test-user', ...fields }),
    });
    const body = await r.json();
    if (r.status !== 200) throw new Error('session create ' + r.status + ' ' + JSON.stringify(body));
    return body;
  }
  async uploadStatus(sessionId) {
    const r = await fetch(this.url + '/bank-connect/v1/session_data/' + sessionId + '/session_upload_status/', {
      headers: { 'x-api-key': this.org.api_key, 'server-hash': this.org.server_hash },
    });
    return { status: r.status, body: await r.json() };
  }
}

// The lender's own site, on another origin: /done (the redirect target),
// /parent?src=<journey url> (embeds the journey in an iframe and records
// the postMessage events in window.events), /sdk?src=... (opens it with
// the Passbook SDK in a modal).
export class Lender {
  async start(passbookUrl) {
    this.port = await freePort();
    this.url = 'http://127.0.0.1:' + this.port;
    this.server = http.createServer((req, res) => {
      const u = new URL(req.url, this.url);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      if (u.pathname === '/logo.svg') {
        res.setHeader('Content-Type', 'image/svg+xml');
        res.end('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32"><rect width="32" height="32" rx="6" fill="#0a7"/>' +
          '<text x="40" y="22" font-family="sans-serif" font-size="16" fill="#063">Acme</text></svg>');
      } else if (u.pathname === '/done') {
        res.end('<!doctype html><title>Lender</title><h1>Back at the lender</h1><p id="q"></p>' +
          '<script>document.getElementById("q").textContent = location.search;</script>');
      } else if (u.pathname === '/parent') {
        const src = JSON.stringify(u.searchParams.get('src'));
        res.end('<!doctype html><meta name="viewport" content="width=device-width, initial-scale=1">' +
          '<title>Lender app</title><style>body{margin:0}iframe{border:0;width:100%;height:100vh}</style>' +
          '<script>window.events=[];window.addEventListener("message",(e)=>{' +
          'if(e.data&&e.data.type==="finbox-bankconnect")window.events.push({origin:e.origin,data:e.data});});</script>' +
          '<iframe title="Bank statements" src=' + src + '></iframe>');
      } else if (u.pathname === '/sdk') {
        const src = JSON.stringify(u.searchParams.get('src'));
        res.end('<!doctype html><meta name="viewport" content="width=device-width, initial-scale=1">' +
          '<title>Lender app</title><script src="' + passbookUrl + '/sdk/passbook.js"></script>' +
          '<h1>Lender</h1><script>window.calls=[];const rec=(k)=>(p)=>window.calls.push([k,p]);' +
          'Passbook.open({url:' + src + ',mode:"modal",onSuccess:rec("success"),onExit:rec("exit"),' +
          'onError:rec("error"),onInfo:rec("info")});</script>');
      } else {
        res.statusCode = 404;
        res.end('not found');
      }
    });
    await new Promise((r) => this.server.listen(this.port, '127.0.0.1', r));
    return this;
  }
  // Opens url in the lender's page, in an iframe (/parent) or the SDK's
  // modal (/sdk); returns the frame to drive.
  async embed(page, url, how = 'parent') {
    await page.goto(this.url + '/' + how + '?src=' + encodeURIComponent(url));
    return page.frameLocator('iframe');
  }
  async stop() { await new Promise((r) => this.server.close(r)); }
}

// Statements the project has never seen: generated on the fly, with their
// truth, by the corpus tool (tools/statements/fixtures.py). spec: {bank,
// start: "YYYY-MM-DD", months, password, seed, name}; the same seed and name
// give the same account, so two periods of one account can be made. The
// PDF is copied to dir/fileName (the name the customer sees).
export function makeStatement(dir, fileName, spec) {
  const work = fs.mkdtempSync(path.join(dir, 'gen-'));
  const code = 'import sys, json\n' +
    'sys.path.insert(0, ' + JSON.stringify(path.join(ROOT, 'tools/statements')) + ')\n' +
    'import fixtures\n' +
    'a = json.loads(sys.argv[1])\n' +
    'p, t = fixtures.write_statement(a.pop("dir"), a.pop("name"), **a)\n' +
    'print(json.dumps({"path": p, "truth": t}))\n';
  const args = { dir: work, name: spec.name || 'statement', bank: spec.bank || 'hdfc', months: spec.months || 1,
    password: spec.password || null, seed: spec.seed || 1 };
  if (spec.start) args.start = spec.start;
  if (spec.part) args.part = spec.part;
  const out = execFileSync('python3', ['-c', code, JSON.stringify(args)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const r = JSON.parse(out.trim().split('\n').pop());
  const dest = path.join(dir, fileName);
  fs.copyFileSync(r.path, dest);
  fs.rmSync(work, { recursive: true, force: true });
  return dest;
}

export const DESKTOP = { width: 1366, height: 860 };

// Debian's chromium: a phone (360x740, touch) unless opts.desktop; the
// browser's language opts.locale (default en-IN).
export async function launchBrowser(opts = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-chromium-'));
  const form = opts.desktop
    ? { viewport: DESKTOP, isMobile: false, hasTouch: false, deviceScaleFactor: 1 }
    : { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
  const locale = opts.locale || 'en-IN';
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, '--lang=' + locale], ...form,
    locale: locale,
  });
  // A step's wait is a hang detector, not a speed check: the CI runs these
  // suites on two cores beside the PostgreSQL API suites, where a click
  // once waited out 20 s right after the answer that shows its button
  // (the page sets both in one task), so a step gets the upload's 60 s.
  ctx.setDefaultTimeout(60000);
  return { ctx, close: async () => { await ctx.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

// Saves numbered screenshots of each step: build/test-artifacts/browser/<test>-NN-<step>.png
export function shooter(page, test) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  let n = 0;
  return async (step) => {
    n++;
    const f = path.join(ARTIFACTS, test + '-' + String(n).padStart(2, '0') + '-' + step + '.png');
    await page.screenshot({ path: f });
  };
}

// An accessibility audit of the page as it stands, by axe-core (npm, run
// inside the page): returns the violations of impact serious or critical
// against WCAG 2.1 A/AA, each as "rule: target (summary)".
const AXE = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'node_modules/axe-core/axe.min.js'), 'utf8');
export async function audit(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const r = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => v.id + ': ' + n.target.join(' ') + ' (' + (n.failureSummary || '').replace(/\s+/g, ' ') + ')'));
}

// A new page in the browser context ctx; its script errors are printed
// (a test that cares checks for them itself).
export async function newPage(ctx) {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('  page error: ' + e.message));
  return page;
}

export function assert(cond, msg) {
  if (!cond) throw new Error('assertion failed: ' + msg);
}

// The words a page shows now (its frames' too), whitespace folded and cut
// short: a failure's log says what the person saw even where the
// screenshots are not kept (a clean-clone CI).
async function shownText(page) {
  const texts = [];
  for (const f of page.frames()) {
    const s = await f.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
    if (s.trim()) texts.push(s.replace(/\s+/g, ' ').trim());
  }
  const all = texts.join(' | ');
  return all.length > 1500 ? all.slice(0, 1500) + '…' : all;
}

// Runs named async tests in order, prints one line per test and the closing
// "N passed, N failed"; returns the number failed (the caller exits).
// ctx (optional): the browser context, whose open pages are saved as
// failed-NN-P.png when a test fails, to see what the person would have seen.
export async function run(tests, ctx) {
  let passed = 0, failed = 0;
  const only = process.env.PB_BROWSER_ONLY;
  for (const [name, fn] of tests) {
    if (only && !name.includes(only)) continue;
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log('ok   ' + name + ' (' + (Date.now() - t0) + ' ms)');
    } catch (e) {
      failed++;
      console.log('FAIL ' + name + ': ' + (e && e.stack || e));
      if (ctx) {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        const pages = ctx.pages();
        for (let p = 0; p < pages.length; p++) {
          const f = path.join(ARTIFACTS, 'failed-' + String(passed + failed).padStart(2, '0') + '-' + p + '.png');
          await pages[p].screenshot({ path: f }).catch(() => {});
          console.log('  page ' + p + ': ' + pages[p].url() + '\n    shows: ' + await shownText(pages[p]));
        }
      }
    }
  }
  console.log(passed + ' passed, ' + failed + ' failed');
  return failed;
}

// A test script's whole run: setup() (servers, browsers, data; it returns
// the browser context whose pages a failure saves), the tests, then
// teardown() whatever happened. A failed setup counts as one failed test.
// Exits the process: 0 when every test passed.
export async function runSuite(tests, setup, teardown) {
  let failed = 1;
  try {
    failed = await run(tests, await setup());
  } catch (e) {
    console.log('FAIL setup: ' + (e && e.stack || e));
    console.log('0 passed, 1 failed');
  } finally {
    await teardown();
  }
  process.exit(failed ? 1 : 0);
}

// The events the lender's /parent page received, once one of status has
// arrived: [{origin, data}], in order.
export async function parentEvents(page, status) {
  await page.waitForFunction((want) => window.events.some((e) => e.data.status === want), status);
  return page.evaluate(() => window.events);
}

// Each event as "status" or "status:event_name", to compare a sequence.
export function eventSequence(events) {
  return events.map((e) => e.data.status + (e.data.payload.event_name ? ':' + e.data.payload.event_name : ''));
}
