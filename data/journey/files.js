/* The file step: the statement list, uploads with progress, a password
 * asked where the PDF has one. */
import { $, I18n, state, t } from './state.js';
import { emitError, emitInfo } from './events.js';
import { el, focusHeading, maskedLabel, monthLabel, say, showOnly } from './ui.js';
import { explain } from './errors.js';
import { fatalFromError } from './start.js';
import { consent, renderMonths } from './render.js';
import { updateFinish } from './finish.js';

export function openFiles(announce) {
  showOnly('file-step');
  $('bank-name').textContent = state.bank ? state.bank.name : '';
  refreshControls();
  emitInfo('manual', 'Manual upload screen opened');
  if (announce) focusHeading($('file-title'));
}

// The bank can change until a statement is accepted (or always, in a
// multi-banking journey); one statement per bank unless multi_pdf.
function refreshControls() {
  const info = state.info;
  const locked = !!info.bank || (state.banksUsed.length > 0 && info.journey_mode !== 'multi_banking');
  $('change-bank').hidden = locked || state.busy;
  const accepted = state.rows.filter((r) => r.kind === 'ok' && r.bank === (state.bank ? state.bank.id : '')).length;
  const more = info.journey_mode === 'multi_pdf' || accepted === 0;
  $('drop').hidden = !more;
  $('file-help').hidden = !more;
  $('add-bank').hidden = !(info.journey_mode === 'multi_banking' && !info.bank && state.banksUsed.length > 0);
  $('files-box').hidden = state.rows.length === 0;
  updateFinish();
}

export function addFiles(fileList) {
  const info = state.info;
  let files = Array.from(fileList || []);
  if (!files.length || $('file-input').disabled) return;
  consent();
  if (info.journey_mode !== 'multi_pdf' && files.length > 1) {
    say(t('file.one_at_a_time'));
    files = files.slice(0, 1);
  }
  for (const f of files) {
    const entry = { file: f, bank: state.bank ? state.bank.id : '', password: '', row: null };
    entry.row = newRow(f.name, entry.bank);
    if (!/\.pdf$/i.test(f.name) && f.type !== 'application/pdf') {
      failEntry(entry, { code: 'INVALID_FILE_OBJECT', message: 'Not a PDF file' });
      continue;
    }
    state.queue.push(entry);
  }
  pump();
}

/* A row of the statement list: its file name, its state in words (text,
 * a function, so a language switch can say it again), a progress bar, a
 * dismiss button when it failed and a password form when one is asked. */
function newRow(fileName, bank) {
  const li = el('li', 'file');
  li.dataset.bank = bank || '';
  const head = el('div', 'file-head');
  const name = el('p', 'file-name', fileName);
  head.appendChild(name);
  const st = el('p', 'file-state');
  const bar = el('progress');
  bar.max = 100;
  bar.hidden = true;
  li.append(head, st, bar);
  const row = { li: li, head: head, state: st, bar: bar, form: null, dismiss: null, name: fileName, bank: bank || '',
                kind: 'wait', text: () => t('file.waiting') };
  state.rows.push(row);
  $('files').appendChild(li);
  $('files-box').hidden = false;
  renderRow(row);
  return row;
}

export function renderRow(row) {
  row.li.className = 'file' + (row.kind === 'wait' ? '' : ' ' + row.kind);
  row.state.textContent = row.text();
  row.bar.setAttribute('aria-label', t('file.progress', { file: row.name }));
  if (row.dismiss) {
    row.dismiss.firstChild.textContent = t('file.dismiss');
    row.dismiss.lastChild.textContent = ' ' + t('file.dismiss_for', { file: row.name });
  }
  if (row.form) {
    row.form.querySelector('label').textContent = t('pw.label', { file: row.name });
    row.form.querySelector('button[type=submit]').textContent = t('pw.upload');
    const toggle = row.form.querySelector('.pw-toggle');
    toggle.textContent = t('pw.show');
    const bankHint = 'pw.hint.' + row.bank;
    row.form.querySelector('.pw-hint').textContent =
      (I18n.has(bankHint) ? t(bankHint) + ' ' : '') + t('pw.hint.generic');
  }
}

// kind: wait (sending, reading), ok (accepted), ask (its password is
// wanted), bad (refused), stale (refused before a later success).
function setRow(row, kind, text) {
  row.kind = kind;
  row.text = text;
  const dismissible = kind === 'bad' || kind === 'stale' || kind === 'ask';
  if (!dismissible && row.dismiss) { row.dismiss.remove(); row.dismiss = null; }
  if (dismissible && !row.dismiss) addDismiss(row);
  renderRow(row);
}

// A failed row can be dismissed: it leaves the list (its file was not kept).
function addDismiss(row) {
  const b = el('button', 'link-button dismiss');
  b.type = 'button';
  b.append(document.createTextNode(''), el('span', 'visually-hidden'));
  b.addEventListener('click', () => {
    const i = state.rows.indexOf(row);
    if (i >= 0) state.rows.splice(i, 1);
    state.queue = state.queue.filter((e) => e.row !== row);
    const next = row.li.nextElementSibling || row.li.previousElementSibling;
    row.li.remove();
    refreshControls();
    const target = next ? next.querySelector('button, input') : null;
    if (target) target.focus(); else focusHeading($('file-title'));
  });
  row.dismiss = b;
  row.head.appendChild(b);
}

async function pump() {
  if (state.busy) return;
  const entry = state.queue.shift();
  if (!entry) { refreshControls(); return; }
  state.busy = true;
  refreshControls();
  await send(entry);
  state.busy = false;
  refreshControls();
  pump();
}

function send(entry) {
  return new Promise((resolve) => {
    const row = entry.row;
    if (row.form) { row.form.remove(); row.form = null; }
    setRow(row, 'wait', () => t('file.sending', { pct: I18n.percent(0) }));
    row.bar.hidden = false;
    row.bar.value = 0;
    say(t('cue.sending'));
    const fd = new FormData();
    fd.append('file', entry.file, entry.file.name);
    if (entry.bank) fd.append('bank_name', entry.bank);
    if (entry.password) fd.append('pdf_password', entry.password);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/journey/v1/upload');
    xhr.setRequestHeader('Authorization', 'Bearer ' + state.jt);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      const pct = Math.round((e.loaded / e.total) * 100);
      row.bar.value = pct;
      setRow(row, 'wait', () => t('file.sending', { pct: I18n.percent(pct) }));
    };
    xhr.upload.onload = () => {
      setRow(row, 'wait', () => t('file.reading'));
      row.bar.removeAttribute('value');   // indeterminate while the server reads it
      say(t('cue.reading'));
    };
    xhr.onerror = () => {
      failEntry(entry, { code: 'NETWORK', message: 'No connection' });
      resolve();
    };
    xhr.onload = () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      if (xhr.status >= 200 && xhr.status < 300 && data) acceptEntry(entry, data);
      else failEntry(entry, (data && data.error) || { code: 'HTTP_' + xhr.status, message: 'HTTP ' + xhr.status, status: xhr.status });
      resolve();
    };
    xhr.send(fd);
  });
}

export function describeStatement(st) {
  const parts = [];
  if (st.bank_name) parts.push(st.bank_name);
  if (st.masked_account_number) parts.push(t('file.account', { number: maskedLabel(st.masked_account_number) }));
  const months = st.months || [];
  if (months.length) {
    parts.push(months.length > 1
      ? t('file.month_range', { from: monthLabel(months[0]), to: monthLabel(months[months.length - 1]) })
      : monthLabel(months[0]));
  }
  return t('file.added', { details: parts.join(', ') });
}

function acceptEntry(entry, data) {
  const st = data.statement || {};
  const row = entry.row;
  row.bar.hidden = true;
  row.bank = st.bank || row.bank;
  row.li.dataset.bank = row.bank;
  setRow(row, 'ok', () => describeStatement(st));
  // Earlier failures are history now: no longer shown as alarms.
  for (const r of state.rows) if (r.kind === 'bad' && !r.form) setRow(r, 'stale', r.text);
  if (st.bank && !state.banksUsed.includes(st.bank)) state.banksUsed.push(st.bank);
  if (Array.isArray(data.missing_months)) state.info.missing_months = data.missing_months;
  if (typeof data.complete === 'boolean') state.info.complete = data.complete;
  state.info.statements = (state.info.statements || []).concat([st]);
  renderMonths();
  row.li.scrollIntoView({ block: 'nearest' });
  say(t('cue.accepted'));
}

export function addDoneEntry(st) {
  const row = newRow(st.file_name || t('file.statement'), st.bank || '');
  setRow(row, 'ok', () => describeStatement(st));
  if (st.bank && !state.banksUsed.includes(st.bank)) state.banksUsed.push(st.bank);
}

function failEntry(entry, err) {
  const row = entry.row;
  const x = explain(err, entry);
  row.bar.hidden = true;
  setRow(row, x.type || err.code !== 'PASSWORD_INCORRECT' ? 'bad' : 'ask', x.text);
  if (x.type) emitError(x.reason, x.type);
  if (err.code === 'PASSWORD_INCORRECT') askPassword(entry);
  else row.li.scrollIntoView({ block: 'nearest' });
  say(t(err.code === 'PASSWORD_INCORRECT' && !entry.password ? 'cue.needs_password' : 'cue.refused'));
  if (err.code === 'SESSION_EXPIRED' || err.code === 'SESSION_COMPLETED' || err.code === 'SESSION_DELETED') fatalFromError(err, 410);
}

function askPassword(entry) {
  const row = entry.row;
  const form = el('form', 'pw-form');
  const id = 'pw-' + Math.random().toString(36).slice(2);
  const label = el('label', 'field-label');
  label.htmlFor = id;
  // The bank's own password pattern (message catalogue), then where to look.
  const hint = el('p', 'hint pw-hint');
  hint.id = id + '-hint';
  const line = el('div', 'pw-row');
  const field = el('div', 'pw-field');
  const input = el('input');
  input.type = 'password';
  input.id = id;
  input.autocomplete = 'off';
  input.required = true;
  input.setAttribute('aria-describedby', hint.id);
  // Show/hide: a toggle button (aria-pressed), so a long password can be checked.
  const toggle = el('button', 'link-button pw-toggle');
  toggle.type = 'button';
  toggle.setAttribute('aria-pressed', 'false');
  toggle.addEventListener('click', () => {
    const showing = input.type === 'text';
    input.type = showing ? 'password' : 'text';
    toggle.setAttribute('aria-pressed', showing ? 'false' : 'true');
    input.focus();
  });
  field.append(input, toggle);
  const btn = el('button', 'button primary small');
  btn.type = 'submit';
  btn.style.width = 'auto';
  line.append(field, btn);
  form.append(label, hint, line);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!input.value) { input.focus(); return; }
    entry.password = input.value;
    state.queue.push(entry);
    pump();
  });
  row.form = form;
  row.li.appendChild(form);
  renderRow(row);
  input.focus();
  form.scrollIntoView({ block: 'nearest' });
}
