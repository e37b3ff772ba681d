/* Events to the embedding page (reference §5.2): postMessage to the
 * parent frame, only to the parent's origin when it is known. */
import { state } from './state.js';

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
export const inFrame = window.parent && window.parent !== window;
const targetOrigin = inFrame ? parentOrigin() : null;

export function emit(status, payload) {
  if (!inFrame) return;
  try {
    window.parent.postMessage({ type: 'finbox-bankconnect', status: status, payload: payload }, targetOrigin);
  } catch (e) { /* a closed or cross-origin-locked parent: nothing to do */ }
}
export const linkId = () => (state.info ? state.info.link_id : null);
export const emitInfo = (name, message) => emit('info', { linkId: linkId(), event_name: name, message: message });
export const emitError = (reason, type) => emit('error', { reason: reason, linkId: linkId(), error_type: type });
