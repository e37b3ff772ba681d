// The lender console (docs/console.md): a small hash-routed page over the
// console API. Every element is built with the DOM (never innerHTML), so
// statement text cannot run as markup, and no script or style is inline,
// so the page works under a strict Content-Security-Policy.
'use strict';
(function () {
  const F = window.PBFormat;
  const main = document.getElementById('main');
  const status = document.getElementById('status');
  let me = null;
  const charts = [];

  // ---- small helpers ----

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v === true) e.setAttribute(k, '');
      else e.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function say(msg) { status.textContent = msg; }
  // What the console shows of an id: its last 8 characters, random in every
  // id (a session id begins with its creation time; src/util/secret.h).
  function shortId(id) { return id.slice(-8); }

  class ApiError extends Error {
    constructor(r, body) {
      super((body && body.error && body.error.message) || ('HTTP ' + r.status));
      this.status = r.status;
      this.code = body && body.error && body.error.code;
    }
  }

  async function api(path, opts = {}) {
    const headers = { Accept: 'application/json' };
    if (opts.method && opts.method !== 'GET') {
      headers['X-CSRF-Token'] = me ? me.csrf : '';
      if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    }
    const r = await fetch('/console/api/' + path, {
      method: opts.method || 'GET', headers, credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    if (r.status === 401) {
      location.href = '/console/login';
      throw new ApiError(r, null);
    }
    const body = await r.json().catch(() => null);
    if (!r.ok) throw new ApiError(r, body);
    return body;
  }

  function parseHash() {
    const h = location.hash.replace(/^#/, '') || '/';
    const [path, query] = h.split('?');
    return { parts: path.split('/').filter(Boolean), params: new URLSearchParams(query || '') };
  }

  function setView(title, ...nodes) {
    for (const c of charts.splice(0)) c.destroy();
    main.replaceChildren(...nodes.flat().filter((n) => n !== "" && n !== null));
    document.title = title + ' · Passbook console';
    for (const a of document.querySelectorAll('[data-nav]')) a.removeAttribute('aria-current');
  }

  function showError(e) {
    setView('Error', el('div', { class: 'card error-card', role: 'alert' },
      el('h1', { text: e.status === 404 || e.status === 410 ? 'Not found' : 'Something went wrong' }),
      el('p', { text: e.message }), el('p', {}, el('a', { href: '#/', text: 'Back to sessions' }))));
  }

  function badge(text, kind) { return el('span', { class: 'badge ' + (kind || text || '') }, text || '—'); }

  function masked(acct) { return acct ? '•• ' + String(acct).slice(-4) : ''; }

  // ---- the sessions list ----

  const STATUSES = ['', 'open', 'processing', 'completed', 'failed', 'expired'];

  async function sessionsView(params) {
    const q = params.get('q') || '', st = params.get('status') || '', fraud = params.get('fraud') === '1';
    const page = Math.max(1, Number(params.get('page')) || 1);
    const form = el('form', { class: 'filters', role: 'search' },
      el('label', { for: 'q', text: 'Search' }),
      el('input', { id: 'q', name: 'q', type: 'search', value: q, placeholder: 'link_id, session id or holder name' }),
      el('label', { for: 'status-filter', text: 'Status' }),
      el('select', { id: 'status-filter', name: 'status' },
        STATUSES.map((s) => el('option', { value: s, selected: s === st }, s || 'any'))),
      el('label', { class: 'check' }, el('input', { id: 'fraud-filter', type: 'checkbox', name: 'fraud', checked: fraud }),
        'fraud flags only'),
      el('button', { type: 'submit', class: 'primary', text: 'Search' }));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const p = new URLSearchParams();
      if (form.q.value.trim()) p.set('q', form.q.value.trim());
      if (form.status.value) p.set('status', form.status.value);
      if (form.fraud.checked) p.set('fraud', '1');
      location.hash = '#/?' + p.toString();
    });
    const table = el('table', { class: 'list', id: 'sessions' },
      el('caption', { class: 'visually-hidden', text: 'Sessions' }),
      el('thead', {}, el('tr', {}, ['Link ID', 'Holders', 'Banks', 'Status', 'Created', 'Score', 'Fraud']
        .map((h) => el('th', { scope: 'col', text: h })))));
    const tbody = el('tbody');
    table.append(tbody);
    const pager = el('nav', { class: 'pager', 'aria-label': 'Pages' });
    setView('Sessions', el('h1', { text: 'Sessions' }), form, el('div', { class: 'table-wrap' }, table), pager);
    document.querySelector('[data-nav=sessions]').setAttribute('aria-current', 'page');
    const qs = new URLSearchParams({ page: String(page) });
    if (q) qs.set('q', q);
    if (st) qs.set('status', st);
    if (fraud) qs.set('fraud', '1');
    const data = await api('sessions?' + qs.toString());
    if (!data.sessions.length)
      tbody.append(el('tr', {}, el('td', { colspan: 7, class: 'muted', text: 'No sessions match.' })));
    for (const s of data.sessions) {
      const fraudCount = s.accounts.reduce((n, a) => n + (a.fraud_count || 0), 0);
      const scores = s.accounts.map((a) => a.score).filter((x) => x !== null && x !== undefined);
      tbody.append(el('tr', {},
        el('td', {}, el('a', { href: '#/sessions/' + s.session_id, class: 'session-link' }, s.link_id || shortId(s.session_id))),
        el('td', { text: [...new Set(s.accounts.map((a) => a.name).filter(Boolean))].join(', ') || '—' }),
        el('td', { text: [...new Set(s.accounts.map((a) => a.bank).filter(Boolean))].join(', ').toUpperCase() || '—' }),
        el('td', {}, badge(s.status)),
        el('td', { text: F.dateTime(s.created_at) }),
        el('td', { class: 'num', text: scores.length ? scores.join(' / ') : '—' }),
        el('td', {}, fraudCount ? badge(fraudCount + ' flag' + (fraudCount > 1 ? 's' : ''), 'bad') : '—')));
    }
    const link = (p, text) => {
      const ps = new URLSearchParams(params);
      ps.set('page', String(p));
      return el('a', { href: '#/?' + ps.toString(), text });
    };
    pager.append(page > 1 ? link(page - 1, '← Newer') : '',
      el('span', { class: 'muted', text: ' ' + F.count(data.total) + ' sessions · page ' + page + ' ' }),
      data.has_more ? link(page + 1, 'Older →') : '');
    say(F.count(data.total) + ' sessions');
  }

  // ---- one session ----

  function monthly(d, key) {
    const m = (d.monthly_analysis || {})[key] || {};
    return Object.keys(m).map((k) => [F.monthKey(k), m[k]]).sort();
  }

  function figure(label, value, sub, onClick, id) {
    const body = [el('span', { class: 'fig-label', text: label }), el('span', { class: 'fig-value', text: value }),
      sub ? el('span', { class: 'fig-sub', text: sub }) : ''];
    return onClick
      ? el('button', { type: 'button', class: 'figure', onclick: onClick, 'data-figure': id }, ...body)
      : el('div', { class: 'figure', 'data-figure': id }, ...body);
  }

  // The transaction table of one account, with its filters; returns
  // {node, show(filter)} so figures and charts can drill into it.
  function transactionsTable(txns) {
    const channels = [...new Set(txns.map((t) => t.transaction_channel).filter(Boolean))].sort();
    const categories = [...new Set(txns.map((t) => t.category).filter(Boolean))].sort();
    const months = [...new Set(txns.map((t) => t.date.slice(0, 7)))].sort();
    const id = 't' + Math.random().toString(36).slice(2, 8);
    const search = el('input', { type: 'search', id: id + '-q', placeholder: 'narration, amount, cheque no.' });
    const sel = (name, opts, fmt) => el('select', { id: id + '-' + name, name },
      el('option', { value: '' }, 'any'), opts.map((o) => el('option', { value: o }, fmt ? fmt(o) : o)));
    const type = sel('type', ['credit', 'debit']);
    const channel = sel('channel', channels);
    const category = sel('category', categories);
    const month = sel('month', months, F.monthLabel);
    const hashes = { set: null, label: '' };
    const clear = el('button', { type: 'button', class: 'link', hidden: true, text: 'Show all transactions' });
    const note = el('p', { class: 'muted txn-count', role: 'status' });
    const tbody = el('tbody');
    const table = el('table', { class: 'list txns' },
      el('thead', {}, el('tr', {}, ['Date', 'Narration', 'Channel', 'Category', 'Debit', 'Credit', 'Balance']
        .map((h) => el('th', { scope: 'col', text: h })))), tbody);
    const LIMIT = 300;
    function render() {
      const q = search.value.trim().toLowerCase();
      const rows = txns.filter((t) => (!type.value || t.transaction_type === type.value) &&
        (!channel.value || t.transaction_channel === channel.value) &&
        (!category.value || t.category === category.value) &&
        (!month.value || t.date.startsWith(month.value)) &&
        (!hashes.set || hashes.set.has(t.hash)) &&
        (!q || (t.transaction_note || '').toLowerCase().includes(q) || String(t.amount).includes(q) ||
          (t.chq_num || '').includes(q)));
      tbody.replaceChildren(...rows.slice(0, LIMIT).map((t) => el('tr', { 'data-hash': t.hash },
        el('td', { class: 'nowrap', text: F.date(t.date) }),
        el('td', { class: 'narration', text: t.transaction_note || '' }),
        el('td', { text: (t.transaction_channel || '').replace(/_/g, ' ') }),
        el('td', { text: t.category || '' }),
        el('td', { class: 'num', text: t.transaction_type === 'debit' ? F.rupees(t.amount) : '' }),
        el('td', { class: 'num', text: t.transaction_type === 'credit' ? F.rupees(t.amount) : '' }),
        el('td', { class: 'num', text: F.rupees(t.balance) }))));
      const filtered = rows.length !== txns.length;
      note.textContent = (filtered ? F.count(rows.length) + ' of ' : '') + F.count(txns.length) + ' transactions' +
        (hashes.set ? ' · ' + hashes.label : '') + (rows.length > LIMIT ? ' (first ' + LIMIT + ' shown)' : '');
      clear.hidden = !filtered;
    }
    for (const c of [type, channel, category, month]) c.addEventListener('change', render);
    search.addEventListener('input', render);
    clear.addEventListener('click', () => {
      for (const c of [type, channel, category, month, search]) c.value = '';
      hashes.set = null;
      render();
    });
    const lbl = (c, text) => el('label', { for: c.id, text });
    const node = el('section', { class: 'txn-section', 'aria-label': 'Transactions' },
      el('h3', { text: 'Transactions' }),
      el('div', { class: 'filters' }, lbl(search, 'Search'), search, lbl(type, 'Type'), type, lbl(channel, 'Channel'),
        channel, lbl(category, 'Category'), category, lbl(month, 'Month'), month, clear),
      note, el('div', { class: 'table-wrap' }, table));
    render();
    return {
      node,
      show(f) {
        for (const c of [type, channel, category, month, search]) c.value = '';
        hashes.set = f.hashes ? new Set(f.hashes) : null;
        hashes.label = f.label || '';
        if (f.type) type.value = f.type;
        if (f.channel) channel.value = f.channel;
        if (f.month) month.value = f.month;
        render();
        node.scrollIntoView({ block: 'start' });
        say(note.textContent);
      },
    };
  }

  function chartCard(title, build, caption) {
    const canvas = el('canvas', { role: 'img', 'aria-label': title });
    const card = el('figure', { class: 'chart' }, el('figcaption', { text: title }), el('div', { class: 'chart-box' }, canvas),
      caption || '');
    requestAnimationFrame(() => {
      const c = new window.Chart(canvas, build());
      charts.push(c);
    });
    return card;
  }

  const AXIS = { beginAtZero: true, ticks: { callback: (v) => F.rupeesShort(v) } };
  const TOOLTIP = { callbacks: { label: (ctx) => ctx.dataset.label + ': ' + F.rupees(ctx.parsed.y) } };

  function chartsFor(d, txns) {
    const inflow = monthly(d, 'amt_credit'), outflow = monthly(d, 'amt_debit');
    const months = inflow.map(([k]) => k);
    const out = [];
    out.push(chartCard('Monthly inflow and outflow', () => ({
      type: 'bar',
      data: {
        labels: months.map(F.monthLabel),
        datasets: [{ label: 'Inflow', data: inflow.map(([, v]) => v), backgroundColor: '#1d7a46' },
          { label: 'Outflow', data: outflow.map(([, v]) => v), backgroundColor: '#b3261e' }],
      },
      options: {
        animation: false, maintainAspectRatio: false, scales: { y: AXIS }, plugins: { tooltip: TOOLTIP },
        onClick: (ev, els) => { if (els.length) txns.show({ month: months[els[0].index] }); },
        onHover: (ev, els) => { ev.native.target.style.cursor = els.length ? 'pointer' : 'default'; },
      },
    }), el('div', { class: 'month-links' }, el('span', { class: 'muted', text: 'Transactions of ' }),
      months.map((m) => el('button', { type: 'button', class: 'link month-link', 'data-month': m,
        onclick: () => txns.show({ month: m }) }, F.monthLabel(m))))));
    const eodDoc = d.eod_balances || {};
    const eod = (eodDoc.Months_order || []).map((k) => [F.monthKey(k), eodDoc[k] || []]);
    const eodLabels = [], eodData = [];
    for (const [m, days] of eod) {
      days.forEach((v, i) => { eodLabels.push(String(i + 1).padStart(2, '0') + ' ' + F.monthLabel(m)); eodData.push(v); });
    }
    out.push(chartCard('End-of-day balance', () => ({
      type: 'line',
      data: { labels: eodLabels, datasets: [{ label: 'Balance', data: eodData, borderColor: '#1f5fbf', pointRadius: 0,
        borderWidth: 1.5, fill: false }] },
      options: { animation: false, maintainAspectRatio: false, scales: { y: AXIS, x: { ticks: { maxTicksLimit: 8 } } },
        plugins: { tooltip: TOOLTIP, legend: { display: false } } },
    })));
    const salary = monthly(d, 'amt_salary_credit'), emi = monthly(d, 'amt_emi_debit');
    out.push(chartCard('Salary and EMI by month', () => ({
      type: 'bar',
      data: {
        labels: months.map(F.monthLabel),
        datasets: [{ label: 'Salary', data: months.map((m) => (salary.find(([k]) => k === m) || [0, 0])[1]),
          backgroundColor: '#2f8f5b' },
        { label: 'EMI', data: months.map((m) => (emi.find(([k]) => k === m) || [0, 0])[1]), backgroundColor: '#c77700' }],
      },
      options: { animation: false, maintainAspectRatio: false, scales: { y: AXIS }, plugins: { tooltip: TOOLTIP } },
    })));
    const cats = (d.expense_categories || []).filter((c) => c.percentage > 0);
    const PALETTE = ['#1f5fbf', '#1d7a46', '#c77700', '#b3261e', '#6b4fbb', '#0f7c8c', '#8a6d3b', '#5b6675', '#d0508a', '#3a7d2c'];
    out.push(chartCard('Spending by category', () => ({
      type: 'doughnut',
      data: { labels: cats.map((c) => c.category), datasets: [{ data: cats.map((c) => c.percentage),
        backgroundColor: cats.map((_, i) => PALETTE[i % PALETTE.length]) }] },
      options: { animation: false, maintainAspectRatio: false,
        plugins: { legend: { position: 'right' }, tooltip: { callbacks: { label: (c) => c.label + ': ' + c.parsed + '%' } } } },
    })));
    return el('div', { class: 'charts' }, out);
  }

  function keyFigures(d, txns) {
    const p = d.predictors || {};
    const num = (v) => (v === null || v === undefined || v === '' ? null : Number(v));
    const income = num(p.avg_monthly_income), obligation = num(p.obligation);
    const foir = income && obligation !== null ? obligation / income : null;
    const salaryTx = d.salary_transactions || [], lenderTx = d.lender_transactions || [];
    const bounceTx = d.bounced_or_penal_transactions || [];
    const employer = (salaryTx.find((t) => t.unclean_merchant) || {}).unclean_merchant || '';
    const salaryAvg = salaryTx.length ? salaryTx.reduce((s, t) => s + t.amount, 0) / salaryTx.length : null;
    const show = (list, label) => () => txns.show({ hashes: list.map((t) => t.hash), label });
    return el('div', { class: 'figures' },
      figure('Score', d.score === undefined || d.score === null ? '—' : String(d.score), 'out of 900', null, 'score'),
      figure('Average monthly income', F.rupees(income), 'income credits per month',
        () => txns.show({ type: 'credit', label: 'credits' }), 'income'),
      figure('Salary', salaryAvg === null ? 'None found' : F.rupees(salaryAvg),
        salaryTx.length ? salaryTx.length + ' credits' + (employer ? ' · ' + employer : '') : 'no salary credits',
        salaryTx.length ? show(salaryTx, 'salary credits') : null, 'salary'),
      figure('Obligations', F.rupees(obligation), 'EMIs and loan payments per month',
        lenderTx.length ? show(lenderTx, 'lender transactions') : null, 'obligations'),
      figure('FOIR', foir === null ? '—' : F.percent(foir), 'obligations / income', null, 'foir'),
      figure('Average daily balance', F.rupees(num(p.avg_daily_closing_balance)), 'end-of-day balances', null, 'balance'),
      figure('Bounces and penalties', F.count(bounceTx.length), bounceTx.length ? 'see the transactions' : 'none',
        bounceTx.length ? show(bounceTx, 'bounces and penalties') : null, 'bounces'));
  }

  function scoreFactors(d) {
    const f = d.score_factors || [];
    if (!f.length) return '';
    return el('details', { class: 'factors' }, el('summary', { text: 'How the score of ' + d.score + ' is made' }),
      el('table', { class: 'list' }, el('thead', {}, el('tr', {}, ['Factor', 'Rule', 'Value', 'Points']
        .map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, f.map((x) => el('tr', {}, el('td', { text: x.factor.replace(/_/g, ' ') }), el('td', { text: x.rule }),
        el('td', { class: 'num', text: typeof x.value === 'number' ? x.value.toFixed(2) : String(x.value) }),
        el('td', { class: 'num', text: String(x.points) }))))));
  }

  function fraudSection(d, stmts, txns) {
    const f = d.fraud || [];
    const auth = d.authenticity || {};
    const byId = Object.fromEntries(stmts.map((s) => [s.statement_id, s]));
    const all = d.transactions || [];
    const items = f.map((x) => {
      const s = byId[x.statement_id];
      const t = x.transaction_hash ? all.find((y) => y.hash === x.transaction_hash) : null;
      return el('li', { class: 'fraud-item' },
        el('strong', { text: x.fraud_type.replace(/_/g, ' ') }), ' — ', x.words,
        el('div', { class: 'evidence muted' }, 'Evidence: ', s ? 'statement ' + (s.file_name || shortId(s.statement_id)) : '',
          t ? el('button', { type: 'button', class: 'link', onclick: () => txns.show({ hashes: [t.hash], label: 'flagged transaction' }) },
            ' · transaction of ' + F.date(t.date) + ', ' + F.rupees(t.amount)) : ''));
    });
    return el('section', { class: 'fraud ' + (f.length ? 'has-fraud' : 'clean'), 'aria-label': 'Fraud checks' },
      el('h3', { text: f.length ? 'Fraud flags (' + f.length + ')' : 'Fraud checks: nothing found' }),
      f.length ? el('ul', {}, items) : '',
      auth.reasons && auth.reasons.length
        ? el('p', { class: 'muted' }, 'Authenticity ' + auth.score + '/100: ' + auth.reasons.join('; ')) : '');
  }

  function statementsTable(sid, stmts) {
    return el('details', { class: 'statements', open: true }, el('summary', { text: 'Statements (' + stmts.length + ')' }),
      el('div', { class: 'table-wrap' }, el('table', { class: 'list' },
        el('thead', {}, el('tr', {}, ['File', 'Period', 'Pages', 'Outcome', 'Balances', 'Uploaded', '']
          .map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, stmts.map((s) => el('tr', {},
          el('td', { text: s.file_name || (s.source === 'aa' ? 'Account Aggregator' : '—') }),
          el('td', { class: 'nowrap', text: F.date(s.from_date) + ' – ' + F.date(s.to_date) }),
          el('td', { class: 'num', text: String(s.pages || '') }),
          el('td', {}, badge(s.status), s.error_message ? el('div', { class: 'muted', text: s.error_message }) : ''),
          el('td', { text: s.balances_reconcile ? 'reconcile' : 'do not reconcile' }),
          el('td', { class: 'nowrap', text: F.dateTime(s.uploaded_at) }),
          el('td', {}, s.pdf_available ? el('a', { href: '/console/api/sessions/' + sid + '/statements/' + s.statement_id + '/pdf',
            class: 'download', text: 'PDF' }) : '')))))));
  }

  function accountSection(sid, a, i) {
    const d = a.data || {};
    const txns = transactionsTable(d.transactions || []);
    const title = [a.bank_name || (a.bank || '').toUpperCase(), masked(a.account_number), a.name].filter(Boolean).join(' · ');
    return el('section', { class: 'card account', id: 'account-' + a.account_id, 'aria-labelledby': 'acct-h-' + i },
      el('div', { class: 'account-head' },
        el('h2', { id: 'acct-h-' + i, text: title || 'Account ' + (i + 1) }),
        el('a', { class: 'button download no-print', href: '/console/api/sessions/' + sid + '/xlsx?account_id=' + a.account_id,
          text: 'Download XLSX' })),
      el('p', { class: 'muted' }, [a.account_category, a.ifsc, a.account_number].filter(Boolean).join(' · ')),
      a.status !== 'completed' && a.error_message ? el('p', { class: 'warn', text: a.error_message }) : '',
      keyFigures(d, txns), scoreFactors(d), fraudSection(d, a.statements || [], txns),
      chartsFor(d, txns), statementsTable(sid, a.statements || []), el('div', { class: 'no-print' }, txns.node));
  }

  async function webhooksSection(sid) {
    const box = el('section', { class: 'card no-print', 'aria-label': 'Webhook deliveries' }, el('h2', { text: 'Webhook deliveries' }));
    let data;
    try {
      data = await api('sessions/' + sid + '/webhooks');
    } catch (e) {
      box.append(el('p', { class: 'error', text: e.message }));
      return box;
    }
    if (!data.deliveries.length) {
      box.append(el('p', { class: 'muted', text: 'No webhooks were sent for this session.' }));
      return box;
    }
    const msg = el('p', { class: 'muted', role: 'status' });
    box.append(el('div', { class: 'table-wrap' }, el('table', { class: 'list', id: 'deliveries' },
      el('thead', {}, el('tr', {}, ['Event', 'Status', 'Attempts', 'Created', 'Last answer', '']
        .map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, data.deliveries.map((d) => el('tr', {},
        el('td', { text: d.event_name }), el('td', {}, badge(d.status)), el('td', { class: 'num', text: String(d.attempts) }),
        el('td', { class: 'nowrap', text: F.dateTime(d.created_at) }),
        el('td', { text: d.response_code ? 'HTTP ' + d.response_code : (d.last_error || '—') }),
        el('td', {}, data.can_replay ? el('button', { type: 'button', class: 'replay', onclick: async (ev) => {
          ev.target.disabled = true;
          try {
            const r = await api('webhooks/' + d.id + '/replay', { method: 'POST' });
            msg.textContent = 'Queued again as delivery ' + shortId(r.delivery_id) + '.';
          } catch (e) {
            msg.textContent = e.message;
          }
          ev.target.disabled = false;
        } }, 'Replay') : '')))))), msg);
    return box;
  }

  async function sessionView(sid) {
    setView('Session', el('p', { class: 'muted', text: 'Loading…' }));
    const data = await api('sessions/' + encodeURIComponent(sid));
    const s = data.session;
    const holders = data.holders || {};
    const header = el('div', { class: 'session-head' },
      el('p', { class: 'no-print' }, el('a', { href: '#/', text: '← Sessions' })),
      el('h1', {}, 'Session ', el('span', { id: 'link-id', text: s.link_id || s.session_id })),
      el('p', { class: 'muted' }, badge(s.status), ' Period ' + F.date(s.from_date) + ' – ' + F.date(s.to_date) +
        ' · created ' + F.dateTime(s.created_at) + ' · id ' + s.session_id),
      el('div', { class: 'actions no-print' },
        el('a', { class: 'button download', id: 'xlsx-all', href: '/console/api/sessions/' + s.session_id + '/xlsx', text: 'Download XLSX' }),
        el('button', { type: 'button', onclick: () => window.print(), text: 'Print report' })));
    const warn = holders.mismatch
      ? el('p', { class: 'warn', role: 'note' }, 'The accounts belong to different holders: ' + holders.names.join(', ') +
        '. Session figures cover ' + ((data.aggregate_scope || {}).holder || 'the first holder') + ' only.')
      : '';
    const accounts = data.accounts.map((a, i) => accountSection(s.session_id, a, i));
    setView('Session ' + (s.link_id || ''), header, warn,
      accounts.length ? accounts : el('p', { class: 'card muted', text: 'No statements have been submitted yet.' }));
    main.append(await webhooksSection(s.session_id));
    say('Session ' + (s.link_id || s.session_id) + ' loaded');
  }

  // ---- admin: audit log and settings ----

  async function auditView(params) {
    const page = Math.max(1, Number(params.get('page')) || 1), sid = params.get('session_id') || '';
    const qs = new URLSearchParams({ page: String(page) });
    if (sid) qs.set('session_id', sid);
    const data = await api('audit?' + qs.toString());
    const link = (p, t) => { const q2 = new URLSearchParams(qs); q2.set('page', String(p)); return el('a', { href: '#/audit?' + q2, text: t }); };
    setView('Audit log', el('h1', { text: 'Audit log' }),
      sid ? el('p', {}, 'Session ' + sid + ' · ', el('a', { href: '#/audit', text: 'all sessions' })) : '',
      el('div', { class: 'table-wrap' }, el('table', { class: 'list', id: 'audit' },
        el('thead', {}, el('tr', {}, ['When', 'Who', 'What', 'Session', 'Detail', 'From']
          .map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, data.events.map((e) => el('tr', {},
          el('td', { class: 'nowrap', text: F.dateTime(e.at) }), el('td', { text: e.email }), el('td', { text: e.action }),
          el('td', {}, e.session_id ? el('a', { href: '#/sessions/' + e.session_id, text: shortId(e.session_id) }) : '—'),
          el('td', { text: e.detail || '' }), el('td', { text: e.client || '' })))))),
      el('nav', { class: 'pager' }, page > 1 ? link(page - 1, '← Newer') : '', data.has_more ? link(page + 1, 'Older →') : ''));
    document.querySelector('[data-nav=audit]').setAttribute('aria-current', 'page');
  }

  async function settingsView() {
    const s = await api('settings');
    const msg = el('p', { role: 'status', class: 'muted' });
    const form = el('form', { class: 'settings card' },
      el('h2', { text: 'Webhooks' }),
      el('label', { for: 'webhook-url', text: 'Webhook URL' }),
      el('input', { id: 'webhook-url', name: 'webhook_url', type: 'url', value: s.webhook_url || '' }),
      el('label', { for: 'webhook-mode', text: 'Webhook mode' }),
      el('select', { id: 'webhook-mode', name: 'webhook_mode' }, [1, 2].map((m) => el('option', { value: m, selected: s.webhook_mode === m },
        m === 1 ? '1 (FinBox v1)' : '2'))),
      el('h2', { text: 'Acceptance' }),
      el('label', { for: 'acceptance', text: 'A session completes when' }),
      el('select', { id: 'acceptance', name: 'acceptance' }, ['missing_upload_months', 'missing_upload_date_range']
        .map((a) => el('option', { value: a, selected: s.acceptance === a }, a.replace(/_/g, ' ')))),
      el('label', { for: 'tolerance', text: 'Tolerance (days)' }),
      el('input', { id: 'tolerance', name: 'tolerance_days', type: 'number', min: 0, max: 366, value: s.tolerance_days }),
      el('button', { type: 'submit', class: 'primary', text: 'Save' }), msg);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const body = { acceptance: form.acceptance.value, tolerance_days: Number(form.tolerance_days.value) };
      if (form.webhook_url.value.trim()) {
        body.webhook_url = form.webhook_url.value.trim();
        body.webhook_mode = Number(form.webhook_mode.value);
      }
      try {
        await api('settings', { method: 'POST', body });
        msg.textContent = 'Saved.';
      } catch (e) {
        msg.textContent = e.message;
      }
    });
    const keyMsg = el('p', { role: 'status' });
    const rotate = el('button', { type: 'button', class: 'danger', text: 'Rotate the API key' });
    rotate.addEventListener('click', async () => {
      if (!window.confirm('The current API key and server hash stop working at once. Rotate?')) return;
      try {
        const r = await api('keys/rotate', { method: 'POST' });
        keyMsg.replaceChildren('New API key: ', el('code', { text: r.api_key }), ' · server hash: ', el('code', { text: r.server_hash }),
          ' (shown once)');
      } catch (e) {
        keyMsg.textContent = e.message;
      }
    });
    setView('Settings', el('h1', { text: 'Settings' }), form,
      el('section', { class: 'card' }, el('h2', { text: 'API key' }), rotate, keyMsg));
    document.querySelector('[data-nav=settings]').setAttribute('aria-current', 'page');
  }

  // ---- start ----

  async function route() {
    const { parts, params } = parseHash();
    try {
      if (parts[0] === 'sessions' && parts[1]) await sessionView(parts[1]);
      else if (parts[0] === 'audit') await auditView(params);
      else if (parts[0] === 'settings') await settingsView();
      else await sessionsView(params);
      main.focus({ preventScroll: true });
    } catch (e) {
      if (e.status !== 401) showError(e);
    }
  }

  // charts take the printed page's width (and back)
  window.addEventListener('beforeprint', () => { for (const c of charts) c.resize(); });
  window.addEventListener('afterprint', () => { for (const c of charts) c.resize(); });

  document.getElementById('logout').addEventListener('click', async () => {
    try { await api('logout', { method: 'POST' }); } catch (e) { /* signed out either way */ }
    location.href = '/console/login';
  });

  (async function start() {
    try {
      me = await api('me');
    } catch (e) {
      return;
    }
    document.getElementById('org-name').textContent = me.org.name || '';
    document.getElementById('who').textContent = (me.user.name || me.user.email) + ' (' + me.user.role + ')';
    for (const a of document.querySelectorAll('.admin-only')) a.hidden = me.user.role !== 'admin';
    window.addEventListener('hashchange', route);
    route();
  })();
})();
