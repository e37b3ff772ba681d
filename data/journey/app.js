/* Passbook hosted journey: the page a lender's customer opens from the
 * session's redirect_url. Talks only to the session-scoped journey API
 * (docs/journey.md); never sees the lender's API key. Plain modern JS, no
 * build step, no third-party code. Every word shown comes from the message
 * catalogue through i18n.js (t); the texts here in English are protocol
 * values for the embedding page (FinBox's event reasons), never shown. */
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  const sessionId = params.get('session_id') || '';
  const urlToken = params.get('token') || '';
  const linkLang = params.get('lang') || '';
  const $ = (id) => document.getElementById(id);
  const I18n = window.PassbookI18n;
  const t = I18n.t;

  const state = {
    jt: '',            // short-lived journey token from POST /journey/v1/token
    info: null,        // GET /journey/v1/session
    bank: null,        // {id, name} the customer is adding statements for
    banksUsed: [],     // bank ids with at least one accepted statement
    queue: [],         // file entries waiting to be sent
    busy: false,       // a file is being sent or read
    finished: false,
    bankTimer: 0,
    listQuery: null,   // the query the bank list on screen answers
    search: null,      // the bank search under way: {q, promise}
    rows: [],          // file rows, to re-render their words on a language switch
    brand: null,       // {name, logo} of the lender shown in the header
    fatal: null,       // {title, text} keys of the dead end shown
    done: null,        // {title, text} keys of the closing message
    aaReturn: '',      // the consent the customer just came back from (URL fragment)
    aaTimer: 0,
    aa: null,          // what the AA step shows: {phase: ask|wait|outcome, ...}, re-rendered on a language switch
  };

  /* ---------- events to the embedding page (reference §5.2) ---------- */

  // The parent's origin when we can know it (Chromium: ancestorOrigins;
  // others: the referrer's origin), so events never go to a stranger that
  // navigated the frame. '*' only when the browser tells us nothing.
  function parentOrigin() {
    try {
      if (location.ancestorOrigins && location.ancestorOrigins.length)
        return location.ancestorOrigins[0];
    } catch (e) { /* ignore */ }
    try {
      if (document.referrer) return new URL(document.referrer).origin;
    } catch (e) { /* ignore */ }
    return '*';
  }
  const inFrame = window.parent && window.parent !== window;
  const targetOrigin = inFrame ? parentOrigin() : null;

  function emit(status, payload) {
    if (!inFrame) return;
    try {
      window.parent.postMessage({ type: 'finbox-bankconnect', status: status, payload: payload }, targetOrigin);
    } catch (e) { /* a closed or cross-origin-locked parent: nothing to do */ }
  }
  const linkId = () => (state.info ? state.info.link_id : null);
  const emitInfo = (name, message) => emit('info', { linkId: linkId(), event_name: name, message: message });
  const emitError = (reason, type) => emit('error', { reason: reason, linkId: linkId(), error_type: type });

  /* ---------- small helpers ---------- */

  // The live region only carries short cues that are not on screen in the
  // same words (the visible texts are announced through their own live
  // regions: the file list and the months line), so nothing is said twice.
  function say(text) {
    const s = $('status');
    s.textContent = '';
    // a fresh text node so screen readers announce repeats too
    window.setTimeout(() => { s.textContent = text; }, 30);
  }
  function show(id, on) { $(id).hidden = !on; }
  function focusHeading(el) {
    if (!el) return;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: false });
  }
  const monthLabel = (ym) => I18n.month(ym);
  const dayLabel = (iso) => I18n.day(iso);
  // "XXXXXXXX5914" -> "••5914": the masked part says nothing, the last digits do.
  function maskedLabel(n) {
    const m = /^[Xx*•#-]+\s*(\S+)$/.exec(n || '');
    return m ? '••' + m[1] : (n || '');
  }
  // The last day the journey asks for: to_date, but not past the last
  // expected month (a to_date in a month's first week does not ask for that
  // month: the seed's first-week rule, applied by the server to expected_months).
  function periodEnd(info) {
    const months = info.expected_months || [];
    const last = months[months.length - 1];
    const m = /^(\d{4})-(\d{2})$/.exec(last || '');
    if (!m) return info.to_date;
    const lastDay = new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate();
    const end = m[1] + '-' + m[2] + '-' + String(lastDay).padStart(2, '0');
    return info.to_date && info.to_date < end ? info.to_date : end;
  }
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  async function api(method, path, body) {
    const opts = { method: method, headers: { Accept: 'application/json' }, credentials: 'omit' };
    if (state.jt) opts.headers.Authorization = 'Bearer ' + state.jt;
    if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, opts);
    } catch (e) {
      return { ok: false, status: 0, error: { code: 'NETWORK', message: 'No connection' } };
    }
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (res.ok) return { ok: true, status: res.status, data: data || {} };
    const err = (data && data.error) || { code: 'HTTP_' + res.status, message: 'HTTP ' + res.status, status: res.status };
    return { ok: false, status: res.status, error: err, brand: data && data.brand };
  }

  /* ---------- failures the customer can act on (FinBox MU codes) ---------- */

  function bankNameOf(id) {
    if (state.bank && state.bank.id === id) return state.bank.name;
    return id ? id.toUpperCase() : t('err.the_bank');
  }

  // Turns an API error into {text, type, reason}: text() the message shown
  // next to the file (in the language of the moment), the FinBox error_type,
  // and the reason sent to the parent.
  function explain(err, entry) {
    const type = err.error_type || err.code;
    const info = state.info || {};
    const msg = (key, vars) => () => t(key, vars);
    switch (err.code) {
      case 'PASSWORD_INCORRECT':
        return entry.password
          ? { text: msg('err.password_wrong'), type: 'MU003', reason: 'PDF password incorrect' }
          : { text: msg('err.password_needed'), type: null, reason: null };
      case 'BANK_NAME_MISMATCH': {
        const bank = bankNameOf(entry.bank);
        return { text: () => t('err.bank_mismatch', { bank: bank }), type: 'MU004', reason: 'Not ' + (entry.bank || '') + ' statement' };
      }
      case 'PDF_IS_IMAGE':
        return { text: msg('err.image'), type: 'MU006', reason: err.message };
      case 'INVALID_FILE_OBJECT': case 'EMPTY_FILE': case 'UNREADABLE_PDF':
        return { text: msg('err.unreadable'), type: 'MU006', reason: err.message };
      case 'STATEMENT_UNSUPPORTED_FORMAT': case 'BANK_NAME_UNDETECTED':
        return { text: msg('err.unsupported'), type: 'MU020', reason: 'Not a valid statement or bank is not supported' };
      case 'OUT_OF_DATE_RANGE':
        return { text: () => t('err.out_of_range', { from: dayLabel(info.from_date), to: dayLabel(periodEnd(info)) }),
                 type: 'MU021', reason: 'Please upload statements within the date range ' + info.from_date + ' to ' + info.to_date };
      case 'STATEMENT_DUPLICATE':
        return { text: msg('err.duplicate'), type: 'STATEMENT_DUPLICATE', reason: err.message };
      case 'FILE_TOO_LARGE': case 'PAYLOAD_TOO_LARGE':
        return { text: msg('err.too_large'), type: err.code, reason: err.message };
      case 'RATE_LIMITED':
        return { text: msg('err.rate_limited'), type: 'RATE_LIMITED', reason: err.message };
      case 'SESSION_EXPIRED':
        return { text: msg('err.expired'), type: 'SESSION_EXPIRED', reason: err.message };
      case 'NETWORK':
        return { text: msg('err.network'), type: 'NETWORK', reason: err.message };
      default:
        return { text: err.status ? msg('err.http', { status: String(err.status) }) : msg('err.generic'),
                 type: type || 'ERROR', reason: err.message || '' };
    }
  }

  /* ---------- start: exchange the link for a journey token ---------- */

  async function start() {
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

  async function switchLanguage(code) {
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

  function fatalFromError(err, status) {
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

  /* ---------- rendering ---------- */

  function render() {
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

  function renderHeader() {
    const info = state.info;
    applyBrand(info.org_name, info.logo_url, (info.brand || {}).accent);
    $('period').textContent = t('period', { from: dayLabel(info.from_date), to: dayLabel(periodEnd(info)) });
    renderTrust();
  }

  // The lender's name, logo and accent colour (checked on the server for
  // contrast with white), on every page including the dead ends.
  function applyBrand(name, logo, accent) {
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
  function updateGate() {
    const c = (state.info && state.info.consent) || {};
    const open = !c.checkbox || $('consent-check').checked;
    $('file-input').disabled = !open;
    $('drop').classList.toggle('locked', !open);
  }

  // Records the consent once (the server keeps the first): the wording's
  // version is the server's, the language the one shown now.
  function consent() {
    const c = state.info.consent || {};
    if (c.given) return;
    c.given = true;
    api('POST', '/journey/v1/consent', { language: I18n.code() });
  }

  // Before anything is uploaded the months are what is asked for, not yet
  // "missing"; after, each is received or missing.
  function renderMonths() {
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

  function renderModes() {
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

  /* ---------- bank step ---------- */

  function openBanks(announce) {
    showOnly('bank-step');
    const input = $('bank-search');
    input.value = '';
    searchBanks('');
    if (announce !== false) focusHeading($('bank-title'));
  }

  // Searches the catalogue for q and shows the answer unless the box has
  // moved on meanwhile. Returns a promise of the list shown (or not).
  function searchBanks(q) {
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

  function showBankHint(q, n) {
    $('bank-hint').textContent = n ? (q ? t('bank.matches', { n: n }) : t('bank.hint')) : t('bank.none', { q: q });
  }

  // Enter picks the first bank of the list for what is in the box now:
  // when the list on screen answers an older query (typing faster than the
  // search), the search for the box's text runs first and Enter waits.
  async function pickFirstBank() {
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
  function chooseMethod(announce) {
    const info = state.info;
    const aaOk = !!(info.modes && info.modes.aa && state.bank && state.bank.aa);
    if (!aaOk || info.mode === 'pdf' || (state.banksUsed.length && info.mode !== 'aa')) return openFiles(announce);
    if (info.mode === 'aa') return openAA(announce);
    showOnly('method-step');
    renderMethod();
    if (announce) focusHeading($('method-title'));
  }
  function renderMethod() {
    $('method-bank').textContent = state.bank ? state.bank.name : '';
  }

  function showOnly(id) {
    ['bank-step', 'method-step', 'aa-step', 'file-step'].forEach((x) => show(x, x === id));
  }

  /* ---------- file step ---------- */

  function openFiles(announce) {
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

  function addFiles(fileList) {
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

  function renderRow(row) {
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

  function describeStatement(st) {
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

  function addDoneEntry(st) {
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

  /* ---------- the Account Aggregator path ---------- */

  // What the AA step shows lives in state.aa, so a language switch can say
  // it again (renderAA); every word comes from the catalogue's aa.* keys.
  const AA_FAILED = ['AA_CONSENT_REJECTED', 'AA_CONSENT_EXPIRED', 'AA_CONSENT_REVOKED', 'AA_CONSENT_PAUSED',
    'AA_FI_DENIED', 'AA_FI_TIMEOUT', 'NO_TRANSACTIONS_FROM_AA', 'AA_UNAVAILABLE', 'AA_SIGNATURE_INVALID'];

  function openAA(announce) {
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

  function renderAA() {
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

  async function continueAA() {
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
  async function followAA() {
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

  function showAAOutcome(aa, statements) {
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

  /* ---------- finish and exit ---------- */

  function accepted() {
    const aa = state.aa && state.aa.phase === 'outcome' ? state.aa.shared.length : 0;
    return state.rows.filter((r) => r.kind === 'ok').length + aa;
  }

  function updateFinish() {
    if (!state.info) return;
    const n = accepted();
    const missing = (state.info.missing_months || []).length;
    /* the server's verdict (the lender's acceptance rule), else the months */
    const complete = typeof state.info.complete === 'boolean' ? state.info.complete : !missing;
    $('finish').disabled = state.busy || n === 0 || state.finished;
    let note;
    if (n === 0) note = 'finish.need_one';
    else if (state.busy) note = 'finish.wait';
    else if (!complete && missing) note = 'finish.months_missing';
    else if (!complete) note = 'finish.days_missing';
    else note = 'finish.ready';
    $('finish-note').textContent = t(note);
  }

  function lenderUrl(success) {
    const base = state.info && state.info.redirect_url;
    if (!base) return null;
    let u;
    try { u = new URL(base); } catch (e) { return null; }
    u.searchParams.set('success', success ? 'true' : 'false');
    if (success) u.searchParams.set('session_id', sessionId);
    return u.toString();
  }

  async function finish() {
    if ($('finish').disabled) return;
    $('finish').disabled = true;
    say(t('cue.finishing'));
    const r = await api('POST', '/journey/v1/submit', {});
    if (!r.ok) {
      const x = explain(r.error, {});
      say(t('cue.not_finished'));
      emitError(x.reason, x.type);
      updateFinish();
      $('finish-note').textContent = x.text();
      return;
    }
    state.finished = true;
    emit('success', { sessionId: sessionId, linkId: linkId() });
    conclude('done.thanks.title', 'done.thanks.text', lenderUrl(true));
  }

  async function exit() {
    if (state.finished) return;
    state.finished = true;
    if (state.jt) api('POST', '/journey/v1/exit', {});  // best effort; the exit itself needs no server
    emit('exit', { linkId: linkId(), message: 'User exited the journey' });
    conclude('done.left.title', 'done.left.text', lenderUrl(false));
  }

  function conclude(title, text, url) {
    ['layout', 'footer', 'fatal', 'loading'].forEach((id) => show(id, false));
    $('exit').hidden = true;
    state.done = { title: title, text: text };
    showDone();
    show('done', true);
    focusHeading($('done-title'));
    if (url && !inFrame) window.setTimeout(() => { location.assign(url); }, 400);
  }
  function showDone() {
    $('done-title').textContent = t(state.done.title);
    $('done-text').textContent = t(state.done.text);
  }

  /* ---------- wiring ---------- */

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
})();
