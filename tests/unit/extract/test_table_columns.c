/* Which column each cell is read in (src/extract/table_columns.c,
 * cells.c): narrations overflowing into a neighbouring column, cells
 * centred in a column narrower than they are. Cases: table_case.h. */
#include "table_case.h"

/* Four rows of the date and the narration in one cell, the narration on
 * the line under each date (the rows of the cases reading that cell under
 * several labels), and what those cases read. */
#define ONE_CELL_TEXT_ROWS                                                                                       \
    "01/05/2024             100001             100.00                      900.00\n"                             \
    "UPI/DR/100001/SHOP-ONE\n"                                                                                   \
    "02/05/2024                                               500.00     1,400.00\n"                             \
    "NEFT/CR/ACME-LTD-SALARY\n"                                                                                  \
    "03/05/2024             100002             200.00                    1,200.00\n"                             \
    "UPI/DR/100002/SHOP-TWO\n"                                                                                   \
    "04/05/2024             100003              50.00                    1,150.00\n"                             \
    "UPI/DR/100003/CAB\n"

#define ONE_CELL_TEXT_WANT                                                                                       \
    {                                                                                                            \
        .ntxns = 4, .balances_ok = YES,                                                                          \
        .txns = {{.i = 0, .date = 20240501, .note = "UPI/DR/100001/SHOP-ONE", .chq_num = "100001", .type = DR,   \
                  .amount = 10000},                                                                              \
                 {.i = 1, .date = 20240502, .note = "NEFT/CR/ACME-LTD-SALARY", .type = CR, .balance = 140000},   \
                 {.i = 3, .date = 20240504, .note = "UPI/DR/100003/CAB", .amount = 5000}},                       \
    }

static const struct table_case CASES[] = {
    /* A table drawn in text (a report printed in ASCII): '|' between the
     * cells and '+----+' rules, a narration's second line inside the box.
     * The drawing is no word: the cells read as in any table (no row was
     * found: '|' stood in every column). */
    {"table_drawn_in_ascii_reads_without_its_rules",
     "+------------+----------------+--------+----------+----------+----------+\n"
     "| Date       | Particulars    | Chq No |    Debit |   Credit |  Balance |\n"
     "+------------+----------------+--------+----------+----------+----------+\n"
     "| 01/05/2024 | UPI/DR/SHOP    |        |   100.00 |          |   900.00 |\n"
     "| 02/05/2024 | NEFT/CR/SALARY |        |          |   500.00 | 1,400.00 |\n"
     "| 03/05/2024 | CHQ PAID       | 100002 |   200.00 |          | 1,200.00 |\n"
     "|            | TO RAVI        |        |          |          |          |\n"
     "| 04/05/2024 | ATM CASH       |        |    50.00 |          | 1,150.00 |\n"
     "+------------+----------------+--------+----------+----------+----------+\n",
     {
         .ntxns = 4,
         .balances_ok = YES,
         .txns = {{.i = 0, .date = 20240501, .note = "UPI/DR/SHOP", .chq_num = NONE, .type = DR, .amount = 10000},
                  {.i = 1, .note = "NEFT/CR/SALARY", .type = CR, .balance = 140000},
                  {.i = 2, .note = "CHQ PAID TO RAVI", .chq_num = "100002", .amount = 20000},
                  {.i = 3, .note = "ATM CASH", .balance = 115000}},
     }},
    /* Amounts in a spreadsheet's accounting format: the currency sign at
     * the cell's left edge, the figure (or '-' for none) at its right,
     * the sign nearer the cheque numbers' column than the figure's label:
     * the figure's, not a word of the cheque number ('100001 INR', 'INR'
     * read as the cheque number on every row). */
    {"currency_sign_at_the_cells_left_edge_is_the_figures",
     "Date        Description         Ref No      Withdrawal           Deposit           Balance\n"
     "01/05/2024  UPI/DR/1/SHOP       100001   INR    100.00     INR         -     INR    900.00\n"
     "02/05/2024  NEFT/CR/SALARY               INR         -     INR    500.00     INR  1,400.00\n"
     "03/05/2024  UPI/DR/2/CAB        100002   INR     50.00     INR         -     INR  1,350.00\n"
     "04/05/2024  ATM CASH                     INR    350.00     INR         -     INR  1,000.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .chq_num = "100001", .note = "UPI/DR/1/SHOP", .type = DR, .amount = 10000, .balance = 90000},
                  {.i = 1, .chq_num = NONE, .note = "NEFT/CR/SALARY", .type = CR, .amount = 50000},
                  {.i = 2, .chq_num = "100002", .amount = 5000},
                  {.i = 3, .chq_num = NONE, .note = "ATM CASH", .balance = 100000}},
         .balances_ok = YES,
     }},
    /* A time of day printed one space after the date, past the boundary
     * under the cheque number's label, and the AM/PM after a time that
     * stayed with the date: the date's (the cheque number read '10:25:17
     * AM' or 'PM' on every row). */
    {"time_one_space_after_the_date_into_the_next_column_is_the_dates",
     "Sl  Date                   Chq No     Particulars           Cr/Dr       Amount        Balance\n"
     "1   2023/01/01 10:25:17 AM            UPI/3600/rent         DR       33,000.00      31,326.37\n"
     "2   2023/01/01 11:33:48 AM 563114     NEFT-BARBN5657        CR       44,500.00      75,826.37\n"
     "3   2023/01/02 09:02:11 PM 104522     CHQ PAID              DR        1,000.00      74,826.37\n"
     "4   2023/01/03 12:00:00 PM            POS/SHOP              DR          500.00      74,326.37\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .chq_num = NONE, .date = 20230101, .type = DR, .note = "UPI/3600/rent"},
                  {.i = 1, .chq_num = "563114", .type = CR, .reconciled = YES},
                  {.i = 2, .chq_num = "104522", .note = "CHQ PAID"},
                  {.i = 3, .chq_num = NONE, .date = 20230103}},
         .balances_ok = YES,
     }},
    /* A balance's Cr suffix one space after it, past the boundary, under
     * the next column's label (cheque numbers printed after the balance):
     * the balance's marker, not the first word of the cheque number. */
    {"balance_suffix_one_space_into_the_next_column_is_the_balances",
     "Date         Particulars             Amount       Balance Cheque No\n"
     "01/10/2024   POS/MYNTRA          -7,355.81 Dr   23,485.08 Cr\n"
     "01/10/2024   UPI/DR/4921/UBER    -1,375.96 Dr   22,109.12 Cr 492120394291\n"
     "02/10/2024   UPI/DR/4715/FATIMA  -5,501.00 Dr   16,608.12 Cr 471590373513\n"
     "03/10/2024   SALARY              10,000.00 Cr   26,608.12 Cr\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .chq_num = NONE, .type = DR, .balance = 2348508},
                  {.i = 1, .chq_num = "492120394291", .note = "UPI/DR/4921/UBER"},
                  {.i = 2, .chq_num = "471590373513", .reconciled = YES},
                  {.i = 3, .chq_num = NONE, .type = CR}},
         .balances_ok = YES,
     }},
    /* A table of standing instructions after the rows, its labels in
     * words the phrases half know: the cells read for the columns' roles
     * end at its labels, so its due dates under "Outstanding" do not make
     * that column dates. */
    {"cells_for_the_roles_end_at_the_next_tables_labels",
     "Date         Particulars                     Debit        Credit       Outstanding\n"
     "05/03/2024   INTEREST DEBITED             3,547.50                     4,76,547.50\n"
     "05/03/2024   EMI RECOVERED                             16,515.00      4,93,062.50\n"
     "05/04/2024   INTEREST DEBITED             3,450.24                     4,89,612.26\n"
     "05/04/2024   EMI RECOVERED                             16,515.00      5,06,127.26\n"
     "\n"
     "Standing Instructions\n"
     "SI No        Start Date      Frequency    Amount       Beneficiary    Next Due Date\n"
     "SI015645     21-01-2024      Monthly      4,500.00     RD XX2235      05-05-2024\n"
     "SI015646     23-10-2023      Monthly      7,000.00     RD XX2252      06-05-2024\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .balance = 47654750, .type = DR}, {.i = 3, .balance = 50612726, .type = CR}},
         .balances_ok = YES,
     }},

    /* Narrations that begin with a date (the cheque's, an earlier day's)
     * under a label no phrase knows: a date followed by words is text, and
     * the column is the narration, not a value date. */
    {"narrations_beginning_with_a_date_under_an_unknown_label",
     "Date         Happenings                                   Debit        Credit       Balance\n"
     "01/05/2024   28/04/2024 CHQ DEP BY CLG PUNE                             5,000.00     15,000.00\n"
     "02/05/2024   ATM WDL MG ROAD                               500.00                   14,500.00\n"
     "03/05/2024   NEFT TO ACME LTD DT 01/05/2024                100.00                   14,400.00\n"
     "04/05/2024   30/04/2024 POS STORE BANER                    400.00                   14,000.00\n"
     "05/05/2024   UPI TO SHOP                                   100.00                   13,900.00\n",
     {
         .ntxns = 5,
         .txns = {{.i = 0, .note = "28/04/2024 CHQ DEP BY CLG PUNE", .type = CR},
                  {.i = 1, .note = "ATM WDL MG ROAD"},
                  {.i = 3, .note = "30/04/2024 POS STORE BANER"}},
         .balances_ok = YES,
     }},

    /* A ledger report's header words (serial number, posted date, entry
     * user, amounts qualified by their currency) and a narration overflowing
     * into the reference column. */
    {"ledger_header_words_and_overflowing_narration",
     "Sl No  Txn Posted Date  Particulars                 Ref No      Entry User  Withdrawal Amt. (INR)  Deposit Amt. (INR)  Closing Balance (INR)\n"
     "1      01/04/2024       NEFT CR-ACME LTD SALARIES FOR FEB-2024  RAJ01                               5,000.00            15,000.00\n"
     "2      02/04/2024       ATM CASH                    ATM0001     SYS01                  2,000.00                         13,000.00\n"
     "3      03/04/2024       POS SHOP                    POS1234     SYS01                    500.00                         12,500.00\n"
     "4      04/04/2024       UPI PAY                     UPI4567     SYS01                    100.00                         12,400.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .note = "NEFT CR-ACME LTD SALARIES FOR FEB-2024", .chq_num = NONE, .type = CR},
                  {.i = 1, .chq_num = "ATM0001"},
                  {.i = 3, .amount = 10000}},
         .balances_ok = YES,
     }},

    /* A narration running one space on into an empty amount column: its
     * words are no amount, so they stay the narration's. */
    {"narration_overflowing_into_an_empty_amount_column",
     "Date         Particulars                          Debit        Credit       Balance\n"
     "01/05/2024   ATM WDL                             100.00                    5,900.00\n"
     "02/05/2024   NEFT TO ACME CORP LTD SALARY OCT 2023/UB0590       5,000.00     10,900.00\n"
     "03/05/2024   POS STORE                           900.00                   10,000.00\n"
     "04/05/2024   UPI/DR/1234/SHOP                  1,000.00                    9,000.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 1, .note = "NEFT TO ACME CORP LTD SALARY OCT 2023/UB0590", .type = CR,
                   .amount = 500000}},
         .balances_ok = YES,
     }},

    /* A reference centred in its column and wider than it reaches back over
     * the boundary from far after the narration: it is the reference. */
    {"centred_cell_wider_than_its_column_stays_in_it",
     "Date         Particulars                 Ref No       Debit        Credit       Balance\n"
     "01/05/2024   ATM WDL                   123456       10,000.00                   90,000.00\n"
     "02/05/2024   UPI SHOP                  234567        5,000.00                   85,000.00\n"
     "03/05/2024   POS STORE                 345678        2,500.00                   82,500.00\n"
     "04/05/2024   UPI CAB                   456789        1,000.00                   81,500.00\n"
     "05/05/2024   NEFT SALARY          ICICN22630938469                50,000.00    131,500.00\n"
     "06/05/2024   UPI ITEM 0                567890          100.00                  131,400.00\n"
     "07/05/2024   UPI ITEM 1                567891          101.00                  131,299.00\n"
     "08/05/2024   UPI ITEM 2                567892          102.00                  131,197.00\n"
     "09/05/2024   UPI ITEM 3                567893          103.00                  131,094.00\n"
     "10/05/2024   UPI ITEM 4                567894          104.00                  130,990.00\n"
     "11/05/2024   UPI ITEM 5                567895          105.00                  130,885.00\n"
     "12/05/2024   UPI ITEM 6                567896          106.00                  130,779.00\n"
     "13/05/2024   UPI ITEM 7                567897          107.00                  130,672.00\n"
     "14/05/2024   UPI ITEM 8                567898          108.00                  130,564.00\n"
     "15/05/2024   UPI ITEM 9                567899          109.00                  130,455.00\n"
     "16/05/2024   UPI ITEM 10               567900          110.00                  130,345.00\n"
     "17/05/2024   UPI ITEM 11               567901          111.00                  130,234.00\n"
     "18/05/2024   UPI ITEM 12               567902          112.00                  130,122.00\n"
     "19/05/2024   UPI ITEM 13               567903          113.00                  130,009.00\n"
     "20/05/2024   UPI ITEM 14               567904          114.00                  129,895.00\n"
     "21/05/2024   UPI ITEM 15               567905          115.00                  129,780.00\n"
     "22/05/2024   UPI ITEM 16               567906          116.00                  129,664.00\n"
     "23/05/2024   UPI ITEM 17               567907          117.00                  129,547.00\n"
     "24/05/2024   UPI ITEM 18               567908          118.00                  129,429.00\n"
     "25/05/2024   UPI ITEM 19               567909          119.00                  129,310.00\n",
     {
         .ntxns = 25,
         .txns = {{.i = 4, .note = "NEFT SALARY", .chq_num = "ICICN22630938469"}, {.i = 3, .chq_num = "456789"}},
         .balances_ok = YES,
     }},

    /* The date and the narration in one cell, the date on its first line,
     * under a label naming only the narration, every label known: no date
     * label, so the cells must show where the dates are. */
    {"date_and_narration_in_one_cell_under_a_known_narration_label",
     "Particulars            Chq No        Withdrawals       Deposits      Balance\n"
     ONE_CELL_TEXT_ROWS,
     ONE_CELL_TEXT_WANT},

    /* The same cell under a word no phrase knows, the narration under each
     * date on a line of its own (reaching under the next labels): the date
     * and the narration share the cell, the narration is not lost. */
    {"date_and_narration_in_one_cell_under_unknown_words",
     "Activity               Chq No        Withdrawals       Deposits      Balance\n"
     ONE_CELL_TEXT_ROWS,
     ONE_CELL_TEXT_WANT},

    /* The same cell under two words no phrase knows a monospaced space
     * apart ("Account Activity"), the dates under the first word only: the
     * words are one label, the date's and the narration's cell, not a
     * date column beside an empty one. */
    {"date_and_narration_in_one_cell_under_two_unknown_words_monospaced",
     "Account Activity       Chq No        Withdrawals       Deposits      Balance\n"
     ONE_CELL_TEXT_ROWS,
     ONE_CELL_TEXT_WANT},

    /* The same cell with the other cells centred against it: the date
     * alone on the line above the amounts, the narration on the line below
     * them (a label no phrase knows over the balances, so the cells are
     * read for the roles). */
    {"centred_amounts_between_the_date_and_the_narration_of_one_cell",
     "Particulars            Chq No        Withdrawals       DepositsRunning Total\n"
     "01/05/2024\n"
     "                       100001             100.00                      900.00\n"
     "UPI/DR/100001/SHOP-ONE\n"
     "02/05/2024\n"
     "                                                         500.00     1,400.00\n"
     "NEFT/CR/ACME-LTD-SALARY\n"
     "03/05/2024\n"
     "                       100002             200.00                    1,200.00\n"
     "UPI/DR/100002/SHOP-TWO\n"
     "04/05/2024\n"
     "                       100003              50.00                    1,150.00\n"
     "UPI/DR/100003/CAB\n",
     ONE_CELL_TEXT_WANT},

    /* A money column under a word no phrase knows, a dash printed for the
     * amount each debit row does not have: the dashes are no cells, so the
     * one credit among them still makes it a money column (the credit
     * side), not text. */
    {"dashes_for_missing_amounts_leave_an_unknown_label_a_money_column",
     "Date         Particulars            Debit      Additions      Balance\n"
     "01/05/2024   ATM WDL               100.00              -       900.00\n"
     "02/05/2024   POS STORE             200.00              -       700.00\n"
     "03/05/2024   SALARY                     -       1,000.00     1,700.00\n"
     "04/05/2024   UPI CAB                50.00              -     1,650.00\n"
     "05/05/2024   UPI TEA                25.00              -     1,625.00\n"
     "06/05/2024   UPI SHOP               25.00              -     1,600.00\n"
     "07/05/2024   UPI BOOK              100.00              -     1,500.00\n"
     "08/05/2024   UPI MILK               50.00              -     1,450.00\n"
     "09/05/2024   UPI BUS                50.00              -     1,400.00\n"
     "10/05/2024   UPI GAS               100.00              -     1,300.00\n"
     "11/05/2024   UPI FEE               100.00              -     1,200.00\n",
     {
         .ntxns = 11,
         .txns = {{.i = 2, .date = 20240503, .note = "SALARY", .type = CR, .amount = 100000, .balance = 170000},
                  {.i = 10, .note = "UPI FEE", .type = DR, .amount = 10000}},
         .balances_ok = YES,
     }},

    /* Dates printed with the month's name ("03 DECEMBER 2024") under
     * "Date of Txn", monospaced, "of Txn" unknown words a space apart: a
     * long month carries the date's middle under "Txn", yet the date
     * starts under "Date": it is that label's cell run on, and "Txn" a
     * word of the label, not a column cutting every date in two. */
    {"long_dates_starting_under_the_date_label_run_on_under_its_unknown_word",
     "Date of Txn       Description               Debit      Credit      Balance\n"
     "03 DECEMBER 2024  UPI/DR/1111              100.00                   900.00\n"
     "04 MAY 2024       ATM WDL                  100.00                   800.00\n"
     "05 DECEMBER 2024  POS                      100.00                   700.00\n"
     "06 DECEMBER 2024  SALARY                             1,000.00     1,700.00\n"
     "07 DECEMBER 2024  UPI CAB                   50.00                 1,650.00\n",
     {
         .ntxns = 5,
         .txns = {{.i = 0, .date = 20241203, .note = "UPI/DR/1111", .amount = 10000},
                  {.i = 1, .date = 20240504, .note = "ATM WDL"},
                  {.i = 3, .date = 20241206, .type = CR, .amount = 100000}},
         .balances_ok = YES,
     }},

    /* Serial numbers right-aligned under a wide label, one space before
     * the dates: the strip left of the one- and two-digit numbers, under
     * their own label, is emptier than the space between them and the
     * dates, yet the dates' common left edge is where their column
     * begins; the numbers stay out of the date cells. */
    {"right_aligned_serials_one_space_before_the_dates",
     "Serial No Txn Date   Particulars               Debit      Credit      Balance\n"
     "        8 01/05/2024 ATM WDL                  100.00                 5,900.00\n"
     "        9 02/05/2024 POS STORE                200.00                 5,700.00\n"
     "       10 03/05/2024 UPI SHOP                 300.00                 5,400.00\n"
     "       11 04/05/2024 SALARY                              1,000.00    6,400.00\n"
     "       12 05/05/2024 UPI CAB                  100.00                 6,300.00\n"
     "       13 06/05/2024 UPI TEA                   50.00                 6,250.00\n",
     {
         .ntxns = 6,
         .txns = {{.i = 0, .date = 20240501, .note = "ATM WDL", .amount = 10000, .type = DR},
                  {.i = 2, .date = 20240503, .note = "UPI SHOP", .balance = 540000},
                  {.i = 5, .date = 20240506, .note = "UPI TEA"}},
         .balances_ok = YES,
     }},
};

/* a line leaves x0, x1 out (zero) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
/* Table headers' words (baselines relative to where a case places them). */
static const struct placed DATE_NARRATION_REF[] = {
    ROW(0, 0, {"Date", 30, 50}, {"Narration", 99, 140}, {"Ref", 209, 240}, {"Debit", 303, 330}, {"Credit", 393, 420},
        {"Balance", 470, 510}),
    {.s = NULL}};

/* A narration overflowing into the reference column, its fourth row's
 * words (ACH DR/FULLERTON INDIA CREDIT, then CO/ICIC... under them) set
 * by each case of OVERFLOWS; the reference cells above start at 209.1. */
static const struct placed OVERFLOW_GRID[] = {
    {0, 60, .header = DATE_NARRATION_REF},
    ROW(0, 80, {"01-10-2024", 30, 80}, {"UPI/DR/1111", 99, 160}, {"111122223333", 209.1f, 260}, {"100.00", 320, 355},
        {"900.00", 472, 513}),
    ROW(0, 92, {"02-10-2024", 30, 80}, {"UPI/DR/2222", 99, 160}, {"222233334444", 209.1f, 260}, {"100.00", 320, 355},
        {"800.00", 472, 513}),
    ROW(0, 104, {"03-10-2024", 30, 80}, {"UPI/DR/3333", 99, 160}, {"333344445555", 209.1f, 260}, {"100.00", 320, 355},
        {"700.00", 472, 513}),
    ROW(0, 116, {"04-10-2024", 30, 80}, {"100.00", 320, 355}, {"600.00", 472, 513}),
    ROW(0, 128, {"CO/ICIC7086651219280090", 99, 211}),
    {.s = NULL}};

enum { OVERFLOW_WORDS = 4 };

/* A case of OVERFLOWS: the fourth row's narration words, on its baseline
 * (116) after the grid's. */
struct overflow_case {
    const char *name;
    struct placed_word words[OVERFLOW_WORDS + 1]; /* ends with {NULL} */
};

static const struct overflow_case OVERFLOWS[] = {
    /* The narration's next word one space on, starting a point before
     * where the reference column's cells start: the word is the
     * narration's, not a reference. */
    {"overflowing_word_just_before_a_column_edge_stays_in_the_narration",
     {{"ACH", 99, 116.2f}, {"DR/FULLERTON", 118.7f, 180.3f}, {"INDIA", 182.8f, 205.2f}, {"CREDIT", 207.7f, 237.3f}}},
    /* The same word starting right where the reference column's cells
     * start: that column holds only numbers and the word none, so the
     * narration runs on. */
    {"overflowing_word_at_a_number_column_edge_stays_in_the_narration",
     {{"ACH", 99, 116.2f}, {"DR/FULLERTON", 118.7f, 181.8f}, {"INDIA", 184.3f, 206.7f}, {"CREDIT", 209.2f, 238.8f}}},
};

/* A narration's first word, as long as a sentence with no space in it,
 * starting where the narrations start and running over into the
 * reference column past its middle, the date far before it: the
 * narration's, the row no reference (its centre took it for a reference
 * centred in its column: note cut, chq_num the narration, the chain
 * reconciled: silent). */
static const struct placed LONG_FIRST_WORD[] = {
    ROW(0, 60, {"Date", 22, 40}, {"Narration", 94, 134}, {"Inst.", 204, 222}, {"No.", 224.3f, 238},
        {"Debit", 297, 320}, {"Credit", 340, 365}, {"Balance", 400, 435}),
    ROW(0, 80, {"06.03.2023", 22, 62}, {"UPI/DR/3434", 94, 140}, {"POOJA", 142.5f, 165}, {"343416527666", 200, 250},
        {"15.05", 309, 329}, {"83,858.56", 405, 449}),
    ROW(0, 92, {"07.03.2023", 22, 62}, {"UPI/DR/6062", 94, 140}, {"HARPREET", 142.5f, 178}, {"606209451207", 200, 250},
        {"1,163.00", 296, 329}, {"82,695.56", 405, 449}),
    ROW(0, 104, {"08.03.2023", 22, 62}, {"NEFT/SBINN25048779115/PUNB0257279/POOJA", 94, 286},
        {"12,541.00", 346, 386}, {"95,236.56", 405, 449}),
    ROW(0, 116, {"09.03.2023", 22, 62}, {"ATM", 94, 108}, {"WDL", 110.5f, 126}, {"500.00", 304, 329},
        {"94,736.56", 405, 449}),
    {.s = NULL}};

/* Rows centred on their date line, the narration over two lines above
 * and below it; the reference the cheque number on the date line or
 * "TRANSFER TO" over the number, beside the narration's lines. The last
 * row's narration reaches one space before the reference column's edge:
 * "TRANSFER" is the reference's, as the rows above show ("TRANSFER TO"
 * at the edge beside a narration; counted only on lines with a value, the
 * column held figures and the narration took "TRANSFER TO": silent). */
static const struct placed TRANSFER_TO_GRID[] = {
    {0, 60, .header = DATE_NARRATION_REF},
    ROW(0, 80, {"NEFT/1111", 99, 140}),
    ROW(0, 85, {"01-10-2024", 30, 80}, {"111122223333", 209.1f, 260}, {"100.00", 320, 355}, {"900.00", 472, 513}),
    ROW(0, 90, {"SALARY", 99, 130}),
    ROW(0, 104, {"NEFT/2222", 99, 140}),
    ROW(0, 109, {"02-10-2024", 30, 80}, {"222233334444", 209.1f, 260}, {"100.00", 320, 355}, {"800.00", 472, 513}),
    ROW(0, 114, {"RENT", 99, 120}),
    ROW(0, 128, {"NEFT/3333", 99, 140}),
    ROW(0, 133, {"03-10-2024", 30, 80}, {"333344445555", 209.1f, 260}, {"100.00", 320, 355}, {"700.00", 472, 513}),
    ROW(0, 138, {"FEES", 99, 120}),
    ROW(0, 152, {"TO", 99, 110}, {"TRANSFER-UPI/DR/4444/SHOP", 112.5f, 180}, {"TRANSFER", 209.1f, 245}, {"TO", 247.5f, 258}),
    ROW(0, 157, {"04-10-2024", 30, 80}, {"100.00", 320, 355}, {"600.00", 472, 513}),
    ROW(0, 162, {"using--", 99, 130}, {"444455556666", 209.1f, 260}),
    ROW(0, 176, {"TO", 99, 110}, {"TRANSFER-UPI/DR/5555/MANOJ/CNRB/manoj@ybl/Sent", 112.5f, 206.6f},
        {"TRANSFER", 209.1f, 245}, {"TO", 247.5f, 258}),
    ROW(0, 181, {"05-10-2024", 30, 80}, {"100.00", 320, 355}, {"500.00", 472, 513}),
    ROW(0, 186, {"using--", 99, 130}, {"555566667777", 209.1f, 260}),
    {.s = NULL}};
#pragma GCC diagnostic pop

static const struct want OVERFLOW_WANT = {
    .ntxns = 4,
    .txns = {{.i = 3, .note = "ACH DR/FULLERTON INDIA CREDIT CO/ICIC7086651219280090", .chq_num = NONE},
             {.i = 2, .chq_num = "333344445555"}},
};

/* Runs each case of OVERFLOWS: the grid with the case's words. */
static void run_overflow_cases(void)
{
    enum { GRID = sizeof OVERFLOW_GRID / sizeof OVERFLOW_GRID[0] - 1 };
    for (size_t k = 0; k < sizeof OVERFLOWS / sizeof OVERFLOWS[0]; k++) {
        struct placed at[GRID + 2] = {{0}};
        memcpy(at, OVERFLOW_GRID, GRID * sizeof at[0]);
        at[GRID] = (struct placed){0, 116, .row = OVERFLOWS[k].words};
        run_placed(OVERFLOWS[k].name, at, &OVERFLOW_WANT);
    }
}

int main(void)
{
    run_table_cases(CASES, sizeof CASES / sizeof CASES[0]);
    run_overflow_cases();
    run_placed("words_at_a_reference_edge_beside_a_narration_line_are_no_figures", TRANSFER_TO_GRID,
               &(const struct want){.ntxns = 5, .balances_ok = YES,
                                    .txns = {{.i = 4, .note = "TO TRANSFER-UPI/DR/5555/MANOJ/CNRB/manoj@ybl/Sent using--",
                                              .chq_num = "TRANSFER TO 555566667777"},
                                             {.i = 3, .note = "TO TRANSFER-UPI/DR/4444/SHOP using--",
                                              .chq_num = "TRANSFER TO 444455556666"},
                                             {.i = 0, .note = "NEFT/1111 SALARY", .chq_num = "111122223333"}}});
    run_placed("first_word_at_the_narration_edge_running_over_the_reference_middle_stays_in_the_narration",
               LONG_FIRST_WORD,
               &(const struct want){.ntxns = 4, .balances_ok = YES,
                                    .txns = {{.i = 2, .note = "NEFT/SBINN25048779115/PUNB0257279/POOJA",
                                              .chq_num = NONE, .type = CR, .amount = 1254100},
                                             {.i = 1, .chq_num = "606209451207"}}});
    return check_summary();
}
