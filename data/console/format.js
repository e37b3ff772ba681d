// Indian number and date formatting for the console: ₹1,23,456.78 and
// 05 Mar 2026. Pure functions (tests/browser/console.test.mjs checks them
// in the browser).
'use strict';
(function (global) {
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  // 1234567.5 -> "12,34,567.50" (lakh and crore grouping), without Intl so
  // every browser groups the same way.
  function groupIndian(n, decimals) {
    const neg = n < 0;
    const fixed = Math.abs(n).toFixed(decimals);
    const [int, frac] = fixed.split('.');
    let head = int.slice(0, -3);
    const tail = int.slice(-3);
    const groups = [];
    while (head.length > 2) {
      groups.unshift(head.slice(-2));
      head = head.slice(0, -2);
    }
    if (head) groups.unshift(head);
    groups.push(tail);
    return (neg ? '-' : '') + groups.join(',') + (frac !== undefined ? '.' + frac : '');
  }

  function rupees(n) {
    if (n === null || n === undefined || Number.isNaN(Number(n))) return '—';
    const v = Number(n);
    return (v < 0 ? '-₹' : '₹') + groupIndian(Math.abs(v), 2);
  }

  // Whole rupees, for chart axes: ₹1,23,457
  function rupeesShort(n) {
    if (n === null || n === undefined) return '';
    const v = Math.round(Number(n));
    return (v < 0 ? '-₹' : '₹') + groupIndian(Math.abs(v), 0);
  }

  function count(n) {
    return n === null || n === undefined ? '—' : groupIndian(Number(n), 0);
  }

  // "2026-03-05", "2026-03-05 00:00:00" or "2026-03-05T10:00:00Z" -> "05 Mar 2026"
  function date(s) {
    if (!s) return '—';
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
    if (!m) return s;
    return m[3] + ' ' + MONTHS[Number(m[2]) - 1] + ' ' + m[1];
  }

  // "2026-03-05T10:00:00Z" -> "05 Mar 2026, 15:30" in India's time
  function dateTime(s) {
    if (!s) return '—';
    const t = new Date(s);
    if (Number.isNaN(t.getTime())) return s;
    const ist = new Date(t.getTime() + 330 * 60000);
    const pad = (x) => String(x).padStart(2, '0');
    return pad(ist.getUTCDate()) + ' ' + MONTHS[ist.getUTCMonth()] + ' ' + ist.getUTCFullYear() + ', ' +
      pad(ist.getUTCHours()) + ':' + pad(ist.getUTCMinutes());
  }

  // "Mar-2026" / "Mar-26" / "2026-03" -> "2026-03"
  function monthKey(s) {
    let m = /^([A-Z][a-z]{2})-(\d{2}|\d{4})$/.exec(s);
    if (m) {
      const y = m[2].length === 2 ? '20' + m[2] : m[2];
      return y + '-' + String(MONTHS.indexOf(m[1]) + 1).padStart(2, '0');
    }
    m = /^(\d{4})-(\d{2})/.exec(s);
    return m ? m[1] + '-' + m[2] : s;
  }

  // "2026-03" -> "Mar 2026"
  function monthLabel(key) {
    const m = /^(\d{4})-(\d{2})$/.exec(key);
    return m ? MONTHS[Number(m[2]) - 1] + ' ' + m[1] : key;
  }

  function percent(v) {
    return v === null || v === undefined ? '—' : (Number(v) * 100).toFixed(1) + '%';
  }

  global.PBFormat = { groupIndian, rupees, rupeesShort, count, date, dateTime, monthKey, monthLabel, percent, MONTHS };
})(window);
