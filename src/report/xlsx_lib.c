/* libxlsxwriter, opened when the first report is written (util/lazylib.h):
 * every function report/xlsx.c calls. */
#include <xlsxwriter.h>

#include "util/lazylib.h"

#define X LAZYLIB_XLSXWRITER

LAZYLIB_FN(X, lxw_workbook *, workbook_new, (const char *filename), (filename))
LAZYLIB_FN(X, lxw_error, workbook_close, (lxw_workbook * workbook), (workbook))
LAZYLIB_FN(X, lxw_worksheet *, workbook_add_worksheet, (lxw_workbook * workbook, const char *sheetname),
           (workbook, sheetname))
LAZYLIB_FN(X, lxw_format *, workbook_add_format, (lxw_workbook * workbook), (workbook))
LAZYLIB_FN(X, lxw_chart *, workbook_add_chart, (lxw_workbook * workbook, uint8_t chart_type), (workbook, chart_type))
LAZYLIB_FN(X, char *, lxw_strerror, (lxw_error error_num), (error_num))

LAZYLIB_VOID(X, format_set_bold, (lxw_format * format), (format))
LAZYLIB_VOID(X, format_set_bottom, (lxw_format * format, uint8_t style), (format, style))
LAZYLIB_VOID(X, format_set_font_size, (lxw_format * format, double size), (format, size))
LAZYLIB_VOID(X, format_set_num_format, (lxw_format * format, const char *num_format), (format, num_format))
LAZYLIB_VOID(X, format_set_text_wrap, (lxw_format * format), (format))

LAZYLIB_FN(X, lxw_error, worksheet_write_string,
           (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, const char *string, lxw_format *format),
           (worksheet, row, col, string, format))
LAZYLIB_FN(X, lxw_error, worksheet_write_number,
           (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, double number, lxw_format *format),
           (worksheet, row, col, number, format))
LAZYLIB_FN(X, lxw_error, worksheet_set_column,
           (lxw_worksheet * worksheet, lxw_col_t first_col, lxw_col_t last_col, double width, lxw_format *format),
           (worksheet, first_col, last_col, width, format))
LAZYLIB_VOID(X, worksheet_freeze_panes, (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col),
             (worksheet, row, col))
LAZYLIB_FN(X, lxw_error, worksheet_insert_chart,
           (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, lxw_chart *chart), (worksheet, row, col, chart))

LAZYLIB_FN(X, lxw_chart_series *, chart_add_series, (lxw_chart * chart, const char *categories, const char *values),
           (chart, categories, values))
LAZYLIB_VOID(X, chart_legend_set_position, (lxw_chart * chart, uint8_t position), (chart, position))
LAZYLIB_VOID(X, chart_title_set_name, (lxw_chart * chart, const char *name), (chart, name))
LAZYLIB_VOID(X, chart_series_set_name, (lxw_chart_series * series, const char *name), (series, name))
LAZYLIB_VOID(X, chart_series_set_categories,
             (lxw_chart_series * series, const char *sheetname, lxw_row_t first_row, lxw_col_t first_col,
              lxw_row_t last_row, lxw_col_t last_col),
             (series, sheetname, first_row, first_col, last_row, last_col))
LAZYLIB_VOID(X, chart_series_set_values,
             (lxw_chart_series * series, const char *sheetname, lxw_row_t first_row, lxw_col_t first_col,
              lxw_row_t last_row, lxw_col_t last_col),
             (series, sheetname, first_row, first_col, last_row, last_col))
