/* The Account Aggregator path: the mobile number, the AA's consent page,
 * then its progress polled until the statements arrive or it fails. */
import { $, I18n, state, t } from './state.js';
import { emitError } from './events.js';
import { dayLabel, el, focusHeading, say, show, showOnly } from './ui.js';
import { api } from './api.js';
import { bankNameOf } from './errors.js';
import { fatalFromError } from './start.js';
import { renderMonths } from './render.js';
import { describeStatement } from './files.js';
import { updateFinish } from './finish.js';

// What the AA step shows lives in state.aa, so a language switch can say
// it again (renderAA); every word comes from the catalogue's aa.* keys.
const AA_FAILED = ['AA_CONSENT_REJECTED', 'AA_CONSENT_EXPIRED', 'AA_CONSENT_REVOKED', 'AA_CONSENT_PAUSED',
  'AA_FI_DENIED', 'AA_FI_TIMEOUT', 'NO_TRANSACTIONS_FROM_AA', 'AA_UNAVAILABLE', 'AA_SIGNATURE_INVALID'];

export function openAA(announce) {
  const info = state.info;
  showOnly('aa-step');
  state.aa = { phase: 'ask', bad: false };
  const m = $('aa-mobile');
  m.value = info.mobile_number || '';
  m.readOnly = !info.mobile_editable;
  m.removeAttribute('aria-invalid');
  $('aa-continue').disabled = false;
  renderAA();
  if (announce) focusHeading($('aa-title'));
}

export function renderAA() {
  const info = state.info;
  const a = state.aa;
  const org = info.org_name || t('org.fallback');
  $('aa-bank').textContent = state.bank ? state.bank.name : '';
  $('aa-what').textContent = t('aa.what', { org: org });
  $('aa-shared-txns').textContent = t('aa.shared.txns', { from: dayLabel(info.from_date), to: dayLabel(info.to_date) });
  $('aa-why').textContent = t('aa.why', { org: org });
  $('aa-mobile-hint').textContent = t(a.bad ? 'aa.mobile.bad' : info.mobile_editable ? 'aa.mobile.hint_edit' : 'aa.mobile.hint_fixed');
  show('aa-ask', a.phase === 'ask');
  show('aa-wait', a.phase === 'wait');
  show('aa-outcome', a.phase === 'outcome');
  let toPdf = 'aa.to_pdf';
  if (a.phase === 'wait') $('aa-wait-text').textContent = t(a.key, { bank: bankLabel(a.status) });
  if (a.phase === 'outcome') {
    const text = $('aa-outcome-text');
    const ok = a.status.state === 'done' && a.shared.length > 0;
    text.className = 'aa-outcome ' + (ok ? 'ok' : 'bad');
    const code = AA_FAILED.includes(a.status.code) ? a.status.code : 'other';
    text.textContent = ok ? t('aa.done', { bank: bankLabel(a.status) })
      : t('aa.failed.' + code) + ' ' + t('aa.fallback');
    const list = $('aa-accounts');
    list.textContent = '';
    for (const st of a.shared) {
      const li = el('li', 'file ok');
      li.dataset.bank = st.bank || '';
      li.appendChild(el('p', 'file-state', describeStatement(st)));
      list.appendChild(li);
    }
    show('aa-retry', !ok);
    if (ok) toPdf = 'aa.add_pdf';
    // more files after a success only in multi_pdf / multi_banking journeys
    show('aa-to-pdf', !ok || !!info.journey_mode);
  } else {
    show('aa-to-pdf', true);
  }
  $('aa-to-pdf').textContent = t(toPdf);
}

function aaWait(key, status) {
  state.aa = { phase: 'wait', key: key, status: status || null };
  renderAA();
}

// 98765 43210, +91 98765-43210, 098765 43210: the ten digits, else ''.
function mobileDigits(v) {
  const d = v.replace(/[\s()+-]/g, '').replace(/^91(?=\d{10}$)/, '').replace(/^0(?=\d{10}$)/, '');
  return /^[6-9]\d{9}$/.test(d) ? d : '';
}

function mobileRefused() {
  state.aa = { phase: 'ask', bad: true };
  $('aa-continue').disabled = false;
  renderAA();
  const m = $('aa-mobile');
  m.setAttribute('aria-invalid', 'true');
  m.focus();
}

export async function continueAA() {
  const digits = mobileDigits($('aa-mobile').value);
  if (!digits) return mobileRefused();
  $('aa-mobile').removeAttribute('aria-invalid');
  $('aa-continue').disabled = true;
  aaWait('aa.opening');
  say(t('aa.opening'));
  const r = await api('POST', '/journey/v1/aa/start', { mobile_number: digits, bank: state.bank ? state.bank.id : null });
  if (!r.ok) {
    if (r.error.code === 'INVALID_MOBILE_NUMBER') return mobileRefused();
    return showAAOutcome({ state: 'failed', code: r.error.code, message: r.error.message }, []);
  }
  I18n.remember(); // the page the AA sends the customer back to speaks the same language
  location.assign(r.data.url); // the AA's page; it sends the customer back to Passbook
}

// Polls the consent's progress until it ends.
export async function followAA() {
  window.clearTimeout(state.aaTimer);
  const r = await api('GET', '/journey/v1/aa/status');
  if (!r.ok) {
    if (r.status === 410 || r.status === 409 || r.status === 401) return fatalFromError(r.error, r.status);
    state.aaTimer = window.setTimeout(followAA, 3000);
    return;
  }
  const aa = r.data.aa;
  if (Array.isArray(r.data.missing_months)) state.info.missing_months = r.data.missing_months;
  if (!aa || aa.state === 'waiting' || aa.state === 'fetching') {
    aaWait(aa && aa.state === 'fetching' ? 'aa.fetching' : 'aa.waiting', aa);
    state.aaTimer = window.setTimeout(followAA, 2000);
    return;
  }
  state.info.statements = r.data.statements || [];
  renderMonths();
  showAAOutcome(aa, state.info.statements);
}

function bankLabel(aa) {
  return (aa && aa.bank_name) || (state.bank && state.bank.name) || bankNameOf(aa && aa.bank);
}

export function showAAOutcome(aa, statements) {
  const shared = statements.filter((s) => s.source === 'aa');
  state.aa = { phase: 'outcome', status: aa, shared: shared };
  renderAA();
  if (aa.state === 'done' && shared.length) {
    for (const st of shared) if (st.bank && !state.banksUsed.includes(st.bank)) state.banksUsed.push(st.bank);
    say(t('cue.aa_shared'));
  } else {
    emitError(aa.message || aa.code || 'AA_FAILED', aa.code || 'AA_FAILED');
    say(t('cue.aa_failed'));
  }
  updateFinish();
  focusHeading($('aa-title'));
}
