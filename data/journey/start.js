/* Start: exchange the link for a journey token, the language switcher,
 * and the dead ends (an expired, deleted or invalid link). */
import { $, I18n, linkLang, sessionId, state, t, urlToken } from './state.js';
import { emitError } from './events.js';
import { el, focusHeading, show } from './ui.js';
import { api } from './api.js';
import { applyBrand, render, renderHeader, renderModes, renderMonths } from './render.js';
import { renderMethod, showBankHint } from './banks.js';
import { renderRow } from './files.js';
import { renderAA } from './aa.js';
import { showDone, updateFinish } from './finish.js';

export async function start() {
  try {
    await I18n.init(linkLang);
  } catch (e) { /* the catalogue could not load: nothing sensible to show */ }
  I18n.apply(document);
  buildLanguages();
  $('exit').hidden = false;
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return fatal('fatal.invalid.title', 'fatal.no_session.text', 'INVALID_SESSION', 'This link is not valid');
  // Back from the Account Aggregator's page: Passbook put a fresh journey
  // token in the fragment (never sent to any server).
  const frag = new URLSearchParams(location.hash.slice(1));
  if (frag.get('jt')) {
    state.jt = frag.get('jt');
    state.aaReturn = frag.get('aa') || '';
  } else {
    const t0 = await api('POST', '/journey/v1/token', { session_id: sessionId, token: urlToken });
    if (!t0.ok) {
      if (t0.brand) applyBrand(t0.brand.name, t0.brand.logo_url, t0.brand.accent);
      return fatalFromError(t0.error, t0.status);
    }
    state.jt = t0.data.journey_token;
  }
  // Drop the token and the fragment from the address bar so they are not
  // shared by accident (the language stays: a reload keeps it).
  try {
    history.replaceState(null, '', location.pathname + '?session_id=' + encodeURIComponent(sessionId) +
      (linkLang ? '&lang=' + encodeURIComponent(linkLang) : ''));
  } catch (e) { /* ignore */ }
  const s = await api('GET', '/journey/v1/session');
  if (!s.ok) return fatalFromError(s.error, s.status);
  state.info = s.data;
  render();
}

// The language switcher: each language by its own name.
function buildLanguages() {
  const sel = $('lang');
  const langs = I18n.languages();
  sel.textContent = '';
  for (const l of langs) {
    const o = el('option', null, l.name);
    o.value = l.code;
    o.lang = l.code;
    sel.appendChild(o);
  }
  sel.value = I18n.code();
  sel.hidden = langs.length < 2;
}

export async function switchLanguage(code) {
  try { await I18n.choose(code); } catch (e) { return; }
  I18n.apply(document);
  $('lang').value = I18n.code();
  if (state.brand && state.brand.logo) $('logo').alt = t('logo.alt', { org: state.brand.name });
  if (state.fatal) showFatal();
  if (state.done) showDone();
  if (state.info) {
    renderHeader();
    renderMonths();
    renderModes();
    if (!$('bank-step').hidden) showBankHint(state.listQuery || '', document.querySelectorAll('#bank-list .bank-option').length);
    for (const row of state.rows) renderRow(row);
    if (!$('method-step').hidden) renderMethod();
    if (state.aa && !$('aa-step').hidden) renderAA();
    updateFinish();
  }
}

export function fatalFromError(err, status) {
  switch (err.code) {
    case 'SESSION_EXPIRED':
      return fatal('fatal.expired.title', 'fatal.ask_new', err.code, err.message);
    case 'SESSION_DELETED':
      return fatal('fatal.deleted.title', 'fatal.ask_new', err.code, err.message);
    case 'SESSION_COMPLETED':
      return fatal('fatal.completed.title', 'fatal.completed.text', err.code, err.message);
    case 'RATE_LIMITED':
      return fatal('fatal.wait.title', 'fatal.wait.text', err.code, err.message);
    case 'NETWORK':
      return fatal('fatal.network.title', 'err.network', err.code, err.message);
    default:
      return fatal('fatal.invalid.title', status >= 500 ? 'fatal.unavailable' : 'fatal.invalid.text', err.code, err.message || 'This link is not valid');
  }
}

function fatal(title, text, code, reason) {
  state.fatal = { title: title, text: text };
  showFatal();
  ['loading', 'layout', 'footer'].forEach((id) => show(id, false));
  show('fatal', true);
  emitError(reason, code || 'ERROR');
  focusHeading($('fatal-title'));
}
function showFatal() {
  $('fatal-title').textContent = t(state.fatal.title);
  $('fatal-text').textContent = t(state.fatal.text);
}
