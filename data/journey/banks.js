/* The bank step (search the catalogue, Enter picks the first), then
 * PDF or Account Aggregator when both are open. */
import { $, state, t } from './state.js';
import { emitInfo } from './events.js';
import { el, focusHeading, showOnly } from './ui.js';
import { api } from './api.js';
import { explain } from './errors.js';
import { openFiles } from './files.js';
import { openAA } from './aa.js';

export function openBanks(announce) {
  showOnly('bank-step');
  const input = $('bank-search');
  input.value = '';
  searchBanks('');
  if (announce !== false) focusHeading($('bank-title'));
}

// Searches the catalogue for q and shows the answer unless the box has
// moved on meanwhile. Returns a promise of the list shown (or not).
export function searchBanks(q) {
  if (state.search && state.search.q === q) return state.search.promise;
  const promise = (async () => {
    const r = await api('GET', '/journey/v1/banks?q=' + encodeURIComponent(q) + '&limit=30');
    if ($('bank-search').value !== q) return false;   // a newer search is under way
    const list = $('bank-list');
    list.textContent = '';
    state.listQuery = q;
    if (!r.ok) { $('bank-hint').textContent = explain(r.error, {}).text(); return true; }
    const banks = r.data.banks || [];
    for (const b of banks) {
      const li = el('li');
      const btn = el('button', 'bank-option', b.name);
      btn.type = 'button';
      btn.addEventListener('click', () => chooseBank({ id: b.id, name: b.name, aa: !!b.aa }));
      li.appendChild(btn);
      list.appendChild(li);
    }
    showBankHint(q, banks.length);
    return true;
  })();
  state.search = { q: q, promise: promise };
  promise.finally(() => { if (state.search && state.search.promise === promise) state.search = null; });
  return promise;
}

export function showBankHint(q, n) {
  $('bank-hint').textContent = n ? (q ? t('bank.matches', { n: n }) : t('bank.hint')) : t('bank.none', { q: q });
}

// Enter picks the first bank of the list for what is in the box now:
// when the list on screen answers an older query (typing faster than the
// search), the search for the box's text runs first and Enter waits.
export async function pickFirstBank() {
  const q = $('bank-search').value;
  if (state.listQuery !== q) {
    window.clearTimeout(state.bankTimer);
    $('bank-hint').textContent = t('bank.searching');
    await searchBanks(q);
    if ($('bank-search').value !== q || state.listQuery !== q) return;
  }
  const first = document.querySelector('#bank-list .bank-option');
  if (first) first.click();
}

function chooseBank(b) {
  state.bank = b;
  emitInfo('bank_selected', b.id);
  chooseMethod(true);
}

/* ---------- PDF or Account Aggregator ---------- */

// The session's mode decides when it can; else the customer chooses,
// where an AA is configured and the bank shares through one.
export function chooseMethod(announce) {
  const info = state.info;
  const aaOk = !!(info.modes && info.modes.aa && state.bank && state.bank.aa);
  if (!aaOk || info.mode === 'pdf' || (state.banksUsed.length && info.mode !== 'aa')) return openFiles(announce);
  if (info.mode === 'aa') return openAA(announce);
  showOnly('method-step');
  renderMethod();
  if (announce) focusHeading($('method-title'));
}
export function renderMethod() {
  $('method-bank').textContent = state.bank ? state.bank.name : '';
}
