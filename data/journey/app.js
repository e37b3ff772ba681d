/* Passbook hosted journey: the page a lender's customer opens from the
 * session's redirect_url. Talks only to the session-scoped journey API
 * (docs/journey.md); never sees the lender's API key. Plain modern JS, no
 * build step, no third-party code. */
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  const sessionId = params.get('session_id') || '';
  const urlToken = params.get('token') || '';
  const $ = (id) => document.getElementById(id);
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  const state = {
    jt: '',            // short-lived journey token from POST /journey/v1/token
    info: null,        // GET /journey/v1/session
    bank: null,        // {id, name} the customer is adding statements for
    banksUsed: [],     // bank ids with at least one accepted statement
    queue: [],         // file entries waiting to be sent
    busy: false,       // a file is being sent or read
    finished: false,
    bankTimer: 0,
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
  function monthLabel(ym) {
    const m = /^(\d{4})-(\d{2})$/.exec(ym || '');
    return m ? MONTHS[Number(m[2]) - 1] + ' ' + m[1] : ym;
  }
  function dayLabel(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    return m ? Number(m[3]) + ' ' + MONTHS[Number(m[2]) - 1] + ' ' + m[1] : iso;
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
      return { ok: false, status: 0, error: { code: 'NETWORK', message: 'No connection. Check your internet and try again.' } };
    }
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (res.ok) return { ok: true, status: res.status, data: data || {} };
    const err = (data && data.error) || { code: 'HTTP_' + res.status, message: 'Something went wrong (' + res.status + ').' };
    return { ok: false, status: res.status, error: err };
  }

  /* ---------- failures the customer can act on (FinBox MU codes) ---------- */

  function bankNameOf(id) {
    if (state.bank && state.bank.id === id) return state.bank.name;
    return id ? id.toUpperCase() : 'the chosen bank';
  }

  // Turns an API error into {text, type, reason}: the message shown next to
  // the file, the FinBox error_type, and the reason sent to the parent.
  function explain(err, entry) {
    const type = err.error_type || err.code;
    const info = state.info || {};
    switch (err.code) {
      case 'PASSWORD_INCORRECT':
        return entry.password
          ? { text: 'That password is not right. Check it and try again.', type: 'MU003', reason: 'PDF password incorrect' }
          : { text: 'This PDF is locked with a password. Enter the password to open it.', type: null, reason: null };
      case 'BANK_NAME_MISMATCH':
        return { text: 'This is not a ' + bankNameOf(entry.bank) + ' statement. Choose the matching bank or another file.',
                 type: 'MU004', reason: 'Not ' + (entry.bank || '') + ' statement' };
      case 'PDF_IS_IMAGE':
        return { text: 'This PDF is a scanned image, which cannot be read. Download the statement from your bank as a PDF with text.',
                 type: 'MU006', reason: err.message };
      case 'INVALID_FILE_OBJECT': case 'EMPTY_FILE': case 'UNREADABLE_PDF':
        return { text: 'This file could not be read. It may be damaged or not a PDF.', type: 'MU006', reason: err.message };
      case 'STATEMENT_UNSUPPORTED_FORMAT': case 'BANK_NAME_UNDETECTED':
        return { text: 'This does not look like a bank statement we can read, or the bank is not supported.',
                 type: 'MU020', reason: 'Not a valid statement or bank is not supported' };
      case 'OUT_OF_DATE_RANGE': {
        const range = dayLabel(info.from_date) + ' to ' + dayLabel(info.to_date);
        return { text: 'This statement has no transactions between ' + range + '. Choose a statement for that period.',
                 type: 'MU021', reason: 'Please upload statements within the date range ' + info.from_date + ' to ' + info.to_date };
      }
      case 'STATEMENT_DUPLICATE':
        return { text: 'You already added this statement.', type: 'STATEMENT_DUPLICATE', reason: err.message };
      case 'FILE_TOO_LARGE': case 'PAYLOAD_TOO_LARGE':
        return { text: 'This file is too large.', type: err.code, reason: err.message };
      case 'RATE_LIMITED':
        return { text: 'Too many attempts. Wait a minute, then try again.', type: 'RATE_LIMITED', reason: err.message };
      case 'SESSION_EXPIRED':
        return { text: 'This link has expired.', type: 'SESSION_EXPIRED', reason: err.message };
      default:
        return { text: err.message || 'Something went wrong. Try again.', type: type || 'ERROR', reason: err.message || '' };
    }
  }

  /* ---------- start: exchange the link for a journey token ---------- */

  async function start() {
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return fatal('This link is not valid', 'The link is missing its session. Open the link you were given again.', 'INVALID_SESSION');
    const t = await api('POST', '/journey/v1/token', { session_id: sessionId, token: urlToken });
    if (!t.ok) return fatalFromError(t.error, t.status);
    state.jt = t.data.journey_token;
    // Drop the token from the address bar so it is not shared by accident.
    try { history.replaceState(null, '', location.pathname + '?session_id=' + encodeURIComponent(sessionId)); } catch (e) { /* ignore */ }
    const s = await api('GET', '/journey/v1/session');
    if (!s.ok) return fatalFromError(s.error, s.status);
    state.info = s.data;
    render();
  }

  function fatalFromError(err, status) {
    switch (err.code) {
      case 'SESSION_EXPIRED':
        return fatal('This link has expired', 'Ask for a new link to share your statements.', err.code, err.message);
      case 'SESSION_DELETED':
        return fatal('This link is no longer valid', 'Ask for a new link to share your statements.', err.code, err.message);
      case 'SESSION_COMPLETED':
        return fatal('Already shared', 'Your statements for this link have already been shared. Nothing more is needed.', err.code, err.message);
      case 'RATE_LIMITED':
        return fatal('Please wait a moment', 'Too many attempts. Wait a minute, then open the link again.', err.code, err.message);
      case 'NETWORK':
        return fatal('No connection', err.message, err.code, err.message);
      default:
        return fatal('This link is not valid', status >= 500 ? 'The service is not available right now. Try again later.' : 'Open the link you were given again, or ask for a new one.', err.code, err.message);
    }
  }

  function fatal(title, text, code, reason) {
    $('fatal-title').textContent = title;
    $('fatal-text').textContent = text;
    ['loading', 'intro', 'bank-step', 'file-step', 'footer'].forEach((id) => show(id, false));
    show('fatal', true);
    emitError(reason || title, code || 'ERROR');
    focusHeading($('fatal-title'));
  }

  /* ---------- rendering ---------- */

  function render() {
    const info = state.info;
    show('loading', false);
    if (info.logo_url) {
      const img = $('logo');
      img.src = info.logo_url;
      img.alt = (info.org_name || 'Lender') + ' logo';
      img.hidden = false;
      img.onerror = () => { img.hidden = true; };
    }
    $('brand').textContent = info.org_name || 'Passbook';
    $('period').textContent = 'Statements from ' + dayLabel(info.from_date) + ' to ' + dayLabel(info.to_date);
    renderMonths();
    renderModes();
    show('intro', true);
    show('footer', true);
    for (const st of info.statements || []) addDoneEntry(st);
    if (info.journey_mode === 'multi_pdf') $('file-input').multiple = true;
    if (info.bank) {
      state.bank = info.bank;
      openFiles(false);
    } else if ((info.statements || []).length) {
      const last = info.statements[info.statements.length - 1];
      state.bank = { id: last.bank, name: last.bank_name || last.bank };
      openFiles(false);
    } else {
      openBanks(false);
    }
    updateFinish();
  }

  function renderMonths() {
    const info = state.info;
    const list = $('months');
    list.textContent = '';
    const missing = new Set(info.missing_months || []);
    for (const m of info.expected_months || []) {
      const li = el('li', missing.has(m) ? 'miss' : 'have', monthLabel(m));
      li.setAttribute('aria-label', monthLabel(m) + (missing.has(m) ? ' missing' : ' received'));
      list.appendChild(li);
    }
    $('months-label').textContent = missing.size
      ? 'Months still missing: ' + missing.size + ' of ' + (info.expected_months || []).length
      : 'Every month is covered';
  }

  function renderModes() {
    const m = state.info.modes || {};
    const off = [];
    if (!m.aa) off.push('Account Aggregator');
    if (!m.online) off.push('net banking login');
    const note = $('modes-note');
    if (!off.length) { note.hidden = true; return; }
    let text = 'This service accepts PDF statements only; ' + off.join(' and ') + ' ' + (off.length > 1 ? 'are' : 'is') + ' not available here.';
    if (state.info.mode === 'aa' || state.info.mode === 'online') text = 'You were sent here to use ' + (state.info.mode === 'aa' ? 'Account Aggregator' : 'net banking') + ', which this service does not offer. ' + text;
    note.textContent = text;
    note.hidden = false;
  }

  /* ---------- bank step ---------- */

  function openBanks(announce) {
    show('file-step', false);
    show('bank-step', true);
    const input = $('bank-search');
    input.value = '';
    searchBanks('');
    if (announce !== false) focusHeading($('bank-title'));
  }

  async function searchBanks(q) {
    const r = await api('GET', '/journey/v1/banks?q=' + encodeURIComponent(q) + '&limit=30');
    if ($('bank-search').value !== q) return;   // a newer search is under way
    const list = $('bank-list');
    list.textContent = '';
    if (!r.ok) { $('bank-hint').textContent = explain(r.error, {}).text; return; }
    const banks = r.data.banks || [];
    for (const b of banks) {
      const li = el('li');
      const btn = el('button', 'bank-option', b.name);
      btn.type = 'button';
      btn.addEventListener('click', () => chooseBank({ id: b.id, name: b.name }));
      li.appendChild(btn);
      list.appendChild(li);
    }
    $('bank-hint').textContent = banks.length
      ? (q ? banks.length + (banks.length === 1 ? ' bank matches.' : ' banks match.') + ' Choose yours.' : 'Type a few letters, then choose your bank.')
      : 'No bank matches "' + q + '".';
  }

  function chooseBank(b) {
    state.bank = b;
    emitInfo('bank_selected', b.id);
    openFiles(true);
  }

  /* ---------- file step ---------- */

  function openFiles(announce) {
    const info = state.info;
    show('bank-step', false);
    show('file-step', true);
    $('bank-name').textContent = state.bank ? state.bank.name : '';
    const locked = !!info.bank || (state.banksUsed.length > 0 && info.journey_mode !== 'multi_banking');
    $('change-bank').hidden = locked || state.busy;
    updateDrop();
    emitInfo('manual', 'Manual upload screen opened');
    if (announce) focusHeading($('file-title'));
  }

  // One statement per bank unless the journey is multi_pdf.
  function updateDrop() {
    const info = state.info;
    const accepted = document.querySelectorAll('#files .file.ok[data-bank="' + cssEscape(state.bank ? state.bank.id : '') + '"]').length;
    const more = info.journey_mode === 'multi_pdf' || accepted === 0;
    $('drop').hidden = !more;
    $('file-help').hidden = !more;
    $('add-bank').hidden = !(info.journey_mode === 'multi_banking' && !info.bank && state.banksUsed.length > 0);
  }
  function cssEscape(s) { return (window.CSS && CSS.escape) ? CSS.escape(s) : s.replace(/"/g, '\\"'); }

  function addFiles(fileList) {
    const info = state.info;
    let files = Array.from(fileList || []);
    if (!files.length) return;
    if (info.journey_mode !== 'multi_pdf' && files.length > 1) {
      say('One file at a time here: only the first one is sent.');
      files = files.slice(0, 1);
    }
    for (const f of files) {
      const entry = { file: f, bank: state.bank ? state.bank.id : '', password: '', row: null };
      entry.row = fileRow(entry);
      $('files').appendChild(entry.row.li);
      if (!/\.pdf$/i.test(f.name) && f.type !== 'application/pdf') {
        failEntry(entry, { code: 'INVALID_FILE_OBJECT', message: 'Not a PDF file' });
        continue;
      }
      state.queue.push(entry);
    }
    pump();
  }

  function fileRow(entry) {
    const li = el('li', 'file');
    li.dataset.bank = entry.bank;
    const name = el('p', 'file-name', entry.file.name);
    const st = el('p', 'file-state', 'Waiting…');
    const bar = el('progress');
    bar.max = 100;
    bar.setAttribute('aria-label', 'Progress for ' + entry.file.name);
    bar.hidden = true;
    li.append(name, st, bar);
    return { li: li, state: st, bar: bar, form: null };
  }

  async function pump() {
    if (state.busy) return;
    const entry = state.queue.shift();
    if (!entry) { updateFinish(); return; }
    state.busy = true;
    $('change-bank').hidden = true;
    updateFinish();
    await send(entry);
    state.busy = false;
    openFilesKeepFocus();
    pump();
  }
  function openFilesKeepFocus() {
    const info = state.info;
    const locked = !!info.bank || (state.banksUsed.length > 0 && info.journey_mode !== 'multi_banking');
    $('change-bank').hidden = locked || state.busy;
    updateDrop();
    updateFinish();
  }

  function send(entry) {
    return new Promise((resolve) => {
      const row = entry.row;
      row.li.className = 'file';
      if (row.form) { row.form.remove(); row.form = null; }
      row.state.textContent = 'Sending… 0%';
      row.bar.hidden = false;
      row.bar.value = 0;
      say('Sending the file.');
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
        row.state.textContent = 'Sending… ' + pct + '%';
      };
      xhr.upload.onload = () => {
        row.state.textContent = 'Reading your statement…';
        row.bar.removeAttribute('value');   // indeterminate while the server reads it
        say('Reading the file.');
      };
      xhr.onerror = () => {
        failEntry(entry, { code: 'NETWORK', message: 'No connection. Check your internet and try again.' });
        resolve();
      };
      xhr.onload = () => {
        let data = null;
        try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
        if (xhr.status >= 200 && xhr.status < 300 && data) acceptEntry(entry, data);
        else failEntry(entry, (data && data.error) || { code: 'HTTP_' + xhr.status, message: 'Something went wrong (' + xhr.status + ').' });
        resolve();
      };
      xhr.send(fd);
    });
  }

  function describeStatement(st) {
    const parts = [];
    if (st.bank_name) parts.push(st.bank_name);
    if (st.masked_account_number) parts.push('account ' + st.masked_account_number);
    const months = st.months || [];
    if (months.length) parts.push(monthLabel(months[0]) + (months.length > 1 ? ' to ' + monthLabel(months[months.length - 1]) : ''));
    return 'Added: ' + parts.join(', ');
  }

  function acceptEntry(entry, data) {
    const st = data.statement || {};
    const row = entry.row;
    row.bar.hidden = true;
    row.li.className = 'file ok';
    row.state.textContent = describeStatement(st);
    if (st.bank && !state.banksUsed.includes(st.bank)) state.banksUsed.push(st.bank);
    if (Array.isArray(data.missing_months)) state.info.missing_months = data.missing_months;
    if (typeof data.complete === 'boolean') state.info.complete = data.complete;
    state.info.statements = (state.info.statements || []).concat([st]);
    renderMonths();
    row.li.scrollIntoView({ block: 'nearest' });
    say('File accepted.');
  }

  function addDoneEntry(st) {
    const li = el('li', 'file ok');
    li.dataset.bank = st.bank || '';
    li.append(el('p', 'file-name', st.file_name || 'Statement'), el('p', 'file-state', describeStatement(st)));
    $('files').appendChild(li);
    if (st.bank && !state.banksUsed.includes(st.bank)) state.banksUsed.push(st.bank);
  }

  function failEntry(entry, err) {
    const row = entry.row;
    const x = explain(err, entry);
    row.bar.hidden = true;
    row.li.className = 'file bad';
    row.state.textContent = x.text;
    if (x.type) emitError(x.reason, x.type);
    if (err.code === 'PASSWORD_INCORRECT') askPassword(entry);
    else row.li.scrollIntoView({ block: 'nearest' });
    say(err.code === 'PASSWORD_INCORRECT' && !entry.password ? 'The file needs its password.' : 'File refused; the reason is shown next to it.');
    if (err.code === 'SESSION_EXPIRED' || err.code === 'SESSION_COMPLETED' || err.code === 'SESSION_DELETED') fatalFromError(err, 410);
  }

  function askPassword(entry) {
    const row = entry.row;
    const form = el('form', 'pw-form');
    const id = 'pw-' + Math.random().toString(36).slice(2);
    const label = el('label', 'field-label', 'Password for ' + entry.file.name);
    label.htmlFor = id;
    const line = el('div', 'pw-row');
    const input = el('input');
    input.type = 'password';
    input.id = id;
    input.autocomplete = 'off';
    input.required = true;
    const btn = el('button', 'button primary small', 'Upload');
    btn.type = 'submit';
    btn.style.width = 'auto';
    line.append(input, btn);
    form.append(label, line);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!input.value) { input.focus(); return; }
      entry.password = input.value;
      state.queue.push(entry);
      pump();
    });
    row.form = form;
    row.li.appendChild(form);
    input.focus();
    form.scrollIntoView({ block: 'nearest' });
  }

  /* ---------- finish and exit ---------- */

  function accepted() { return document.querySelectorAll('#files .file.ok').length; }

  function updateFinish() {
    if (!state.info) return;
    const n = accepted();
    const missing = (state.info.missing_months || []).length;
    /* the server's verdict (the lender's acceptance rule), else the months */
    const complete = typeof state.info.complete === 'boolean' ? state.info.complete : !missing;
    $('finish').disabled = state.busy || n === 0 || state.finished;
    let note;
    if (n === 0) note = 'Add at least one statement to continue.';
    else if (state.busy) note = 'Please wait until your file is read.';
    else if (!complete && missing) note = 'Some months are still missing. You can add more statements, or finish with what you have.';
    else if (!complete) note = 'Some days of the period are still missing. You can add more statements, or finish with what you have.';
    else note = 'All months are covered. You are ready to finish.';
    $('finish-note').textContent = note;
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
    say('Finishing.');
    const r = await api('POST', '/journey/v1/submit', {});
    if (!r.ok) {
      const x = explain(r.error, {});
      say('Could not finish.');
      emitError(x.reason, x.type);
      updateFinish();
      $('finish-note').textContent = x.text;
      return;
    }
    state.finished = true;
    emit('success', { sessionId: sessionId, linkId: linkId() });
    conclude('Thank you', 'Your statements were shared. You can close this window.', lenderUrl(true));
  }

  async function exit() {
    if (state.finished) return;
    state.finished = true;
    if (state.jt) api('POST', '/journey/v1/exit', {});  // best effort; the exit itself needs no server
    emit('exit', { linkId: linkId(), message: 'User exited the journey' });
    conclude('You left', 'Nothing more was shared. You can close this window.', lenderUrl(false));
  }

  function conclude(title, text, url) {
    ['intro', 'bank-step', 'file-step', 'footer', 'fatal', 'loading'].forEach((id) => show(id, false));
    $('exit').hidden = true;
    $('done-title').textContent = title;
    $('done-text').textContent = text;
    show('done', true);
    focusHeading($('done-title'));
    if (url && !inFrame) window.setTimeout(() => { location.assign(url); }, 400);
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
        const first = document.querySelector('#bank-list .bank-option');
        if (first) first.click();
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
    $('finish').addEventListener('click', finish);
    $('exit').addEventListener('click', exit);
  }

  document.addEventListener('DOMContentLoaded', () => {
    wire();
    start();
  });
})();
