/* Each row's narration from its pieces (src/extract/table_narration.c):
 * lines above and below the date line joined in order, a token cut at the
 * column's edge joined without a space. Cases: table_case.h. */
#include "table_case.h"

static const struct table_case CASES[] = {
    {"centred_cells_narration_above_and_below",
     "Date          Remarks                    Withdrawal       Deposit        Balance\n"
     "\n"
     "              UPI/123456789012/\n"
     "01/08/2024    PAYMENT TO                    100.00                       900.00\n"
     "              SHOP\n"
     "\n"
     "              NEFT/ACME/\n"
     "02/08/2024    SALARY                                      1,000.00     1,900.00\n"
     "              AUG\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .note = "UPI/123456789012/PAYMENT TO SHOP"},
                  {.i = 1, .note = "NEFT/ACME/SALARY AUG"}},
     }},

    /* A token longer than its column cut at the edge: joined without a space
     * where the whole token is printed elsewhere in the document (ZENITH), or
     * the cut falls inside a number; two words wrapped at the edge keep
     * their space. */
    {"token_cut_at_the_column_edge_joins_where_the_document_knows_it",
     "Date         Particulars                                Debit        Credit       Balance\n"
     "01/05/2024   NEFT*HDFC0415900*SBINN30521999*ZENI                   5,000.00      6,000.00\n"
     "             TH SOFTWARE*MAR\n"
     "02/05/2024   TO TRANSFER-UPI/DR/6031129/KARTHIK        100.00                    5,900.00\n"
     "             IYER/INDB/pay\n"
     "03/05/2024   IMPS/P2A/691363597530/MEERA/1234567       100.00                    5,800.00\n"
     "             8/TRANSFER\n"
     "04/05/2024   ZENITH SOFTWARE REIMB                                 1,000.00      6,800.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .note = "NEFT*HDFC0415900*SBINN30521999*ZENITH SOFTWARE*MAR"},
                  {.i = 1, .note = "TO TRANSFER-UPI/DR/6031129/KARTHIK IYER/INDB/pay"},
                  {.i = 2, .note = "IMPS/P2A/691363597530/MEERA/12345678/TRANSFER"}},
     }},

    /* A line that is one piece of a token ending at the column's edge, over
     * a line starting with a piece printed nowhere else ("APOL" / "LO"):
     * joined when the document shows its producer cutting inside words
     * ("IMR" / "AN", IMRAN printed whole in another row). */
    {"piece_at_the_edge_joins_where_the_document_cuts_inside_words",
     "Date         Particulars                                Debit        Credit       Balance\n"
     "01/05/2024   NEFT*HDFC0415900*SBINN30521999*IMR                    5,000.00      6,000.00\n"
     "             AN MEHTA*MAR\n"
     "02/05/2024   NEFT*UBIN0412374*HDFCN8995500*APOL        100.00                    5,900.00\n"
     "             LO HOSPITALS*OCT\n"
     "04/05/2024   IMRAN MEHTA REIMB                                     1,000.00      6,900.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .note = "NEFT*HDFC0415900*SBINN30521999*IMRAN MEHTA*MAR"},
                  {.i = 1, .note = "NEFT*UBIN0412374*HDFCN8995500*APOLLO HOSPITALS*OCT"}},
     }},

    /* The same producer wrapping a UPI narration at the space before the
     * payee's surname ("VENKATESH" / "CHATTERJEE/SBI/...", the line
     * above one token to the edge): the name's letters are printed as the
     * payee's handle ("venkatesh41@oksbi"), a word, so the space stays
     * (joined as pieces printed nowhere else: a name run together, chain
     * reconciled: silent). */
    {"letters_printed_as_a_handle_keep_their_space_where_the_document_cuts_inside_words",
     "Date         Particulars                                Debit        Credit       Balance\n"
     "01/05/2024   NEFT*HDFC0415900*SBINN30521999*IMR                    5,000.00      6,000.00\n"
     "             AN MEHTA*MAR\n"
     "02/05/2024   UPI/DR/371374696114/SBIN/VENKATESH        100.00                    5,900.00\n"
     "             CHATTERJEE/SBI/venkatesh41@oksbi\n"
     "04/05/2024   IMRAN MEHTA REIMB                                     1,000.00      6,900.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .note = "NEFT*HDFC0415900*SBINN30521999*IMRAN MEHTA*MAR"},
                  {.i = 1, .note = "UPI/DR/371374696114/SBIN/VENKATESH CHATTERJEE/SBI/venkatesh41@oksbi"}},
     }},

    /* The same producer cutting a token one character before its end
     * ("loa" / "n repay"): a piece of one character joins a piece of three
     * or more printed nowhere else as a word. */
    {"piece_of_one_character_joins_where_the_document_cuts_inside_words",
     "Date         Particulars                                Debit        Credit       Balance\n"
     "01/05/2024   NEFT*HDFC0415900*SBINN30521999*IMR                    5,000.00      6,000.00\n"
     "             AN MEHTA*MAR\n"
     "02/05/2024   UPI/CR/4921719340501/PUNB/amit/loa        100.00                    5,900.00\n"
     "             n repay\n"
     "04/05/2024   IMRAN MEHTA REIMB                                     1,000.00      6,900.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .note = "NEFT*HDFC0415900*SBINN30521999*IMRAN MEHTA*MAR"},
                  {.i = 1, .note = "UPI/CR/4921719340501/PUNB/amit/loan repay"}},
     }},

    /* A VPA cut before its '@' ("merchant3147" / "@BOB/Pay"), the line
     * above ending well before the column's edge but with no room for the
     * next line's first word: no narration puts a space before '@'. */
    {"vpa_wrapped_before_its_at_sign_joins",
     "Date         Particulars                       Debit       Credit        Balance\n"
     "18/05/2024   UPI/DR/457005478271/             430.61                    9,569.39\n"
     "             INDIAN\n"
     "             OIL/BARB/merchant3147\n"
     "             @BOB/Pay to merchant\n"
     "19/05/2024   NEFT/ACME TECHNOLOGIES/SAL                 1,000.00       10,569.39\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .note = "UPI/DR/457005478271/INDIAN OIL/BARB/merchant3147@BOB/Pay to merchant"}},
     }},

    /* And a token cut one character after a slash ("MAKEMYTRIP/I" /
     * "CIC/..."): a piece of one character before a piece of three or more
     * printed nowhere else as a word joins too. */
    {"one_character_piece_before_a_longer_one_joins_where_the_document_cuts_inside_words",
     "Date         Particulars                                Debit        Credit       Balance\n"
     "01/05/2024   NEFT*HDFC0415900*SBINN30521999*IMR                    5,000.00      6,000.00\n"
     "             AN MEHTA*MAR\n"
     "02/05/2024   UPI/DR/32550077643012/MAKEMYTRIP/I        100.00                    5,900.00\n"
     "             CIC/mmt@ybl/Pay\n"
     "04/05/2024   IMRAN MEHTA REIMB                                     1,000.00      6,900.00\n",
     {
         .ntxns = 3,
         .txns = {{.i = 1, .note = "UPI/DR/32550077643012/MAKEMYTRIP/ICIC/mmt@ybl/Pay"}},
     }},

    /* The same line without a cut inside a word elsewhere (a cut inside a
     * number tells nothing of words): the two words keep their space. */
    {"piece_at_the_edge_keeps_its_space_where_no_word_is_cut",
     "Date         Particulars                                Debit        Credit       Balance\n"
     "01/05/2024   IMPS/P2A/691363597530/MEERA/1234567       100.00                    5,900.00\n"
     "             8/TRANSFER\n"
     "02/05/2024   UPI/DR/4603244883201/SBIN/YESB/CAFE       100.00                    5,800.00\n"
     "             COFFEE DAY\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .note = "IMPS/P2A/691363597530/MEERA/12345678/TRANSFER"},
                  {.i = 1, .note = "UPI/DR/4603244883201/SBIN/YESB/CAFE COFFEE DAY"}},
     }},

    /* A narrow column cutting long tokens at its edge in a document that
     * prints none of them whole and cuts no other word: the letters either
     * side of the cut make a word the reader knows (DECATHLON) or the
     * document prints (VENKATESH) while those before it are none
     * ("DECATHL", "venkates"): joined. Two words wrapped leave a word
     * before the break ("FUNDS" / "INSUFFICIENT"): their space stays. */
    {"letters_either_side_of_a_cut_making_a_word_join",
     "Date         Particulars                       Debit       Credit      Balance\n"
     "01/05/2024   UPI/DR/666003708916/DECATHL      100.00                  5,900.00\n"
     "             ON/KKBK/merchant1806@KOTAK\n"
     "02/05/2024   ECS/RTN/1234567890123/FUNDS      100.00                  5,800.00\n"
     "             INSUFFICIENT\n"
     "05/05/2024   UPI/DR/46401950086/venkates      100.00                  5,700.00\n"
     "             h63@ybl/rent\n"
     "06/05/2024   VENKATESH PRASAD RENT                       1,000.00     6,700.00\n",
     {
         .ntxns = 4,
         .txns = {{.i = 0, .note = "UPI/DR/666003708916/DECATHLON/KKBK/merchant1806@KOTAK"},
                  {.i = 1, .note = "ECS/RTN/1234567890123/FUNDS INSUFFICIENT"},
                  {.i = 2, .note = "UPI/DR/46401950086/venkatesh63@ybl/rent"}},
     }},

    /* A cut where an id's digits start ("merchant" / "2715@KOTAK"), the
     * document printing the same letters glued to digits in another row
     * ("merchant7268@PNB"): one id, joined. */
    {"letters_printed_glued_to_digits_elsewhere_join_a_cut_before_digits",
     "Date         Particulars                       Debit       Credit      Balance\n"
     "03/05/2024   UPI/DR/33298654201/merchant      100.00                  5,700.00\n"
     "             2715@KOTAK/Pay to merchant\n"
     "04/05/2024   UPI/merchant7268@PNB/Pay         100.00                  5,600.00\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .note = "UPI/DR/33298654201/merchant2715@KOTAK/Pay to merchant"}},
     }},

    /* An id cut after two letters that are a word the document prints
     * ("SB" / "INN44200232116"), where it prints another id whole in the
     * shape the two pieces make (five letters, eleven digits:
     * "UTIBN52760499391") and none in the shape of the piece after the
     * cut: one id, joined. */
    {"id_cut_in_the_shape_of_ids_printed_whole_joins",
     "Date         Particulars             Debit       Credit       Balance\n"
     "01/02/2023   NEFT*SBIN0888566*SB                 34,000.00    35,000.00\n"
     "             INN44200232116*ACME\n"
     "             LIMITED\n"
     "02/02/2023   SB INTEREST                            210.00    35,210.00\n"
     "03/02/2023   NEFT CR                           5,000.00    40,210.00\n"
     "             UTIBN52760499391\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .note = "NEFT*SBIN0888566*SBINN44200232116*ACME LIMITED"},
                  {.i = 1, .note = "SB INTEREST"},
                  {.i = 2, .note = "NEFT CR UTIBN52760499391"}},
     }},

    /* One token cut at the edge in two rows at two different places
     * ("BLU" / "E", "BL" / "UE"): the same whole word from both, which
     * wraps at a space never give, so both are cuts, though the document
     * prints BLUE whole nowhere and cuts no other word. */
    {"token_cut_at_two_places_joins_both",
     "Date         Particulars                                Debit        Credit       Balance\n"
     "09/10/2023   NEFT*UBIN0194190*UTIBN14114605733*BLU                17,000.00     18,000.00\n"
     "             E DART EXPRESS*OCT\n"
     "09/11/2023   NEFT*UBIN0194190*BARBN901598034831*BL                17,500.00     35,500.00\n"
     "             UE DART EXPRESS*NOV\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .note = "NEFT*UBIN0194190*UTIBN14114605733*BLUE DART EXPRESS*OCT"},
                  {.i = 1, .note = "NEFT*UBIN0194190*BARBN901598034831*BLUE DART EXPRESS*NOV"}},
     }},

    /* A bracketed value date cut after its month, the day alone on the
     * next line ("(2023/10/" over "02)"): the short piece is a piece of
     * the value date, not lost. */
    {"bracketed_value_date_cut_before_a_short_day",
     "Date            Particulars               Withdrawal       Deposit        Balance\n"
     "2024/10/01      SALARY                                    1,000.00      1,900.00\n"
     "(2024/10/\n"
     "02)\n"
     "2024/10/03      ATM WDL                      100.00                     1,800.00\n"
     "(2024/10/\n"
     "04)\n",
     {
         .ntxns = 2,
         .txns = {{.i = 0, .date = 20241001, .value_date = 20241002, .note = "SALARY"},
                  {.i = 1, .date = 20241003, .value_date = 20241004, .note = "ATM WDL"}},
     }},

    /* The date and the narration in one cell ('Date / Particulars'): the
     * narration under the date starts in the date column; its first words
     * there are narration, not lost. */
    {"narration_under_the_date_in_one_cell",
     "Date / Particulars                 Withdrawals     Deposits       Balance\n"
     "01-06-2023                            5,000.00                    10,000.00\n"
     "ATM CASH WDL/S1A91796/CHENNAI\n"
     "02-06-2023                                         1,000.00     11,000.00\n"
     "BY CASH DEPOSIT AT BRANCH\n"
     "03-06-2023                              20.00                    10,980.00\n"
     "SMS CHGS FOR THE QUARTER\n",
     {
         .ntxns = 3,
         .txns = {{.i = 0, .note = "ATM CASH WDL/S1A91796/CHENNAI"},
                  {.i = 1, .note = "BY CASH DEPOSIT AT BRANCH"},
                  {.i = 2, .note = "SMS CHGS FOR THE QUARTER"}},
     }},

    /* A ledger printing each row's narration on a line of its own under the
     * row's figures, from the table's left edge ('Particulars' printed under
     * 'Date'): the whole line is the row's narration, whatever columns its
     * words cross; the dates stay whole in their column. */
    {"narration_on_a_line_of_its_own_under_the_row",
     "Date          Chq No             Debit         Credit         Balance\n"
     "Particulars\n"
     "02/09/2024    123456          5,000.00                          500.00\n"
     "TO CLG/RENT TO LANDLORD FOR SEPTEMBER 2024\n"
     "03/09/2024                                  10,000.00       10,500.00\n"
     "NEFT/ACME TECHNOLOGIES PVT LTD/SALARY SEP 2024 BY TRANSFER FROM ACME\n"
     "05/09/2024    654321            300.00                       10,200.00\n"
     "UPI/SHOP/ORDER 55\n",
     {
         .ntxns = 3, .opening = 550000, .balances_ok = YES,
         .txns = {{.i = 0, .date = 20240902, .note = "TO CLG/RENT TO LANDLORD FOR SEPTEMBER 2024", .chq_num = "123456"},
                  {.i = 1, .date = 20240903, .note = "NEFT/ACME TECHNOLOGIES PVT LTD/SALARY SEP 2024 BY TRANSFER FROM ACME"},
                  {.i = 2, .note = "UPI/SHOP/ORDER 55", .chq_num = "654321", .amount = 30000}},
     }},

    /* The same ledger, the first label's word no phrase knows printed over
     * the narration's label ('Entry Dt' over 'Particulars'): the unknown
     * word qualifies the label beside it on its line, it does not join the
     * label under it (which read the two lines as no header, and the line
     * alone as one with no narration column: every narration lost). */
    {"narration_under_the_row_below_an_unknown_word_of_the_date_label",
     "Entry Dt      Chq No             Debit         Credit         Balance\n"
     "Particulars\n"
     "02/09/2024    123456          5,000.00                          500.00\n"
     "TO CLG/RENT TO LANDLORD FOR SEPTEMBER 2024\n"
     "03/09/2024                                  10,000.00       10,500.00\n"
     "NEFT/ACME TECHNOLOGIES PVT LTD/SALARY SEP 2024 BY TRANSFER FROM ACME\n"
     "05/09/2024    654321            300.00                       10,200.00\n"
     "UPI/SHOP/ORDER 55\n",
     {
         .ntxns = 3, .opening = 550000, .balances_ok = YES,
         .txns = {{.i = 0, .date = 20240902, .note = "TO CLG/RENT TO LANDLORD FOR SEPTEMBER 2024", .chq_num = "123456"},
                  {.i = 1, .date = 20240903, .note = "NEFT/ACME TECHNOLOGIES PVT LTD/SALARY SEP 2024 BY TRANSFER FROM ACME"},
                  {.i = 2, .note = "UPI/SHOP/ORDER 55", .chq_num = "654321", .amount = 30000}},
     }},

    /* The same ledger under a header naming no narration at all: the lines
     * under the rows are the table's noise and no row has a narration.
     * The chain reconciles, but it does not vouch for narrations: the
     * statement is flagged, every row marked (never silently wrong). */
    {"narrations_between_the_rows_that_no_column_took_flag_the_statement",
     "Date          Chq No             Debit         Credit         Balance\n"
     "02/09/2024    123456          5,000.00                          500.00\n"
     "TO CLG/RENT TO LANDLORD FOR SEPTEMBER 2024\n"
     "03/09/2024                                  10,000.00       10,500.00\n"
     "NEFT/ACME TECHNOLOGIES PVT LTD/SALARY SEP 2024 BY TRANSFER FROM ACME\n"
     "05/09/2024    654321            300.00                       10,200.00\n"
     "UPI/SHOP/ORDER 55\n",
     {
         .ntxns = 3, .opening = 550000, .balances_ok = NO,
         .txns = {{.i = 0, .date = 20240902, .reconciled = NO},
                  {.i = 1, .date = 20240903, .reconciled = NO},
                  {.i = 2, .amount = 30000, .reconciled = NO}},
     }},

    /* Rows printing no narration and no line between them: nothing was
     * lost, the chain vouches for the statement. */
    {"rows_without_narration_and_no_text_between_them_reconcile",
     "Date          Chq No             Debit         Credit         Balance\n"
     "02/09/2024    123456          5,000.00                          500.00\n"
     "03/09/2024                                  10,000.00       10,500.00\n"
     "05/09/2024    654321            300.00                       10,200.00\n",
     {
         .ntxns = 3, .opening = 550000, .balances_ok = YES,
         .txns = {{.i = 0, .reconciled = YES}, {.i = 2, .reconciled = YES}},
     }},

    /* The same with a value date column: a date further along the
     * narration's line, under the value date's label, is the narration's. */
    {"narration_line_under_the_row_holding_dates",
     "Date          Value Date     Chq No          Debit         Credit         Balance\n"
     "Particulars\n"
     "02/09/2024    02/09/2024     123456       5,000.00                          500.00\n"
     "TO CLG/RENT TO LANDLORD\n"
     "30/09/2024    30/09/2024                                   25.00            525.00\n"
     "SB INT CREDIT 01-09-2024 TO 30-09-2024\n",
     {
         .ntxns = 2, .opening = 550000, .balances_ok = YES,
         .txns = {{.i = 0, .note = "TO CLG/RENT TO LANDLORD"},
                  {.i = 1, .date = 20240930, .value_date = 20240930, .note = "SB INT CREDIT 01-09-2024 TO 30-09-2024"}},
     }},
};

/* Two fields stacked in each cell ('Txn Date' over 'Value Date',
 * 'Particulars' over 'Cheque No'), placed as a proportional font prints
 * them: the date alone on the line under a row's date is its value date,
 * not a row of its own; the cheque number on the narration cell's last
 * line is the row's reference, not narration (the value dates and cheque
 * numbers were lost). */
static const struct placed STACKED[] = {
    ROW(0, 100, {"Txn", 20, 33}, {"Date", 35.2f, 52}, {"Particulars", 80, 120}, {"Debit", 252, 270},
        {"Credit", 300, 322}, {"Balance", 362, 390}),
    ROW(0, 110, {"Value", 20, 40}, {"Date", 42.2f, 59}, {"Cheque", 80, 106}, {"No", 108.2f, 118}),
    ROW(0, 125, {"01/05/2024", 20, 58}, {"UPI/DR/SHOP-ONE/Pay", 80, 152}, {"to", 154.2f, 161}, {"100.00", 246, 270},
        {"900.00", 366, 390}),
    ROW(0, 135, {"02/05/2024", 20, 58}, {"merchant", 80, 112}),
    ROW(0, 145, {"100001", 80, 104}),
    ROW(0, 155, {"02/05/2024", 20, 58}, {"NEFT/CR/ACME-SALARY", 80, 150}, {"500.00", 298, 322}, {"1,400.00", 358, 390}),
    ROW(0, 165, {"02/05/2024", 20, 58}),
    ROW(0, 175, {"03/05/2024", 20, 58}, {"CHQ", 80, 95}, {"PAID", 97.2f, 115}, {"TO", 117.2f, 127}, {"RAVI", 129.2f, 146},
        {"200.00", 246, 270}, {"1,200.00", 358, 390}),
    ROW(0, 185, {"04/05/2024", 20, 58}, {"100002", 80, 104}),
    ROW(0, 195, {"04/05/2024", 20, 58}, {"ATM", 80, 95}, {"CASH", 97.2f, 117}, {"50.00", 250, 270},
        {"1,150.00", 358, 390}),
    ROW(0, 205, {"04/05/2024", 20, 58}),
    {.s = NULL},
};

/* The same with each row's figures at its foot, on the value date's line
 * (cells aligned to the bottom): the row's first line holds its date and
 * narration alone; the dated line under it is the same row's value date
 * and figures, not a row of its own. */
static const struct placed STACKED_AT_FOOT[] = {
    ROW(0, 100, {"Txn", 20, 33}, {"Date", 35.2f, 52}, {"Particulars", 80, 120}, {"Debit", 252, 270},
        {"Credit", 300, 322}, {"Balance", 362, 390}),
    ROW(0, 110, {"Value", 20, 40}, {"Date", 42.2f, 59}, {"Cheque", 80, 106}, {"No", 108.2f, 118}),
    ROW(0, 125, {"01/05/2024", 20, 58}, {"UPI/DR/SHOP-ONE", 80, 140}),
    ROW(0, 135, {"02/05/2024", 20, 58}, {"100001", 80, 104}, {"100.00", 246, 270}, {"900.00", 366, 390}),
    ROW(0, 150, {"02/05/2024", 20, 58}, {"NEFT/CR/ACME-SALARY", 80, 150}),
    ROW(0, 160, {"03/05/2024", 20, 58}, {"500.00", 298, 322}, {"1,400.00", 358, 390}),
    ROW(0, 175, {"03/05/2024", 20, 58}, {"ATM", 80, 95}, {"CASH", 97.2f, 117}),
    ROW(0, 185, {"03/05/2024", 20, 58}, {"50.00", 250, 270}, {"1,350.00", 358, 390}),
    {.s = NULL},
};

static const struct placed_case PLACED[] = {
    {"value_date_and_cheque_number_stacked_under_the_date_and_narration", STACKED,
     {
         .ntxns = 4,
         .balances_ok = YES,
         .txns = {{.i = 0, .date = 20240501, .value_date = 20240502, .note = "UPI/DR/SHOP-ONE/Pay to merchant",
                   .chq_num = "100001", .amount = 10000},
                  {.i = 1, .date = 20240502, .value_date = 20240502, .note = "NEFT/CR/ACME-SALARY", .chq_num = NONE},
                  {.i = 2, .date = 20240503, .value_date = 20240504, .note = "CHQ PAID TO RAVI", .chq_num = "100002"},
                  {.i = 3, .date = 20240504, .value_date = 20240504, .note = "ATM CASH", .chq_num = NONE}},
     }},
    {"value_date_and_figures_stacked_at_the_rows_foot", STACKED_AT_FOOT,
     {
         .ntxns = 3,
         .balances_ok = YES,
         .txns = {{.i = 0, .date = 20240501, .value_date = 20240502, .note = "UPI/DR/SHOP-ONE", .chq_num = "100001",
                   .amount = 10000},
                  {.i = 1, .date = 20240502, .value_date = 20240503, .note = "NEFT/CR/ACME-SALARY", .amount = 50000},
                  {.i = 2, .date = 20240503, .value_date = 20240503, .note = "ATM CASH", .balance = 135000}},
     }},
};

int main(void)
{
    run_table_cases(CASES, sizeof CASES / sizeof CASES[0]);
    run_placed_cases(PLACED, sizeof PLACED / sizeof PLACED[0]);
    return check_summary();
}
