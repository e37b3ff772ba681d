/* Passbook hosted journey: the page a lender's customer opens from the
 * session's redirect_url. Talks only to the session-scoped journey API
 * (docs/journey.md); never sees the lender's API key. Plain modern JS in
 * ES modules, no build step, no third-party code; this one wires the
 * page's controls and starts the journey, the others hold one concept
 * each (state, events, ui, api, errors, start, render, banks, files, aa,
 * finish). Every word shown comes from the message catalogue through
 * i18n.js (t); the texts in English in events.js, errors.js and finish.js
 * are protocol values for the embedding page (FinBox's event reasons),
 * never shown. */
import { $, state } from './state.js';
import { emitInfo } from './events.js';
import { start, switchLanguage } from './start.js';
import { consent, updateGate } from './render.js';
import { openBanks, pickFirstBank, searchBanks } from './banks.js';
import { addFiles, openFiles } from './files.js';
import { continueAA, openAA } from './aa.js';
import { exit, finish } from './finish.js';

function wire() {
  $('bank-search').addEventListener('input', (e) => {
    window.clearTimeout(state.bankTimer);
    const q = e.target.value;
    state.bankTimer = window.setTimeout(() => searchBanks(q), 150);
  });
  $('bank-search').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      pickFirstBank();
    } else if (e.key === 'ArrowDown') {
      const first = document.querySelector('#bank-list .bank-option');
      if (first) { e.preventDefault(); first.focus(); }
    }
  });
  $('bank-list').addEventListener('keydown', (e) => {
    const opts = Array.from(document.querySelectorAll('#bank-list .bank-option'));
    const i = opts.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' && i + 1 < opts.length) { e.preventDefault(); opts[i + 1].focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? opts[i - 1] : $('bank-search')).focus(); }
  });
  $('change-bank').addEventListener('click', () => {
    emitInfo('manual_upload_back', 'Back to bank selection');
    openBanks(true);
  });
  $('add-bank').addEventListener('click', () => {
    emitInfo('manual_upload_back', 'Adding another bank');
    openBanks(true);
  });
  $('file-input').addEventListener('change', (e) => {
    addFiles(e.target.files);
    e.target.value = '';
  });
  const drop = $('drop');
  ['dragenter', 'dragover'].forEach((t) => drop.addEventListener(t, (e) => {
    e.preventDefault();
    drop.classList.add('over');
  }));
  ['dragleave', 'drop'].forEach((t) => drop.addEventListener(t, () => drop.classList.remove('over')));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    if (e.dataTransfer) addFiles(e.dataTransfer.files);
  });
  // A file dropped outside the drop zone must not navigate away from the journey.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
  $('lang').addEventListener('change', (e) => switchLanguage(e.target.value));
  $('consent-check').addEventListener('change', () => {
    updateGate();
    if ($('consent-check').checked) consent();
  });
  $('finish').addEventListener('click', finish);
  $('exit').addEventListener('click', exit);
  $('choose-aa').addEventListener('click', () => openAA(true));
  $('choose-pdf').addEventListener('click', () => openFiles(true));
  $('aa-continue').addEventListener('click', continueAA);
  $('aa-mobile').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); continueAA(); } });
  $('aa-retry').addEventListener('click', () => openAA(true));
  $('aa-to-pdf').addEventListener('click', () => {
    window.clearTimeout(state.aaTimer);
    openFiles(true);
  });
}

document.addEventListener('DOMContentLoaded', () => {
  wire();
  start();
});
