/* Small helpers for the page's elements: the live region, showing one
 * step, focus, labels of dates and accounts. */
import { $, I18n } from './state.js';

// The live region only carries short cues that are not on screen in the
// same words (the visible texts are announced through their own live
// regions: the file list and the months line), so nothing is said twice.
export function say(text) {
  const s = $('status');
  s.textContent = '';
  // a fresh text node so screen readers announce repeats too
  window.setTimeout(() => { s.textContent = text; }, 30);
}
export function show(id, on) { $(id).hidden = !on; }
export function focusHeading(el) {
  if (!el) return;
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: false });
}
export const monthLabel = (ym) => I18n.month(ym);
export const dayLabel = (iso) => I18n.day(iso);
// "XXXXXXXX5914" -> "••5914": the masked part says nothing, the last digits do.
export function maskedLabel(n) {
  const m = /^[Xx*•#-]+\s*(\S+)$/.exec(n || '');
  return m ? '••' + m[1] : (n || '');
}
// The last day the journey asks for: to_date, but not past the last
// expected month (a to_date in a month's first week does not ask for that
// month: the seed's first-week rule, applied by the server to expected_months).
export function periodEnd(info) {
  const months = info.expected_months || [];
  const last = months[months.length - 1];
  const m = /^(\d{4})-(\d{2})$/.exec(last || '');
  if (!m) return info.to_date;
  const lastDay = new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate();
  const end = m[1] + '-' + m[2] + '-' + String(lastDay).padStart(2, '0');
  return info.to_date && info.to_date < end ? info.to_date : end;
}
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function showOnly(id) {
  ['bank-step', 'method-step', 'aa-step', 'file-step'].forEach((x) => show(x, x === id));
}
