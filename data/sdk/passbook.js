/* Passbook JavaScript SDK: open a Passbook (FinBox BankConnect compatible)
 * journey from a lender's web page as a redirect, inline in an iframe, or in
 * a modal, and receive its outcome through callbacks.
 *
 *   const journey = Passbook.open({
 *     url: redirectUrlFromSessionCreate,   // <passbook>/?session_id=...(&token=...)
 *     mode: 'modal',                       // 'redirect' | 'iframe' | 'modal'
 *     container: '#bank-box',              // iframe mode: element or selector
 *     onSuccess(p) {},                     // {sessionId, linkId}
 *     onExit(p) {},                        // {linkId, message}
 *     onError(p) {},                       // {reason, linkId, error_type}
 *     onInfo(p) {},                        // {linkId, event_name, message}
 *   });
 *   journey.close();
 *
 * Events are accepted only from the journey's own origin and its own frame.
 * No dependencies; works as a classic script (window.Passbook). */
(function (root) {
  'use strict';

  var STYLE_ID = 'passbook-sdk-style';
  var CSS =
    '.passbook-modal{position:fixed;inset:0;z-index:2147483000;background:rgba(15,23,42,.55);' +
    'display:flex;align-items:center;justify-content:center}' +
    '.passbook-modal-box{position:relative;background:#fff;width:100%;height:100%;max-width:520px;' +
    'max-height:780px;display:flex;flex-direction:column;overflow:hidden;box-shadow:0 10px 40px rgba(0,0,0,.3)}' +
    '@media (min-width:600px){.passbook-modal-box{border-radius:12px;height:92vh}}' +
    '.passbook-modal-bar{display:flex;justify-content:flex-end;align-items:center;height:40px;' +
    'flex:none;background:#eef1f5;border-bottom:1px solid #d9dee5}' +
    '.passbook-modal-box iframe{border:0;width:100%;flex:1;display:block}' +
    '.passbook-modal-close{border:0;background:none;font:22px/1 system-ui,sans-serif;width:44px;' +
    'height:40px;cursor:pointer;color:#334}' +
    '.passbook-inline{border:0;width:100%;height:100%;min-height:640px;display:block}';

  function noop() {}

  function resolveUrl(url) {
    if (!url) throw new Error('Passbook.open: url (the session redirect_url) is required');
    return new URL(url, root.location.href);
  }

  function injectStyle(doc) {
    if (doc.getElementById(STYLE_ID)) return;
    var s = doc.createElement('style');
    s.id = STYLE_ID;
    s.textContent = CSS;
    doc.head.appendChild(s);
  }

  function makeFrame(doc, url) {
    var f = doc.createElement('iframe');
    f.src = url.toString();
    f.title = 'Share your bank statements';
    f.setAttribute('allow', 'clipboard-write');
    f.setAttribute('referrerpolicy', 'origin');
    return f;
  }

  function open(opts) {
    opts = opts || {};
    var url = resolveUrl(opts.url);
    var mode = opts.mode || 'redirect';
    var cb = {
      success: opts.onSuccess || noop,
      exit: opts.onExit || noop,
      error: opts.onError || noop,
      info: opts.onInfo || noop,
    };
    if (mode === 'redirect') {
      root.location.assign(url.toString());
      return { close: noop, mode: mode };
    }
    var doc = root.document;
    injectStyle(doc);
    var frame = makeFrame(doc, url);
    var overlay = null;
    var closed = false;
    var lastLinkId = null;
    var opener = doc.activeElement;

    function close() {
      if (closed) return;
      closed = true;
      root.removeEventListener('message', onMessage);
      doc.removeEventListener('keydown', onKey);
      if (overlay) overlay.remove();
      else frame.remove();
      if (opener && opener.focus) opener.focus();
    }

    function onMessage(ev) {
      if (ev.origin !== url.origin) return;         // another site's message
      if (ev.source !== frame.contentWindow) return; // another frame of ours
      var d = ev.data;
      if (!d || d.type !== 'finbox-bankconnect' || !cb[d.status]) return;
      var p = d.payload || {};
      if (p.linkId) lastLinkId = p.linkId;
      try {
        cb[d.status](p);
      } finally {
        if (mode === 'modal' && (d.status === 'success' || d.status === 'exit')) close();
      }
    }

    function onKey(e) {
      if (e.key === 'Escape' && overlay) dismiss();
    }

    // Closing the modal ourselves is an exit the page could not report.
    function dismiss() {
      if (closed) return;
      close();
      cb.exit({ linkId: lastLinkId, message: 'Closed by user' });
    }

    root.addEventListener('message', onMessage);
    if (mode === 'iframe') {
      var box = typeof opts.container === 'string' ? doc.querySelector(opts.container) : opts.container;
      if (!box) throw new Error('Passbook.open: iframe mode needs a container element');
      frame.className = 'passbook-inline';
      box.appendChild(frame);
    } else if (mode === 'modal') {
      overlay = doc.createElement('div');
      overlay.className = 'passbook-modal';
      overlay.setAttribute('role', 'dialog');
      overlay.setAttribute('aria-modal', 'true');
      overlay.setAttribute('aria-label', 'Share your bank statements');
      var inner = doc.createElement('div');
      inner.className = 'passbook-modal-box';
      var x = doc.createElement('button');
      x.type = 'button';
      x.className = 'passbook-modal-close';
      x.setAttribute('aria-label', 'Close the bank statement window');
      x.textContent = '\u00d7';
      x.addEventListener('click', dismiss);
      var bar = doc.createElement('div');
      bar.className = 'passbook-modal-bar';
      bar.appendChild(x);
      inner.appendChild(bar);
      inner.appendChild(frame);
      overlay.appendChild(inner);
      doc.body.appendChild(overlay);
      doc.addEventListener('keydown', onKey);
      frame.focus();
    } else {
      root.removeEventListener('message', onMessage);
      throw new Error('Passbook.open: mode must be redirect, iframe or modal');
    }
    return { close: close, frame: frame, mode: mode };
  }

  root.Passbook = { open: open, version: '1' };
})(window);
