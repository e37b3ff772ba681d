/* The page around the steps: the lender's brand, what happens to the
 * statement (consent), the months asked for, the modes on offer; and
 * the step a (re)opened journey starts at. */
import { $, I18n, state, t } from './state.js';
import { dayLabel, el, monthLabel, periodEnd, show } from './ui.js';
import { api } from './api.js';
import { bankNameOf } from './errors.js';
import { chooseMethod, openBanks } from './banks.js';
import { addDoneEntry, openFiles } from './files.js';
import { followAA, openAA, showAAOutcome } from './aa.js';
import { updateFinish } from './finish.js';

export function render() {
  const info = state.info;
  show('loading', false);
  renderHeader();
  renderMonths();
  renderModes();
  show('layout', true);
  show('footer', true);
  for (const st of info.statements || []) if (st.source !== 'aa') addDoneEntry(st);
  if (info.journey_mode === 'multi_pdf') $('file-input').multiple = true;
  if (info.bank) state.bank = info.bank;
  const aa = info.aa;
  if (aa && (state.aaReturn || aa.state === 'waiting' || aa.state === 'fetching' || aa.state === 'done')) {
    if (!state.bank) state.bank = { id: aa.bank, name: aa.bank_name || bankNameOf(aa.bank), aa: true };
    openAA(false);
    if (aa.state === 'done') showAAOutcome(aa, info.statements || []);
    else followAA();
  } else if (info.bank) {
    chooseMethod(false);
  } else if ((info.statements || []).length) {
    const last = info.statements[info.statements.length - 1];
    state.bank = { id: last.bank, name: last.bank_name || last.bank };
    openFiles(false);
  } else {
    openBanks(false);
  }
  updateFinish();
}

export function renderHeader() {
  const info = state.info;
  applyBrand(info.org_name, info.logo_url, (info.brand || {}).accent);
  $('period').textContent = t('period', { from: dayLabel(info.from_date), to: dayLabel(periodEnd(info)) });
  renderTrust();
}

// The lender's name, logo and accent colour (checked on the server for
// contrast with white), on every page including the dead ends.
export function applyBrand(name, logo, accent) {
  state.brand = { name: name || '', logo: logo || null };
  const img = $('logo');
  if (logo) {
    img.onerror = () => { img.hidden = true; };
    if (img.getAttribute('src') !== logo) img.src = logo;
    img.alt = t('logo.alt', { org: name || '' });
    img.hidden = false;
  }
  $('brand').textContent = name || '';
  if (accent && /^#[0-9a-f]{6}$/i.test(accent)) {
    const root = document.documentElement.style;
    root.setProperty('--brand', accent);
    root.setProperty('--brand-dark', darker(accent));
  }
}
// The accent 20% towards black, for hover.
function darker(hex) {
  const n = parseInt(hex.slice(1), 16);
  const c = (shift) => Math.round(((n >> shift) & 255) * 0.8);
  return '#' + [c(16), c(8), c(0)].map((v) => v.toString(16).padStart(2, '0')).join('');
}

// What happens to the statement, before a file is chosen: who sees it,
// read-only, how long it is kept, how to withdraw, the privacy policy;
// choosing a file is the consent, or ticking the box when the lender
// asks for one.
function renderTrust() {
  const info = state.info;
  const org = info.org_name || t('org.fallback');
  const c = info.consent || {};
  const b = info.brand || {};
  $('trust-who').textContent = t('trust.who', { org: org });
  $('trust-only').textContent = t('trust.only', { org: org });
  $('trust-retention').textContent = t('trust.retention', { n: c.retention_days || 30, org: org });
  $('trust-withdraw').textContent = t('trust.withdraw', { org: org });
  const link = $('trust-privacy');
  if (b.privacy_url && /^https?:\/\//i.test(b.privacy_url)) {
    link.href = b.privacy_url;
    link.textContent = t('trust.privacy', { org: org });
    link.hidden = false;
  }
  $('trust-act').textContent = t('trust.act', { org: org });
  $('trust-act').hidden = !!c.checkbox;
  $('consent-label').textContent = t('trust.checkbox', { org: org });
  $('consent-box').hidden = !c.checkbox;
  if (c.checkbox && c.given) $('consent-check').checked = true;
  updateGate();
}

// With the lender's checkbox, the file chooser waits for the tick.
export function updateGate() {
  const c = (state.info && state.info.consent) || {};
  const open = !c.checkbox || $('consent-check').checked;
  $('file-input').disabled = !open;
  $('drop').classList.toggle('locked', !open);
}

// Records the consent once (the server keeps the first): the wording's
// version is the server's, the language the one shown now.
export function consent() {
  const c = state.info.consent || {};
  if (c.given) return;
  c.given = true;
  api('POST', '/journey/v1/consent', { language: I18n.code() });
}

// Before anything is uploaded the months are what is asked for, not yet
// "missing"; after, each is received or missing.
export function renderMonths() {
  const info = state.info;
  const list = $('months');
  list.textContent = '';
  const expected = info.expected_months || [];
  const started = (info.statements || []).length > 0;
  const missing = new Set(info.missing_months || []);
  for (const m of expected) {
    const cls = !started ? 'todo' : missing.has(m) ? 'miss' : 'have';
    const li = el('li', cls, monthLabel(m));
    li.setAttribute('aria-label', t(cls === 'todo' ? 'month.needed' : cls === 'miss' ? 'month.missing' : 'month.received', { month: monthLabel(m) }));
    list.appendChild(li);
  }
  $('months-label').textContent = !started ? t('months.needed', { n: expected.length })
    : missing.size ? t('months.missing', { n: missing.size, total: expected.length })
    : t('months.all');
}

export function renderModes() {
  const m = state.info.modes || {};
  const note = $('modes-note');
  const mode = state.info.mode;
  // With an AA, only a session sent for net banking hears what is missing.
  const key = !m.aa && !m.online ? 'modes.pdf_only.both' : !m.aa ? 'modes.pdf_only.aa' : mode === 'online' ? 'modes.no_online' : null;
  if (!key) { note.hidden = true; return; }
  let text = t(key);
  if ((mode === 'aa' && !m.aa) || mode === 'online') text = t('modes.sent.' + mode) + ' ' + text;
  note.textContent = text;
  note.hidden = false;
}
