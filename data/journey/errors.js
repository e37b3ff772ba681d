/* Failures the customer can act on (FinBox MU codes): an API error in
 * the customer's words, with the error_type and reason for the parent. */
import { state, t } from './state.js';
import { dayLabel, periodEnd } from './ui.js';

export function bankNameOf(id) {
  if (state.bank && state.bank.id === id) return state.bank.name;
  return id ? id.toUpperCase() : t('err.the_bank');
}

// Turns an API error into {text, type, reason}: text() the message shown
// next to the file (in the language of the moment), the FinBox error_type,
// and the reason sent to the parent.
export function explain(err, entry) {
  const type = err.error_type || err.code;
  const info = state.info || {};
  const msg = (key, vars) => () => t(key, vars);
  switch (err.code) {
    case 'PASSWORD_INCORRECT':
      return entry.password
        ? { text: msg('err.password_wrong'), type: 'MU003', reason: 'PDF password incorrect' }
        : { text: msg('err.password_needed'), type: null, reason: null };
    case 'BANK_NAME_MISMATCH': {
      const bank = bankNameOf(entry.bank);
      return { text: () => t('err.bank_mismatch', { bank: bank }), type: 'MU004', reason: 'Not ' + (entry.bank || '') + ' statement' };
    }
    case 'PDF_IS_IMAGE':
      return { text: msg('err.image'), type: 'MU006', reason: err.message };
    case 'INVALID_FILE_OBJECT': case 'EMPTY_FILE': case 'UNREADABLE_PDF':
      return { text: msg('err.unreadable'), type: 'MU006', reason: err.message };
    case 'STATEMENT_UNSUPPORTED_FORMAT': case 'BANK_NAME_UNDETECTED':
      return { text: msg('err.unsupported'), type: 'MU020', reason: 'Not a valid statement or bank is not supported' };
    case 'OUT_OF_DATE_RANGE':
      return { text: () => t('err.out_of_range', { from: dayLabel(info.from_date), to: dayLabel(periodEnd(info)) }),
               type: 'MU021', reason: 'Please upload statements within the date range ' + info.from_date + ' to ' + info.to_date };
    case 'STATEMENT_DUPLICATE':
      return { text: msg('err.duplicate'), type: 'STATEMENT_DUPLICATE', reason: err.message };
    case 'FILE_TOO_LARGE': case 'PAYLOAD_TOO_LARGE':
      return { text: msg('err.too_large'), type: err.code, reason: err.message };
    case 'RATE_LIMITED':
      return { text: msg('err.rate_limited'), type: 'RATE_LIMITED', reason: err.message };
    case 'SESSION_EXPIRED':
      return { text: msg('err.expired'), type: 'SESSION_EXPIRED', reason: err.message };
    case 'NETWORK':
      return { text: msg('err.network'), type: 'NETWORK', reason: err.message };
    default:
      return { text: err.status ? msg('err.http', { status: String(err.status) }) : msg('err.generic'),
               type: type || 'ERROR', reason: err.message || '' };
  }
}
