/* The hosted journey's words: every text the customer sees comes from a
 * message catalogue, data/journey/messages.<code>.json (one per language
 * listed in data/journey/languages.json), never from code. Dates, months
 * and numbers are formatted for India (the language's -IN locale).
 * Messages are plain text with {name} placeholders; a message may be an
 * object of plural forms ({"one": ..., "other": ...}) chosen by {n}.
 * "format.month" says how a language writes month names in dates ("short":
 * "Sep 2026", "long": "सितंबर 2026"); "format.month_names", when given,
 * are the twelve names to use instead of the locale's own (CLDR's en-IN
 * says "Sept"; Indian banks and our customers write "Sep"). */
'use strict';
window.PassbookI18n = (function () {
  let langs = { default: 'en', languages: [] };
  let code = 'en';
  let locale = 'en-IN';
  let messages = {};
  let fallback = {};

  async function getJson(path) {
    const r = await fetch(path, { credentials: 'omit' });
    if (!r.ok) throw new Error(path + ': ' + r.status);
    return r.json();
  }

  function known(c) { return langs.languages.some((l) => l.code === c); }

  // The language to start with: the link's lang (the lender's session
  // parameter), else the customer's earlier choice on this device, else
  // the first of the browser's languages we have, else the default.
  function pick(linkLang) {
    const wanted = [];
    if (linkLang) wanted.push(linkLang);
    try { const saved = window.sessionStorage.getItem('passbook.lang'); if (saved) wanted.push(saved); } catch (e) { /* storage blocked */ }
    for (const l of navigator.languages || [navigator.language || '']) wanted.push(String(l));
    for (const w of wanted) {
      const base = w.toLowerCase().split('-')[0];
      if (known(base)) return base;
    }
    return langs.default;
  }

  async function load(c) {
    const lang = langs.languages.find((l) => l.code === c) || langs.languages[0];
    messages = await getJson('/journey/messages.' + lang.code + '.json');
    code = lang.code;
    locale = lang.locale;
    document.documentElement.lang = code;
  }

  async function init(linkLang) {
    langs = await getJson('/journey/languages.json');
    fallback = await getJson('/journey/messages.' + langs.default + '.json');
    await load(pick(linkLang));
  }

  async function choose(c) {
    await load(c);
    remember();
  }

  // Keeps the language of the moment for this tab, so a page the customer
  // comes back to (from the Account Aggregator's) speaks it too.
  function remember() {
    try { window.sessionStorage.setItem('passbook.lang', code); } catch (e) { /* storage blocked */ }
  }

  // t('bank.matches', {n: 3}) -> "3 banks match. Choose yours."
  function t(key, vars) {
    let m = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : fallback[key];
    if (m === undefined) return key;
    if (typeof m === 'object') {
      const n = vars && typeof vars.n === 'number' ? vars.n : 0;
      m = m[new Intl.PluralRules(locale).select(n)] || m.other;
    }
    return m.replace(/\{(\w+)\}/g, (all, name) => {
      if (!vars || !(name in vars)) return all;
      const v = vars[name];
      return typeof v === 'number' ? number(v) : String(v);
    });
  }

  // Fills every element marked data-i18n (text), data-i18n-placeholder and
  // data-i18n-aria-label under root.
  function apply(root) {
    for (const e of root.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
    for (const e of root.querySelectorAll('[data-i18n-placeholder]')) e.placeholder = t(e.dataset.i18nPlaceholder);
    for (const e of root.querySelectorAll('[data-i18n-aria-label]')) e.setAttribute('aria-label', t(e.dataset.i18nAriaLabel));
  }

  function number(n) { return new Intl.NumberFormat(locale).format(n); }
  function percent(n) { return new Intl.NumberFormat(locale, { style: 'percent' }).format(n / 100); }

  const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;
  const ISO_MONTH = /^(\d{4})-(\d{2})$/;
  // Noon UTC formatted in UTC: the calendar date, whatever the device's zone.
  function utc(y, m, d) { return new Date(Date.UTC(y, m - 1, d, 12)); }
  // The date in the locale's order, with the catalogue's month names if any.
  function date(opts, y, mo, d) {
    const f = new Intl.DateTimeFormat(locale, { ...opts, month: t('format.month'), year: 'numeric', timeZone: 'UTC' });
    const names = messages['format.month_names'];   // this language's own, never the fallback's
    const parts = f.formatToParts(utc(y, mo, d));
    return parts.map((p) => (p.type === 'month' && Array.isArray(names) ? names[mo - 1] : p.value)).join('');
  }
  function day(iso) {
    const m = ISO_DAY.exec(iso || '');
    return m ? date({ day: 'numeric' }, +m[1], +m[2], +m[3]) : (iso || '');
  }
  function month(ym) {
    const m = ISO_MONTH.exec(ym || '');
    return m ? date({}, +m[1], +m[2], 1) : (ym || '');
  }

  // Whether the catalogue (this language's or the default's) has key.
  function has(key) {
    return Object.prototype.hasOwnProperty.call(messages, key) || Object.prototype.hasOwnProperty.call(fallback, key);
  }

  return {
    init, choose, remember, t, has, apply, number, percent, day, month,
    languages: () => langs.languages.slice(),
    code: () => code,
  };
})();
