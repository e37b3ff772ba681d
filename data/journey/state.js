/* The journey's state: the link's parameters and what the page knows
 * and shows; every module reads and writes this one object. */
const params = new URLSearchParams(location.search);
export const sessionId = params.get('session_id') || '';
export const urlToken = params.get('token') || '';
export const linkLang = params.get('lang') || '';
export const $ = (id) => document.getElementById(id);
export const I18n = window.PassbookI18n;
export const t = I18n.t;

export const state = {
  jt: '',            // short-lived journey token from POST /journey/v1/token
  info: null,        // GET /journey/v1/session
  bank: null,        // {id, name} the customer is adding statements for
  banksUsed: [],     // bank ids with at least one accepted statement
  queue: [],         // file entries waiting to be sent
  busy: false,       // a file is being sent or read
  finished: false,
  bankTimer: 0,
  listQuery: null,   // the query the bank list on screen answers
  search: null,      // the bank search under way: {q, promise}
  rows: [],          // file rows, to re-render their words on a language switch
  brand: null,       // {name, logo} of the lender shown in the header
  fatal: null,       // {title, text} keys of the dead end shown
  done: null,        // {title, text} keys of the closing message
  aaReturn: '',      // the consent the customer just came back from (URL fragment)
  aaTimer: 0,
  aa: null,          // what the AA step shows: {phase: ask|wait|outcome, ...}, re-rendered on a language switch
};
