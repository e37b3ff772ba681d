/* The Excel report (xlsx_report/): rendered from the insights document
 * (insights_session_json, the JSON insights/ returns), so the workbook shows
 * exactly the API's figures: a Summary sheet of key figures, one sheet per
 * account (key figures, monthly overview, native charts of monthly inflow /
 * outflow and of the EOD balance, score factors, flags, fraud, transactions),
 * the aggregate, every monthly metric with a human label, and every derived
 * figure's rule and evidence. Money in the Indian number format. */
#ifndef PB_REPORT_XLSX_H
#define PB_REPORT_XLSX_H

#include <jansson.h>

/* Writes the workbook of the insights document doc to path (replacing it):
 * every account and the aggregate, or only account_id's when it is not
 * NULL. Returns 0, or -1 with *err set. */
int xlsx_write_report(const char *path, const json_t *doc, const char *account_id, const char **err);

/* The same workbook as bytes for a download: *data is malloc'd (the
 * caller frees it), *len its length. The workbook is written through a
 * file of its own under tmp_dir (concurrent downloads never share one),
 * removed before the call returns. Returns 0, or -1 with *err set and
 * *data NULL. */
int xlsx_report_bytes(const char *tmp_dir, const json_t *doc, const char *account_id, char **data, size_t *len,
                      const char **err);

#endif
