/* The Excel report (xlsx_report/): one workbook per session with a
 * summary, per-account sheets (transactions, monthly analysis, EOD
 * balances, salary, recurring, lender, bounces, fraud) and the aggregate
 * monthly analysis. Written with libxlsxwriter; money cells are numbers
 * with a two-decimal format. */
#ifndef PB_REPORT_XLSX_H
#define PB_REPORT_XLSX_H

#include <stddef.h>

#include "insights/insights.h"

/* Writes the workbook of session s to path (replacing it): every account
 * and the aggregate, or only account_id's sheets when it is not NULL.
 * Returns 0, or -1 with *err set. */
int xlsx_write_report(const char *path, const char *session_id, const struct session_insights *s,
                      const char *account_id, const char **err);

#endif
