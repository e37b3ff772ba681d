// The console's sign-in form: POST /console/api/login, then the console.
'use strict';
(function () {
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.textContent = '';
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const r = await fetch('/console/api/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: form.email.value.trim(), password: form.password.value }),
        credentials: 'same-origin',
      });
      if (r.ok) {
        // back to the page asked for before signing in (the redirect kept its #fragment)
        location.href = '/console/' + (/^#\/[\w\-/?=&%.]*$/.test(location.hash) ? location.hash : '');
        return;
      }
      const body = await r.json().catch(() => ({}));
      error.textContent = (body.error && body.error.message) || 'Could not sign in.';
      form.password.value = '';
      form.password.focus();
    } catch (e) {
      error.textContent = 'The server could not be reached.';
    } finally {
      button.disabled = false;
    }
  });
})();
