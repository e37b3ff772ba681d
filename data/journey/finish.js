/* Finish and exit: submit the session or leave it, then hand the
 * customer back to the lender. */
import { $, sessionId, state, t } from './state.js';
import { emit, emitError, inFrame, linkId } from './events.js';
import { focusHeading, say, show } from './ui.js';
import { api } from './api.js';
import { explain } from './errors.js';

function accepted() {
  const aa = state.aa && state.aa.phase === 'outcome' ? state.aa.shared.length : 0;
  return state.rows.filter((r) => r.kind === 'ok').length + aa;
}

export function updateFinish() {
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

export async function finish() {
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

export async function exit() {
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
export function showDone() {
  $('done-title').textContent = t(state.done.title);
  $('done-text').textContent = t(state.done.text);
}
