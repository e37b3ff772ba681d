/* The session-scoped journey API (docs/journey.md), with the journey
 * token; every answer is {ok, status, data | error}. */
import { state } from './state.js';

export async function api(method, path, body) {
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
