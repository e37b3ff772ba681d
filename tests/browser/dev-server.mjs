// A stand-in for Passbook's journey API, for working on the hosted page
// without the C server: serves data/journey and data/sdk and answers the
// /journey/v1/* endpoints of docs/journey.md from memory. Not a test and
// not used by the tests (they run the real server).
//   node tests/browser/dev-server.mjs [port] [journey_mode] [bank]
// A fake "PDF" decides its outcome by text it contains: PASSWORD=<pw>,
// BANK=<id>, KIND=image|notstatement|outofrange.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
const port = Number(process.argv[2] || 8099);
const mode = process.argv[3] && process.argv[3] !== '-' ? process.argv[3] : null;
const fixedBank = process.argv[4] || null;
const sid = '11111111-2222-4333-8444-555555555555';
const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const session = {
  session_id: sid, link_id: 'dev-link', org_name: 'Acme Lending', logo_url: null,
  from_date: '2026-06-01', to_date: '2026-10-31', expected_months: months, missing_months: months.slice(),
  bank: fixedBank ? { id: fixedBank, name: fixedBank.toUpperCase() + ' Bank' } : null,
  journey_mode: mode, mode: null, modes: { pdf: true, aa: false, online: false },
  redirect_url: 'http://127.0.0.1:' + port + '/lender/done', statements: [],
};
const banks = [['sbi', 'State Bank of India'], ['hdfc', 'HDFC Bank'], ['icici', 'ICICI Bank'], ['axis', 'Axis Bank'],
  ['kotak', 'Kotak Mahindra Bank'], ['baroda', 'Bank of Baroda']];
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

function json(res, status, obj) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(obj));
}
function err(res, status, code, message, type) {
  json(res, status, { error: { code, message, error_type: type } });
}
function body(req) {
  return new Promise((ok) => { const c = []; req.on('data', (d) => c.push(d)); req.on('end', () => ok(Buffer.concat(c))); });
}
function field(buf, name) {
  for (const part of buf.toString('latin1').split(/\r\n--[^\r\n]*|^--[^\r\n]*/)) {
    const i = part.indexOf('\r\n\r\n');
    if (i >= 0 && part.slice(0, i).includes('name="' + name + '"')) return part.slice(i + 4);
  }
  return null;
}

http.createServer(async (req, res) => {
  const u = new URL(req.url, 'http://x');
  if (u.pathname === '/') return fs.createReadStream(path.join(root, 'journey/index.html')).pipe(res);
  if (u.pathname.startsWith('/journey/') && !u.pathname.startsWith('/journey/v1/') || u.pathname === '/sdk/passbook.js') {
    const f = path.join(root, u.pathname.replace('/journey/', 'journey/').replace('/sdk/', 'sdk/'));
    res.writeHead(200, { 'Content-Type': types[path.extname(f)] || 'application/octet-stream' });
    return fs.createReadStream(f).pipe(res);
  }
  if (u.pathname === '/lender/done') { res.writeHead(200, { 'Content-Type': 'text/html' }); return res.end('<h1>Lender</h1>'); }
  if (u.pathname === '/journey/v1/token') return json(res, 200, { journey_token: 'dev', expires_in: 3600 });
  if (u.pathname === '/journey/v1/session') return json(res, 200, session);
  if (u.pathname === '/journey/v1/banks') {
    const q = (u.searchParams.get('q') || '').toLowerCase();
    return json(res, 200, { banks: banks.filter((b) => b[0].includes(q) || b[1].toLowerCase().includes(q)).map((b) => ({ id: b[0], name: b[1] })) });
  }
  if (u.pathname === '/journey/v1/upload') {
    const b = await body(req);
    const file = field(b, 'file') || '';
    const pw = field(b, 'pdf_password');
    const bank = field(b, 'bank');
    await new Promise((r) => setTimeout(r, 300));
    const need = /PASSWORD=(\w+)/.exec(file);
    if (need && pw !== need[1]) return err(res, 400, 'PASSWORD_INCORRECT', 'The provided password is incorrect', 'MU003');
    const fb = (/BANK=(\w+)/.exec(file) || [])[1] || 'hdfc';
    if (bank && bank !== fb) return err(res, 400, 'BANK_NAME_MISMATCH', 'Not ' + bank + ' bank statement', 'MU004');
    if (/KIND=image/.test(file)) return err(res, 400, 'PDF_IS_IMAGE', 'Scanned images are not supported', 'MU006');
    if (/KIND=notstatement/.test(file)) return err(res, 400, 'STATEMENT_UNSUPPORTED_FORMAT', 'The statement format is not supported', 'MU020');
    if (/KIND=outofrange/.test(file)) return err(res, 400, 'OUT_OF_DATE_RANGE', 'No transactions in expected date range', 'MU021');
    const got = months.slice(session.statements.length * 2, session.statements.length * 2 + 3);
    session.missing_months = session.missing_months.filter((m) => !got.includes(m));
    const st = { statement_id: 's' + session.statements.length, file_name: 'x.pdf', bank: fb, bank_name: banks.find((x) => x[0] === fb)[1],
      masked_account_number: 'XXXXXXXX1234', months: got };
    session.statements.push(st);
    return json(res, 200, { statement: st, missing_months: session.missing_months });
  }
  if (u.pathname === '/journey/v1/submit' || u.pathname === '/journey/v1/exit') return json(res, 200, { message: 'success' });
  res.writeHead(404); res.end();
}).listen(port, '127.0.0.1', () => console.log('dev server on http://127.0.0.1:' + port + '/?session_id=' + sid));
