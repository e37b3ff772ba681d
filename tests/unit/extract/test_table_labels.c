/* Which column each cell is read in when the header's labels must be
 * parted or joined by the cells under them (src/extract/header*.c,
 * cells.c): serial numbers against dates, monospaced labels a space
 * apart, labels over two lines, labels in two scripts. Cases: table_case.h. */
#include "table_case.h"

/* a line leaves x0, x1 out (zero) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
/* Table headers' words (baselines relative to where a case places them). */
static const struct placed NARRATION_REFERENCE[] = {
    ROW(0, 0, {"Date", 35, 78}, {"Narration", 288, 347}, {"Reference", 497, 546}, {"Debit", 591, 618},
        {"Credit", 654, 686}, {"Balance", 719, 757}),
    {.s = NULL}};

static const struct placed ENTRY_DT_NARRATIVE[] = {
    ROW(0, 0, {"Entry", 32, 54}, {"Dt", 57, 74}, {"Transaction", 128, 180}, {"Narrative", 183, 239},
        {"Withdrawal", 330, 380}, {"Deposit", 410, 445}, {"Balance", 505, 545}),
    {.s = NULL}};

static const struct placed DATE_PARTICULARS[] = {
    ROW(0, 0, {"Date", 31, 51.5f}, {"/", 54, 58.3f}, {"Particulars", 61.1f, 110.8f}, {"Chq", 470.1f, 486},
        {"No", 488.5f, 502.7f}, {"Withdrawals", 565.1f, 622.2f}, {"Deposits", 647.5f, 687.3f},
        {"Balance", 725.1f, 761}),
    {.s = NULL}};

/* "Txn. Description" where a family prints "Date / Particulars": a
 * narration label over the date and the narration in one cell, no date
 * label anywhere (its cells say which column holds the dates). */
static const struct placed TXN_DESCRIPTION_ONE_CELL[] = {
    ROW(0, 0, {"Txn", 31, 46}, {"Description", 49, 104}, {"Chq", 470.1f, 486}, {"No", 488.5f, 502.7f},
        {"Withdrawals", 565.1f, 622.2f}, {"Deposits", 647.5f, 687.3f}, {"Balance", 725.1f, 761}),
    {.s = NULL}};

/* Five rows of the date and the narration in one cell, the narration
 * under the date (a page's rows, shared by the cases reading that cell
 * under several labels). */
static const struct placed ONE_CELL_ROWS[] = {
    ROW(0, 163, {"01-06-2023", 31, 78}, {"5,000.00", 581, 622.2f}, {"10,000.00", 712.1f, 761}),
    ROW(0, 176, {"ATM", 31.0f, 46.3f}, {"CASH", 48.8f, 69.2f}, {"WDL/S1A91796/CHENNAI", 71.7f, 173.7f}),
    ROW(0, 190, {"02-06-2023", 31, 78}, {"1,000.00", 638.4f, 687.3f}, {"11,000.00", 712.1f, 761}),
    ROW(0, 203, {"BY", 31.0f, 41.2f}, {"CASH", 43.7f, 64.1f}, {"DEPOSIT", 66.6f, 102.3f}),
    ROW(0, 217, {"03-06-2023", 31, 78}, {"20.00", 581, 622.2f}, {"10,980.00", 712.1f, 761}),
    ROW(0, 230, {"SMS", 31.0f, 46.3f}, {"CHGS", 48.8f, 69.2f}, {"QUARTERLY", 71.7f, 117.6f}),
    ROW(0, 244, {"04-06-2023", 31, 78}, {"500.00", 638.4f, 687.3f}, {"11,480.00", 712.1f, 761}),
    ROW(0, 257, {"NEFT", 31.0f, 52}, {"CR", 54.5f, 66}, {"REFUND", 68.5f, 100}),
    ROW(0, 271, {"05-06-2023", 31, 78}, {"80.00", 581, 622.2f}, {"11,400.00", 712.1f, 761}),
    ROW(0, 284, {"POS", 31.0f, 48}, {"GROCERY", 50.5f, 90}),
    {.s = NULL}};

/* The same in a monospaced font (a space as wide as a letter, 4.8 pt at
 * 8 pt): "Txn Description" over the date and the narration in one cell. */
static const struct placed TXN_DESCRIPTION_MONOSPACED[] = {
    ROW(0, 0, {"Txn", 31, 45.4f}, {"Description", 50.2f, 103}, {"Withdrawals", 545, 597.8f},
        {"Deposits", 630, 668.4f}, {"Balance", 715, 748.6f}),
    {.s = NULL}};

/* Words no phrase knows over the date and the narration in one cell. */
static const struct placed ACCOUNT_ACTIVITY[] = {
    ROW(0, 0, {"Account", 31, 66}, {"Activity", 69, 104}, {"Chq", 470.1f, 486}, {"No", 488.5f, 502.7f},
        {"Withdrawals", 565.1f, 622.2f}, {"Deposits", 647.5f, 687.3f}, {"Balance", 725.1f, 761}),
    {.s = NULL}};

/* "Nature of Txn" over the date and the narration in one cell: words no
 * phrase knows, the date in words reaching past the first two. */
static const struct placed NATURE_OF_TXN[] = {
    ROW(0, 0, {"Nature", 42, 68}, {"of", 70, 78}, {"Txn", 80, 94}, {"Reference", 558, 597}, {"Id", 599, 606},
        {"Outflow", 649, 679}, {"Credits", 692, 720}, {"(Rs)", 722, 738}, {"Book", 746, 766},
        {"Balance", 769, 799}),
    {.s = NULL}};

/* The same labels in a monospaced font (Courier 8 pt: a space is as wide
 * as a letter, 4.8 pt). */
static const struct placed DATE_PARTICULARS_MONOSPACED[] = {
    ROW(0, 0, {"Date", 31, 50.2f}, {"/", 55, 59.8f}, {"Particulars", 64.6f, 117.4f}, {"Chq", 300, 314.4f},
        {"No", 319.2f, 328.8f}, {"Withdrawals", 380, 432.8f}, {"Deposits", 470, 508.4f}, {"Balance", 540, 573.6f}),
    {.s = NULL}};

/* Labels over a reference column in a monospaced font (Courier 8 pt). */
static const struct placed DATE_NARRATION_REF_MONOSPACED[] = {
    ROW(0, 0, {"Date", 31, 50.2f}, {"Narration", 103.3f, 146.5f}, {"Chq/Ref", 213, 246.6f}, {"No", 251.4f, 261.0f},
        {"Debit", 318.7f, 342.7f}, {"Credit", 370.7f, 399.5f}, {"Balance", 452.0f, 485.6f}),
    {.s = NULL}};

/* Labels over a cheque number column right after the narration's. */
static const struct placed DATE_NARRATION_CHEQUE[] = {
    ROW(0, 0, {"Date", 31, 47}, {"Narration", 84, 118}, {"Chq/Ref", 194, 226}, {"No", 228, 242}, {"Debit", 288, 309},
        {"Credit", 333, 359}, {"Balance", 391, 423}),
    {.s = NULL}};

/* "Txn." over "Dt.": a header whose roles are partly read from its cells. */
static const struct placed TXN_DT_DESCRIPTION[] = {
    ROW(0, 0, {"Txn.", 44, 63.4f}),
    ROW(0, 10, {"Dt.", 44, 57.5f}),
    ROW(0, 0, {"Txn", 109.6f, 126}, {"Description", 128.7f, 180.5f}, {"Amount", 655.2f, 690.4f}, {"in", 693.2f, 701.7f},
        {"Rs.", 704.4f, 718.4f}, {"Book", 737.2f, 759.6f}, {"Balance", 762.4f, 797.9f}),
    {.s = NULL}};

/* Labels no phrase knows but "Date", "Balance" and "Ref.", in a
 * monospaced font (8 pt: a space is 4.8 pt): "Booking Date", "Nature of
 * Txn", "Net Balance", "Instr." over "Ref.". */
static const struct placed BOOKING_NATURE_INSTR[] = {
    ROW(0, 0, {"Booking", 31, 64.6f}, {"Date", 69.4f, 88.6f}, {"Nature", 97.8f, 126.6f}, {"of", 131.4f, 141},
        {"Txn", 145.8f, 160.2f}, {"Value", 356.1f, 380.1f}, {"(INR)", 384.9f, 408.9f}, {"Net", 436.1f, 450.5f},
        {"Balance", 455.3f, 488.9f}, {"Instr.", 494.9f, 523.7f}),  ROW(0, 11.2f, {"Ref.", 494.9f, 514.1f}),
    {.s = NULL}};

/* The same labels on one line, "Date" and "Txn" a little more than a
 * space after "Booking" and "Nature of" (labels of their own, joined to
 * them by their cells). */
static const struct placed BOOKING_NATURE_OF_TXN[] = {
    ROW(0, 0, {"Booking", 31, 63.5f}, {"Date", 69.4f, 88.6f}, {"Nature", 97.8f, 126.6f}, {"of", 131.4f, 141},
        {"Txn", 146.5f, 160.9f}, {"Value", 356.1f, 380.1f}, {"(INR)", 384.9f, 408.9f}, {"Net", 436.1f, 450.5f},
        {"Balance", 455.3f, 488.9f}, {"Instr.", 494.9f, 523.7f}),
    {.s = NULL}};

/* A serial number's label a little less than a space before the date's
 * in a monospaced font (8 pt: a space is 4.8 pt): "LN DATE" reads as one
 * label. */
static const struct placed LN_DATE_PARTICULARS[] = {
    ROW(0, 0, {"LN", 31, 40.6f}, {"DATE", 45.35f, 64.55f}, {"PARTICULARS", 89, 141.8f}, {"CHQ.NO", 300, 328.8f},
        {"WITHDRAWALS", 380, 432.8f}, {"DEPOSITS", 450, 488.4f}, {"BALANCE", 505, 538.6f}),
    {.s = NULL}};

/* A serial label printed beside the date's words, one label to the
 * header: "Row" a little less than a space before "Booking", which joins
 * "Date" (the serial numbers right-aligned under "Row", the dates under
 * "Booking", each row's time under "Date"); "Ser." before "Txn." over
 * "Dt.". */
static const struct placed ROW_BOOKING_DATE[] = {
    ROW(0, 0, {"Row", 39, 57}, {"Booking", 61.5f, 96}, {"Date", 98.3f, 116.7f}, {"Particulars", 200, 243},
        {"Withdrawal", 380, 425}, {"Deposit", 450, 482}, {"Balance", 505, 538.6f}),
    {.s = NULL}};

static const struct placed SER_TXN_DT[] = {
    ROW(0, 0, {"Ser.", 38, 54}, {"Txn.", 58.5f, 76}, {"Particulars", 200, 243}, {"Withdrawal", 380, 425},
        {"Deposit", 450, 482}, {"Balance", 505, 538.6f}),
    ROW(0, 10, {"Dt.", 58.5f, 70}),
    {.s = NULL}};

/* "Date of Txn" and "Entry Dt" in a monospaced font (8 pt: a space is
 * 4.8 pt, 0.6 em): the words no phrase knows ("of Txn", "Entry") a space
 * beside "Date" and "Dt", the gap rounded up a tenth of a point. */
static const struct placed DATE_OF_TXN[] = {
    ROW(0, 0, {"Date", 32, 51.2f}, {"of", 56.1f, 65.7f}, {"Txn", 70.5f, 84.9f}, {"Description", 110, 162.8f},
        {"Debit", 300, 324}, {"Credit", 380, 408.8f}, {"Balance", 460, 493.6f}),
    {.s = NULL}};

static const struct placed ENTRY_DT[] = {
    ROW(0, 0, {"Entry", 32, 56}, {"Dt", 60.9f, 70.5f}, {"Narration", 200, 243.2f}, {"Debit", 330, 354},
        {"Credit", 400, 428.8f}, {"Balance", 480, 513.6f}),
    {.s = NULL}};

/* Eight rows under those labels, cells centred vertically (baselines
 * absolute: placed at 0). */
static const struct placed NATURE_OF_TXN_ROWS[] = {
    ROW(0, 161.3f, {"NEFT/SBINN32935479792/ZENITH", 97.8f, 232.2f}, {"SOFTWARE", 237, 275.4f}),
    ROW(0, 166.9f, {"07.10.2022", 31, 79}, {"77,000.00", 351.3f, 394.5f}, {"Cr", 399.3f, 408.9f},
        {"1,01,064.34", 421.7f, 474.5f}, {"Cr", 479.3f, 488.9f}),
    ROW(0, 172.5f, {"SOLUTIONS/OCT22/HDFC0356575", 97.8f, 227.4f}),
    ROW(0, 190.4f, {"07.10.2022", 31, 79}, {"ECOM/RAZORPAY*NYKAA/4852780500", 97.8f, 241.8f},
        {"-5,621.09", 351.3f, 394.5f}, {"Dr", 399.3f, 408.9f}, {"95,443.25", 431.3f, 474.5f}, {"Cr", 479.3f, 488.9f}),
    ROW(0, 208.3f, {"10.10.2022", 31, 79}, {"POS/STAR", 97.8f, 136.2f}, {"BAZAAR/JAIPUR/001338", 141, 237},
        {"-4,010.37", 351.3f, 394.5f}, {"Dr", 399.3f, 408.9f}, {"91,432.88", 431.3f, 474.5f}, {"Cr", 479.3f, 488.9f}),
    ROW(0, 226.2f, {"UPI/DR/683702460981/OLA", 97.8f, 208.2f}),
    ROW(0, 237.4f, {"10.10.2022", 31, 79}, {"CABS/INDB/merchant2849@INDUSIND/Pay", 97.8f, 265.8f},
        {"to", 270.6f, 280.2f}, {"-3,002.90", 351.3f, 394.5f}, {"Dr", 399.3f, 408.9f}, {"88,429.98", 431.3f, 474.5f},
        {"Cr", 479.3f, 488.9f}, {"683702460981", 494.9f, 552.5f}),
    ROW(0, 248.6f, {"merchant", 97.8f, 136.2f}),
    ROW(0, 266.5f, {"UPI/DR/602710679983/GURPREET", 97.8f, 232.2f}),
    ROW(0, 272.1f, {"13.10.2022", 31, 79}, {"-1,127.00", 351.3f, 394.5f}, {"Dr", 399.3f, 408.9f},
        {"87,302.98", 431.3f, 474.5f}, {"Cr", 479.3f, 488.9f}, {"602710679983", 494.9f, 552.5f}),
    ROW(0, 277.7f, {"VER/BARB/gurpreet42@paytm/gift", 97.8f, 241.8f}),
    ROW(0, 295.7f, {"13.10.2022", 31, 79}, {"IMPS/P2A/446983070578/MANOJ", 97.8f, 227.4f},
        {"YADAV/XX8615/RENT", 232.2f, 313.8f}, {"-45,680.00", 346.5f, 394.5f}, {"Dr", 399.3f, 408.9f},
        {"41,622.98", 431.3f, 474.5f}, {"Cr", 479.3f, 488.9f}, {"446983070578", 494.9f, 552.5f}),
    ROW(0, 313.6f, {"13.10.2022", 31, 79}, {"TO", 97.8f, 107.4f}, {"CLG/AMIT", 112.2f, 150.6f},
        {"PATEL", 155.4f, 179.4f}, {"-33,153.00", 346.5f, 394.5f}, {"Dr", 399.3f, 408.9f},
        {"8,469.98", 436.1f, 474.5f}, {"Cr", 479.3f, 488.9f}, {"256039", 494.9f, 523.7f}),
    ROW(0, 331.5f, {"UPI/CR/540414518785/AMIT", 97.8f, 213}),
    ROW(0, 337.1f, {"14.10.2022", 31, 79}, {"4,647.00", 356.1f, 394.5f}, {"Cr", 399.3f, 408.9f},
        {"13,116.98", 431.3f, 474.5f}, {"Cr", 479.3f, 488.9f}, {"540414518785", 494.9f, 552.5f}),
    ROW(0, 342.7f, {"KHAN/HDFC/amit66@paytm/Pay", 97.8f, 222.6f}, {"to", 227.4f, 237}, {"merchant", 241.8f, 280.2f}),

    {.s = NULL}};

/* Bilingual labels, the Hindi word, a slash and the English word on one
 * line ("दिनांक / Date"), each label right-aligned and two points from the
 * one before it (a regional rural bank's print; positions as printed). */
static const struct placed HINDI_ENGLISH_LABELS[] = {
    ROW(0, 0, {"दिनांक", 32, 48.5f}, {"/", 50.6f, 55.2f}, {"Date", 57.4f, 72.5f}, {"विवरण", 93.1f, 109.9f},
        {"/", 112.1f, 116.7f}, {"Particulars", 118.8f, 155}, {"चेक", 583.9f, 593.3f}, {"नं.", 595.5f, 601.4f},
        {"/", 603.6f, 608.2f}, {"Chq", 610.3f, 623.9f}, {"No", 625.9f, 635.2f}, {"नामे", 659.6f, 669.4f},
        {"/", 671.6f, 676.2f}, {"Debit", 678.3f, 695.8f}, {"जमा", 709.6f, 720.3f}, {"/", 722.5f, 727.1f},
        {"Credit", 729.2f, 749.5f}, {"शेष", 765.9f, 775.1f}, {"/", 776.3f, 780.9f}, {"Balance", 783, 809.9f}),
    {.s = NULL}};

/* What the cases of four rows under a serial number column read: the
 * rows of their first, second and fourth dates. */
#define SERIAL_ROWS_WANT(d0, d1, d3)                                                                          \
    {                                                                                                          \
        .ntxns = 4, .balances_ok = YES,                                                                        \
        .txns = {{.i = 0, .date = (d0), .note = "UPI/DR/RENT", .type = DR, .balance = 950000},                 \
                 {.i = 1, .date = (d1), .note = "SALARY", .type = CR},                                         \
                 {.i = 3, .date = (d3), .note = "POS", .amount = 25000}},                                      \
    }

static const struct placed_case PLACED[] = {
    /* Labels in Hindi and English ("नामे / Debit  जमा / Credit"): a word
     * of another script is no punctuation bridging the label before it to
     * the next one; Debit and Credit stay two columns. */
    {"hindi_and_english_labels_on_one_line",
     (const struct placed[]){
         {0, 60, .header = HINDI_ENGLISH_LABELS},
         ROW(0, 72, {"1/4/2024", 32, 59.2f}, {"UPI/DR/601102142620/BIG", 93.1f, 179.5f}, {"601102142620", 583.9f, 630.6f},
             {"3,367.38", 668.6f, 695.8f}, {"27,677.70", 778.8f, 809.9f}),
         ROW(0, 84, {"1/4/2024", 32, 59.2f}, {"UPI/DR/385608178446/ROHIT", 93.1f, 189.2f},
             {"385608178446", 583.9f, 630.6f}, {"2,178.76", 668.6f, 695.8f}, {"25,498.94", 778.8f, 809.9f}),
         ROW(0, 96, {"2/4/2024", 32, 59.2f}, {"NEFT/SALARY", 93.1f, 150}, {"36,000.00", 714.4f, 749.5f},
             {"61,498.94", 778.8f, 809.9f}),
         ROW(0, 108, {"3/4/2024", 32, 59.2f}, {"ATM", 93.1f, 110}, {"WDL", 112, 130}, {"7,000.00", 668.6f, 695.8f},
             {"54,498.94", 778.8f, 809.9f}),
         ROW(0, 120, {"4/4/2024", 32, 59.2f}, {"BY", 93.1f, 102}, {"CASH", 104, 125}, {"4,000.00", 718.4f, 749.5f},
             {"58,498.94", 778.8f, 809.9f}),
         {.s = NULL}},
     {
         .ntxns = 5,
         .txns = {{.i = 0, .type = DR, .amount = 336738, .chq_num = "601102142620"},
                  {.i = 2, .type = CR, .amount = 3600000},
                  {.i = 4, .type = CR, .amount = 400000}},
         .balances_ok = YES,
     }},

    /* Under "LN DATE" each row prints its serial number then its date
     * ("1 01-02-24"): the label's cells say it is two columns, the serial
     * numbers' and the dates'; the rows are read, the numbers in no cell
     * of theirs. */
    {"serial_label_a_space_before_the_date_label_is_a_column_of_its_own",
     (const struct placed[]){
         {0, 60, .header = LN_DATE_PARTICULARS},
         ROW(0, 75, {"1", 35.8f, 40.6f}, {"01-02-24", 45.4f, 83.8f}, {"UPI/DR/RENT", 89, 141.8f},
             {"500.00", 404, 432.8f}, {"9,500.00", 500.2f, 538.6f}),
         ROW(0, 87, {"2", 35.8f, 40.6f}, {"02-02-24", 45.4f, 83.8f}, {"SALARY", 89, 117.8f},
             {"20,000.00", 445.2f, 488.4f}, {"29,500.00", 495.4f, 538.6f}),
         ROW(0, 99, {"3", 35.8f, 40.6f}, {"03-02-24", 45.4f, 83.8f}, {"ATM", 89, 103.4f}, {"WDL", 108.2f, 122.6f},
             {"1,000.00", 394.4f, 432.8f}, {"28,500.00", 495.4f, 538.6f}),
         ROW(0, 111, {"10", 31, 40.6f}, {"04-02-24", 45.4f, 83.8f}, {"POS", 89, 103.4f}, {"250.00", 404, 432.8f},
             {"28,250.00", 495.4f, 538.6f}),
         {.s = NULL}},
     SERIAL_ROWS_WANT(20240201, 20240202, 20240204)},
    /* The same joined by the label's words: "Row Booking Date", the
     * dates under "Booking", a time under "Date". The serial numbers are
     * parted where the cells part, the numbers' right edge, the dates'
     * left edge: "Booking" goes with the dates under it (parted at the
     * label's words, the dates went with the numbers and the date column
     * held only times: refused). */
    {"serial_label_joined_with_the_date_labels_first_word_parts_where_the_cells_part",
     (const struct placed[]){
         {0, 60, .header = ROW_BOOKING_DATE},
         ROW(0, 75, {"1", 52.2f, 57}, {"05-11-23", 61.5f, 96}, {"17:44", 98.3f, 119.6f}, {"UPI/DR/RENT", 200, 250},
             {"500.00", 397, 425}, {"9,500.00", 500.2f, 538.6f}),
         ROW(0, 87, {"2", 52.2f, 57}, {"06-11-23", 61.5f, 96}, {"09:02", 98.3f, 119.6f}, {"SALARY", 200, 228},
             {"20,000.00", 440, 482}, {"29,500.00", 495.4f, 538.6f}),
         ROW(0, 99, {"3", 52.2f, 57}, {"07-11-23", 61.5f, 96}, {"11:40", 98.3f, 119.6f}, {"ATM", 200, 214},
             {"1,000.00", 389, 425}, {"28,500.00", 495.4f, 538.6f}),
         ROW(0, 111, {"10", 47.4f, 57}, {"08-11-23", 61.5f, 96}, {"15:15", 98.3f, 119.6f}, {"POS", 200, 214},
             {"250.00", 397, 425}, {"28,250.00", 495.4f, 538.6f}),
         {.s = NULL}},
     SERIAL_ROWS_WANT(20231105, 20231106, 20231108)},
    /* "Ser." a little less than a space before "Txn." (over "Dt."): one
     * label, no lead noted; its cells a number then a date: two columns,
     * parted where the cells part (the statement was refused). */
    {"serial_and_date_label_run_into_one_part_where_the_cells_part",
     (const struct placed[]){
         {0, 60, .header = SER_TXN_DT},
         ROW(0, 85, {"1", 49.5f, 54}, {"01-12-23", 58.5f, 92}, {"UPI/DR/RENT", 200, 250}, {"500.00", 397, 425},
             {"9,500.00", 500.2f, 538.6f}),
         ROW(0, 97, {"2", 49.5f, 54}, {"02-12-23", 58.5f, 92}, {"SALARY", 200, 228}, {"20,000.00", 440, 482},
             {"29,500.00", 495.4f, 538.6f}),
         ROW(0, 109, {"3", 49.5f, 54}, {"03-12-23", 58.5f, 92}, {"ATM", 200, 214}, {"1,000.00", 389, 425},
             {"28,500.00", 495.4f, 538.6f}),
         ROW(0, 121, {"10", 45, 54}, {"04-12-23", 58.5f, 92}, {"POS", 200, 214}, {"250.00", 397, 425},
             {"28,250.00", 495.4f, 538.6f}),
         {.s = NULL}},
     SERIAL_ROWS_WANT(20231201, 20231202, 20231204)},
    /* "Row Entry Dt" run into one label, the serial numbers right-aligned
     * a space before dates printed as words ("2 05 October 2022", the
     * day under "Entry"): parted where the cells part, the dates' first
     * word counting as a date (parted at the label's words instead, the
     * days went with the numbers and the date column held no dates: the
     * statement was refused). */
    {"serial_label_parts_from_dates_printed_as_words_where_the_cells_part",
     (const struct placed[]){
         ROW(0, 60, {"Row", 31, 51}, {"Entry", 53, 79}, {"Dt", 82, 93}, {"Particulars", 200, 243},
             {"Withdrawal", 380, 425}, {"Deposit", 450, 482}, {"Balance", 505, 538.6f}),
         ROW(0, 75, {"9", 46.1f, 51.5f}, {"29", 53.1f, 63.9f}, {"November", 66.6f, 107.5f}, {"2023", 110.2f, 131.8f},
             {"UPI/DR/RENT", 200, 250}, {"500.00", 397, 425}, {"9,500.00", 500.2f, 538.6f}),
         ROW(0, 87, {"10", 40.7f, 51.5f}, {"02", 53.1f, 63.9f}, {"December", 66.6f, 105.2f}, {"2023", 107.9f, 129.5f},
             {"SALARY", 200, 228}, {"20,000.00", 440, 482}, {"29,500.00", 495.4f, 538.6f}),
         ROW(0, 99, {"11", 40.7f, 51.5f}, {"03", 53.1f, 63.9f}, {"January", 66.6f, 100.5f}, {"2024", 103.2f, 124.8f},
             {"ATM", 200, 214}, {"1,000.00", 389, 425}, {"28,500.00", 495.4f, 538.6f}),
         ROW(0, 111, {"12", 40.7f, 51.5f}, {"10", 53.1f, 63.9f}, {"January", 66.6f, 100.5f}, {"2024", 103.2f, 124.8f},
             {"POS", 200, 214}, {"250.00", 397, 425}, {"28,250.00", 495.4f, 538.6f}),
         {.s = NULL}},
     SERIAL_ROWS_WANT(20231129, 20231202, 20240110)},
    /* Serial numbers right-aligned a fifth of an em before the dates
     * ("Sr. Date" in a monospaced font, the dates starting a hair before
     * a whole point): no whole point between them is empty, yet no word
     * crosses where the dates start; the boundary is there (it fell among
     * the serial numbers, which went with the dates: refused). */
    {"serial_numbers_a_hair_before_the_dates_part_where_the_dates_start",
     (const struct placed[]){
         ROW(0, 60, {"Sr.", 40, 54.4f}, {"Date", 55.9f, 75.1f}, {"Particulars", 108.4f, 161.2f},
             {"Withdrawal", 380, 428}, {"Deposit", 450, 483.6f}, {"Balance", 505, 538.6f}),
         ROW(0, 75, {"1", 49.6f, 54.4f}, {"01.02.2024", 55.9f, 103.9f}, {"UPI/DR/RENT", 108.4f, 161.2f},
             {"500.00", 399.2f, 428}, {"9,500.00", 500.2f, 538.6f}),
         ROW(0, 87, {"2", 49.6f, 54.4f}, {"02.02.2024", 55.9f, 103.9f}, {"SALARY", 108.4f, 137.2f},
             {"20,000.00", 440.4f, 483.6f}, {"29,500.00", 495.4f, 538.6f}),
         ROW(0, 99, {"3", 49.6f, 54.4f}, {"03.02.2024", 55.9f, 103.9f}, {"ATM", 108.4f, 122.8f},
             {"1,000.00", 389.6f, 428}, {"28,500.00", 495.4f, 538.6f}),
         ROW(0, 111, {"10", 44.8f, 54.4f}, {"04.02.2024", 55.9f, 103.9f}, {"POS", 108.4f, 122.8f},
             {"250.00", 399.2f, 428}, {"28,250.00", 495.4f, 538.6f}),
         {.s = NULL}},
     SERIAL_ROWS_WANT(20240201, 20240202, 20240204)},
    /* A reference wider than its column, centred in it, reaches back over
     * the boundary: nearly three spaces after the narration's last word, it
     * is the reference, not more narration. */
    {"centred_reference_wider_than_its_column_is_the_reference",
     (const struct placed[]){
         {0, 60, .header = NARRATION_REFERENCE},
         ROW(0, 80, {"01-12-2023", 26, 80}, {"UPI/608279117627/DR/BIG", 190, 320}, {"BAZAAR", 325, 357},
             {"608279117627", 488.8f, 553.6f}, {"100.00", 590, 633.8f}, {"900.00", 715, 769.5f}),
         ROW(0, 95, {"02-12-2023", 26, 80}, {"UPI/608279117628/DR/BIG", 190, 320}, {"BAZAAR", 325, 357},
             {"608279117628", 488.8f, 553.6f}, {"100.00", 590, 633.8f}, {"800.00", 715, 769.5f}),
         ROW(0, 110, {"03-12-2023", 26, 80}, {"UPI/608279117629/DR/BIG", 190, 320}, {"BAZAAR", 325, 357},
             {"608279117629", 488.8f, 553.6f}, {"100.00", 590, 633.8f}, {"700.00", 715, 769.5f}),
         ROW(0, 125, {"16-12-2023", 26, 80}, {"NEFT-ICICN67248216413-MANOJ", 171.5f, 317.3f},
             {"VERMA-HDFC0742015-TRANSFER", 322.7f, 463.1f}, {"ICICN67248216413", 478, 564.4f},
             {"100.00", 590, 633.8f}, {"600.00", 715, 769.5f}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 3, .note = "NEFT-ICICN67248216413-MANOJ VERMA-HDFC0742015-TRANSFER",
                   .chq_num = "ICICN67248216413"}},
     }},
    /* Dates of one month printed "28 August 2024" under a short label: a
     * river between month and year on every row, and a rupee sign set
     * tight before each amount makes the year look like a cell's start;
     * the date column keeps its year, the narration does not begin with
     * it. */
    {"date_cut_between_month_and_year_keeps_its_year",
     (const struct placed[]){
         {0, 60, .header = ENTRY_DT_NARRATIVE},
         ROW(0, 80, {"26", 32, 43.5f}, {"August", 46.3f, 77.8f}, {"2024", 80.6f, 103.5f}, {"Paid", 128.0f, 150.0f},
             {"to", 152.8f, 163.8f}, {"IRCTC", 166.6f, 194.1f}, {"\u20b9", 340, 347.5f}, {"372.85", 348.6f, 380},
             {"9,627.15", 505, 545}),
         ROW(0, 92, {"27", 32, 43.5f}, {"August", 46.3f, 77.8f}, {"2024", 80.6f, 103.5f}, {"Paid", 128.0f, 150.0f},
             {"at", 152.8f, 163.8f}, {"NYKAA", 166.6f, 194.1f}, {"\u20b9", 340, 347.5f}, {"1,088.70", 348.6f, 380},
             {"8,538.45", 505, 545}),
         ROW(0, 104, {"27", 32, 43.5f}, {"August", 46.3f, 77.8f}, {"2024", 80.6f, 103.5f}, {"Salary", 128.0f, 161.0f},
             {"ACME", 163.8f, 185.8f}, {"\u20b9", 405, 412.5f}, {"44,500.00", 413.6f, 445}, {"53,038.45", 505, 545}),
         ROW(0, 116, {"28", 32, 43.5f}, {"August", 46.3f, 77.8f}, {"2024", 80.6f, 103.5f}, {"Paid", 128.0f, 150.0f},
             {"to", 152.8f, 163.8f}, {"INDIAN", 166.6f, 199.6f}, {"OIL", 202.4f, 218.9f}, {"\u20b9", 340, 347.5f},
             {"865.01", 348.6f, 380}, {"52,173.44", 505, 545}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20240826, .note = "Paid to IRCTC", .type = DR},
                  {.i = 2, .date = 20240827, .note = "Salary ACME", .type = CR},
                  {.i = 3, .date = 20240828, .note = "Paid to INDIAN OIL"}},
         .balances_ok = YES,
     }},
    /* The date and the narration in one cell ('Date / Particulars'): the
     * narration printed under the date starts where the date does, its
     * first word in the date column; it begins the narration. A page's
     * footer at the margin, left of that cell, running from the date
     * column into the narration's, is no narration of the page's last row. */
    {"narration_under_the_date_in_one_cell_and_a_footer_left_of_it",
     (const struct placed[]){
         {0, 148, .header = DATE_PARTICULARS},
         {0, 0, .header = ONE_CELL_ROWS},
         ROW(0, 305, {"India", 25, 45}, {"Post", 47.5f, 65}, {"Payments", 67.5f, 105}, {"Bank.", 107.5f, 130},
             {"This", 132.5f, 150}, {"is", 152.5f, 160}, {"a", 162.5f, 167}, {"system", 169.5f, 198},
             {"generated", 200.5f, 240}, {"statement.", 242.5f, 285}),
         {1, 148, .header = DATE_PARTICULARS},
         ROW(1, 163, {"06-06-2023", 31, 78}, {"400.00", 581, 622.2f}, {"11,000.00", 712.1f, 761}),
         ROW(1, 176, {"UPI", 31.0f, 46.3f}, {"TO", 48.8f, 60}, {"RAVI", 62.5f, 85}),
         {.s = NULL}},
     {
         .ntxns = 6,
         .txns = {{.i = 0, .date = 20230601, .note = "ATM CASH WDL/S1A91796/CHENNAI", .type = DR},
                  {.i = 1, .date = 20230602, .note = "BY CASH DEPOSIT", .type = CR},
                  {.i = 2, .date = 20230603, .note = "SMS CHGS QUARTERLY", .type = DR},
                  {.i = 3, .date = 20230604, .note = "NEFT CR REFUND", .type = CR},
                  {.i = 4, .date = 20230605, .note = "POS GROCERY", .type = DR},
                  {.i = 5, .date = 20230606, .note = "UPI TO RAVI", .type = DR}},
         .balances_ok = YES,
     }},
    /* The date and the narration in one cell under a narration label and
     * no date label ("Txn Description"): the column's cells are dates on
     * each row's first line, so it is the date's and the narration's cell,
     * the narration under the date. */
    {"date_and_narration_in_one_cell_under_a_narration_label",
     (const struct placed[]){
         {0, 148, .header = TXN_DESCRIPTION_ONE_CELL},
         {0, 0, .header = ONE_CELL_ROWS},
         {.s = NULL}},
     {
         .ntxns = 5,
         .txns = {{.i = 0, .date = 20230601, .note = "ATM CASH WDL/S1A91796/CHENNAI", .type = DR},
                  {.i = 1, .date = 20230602, .note = "BY CASH DEPOSIT", .type = CR},
                  {.i = 4, .date = 20230605, .note = "POS GROCERY", .type = DR}},
         .balances_ok = YES,
     }},
    /* The same cell under words no phrase knows, the other cells centred
     * against it: the date alone on the cell's first line, the narration
     * under it beside the row's amounts. The narration's lines still show
     * the cell holds the narration under each date (they print no date). */
    {"date_alone_over_the_narration_and_amounts_in_one_cell_under_unknown_words",
     (const struct placed[]){
         {0, 148, .header = ACCOUNT_ACTIVITY},
         ROW(0, 163, {"01-06-2023", 31, 78}),
         ROW(0, 172, {"ATM", 31, 46.3f}, {"CASH", 48.8f, 69.2f}, {"WDL/S1A91796/CHENNAI", 71.7f, 173.7f},
             {"5,000.00", 581, 622.2f}, {"10,000.00", 712.1f, 761}),
         ROW(0, 186, {"02-06-2023", 31, 78}),
         ROW(0, 195, {"BY", 31, 41.2f}, {"CASH", 43.7f, 64.1f}, {"DEPOSIT", 66.6f, 102.3f}, {"1,000.00", 638.4f, 687.3f},
             {"11,000.00", 712.1f, 761}),
         ROW(0, 209, {"03-06-2023", 31, 78}),
         ROW(0, 218, {"SMS", 31, 46.3f}, {"CHGS", 48.8f, 69.2f}, {"QUARTERLY", 71.7f, 117.6f}, {"20.00", 596, 622.2f},
             {"10,980.00", 712.1f, 761}),
         ROW(0, 232, {"04-06-2023", 31, 78}),
         ROW(0, 241, {"NEFT", 31, 52}, {"CR", 54.5f, 66}, {"REFUND", 68.5f, 100}, {"500.00", 655, 687.3f},
             {"11,480.00", 712.1f, 761}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20230601, .note = "ATM CASH WDL/S1A91796/CHENNAI", .type = DR, .amount = 500000},
                  {.i = 1, .date = 20230602, .note = "BY CASH DEPOSIT", .type = CR},
                  {.i = 3, .date = 20230604, .note = "NEFT CR REFUND", .type = CR, .balance = 1148000}},
     }},
    /* The same cell with the date in words ("01 June 2023", three words
     * the first of which alone is no date): the date's label ends where
     * those words end, so the month and year are the date's, not the
     * narration's first words. It was refused (no row had a date). */
    {"date_in_words_and_narration_in_one_cell",
     (const struct placed[]){
         {0, 148, .header = TXN_DESCRIPTION_ONE_CELL},
         ROW(0, 163, {"01", 31, 40}, {"June", 43, 63}, {"2023", 66, 86}, {"5,000.00", 581, 622.2f},
             {"10,000.00", 712.1f, 761}),
         ROW(0, 176, {"ATM", 31.0f, 46.3f}, {"CASH", 48.8f, 69.2f}, {"WDL/S1A91796/CHENNAI", 71.7f, 173.7f}),
         ROW(0, 190, {"02", 31, 40}, {"June", 43, 63}, {"2023", 66, 86}, {"1,000.00", 638.4f, 687.3f},
             {"11,000.00", 712.1f, 761}),
         ROW(0, 203, {"BY", 31.0f, 41.2f}, {"CASH", 43.7f, 64.1f}, {"DEPOSIT", 66.6f, 102.3f}),
         ROW(0, 217, {"03", 31, 40}, {"June", 43, 63}, {"2023", 66, 86}, {"20.00", 581, 622.2f},
             {"10,980.00", 712.1f, 761}),
         ROW(0, 230, {"SMS", 31.0f, 46.3f}, {"CHGS", 48.8f, 69.2f}, {"QUARTERLY", 71.7f, 117.6f}),
         ROW(0, 244, {"04", 31, 40}, {"June", 43, 63}, {"2023", 66, 86}, {"500.00", 638.4f, 687.3f},
             {"11,480.00", 712.1f, 761}),
         ROW(0, 257, {"NEFT", 31.0f, 52}, {"CR", 54.5f, 66}, {"REFUND", 68.5f, 100}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20230601, .note = "ATM CASH WDL/S1A91796/CHENNAI", .type = DR},
                  {.i = 1, .date = 20230602, .note = "BY CASH DEPOSIT", .type = CR},
                  {.i = 3, .date = 20230604, .note = "NEFT CR REFUND", .type = CR}},
         .balances_ok = YES,
     }},
    /* The same cell under words no phrase knows, the date in words alone
     * on the cell's first line ("02 September 2022"), the amounts and the
     * narration on lines under it: nothing follows the year on its line,
     * and the column's edge, halfway between the date's label and the
     * narration's, cut the date before its year ("02 September" alone
     * reads as a date of no year). The year is the date's, never the first
     * word of every narration (a held-out statement read so while its
     * chain reconciled). */
    {"date_in_words_alone_over_its_narration_keeps_its_year",
     (const struct placed[]){
         {0, 148, .header = NATURE_OF_TXN},
         ROW(0, 163, {"02", 42, 50.9f}, {"September", 53.1f, 92.7f}, {"2022", 94.9f, 112.7f}),
         ROW(0, 169, {"1,07,000.00", 692, 738}, {"1,85,769.87", 753, 799}),
         ROW(0, 175, {"NEFT/BARBN346767/SUNRISE", 42, 160}, {"LOGISTICS", 162.2f, 200}),
         ROW(0, 192, {"02", 42, 50.9f}, {"September", 53.1f, 92.7f}, {"2022", 94.9f, 112.7f}),
         ROW(0, 198, {"574451809914", 558, 606}, {"1,861.33", 649, 679}, {"1,83,908.54", 753, 799}),
         ROW(0, 204, {"UPI/DR/574451809914/LAKSHMI", 42, 170}),
         ROW(0, 221, {"03", 42, 50.9f}, {"December", 53.1f, 90.5f}, {"2022", 92.7f, 110.5f}),
         ROW(0, 227, {"85,000.00", 649, 679}, {"98,908.54", 757.4f, 799}),
         ROW(0, 233, {"TRF", 42, 56.2f}, {"TO", 58.4f, 69}, {"TD", 71.2f, 81}, {"A/C", 83.2f, 97.4f},
             {"8853029979509", 99.6f, 160}),
         ROW(0, 250, {"05", 42, 50.9f}, {"December", 53.1f, 90.5f}, {"2022", 92.7f, 110.5f}),
         ROW(0, 256, {"8,199.00", 649, 679}, {"90,709.54", 757.4f, 799}),
         ROW(0, 262, {"ACH", 42, 59}, {"DR/FINANCE", 61.2f, 110}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20220902, .note = "NEFT/BARBN346767/SUNRISE LOGISTICS", .type = CR},
                  {.i = 1, .date = 20220902, .note = "UPI/DR/574451809914/LAKSHMI", .type = DR},
                  {.i = 2, .date = 20221203, .note = "TRF TO TD A/C 8853029979509", .type = DR},
                  {.i = 3, .date = 20221205, .note = "ACH DR/FINANCE", .type = DR}},
     }},
    /* The same cell in a monospaced font: a narration line's first word
     * ("BY") alone in the date column is one of the font's spaces (as wide
     * as a letter) before the next, long enough to fall in the narration
     * column: it begins the narration, the line no prose across two
     * columns. */
    {"date_and_narration_in_one_cell_in_a_monospaced_font",
     (const struct placed[]){
         {0, 148, .header = TXN_DESCRIPTION_MONOSPACED},
         ROW(0, 163, {"01-06-2023", 31, 79}, {"5,000.00", 559.4f, 597.8f}, {"10,000.00", 705.4f, 748.6f}),
         ROW(0, 176, {"ATM", 31, 45.4f}, {"CASH", 50.2f, 69.4f}, {"WDL/S1A91796/CHENNAI", 74.2f, 170.2f}),
         ROW(0, 190, {"02-06-2023", 31, 79}, {"1,000.00", 630, 668.4f}, {"11,000.00", 705.4f, 748.6f}),
         ROW(0, 203, {"BY", 31, 40.6f}, {"CASH/DEPOSIT/KORAMANGALA/BR", 45.4f, 175.0f}),
         ROW(0, 217, {"03-06-2023", 31, 79}, {"20.00", 573.8f, 597.8f}, {"10,980.00", 705.4f, 748.6f}),
         ROW(0, 230, {"SMS", 31, 45.4f}, {"CHGS", 50.2f, 69.4f}, {"QUARTERLY", 74.2f, 117.4f}),
         ROW(0, 244, {"04-06-2023", 31, 79}, {"500.00", 639.6f, 668.4f}, {"11,480.00", 705.4f, 748.6f}),
         ROW(0, 257, {"NEFT", 31, 50.2f}, {"CR", 55, 64.6f}, {"REFUND", 69.4f, 98.2f}),
         ROW(0, 271, {"05-06-2023", 31, 79}, {"80.00", 573.8f, 597.8f}, {"11,400.00", 705.4f, 748.6f}),
         ROW(0, 284, {"POS", 31, 45.4f}, {"GROCERY", 50.2f, 83.8f}),
         {.s = NULL}},
     {
         .ntxns = 5,
         .txns = {{.i = 0, .date = 20230601, .note = "ATM CASH WDL/S1A91796/CHENNAI", .type = DR},
                  {.i = 1, .date = 20230602, .note = "BY CASH/DEPOSIT/KORAMANGALA/BR", .type = CR},
                  {.i = 4, .date = 20230605, .note = "POS GROCERY", .type = DR}},
         .balances_ok = YES,
     }},
    /* A day and month without its year ('10NOV') first in the date and
     * narration's one cell, the narration one of the line's spaces after it
     * (the narrowest gap on a line of single-word cells): it is the row's
     * date, not the narration's first word. */
    {"day_and_month_in_the_date_and_narration_cell_is_the_date",
     (const struct placed[]){
         {0, 100, "Statement period : 01-11-2024 to 30-11-2024"},
         {0, 148, .header = DATE_PARTICULARS},
         ROW(0, 163, {"10NOV", 31, 58}, {"ATM-WDL-S1A31845-AHMEDABAD", 62, 173.8f}, {"5,000.00", 581, 622.2f},
             {"10,000.00", 712.1f, 761}),
         ROW(0, 177, {"12NOV", 31, 58}, {"NEFT-CR-ACME-SALARY-NOV", 62, 160.9f}, {"1,000.00", 638.4f, 687.3f},
             {"11,000.00", 712.1f, 761}),
         ROW(0, 191, {"19NOV", 31, 58}, {"BILLPAY-BESCOM-078308441", 62, 165.2f}, {"20.00", 581, 622.2f},
             {"10,980.00", 712.1f, 761}),
         ROW(0, 205, {"27NOV", 31, 58}, {"ATM-WDL-S1A82596-AHMEDABAD", 62, 173.8f}, {"480.00", 581, 622.2f},
             {"10,500.00", 712.1f, 761}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20241110, .note = "ATM-WDL-S1A31845-AHMEDABAD", .type = DR},
                  {.i = 3, .date = 20241127, .note = "ATM-WDL-S1A82596-AHMEDABAD", .type = DR}},
     }},
    /* The same cell's narration wrapped onto a line of its own whose words
     * start in the date column and end there ("repay") or a little past it
     * ("merchant", its middle still in the date column): narration too. */
    {"narration_under_the_date_wrapped_onto_the_date_column_alone",
     (const struct placed[]){
         {0, 148, .header = DATE_PARTICULARS},
         ROW(0, 163, {"01-06-2023", 31, 78}, {"5,000.00", 581, 622.2f}, {"10,000.00", 712.1f, 761}),
         ROW(0, 176, {"UPI/DR/431403547619/GURPREET", 31, 160.5f}, {"RAO/YESB/loan", 163, 224}),
         ROW(0, 189, {"repay", 31, 53.5f}),
         ROW(0, 203, {"02-06-2023", 31, 78}, {"1,000.00", 638.4f, 687.3f}, {"11,000.00", 712.1f, 761}),
         ROW(0, 216, {"UPI/CR/389744981219/CROMA/Pay", 31, 170}, {"to", 172.5f, 180}),
         ROW(0, 229, {"merchant", 31, 68.5f}),
         ROW(0, 243, {"03-06-2023", 31, 78}, {"20.00", 581, 622.2f}, {"10,980.00", 712.1f, 761}),
         ROW(0, 256, {"SMS", 31.0f, 46.3f}, {"CHGS", 48.8f, 69.2f}, {"QUARTERLY", 71.7f, 117.6f}),
         ROW(0, 270, {"04-06-2023", 31, 78}, {"500.00", 638.4f, 687.3f}, {"11,480.00", 712.1f, 761}),
         ROW(0, 283, {"NEFT", 31.0f, 52}, {"CR", 54.5f, 66}, {"REFUND", 68.5f, 100}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20230601, .note = "UPI/DR/431403547619/GURPREET RAO/YESB/loan repay", .type = DR},
                  {.i = 1, .date = 20230602, .note = "UPI/CR/389744981219/CROMA/Pay to merchant", .type = CR},
                  {.i = 2, .date = 20230603, .note = "SMS CHGS QUARTERLY", .type = DR},
                  {.i = 3, .date = 20230604, .note = "NEFT CR REFUND", .type = CR}},
         .balances_ok = YES,
     }},
    /* The same in a monospaced font: a wrapped narration line of one word
     * ("MISHRA/NA", "QUARTERLY") shows no space of its own, and its middle
     * falls in the date column; the labels, one of their font's spaces
     * apart, say the date and the narration share the cell. */
    {"narration_under_the_date_wrapped_alone_in_a_monospaced_font",
     (const struct placed[]){
         {0, 148, .header = DATE_PARTICULARS_MONOSPACED},
         ROW(0, 163, {"01-06-2023", 31, 79}, {"639516631849", 300, 357.6f}, {"5,000.00", 394.4f, 432.8f},
             {"10,000.00", 530.4f, 573.6f}),
         ROW(0, 173, {"NEFT/SBINN18148385058/YESB0072118/ROHIT", 31, 218.2f}, {"PRASAD", 223, 251.8f}),
         ROW(0, 183, {"MISHRA/NA", 31, 74.2f}),
         ROW(0, 195, {"02-06-2023", 31, 79}, {"1,000.00", 470, 508.4f}, {"11,000.00", 530.4f, 573.6f}),
         ROW(0, 205, {"ATM", 31, 45.4f}, {"WDL/S1A03688/ROHINI", 50.2f, 141.4f}),
         ROW(0, 217, {"03-06-2023", 31, 79}, {"492904928949", 300, 357.6f}, {"20.00", 408.8f, 432.8f},
             {"10,980.00", 530.4f, 573.6f}),
         ROW(0, 227, {"SMS", 31, 45.4f}, {"CHGS", 50.2f, 69.4f}),
         ROW(0, 237, {"QUARTERLY", 31, 74.2f}),
         ROW(0, 249, {"04-06-2023", 31, 79}, {"440893628639", 300, 357.6f}, {"500.00", 479.6f, 508.4f},
             {"11,480.00", 530.4f, 573.6f}),
         ROW(0, 259, {"NEFT", 31, 50.2f}, {"CR", 55, 64.6f}, {"REFUND", 69.4f, 98.2f}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20230601, .note = "NEFT/SBINN18148385058/YESB0072118/ROHIT PRASAD MISHRA/NA",
                   .type = DR, .chq_num = "639516631849"},
                  {.i = 1, .date = 20230602, .note = "ATM WDL/S1A03688/ROHINI", .type = CR},
                  {.i = 2, .date = 20230603, .note = "SMS CHGS QUARTERLY", .type = DR},
                  {.i = 3, .date = 20230604, .note = "NEFT CR REFUND", .type = CR}},
         .balances_ok = YES,
     }},
    /* A narration cell in a monospaced font running past its column: its
     * first word ("NEFT/.../BLUE") shows no space of its own, and the next
     * ("DART") is one of the font's spaces after it (as wide as a letter,
     * twice a proportional font's), not at the reference column's edge:
     * the narration runs on, "DART" is no cheque number. */
    {"narration_of_one_word_so_far_runs_on_one_monospaced_space_after",
     (const struct placed[]){
         {0, 148, .header = DATE_NARRATION_REF_MONOSPACED},
         ROW(0, 163, {"01-Nov-2024", 31, 83.8f}, {"UPI/DR/4314035/RAVI", 103.3f, 194.5f}, {"431403547619", 213, 270.6f},
             {"500.00", 313.9f, 342.7f}, {"9,500.00", 447.2f, 485.6f}),
         ROW(0, 173, {"02-Nov-2024", 31, 83.8f}, {"NEFT/KKBKN31855477755/BLUE", 103.3f, 228.1f}, {"DART", 232.9f, 252.1f},
             {"58,000.00", 356.3f, 399.5f}, {"67,500.00", 442.4f, 485.6f}),
         ROW(0, 183, {"EXPRESS", 103.3f, 136.9f}, {"LTD/NOV24/UTIB0156388", 141.7f, 242.5f}),
         ROW(0, 195, {"03-Nov-2024", 31, 83.8f}, {"ATM", 103.3f, 117.7f}, {"WDL/S1A75462", 122.5f, 180.1f},
             {"375462123456", 213, 270.6f}, {"1,000.00", 304.3f, 342.7f}, {"66,500.00", 442.4f, 485.6f}),
         ROW(0, 207, {"04-Nov-2024", 31, 83.8f}, {"UPI/DR/56252525/SHOP", 103.3f, 199.3f}, {"562525252525", 213, 270.6f},
             {"100.00", 313.9f, 342.7f}, {"66,400.00", 442.4f, 485.6f}),
         ROW(0, 219, {"05-Nov-2024", 31, 83.8f}, {"SMS", 103.3f, 117.7f}, {"CHARGES", 122.5f, 156.1f},
             {"17.70", 318.7f, 342.7f}, {"66,382.30", 442.4f, 485.6f}),
         {.s = NULL}},
     {
         .ntxns = 5,
         .txns = {{.i = 0, .note = "UPI/DR/4314035/RAVI", .chq_num = "431403547619", .type = DR},
                  {.i = 1, .note = "NEFT/KKBKN31855477755/BLUE DART EXPRESS LTD/NOV24/UTIB0156388", .chq_num = NONE,
                   .type = CR},
                  {.i = 2, .note = "ATM WDL/S1A75462", .chq_num = "375462123456", .type = DR}},
     }},
    /* A narration running over the cheque number column, its last word
     * a date one space on that starts right at the column's edge ("SB INT
     * CREDIT 01-12-2022 TO" / "31-12-2022"): no cheque or reference number
     * is a date, the narration runs on. */
    {"date_one_space_after_the_narration_at_a_cheque_columns_edge_is_narration",
     (const struct placed[]){
         {0, 148, .header = DATE_NARRATION_CHEQUE},
         ROW(0, 163, {"01-Dec-2022", 31, 73.2f}, {"UPI/DR/4314035/RAVI", 84, 160}, {"431403547619", 194, 242},
             {"500.00", 284.3f, 309.3f}, {"9,500.00", 391.1f, 423.1f}),
         ROW(0, 175, {"05-Dec-2022", 31, 73.2f}, {"ATM", 84, 100}, {"WDL/S1A75462", 102, 160},
             {"375462123456", 194, 242}, {"1,000.00", 277.3f, 309.3f}, {"8,500.00", 391.1f, 423.1f}),
         ROW(0, 187, {"10-Dec-2022", 31, 73.2f}, {"UPI/DR/5625252/SHOP", 84, 160}, {"562525252525", 194, 242},
             {"100.00", 284.3f, 309.3f}, {"8,400.00", 391.1f, 423.1f}),
         ROW(0, 199, {"31-Dec-2022", 31, 73.2f}, {"SB", 84, 93.7f}, {"INT", 95.7f, 109.1f}, {"CREDIT", 111.1f, 140},
             {"01-12-2022", 142, 179.3f}, {"TO", 181.3f, 192}, {"31-12-2022", 194, 231.3f}, {"177.13", 337.2f, 359.2f},
             {"8,577.13", 391.1f, 423.1f}),
         ROW(0, 211, {"31-Dec-2022", 31, 73.2f}, {"SMS", 84, 100}, {"CHGS", 102, 124}, {"20.00", 289.3f, 309.3f},
             {"8,557.13", 391.1f, 423.1f}),
         {.s = NULL}},
     {
         .ntxns = 5,
         .txns = {{.i = 2, .note = "UPI/DR/5625252/SHOP", .chq_num = "562525252525", .type = DR},
                  {.i = 3, .note = "SB INT CREDIT 01-12-2022 TO 31-12-2022", .chq_num = NONE, .type = CR}},
         .balances_ok = YES,
     }},
    /* A row's narration line that names two labels in four words
     * ("Cheque deposit AXIS BANK", printed above its date line) among the
     * first rows under a header whose roles are read from its cells: it is
     * no other table's header, the cells under it are still this table's
     * (it cut the sample short, the header was refused and the page's rows
     * lost while the pages after it reconciled). */
    {"row_naming_two_labels_does_not_end_the_header_sample",
     (const struct placed[]){
         ROW(0, 119.5f, {"Opening", 40, 73.7f}, {"Balance", 76.3f, 108.2f}, {":", 113.9f, 116.6f},
             {"3,752.11", 126.7f, 167.4f}),
         {0, 139.5f, .header = TXN_DT_DESCRIPTION},
         ROW(0, 161.5f, {"Received", 109.6f, 146.4f}, {"from", 149, 167.7f}, {"APOLLO", 170.3f, 202.1f},
             {"HOSPITALS", 204.6f, 249.1f}, {"ENTERPRISE", 251.6f, 301.1f}),
         ROW(0, 171.5f, {"NEFT", 109.6f, 130.2f}, {"Ref", 132.7f, 146}, {"No:", 148.6f, 162.1f},
             {"SBINN56577420940", 164.7f, 245.5f}),
         ROW(0, 181.5f, {"31/08/2025", 44, 90.1f}, {"SALARY", 109.6f, 140.6f}, {"AUG", 143.1f, 160.6f},
             {"2025", 163.2f, 183.5f}, {"38,000.00", 677.7f, 718.4f}, {"94,386.93", 757.2f, 797.9f}),
         ROW(0, 193.5f, {"Cheque", 109.6f, 140.3f}, {"deposit", 142.8f, 172.3f}, {"AXIS", 174.9f, 193.3f},
             {"BANK", 195.8f, 218}),
         ROW(0, 203.5f, {"27/08/2025", 44, 90.1f}, {"Cheque", 109.6f, 140.3f}, {"No:", 142.8f, 156.4f},
             {"613093", 159, 189.5f}, {"54,377.00", 677.7f, 718.4f}, {"56,386.93", 757.2f, 797.9f}),
         ROW(0, 215.5f, {"Refund", 109.6f, 138.2f}, {"from", 140.7f, 159.5f}, {"SWIGGY", 162, 194.7f}),
         ROW(0, 225.5f, {"26/08/2025", 44, 90.1f}, {"Ref", 109.6f, 122.9f}, {"No:", 125.5f, 139.1f},
             {"5528551148", 141.6f, 192.5f}, {"1,909.24", 682.8f, 718.4f}, {"2,009.93", 762.3f, 797.9f}),
         ROW(0, 237.5f, {"Paid", 109.6f, 126.7f}, {"to", 129.2f, 137.3f}, {"VIKRAM", 139.8f, 170.8f},
             {"LAL", 173.4f, 187.7f}, {"CHATTERJEE", 190.3f, 240.2f}),
         ROW(0, 247.5f, {"UPI", 109.6f, 122.7f}, {"Ref", 125.2f, 138.5f}, {"No:", 141.1f, 154.6f},
             {"422276525676", 157.2f, 218.3f}),
         ROW(0, 257.5f, {"24/08/2025", 44, 90.1f}, {"To:", 109.6f, 122.1f}, {"vikram44@oksbi", 124.7f, 191.4f},
             {"1,163.00", 682.8f, 718.4f}, {"100.69", 769.9f, 797.9f}),
         ROW(0, 269.5f, {"Paid", 109.6f, 126.7f}, {"to", 129.2f, 137.3f}, {"VIKRAM", 139.8f, 170.8f},
             {"LAL", 173.4f, 187.7f}, {"CHATTERJEE", 190.3f, 240.2f}),
         ROW(0, 279.5f, {"UPI", 109.6f, 122.7f}, {"Ref", 125.2f, 138.5f}, {"No:", 141.1f, 154.6f},
             {"545171298115", 157.2f, 218.3f}),
         ROW(0, 289.5f, {"23/08/2025", 44, 90.1f}, {"To:", 109.6f, 122.1f}, {"vikram93@ibl", 124.7f, 180},
             {"2,099.00", 682.8f, 718.4f}, {"1,263.69", 762.3f, 797.9f}),
         ROW(0, 301.5f, {"Paid", 109.6f, 126.7f}, {"to", 129.2f, 137.3f}, {"IMRAN", 139.8f, 166.1f},
             {"IYER", 168.6f, 186.5f}),
         ROW(0, 311.5f, {"UPI", 109.6f, 122.7f}, {"Ref", 125.2f, 138.5f}, {"No:", 141.1f, 154.6f},
             {"398647489015", 157.2f, 218.3f}),
         ROW(0, 321.5f, {"23/08/2025", 44, 90.1f}, {"To:", 109.6f, 122.1f}, {"imran80@oksbi", 124.7f, 187.1f},
             {"389.42", 690.4f, 718.4f}, {"3,362.69", 762.3f, 797.9f}),
         {.s = NULL}},
     {
         .ntxns = 6,
         .opening = 375211,
         .txns = {{.i = 0, .date = 20250823, .note = "Paid to IMRAN IYER UPI Ref No: 398647489015 To: imran80@oksbi",
                   .type = DR, .amount = 38942},
                  {.i = 4, .date = 20250827, .note = "Cheque deposit AXIS BANK Cheque No: 613093", .type = CR,
                   .amount = 5437700, .balance = 5638693},
                  {.i = 5, .date = 20250831, .note = "Received from APOLLO HOSPITALS ENTERPRISE NEFT Ref No: SBINN56577420940 SALARY AUG 2025",
                   .type = CR}},
         .balances_ok = YES,
     }},
    /* Labels no phrase knows read from their cells: "Booking" joins
     * "Date", "Nature of" joins "Txn", and the narration is the text
     * column holding the most text, counted over both parts of its label:
     * the count went with the wrong column after the merges, and the few
     * references under "Instr." were taken for the narration. */
    {"narration_is_the_longest_text_counted_over_a_merged_label",
     (const struct placed[]){
         {0, 136.6f, .header = BOOKING_NATURE_OF_TXN},
         {0, 0, .header = NATURE_OF_TXN_ROWS},
         {.s = NULL}},
     {
         .ntxns = 8,
         .txns = {{.i = 1, .date = 20221007, .note = "ECOM/RAZORPAY*NYKAA/4852780500", .type = DR, .amount = 562109},
                  {.i = 3, .note = "UPI/DR/683702460981/OLA CABS/INDB/merchant2849@INDUSIND/Pay to merchant"},
                  {.i = 6, .note = "TO CLG/AMIT PATEL", .amount = 3315300, .balance = 846998}},
     }},
    /* The same labels set in a monospaced font (a space 0.6 em), "Ref."
     * under "Instr.": "Booking" and "Net", a space before "Date" and
     * "Balance", are words of those labels when telling a header line
     * from a title, so the two lines are one header; the references are
     * read under "Instr." and "Ref." is no row's text (the top line counted
     * 4 header words in 10, the lower line was taken for the first row's
     * reference: silently wrong). */
    {"label_words_a_space_beside_known_ones_keep_a_two_line_header",
     (const struct placed[]){
         {0, 136.6f, .header = BOOKING_NATURE_INSTR},
         {0, 0, .header = NATURE_OF_TXN_ROWS},
         {.s = NULL}},
     {
         .ntxns = 8,
         .txns = {{.i = 0, .note = "NEFT/SBINN32935479792/ZENITH SOFTWARE SOLUTIONS/OCT22/HDFC0356575", .chq_num = NONE},
                  {.i = 1, .note = "ECOM/RAZORPAY*NYKAA/4852780500", .chq_num = NONE},
                  {.i = 3, .chq_num = "683702460981"},
                  {.i = 6, .note = "TO CLG/AMIT PATEL", .chq_num = "256039"}},
     }},
    /* "of Txn" a monospaced space after "Date", over nothing but the
     * dates' run-on ("01" under "Date", "June" under "of"; the year on the
     * line below, the statement's period its year): a word of the date's label, not a column of its own
     * that would cut each date in two (the statement was refused). */
    {"unknown_word_a_space_after_the_date_label_over_its_dates_run_on_joins_it",
     (const struct placed[]){
         ROW(0, 40, {"Statement", 32, 75.2f}, {"Period", 80, 108.8f}, {":", 113.6f, 118.4f},
             {"01-06-2024", 123.2f, 171.2f}, {"to", 176, 185.6f}, {"30-06-2024", 190.4f, 238.4f}),
         {0, 60, .header = DATE_OF_TXN},
         ROW(0, 80, {"01", 32, 41.6f}, {"June", 46.4f, 65.6f}, {"SALARY", 110, 138.8f}, {"5,000.00", 370.4f, 408.8f},
             {"15,000.00", 450.4f, 493.6f}),
         ROW(0, 90, {"2024", 32, 51.2f}),
         ROW(0, 102, {"03", 32, 41.6f}, {"June", 46.4f, 65.6f}, {"RENT", 110, 129.2f}, {"4,000.00", 285.6f, 324},
             {"11,000.00", 450.4f, 493.6f}),
         ROW(0, 112, {"2024", 32, 51.2f}),
         ROW(0, 124, {"05", 32, 41.6f}, {"June", 46.4f, 65.6f}, {"ATM", 110, 124.4f}, {"500.00", 295.2f, 324},
             {"10,500.00", 450.4f, 493.6f}),
         ROW(0, 134, {"2024", 32, 51.2f}),
         ROW(0, 146, {"07", 32, 41.6f}, {"June", 46.4f, 65.6f}, {"REFUND", 110, 138.8f}, {"100.00", 380, 408.8f},
             {"10,600.00", 450.4f, 493.6f}),
         ROW(0, 156, {"2024", 32, 51.2f}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20240601, .note = "SALARY", .type = CR, .amount = 500000},
                  {.i = 1, .date = 20240603, .type = DR, .amount = 400000},
                  {.i = 3, .date = 20240607, .note = "REFUND", .type = CR}},
         .balances_ok = YES,
     }},
    /* "Entry" a monospaced space before "Dt", over nothing of its own: its
     * dates' first words ("01" of "01 February 2024") run on under "Dt",
     * and a footer's sentence runs across the table under both. A word of
     * the date's label, though the footer puts text under it (the column
     * of its own cut each date in two: the statement was refused). */
    {"unknown_word_a_space_before_the_date_label_with_a_footer_across_joins_it",
     (const struct placed[]){
         {0, 60, .header = ENTRY_DT},
         ROW(0, 80, {"01", 32, 41.6f}, {"February", 46.4f, 84.8f}, {"2024", 89.6f, 108.8f}, {"SALARY", 200, 228.8f},
             {"5,000.00", 390.4f, 428.8f}, {"15,000.00", 470.4f, 513.6f}),
         ROW(0, 92, {"02", 32, 41.6f}, {"February", 46.4f, 84.8f}, {"2024", 89.6f, 108.8f}, {"RENT", 200, 219.2f},
             {"4,000.00", 315.6f, 354}, {"11,000.00", 470.4f, 513.6f}),
         ROW(0, 104, {"04", 32, 41.6f}, {"February", 46.4f, 84.8f}, {"2024", 89.6f, 108.8f}, {"ATM", 200, 214.4f},
             {"500.00", 325.2f, 354}, {"10,500.00", 470.4f, 513.6f}),
         ROW(0, 116, {"06", 32, 41.6f}, {"February", 46.4f, 84.8f}, {"2024", 89.6f, 108.8f}, {"REFUND", 200, 228.8f},
             {"100.00", 400, 428.8f}, {"10,600.00", 470.4f, 513.6f}),
         ROW(0, 140, {"This", 32, 51.2f}, {"is", 56, 65.6f}, {"a", 70.4f, 75.2f}, {"computer", 80, 118.4f},
             {"generated", 123.2f, 166.4f}, {"statement", 171.2f, 214.4f}, {"and", 219.2f, 233.6f},
             {"needs", 238.4f, 262.4f}, {"no", 267.2f, 276.8f}, {"signature.", 281.6f, 329.6f}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20240201, .note = "SALARY", .type = CR, .amount = 500000},
                  {.i = 2, .date = 20240204, .type = DR, .amount = 50000},
                  {.i = 3, .date = 20240206, .note = "REFUND", .type = CR}},
         .balances_ok = YES,
     }},
    /* "Nature of Txn", three words no phrase knows, each a monospaced
     * space after the one before (0.6 em, as read 4.85 pt at 8 pt), with
     * a footer's page number ("Page 1 of 2") under "of": one label. Taken
     * for three, "of" read as serial numbers from that one number, joined
     * neither neighbour, and the narrations' first words under "Nature"
     * fell to a column of their own (notes empty, chain reconciled: silent). */
    {"unknown_label_words_a_monospaced_space_apart_are_one_label",
     (const struct placed[]){
         ROW(0, 60, {"Date", 32, 51.2f}, {"Nature", 97.8f, 126.6f}, {"of", 131.45f, 141.05f},
             {"Txn", 145.9f, 160.3f}, {"Debit", 300, 324}, {"Credit", 380, 408.8f}, {"Balance", 460, 493.6f}),
         ROW(0, 80, {"01-02-2024", 32, 80}, {"VPS/INDIAN", 97.8f, 145.8f}, {"OIL/HYDERABAD", 150.6f, 213},
             {"300.00", 295.2f, 324}, {"14,700.00", 450.4f, 493.6f}),
         ROW(0, 92, {"02-02-2024", 32, 80}, {"NEFT-BARBN28862097228-WIPRO", 97.8f, 227.4f},
             {"5,000.00", 370.4f, 408.8f}, {"19,700.00", 450.4f, 493.6f}),
         ROW(0, 104, {"04-02-2024", 32, 80}, {"ACH/MUTHOOT", 97.8f, 150.6f}, {"FINANCE", 155.4f, 189},
             {"4,000.00", 285.6f, 324}, {"15,700.00", 450.4f, 493.6f}),
         ROW(0, 116, {"06-02-2024", 32, 80}, {"UPI/689722894843/Sent", 97.8f, 198.6f}, {"using", 203.4f, 227.4f},
             {"Paytm", 232.2f, 256.2f}, {"100.00", 380, 408.8f}, {"15,800.00", 450.4f, 493.6f}),
         ROW(0, 140, {"Printed", 32, 65.6f}, {"on", 70.4f, 80}, {"Page", 84.8f, 104}, {"1", 108.8f, 113.6f},
             {"of", 118.4f, 128}, {"2", 132.8f, 137.6f}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 0, .date = 20240201, .note = "VPS/INDIAN OIL/HYDERABAD", .type = DR, .amount = 30000},
                  {.i = 2, .note = "ACH/MUTHOOT FINANCE", .type = DR, .amount = 400000},
                  {.i = 3, .note = "UPI/689722894843/Sent using Paytm", .type = CR}},
         .balances_ok = YES,
     }},
    /* The narration last, a space after the balances (4.5 pt at 8 pt), under
     * words no phrase knows ("Txn Remarks"), its cells starting at their
     * label, as read a hair left of it: they follow an amount and run on
     * no cell (taken for the balances' run-on text, the balances were read
     * as text: no table, the statement refused). */
    {"narration_a_space_after_the_balances_starting_at_its_label_is_a_cell_of_its_own",
     (const struct placed[]){
         ROW(0, 60, {"Date", 30, 48}, {"Outflow", 90, 122}, {"Inflow", 150, 176}, {"Ledger", 210, 238},
             {"Balance", 241, 272}, {"Txn", 276.7f, 292}, {"Remarks", 295, 330}),
         ROW(0, 75, {"01/10/2023", 30, 75}, {"1,628.00", 88, 122}, {"1,61,788.59", 225, 272},
             {"UPI/DR/305570744884/SUNITA", 276.5f, 400}, {"RANI", 403, 422}),
         ROW(0, 85, {"/SBIN/sunita70@ibl/rent", 276.5f, 380}),
         ROW(0, 97, {"02/10/2023", 30, 75}, {"6,725.00", 142, 176}, {"1,68,513.59", 225, 272},
             {"NEFT/HDFCN12182653828/PAYMENT", 276.5f, 410}),
         ROW(0, 109, {"03/10/2023", 30, 75}, {"1,751.11", 88, 122}, {"1,66,762.48", 225, 272},
             {"UPI/DR/530998481624/SUNITA", 276.5f, 400}, {"RANI", 403, 422}),
         ROW(0, 121, {"04/10/2023", 30, 75}, {"500.00", 96, 122}, {"1,66,262.48", 225, 272},
             {"ATM", 276.5f, 293}, {"WDL/S1A1234/MUMBAI", 296, 380}),
         ROW(0, 133, {"05/10/2023", 30, 75}, {"262.48", 96, 122}, {"1,66,000.00", 225, 272},
             {"POS/STAR", 276.5f, 315}, {"BAZAAR/MUMBAI", 318, 380}),
         {.s = NULL}},
     {
         .ntxns = 5,
         .txns = {{.i = 0, .type = DR, .amount = 162800, .balance = 16178859,
                   .note = "UPI/DR/305570744884/SUNITA RANI /SBIN/sunita70@ibl/rent"},
                  {.i = 1, .type = CR, .amount = 672500, .note = "NEFT/HDFCN12182653828/PAYMENT"},
                  {.i = 4, .type = DR, .balance = 16600000, .note = "POS/STAR BAZAAR/MUMBAI"}},
         .balances_ok = YES,
     }},
    /* The narration last under words no phrase knows ("Purpose of
     * Payment"), less than a space after "Closing Balance": read as words
     * of the balance's label, whose cells were then text (no table, the
     * statement refused). Under the label's own words are balances, under
     * the words after it text: two labels, the narration the second. */
    {"unknown_label_a_space_after_the_balance_label_over_text_is_a_column_of_its_own",
     (const struct placed[]){
         ROW(0, 60, {"Date", 30, 48}, {"Cheque", 90, 118}, {"No.", 121, 134}, {"Withdrawal", 170, 215},
             {"Deposit", 240, 270}, {"Closing", 300, 332}, {"Balance", 335, 368}, {"Purpose", 372, 404},
             {"of", 407, 415}, {"Payment", 418, 455}),
         ROW(0, 75, {"01/11/2024", 30, 75}, {"432412609569", 90, 150}, {"2,395.00", 181, 215},
             {"3,008.74", 322, 354}, {"Cr.", 356, 366}, {"UPI/DR/432412609569/ANJALI", 372, 490}),
         ROW(0, 87, {"03/11/2024", 30, 75}, {"354.00", 189, 215}, {"2,654.74", 322, 354}, {"Cr.", 356, 366},
             {"ACH", 372, 388}, {"RTN", 391, 407}, {"CHGS", 410, 432}),
         ROW(0, 99, {"04/11/2024", 30, 75}, {"1,000.00", 236, 270}, {"3,654.74", 322, 354}, {"Cr.", 356, 366},
             {"NEFT", 372, 392}, {"CR", 395, 406}, {"SALARY", 409, 440}),
         ROW(0, 111, {"05/11/2024", 30, 75}, {"654.74", 189, 215}, {"3,000.00", 322, 354}, {"Cr.", 356, 366},
             {"ATM", 372, 388}, {"WDL", 391, 410}),
         ROW(0, 123, {"06/11/2024", 30, 75}, {"500.00", 244, 270}, {"3,500.00", 322, 354}, {"Cr.", 356, 366},
             {"REFUND", 372, 404}),
         {.s = NULL}},
     {
         .ntxns = 5,
         .txns = {{.i = 0, .date = 20241101, .note = "UPI/DR/432412609569/ANJALI", .type = DR, .amount = 239500,
                   .balance = 300874},
                  {.i = 2, .note = "NEFT CR SALARY", .type = CR, .amount = 100000, .balance = 365474},
                  {.i = 4, .note = "REFUND", .type = CR, .amount = 50000, .balance = 350000}},
         .balances_ok = YES,
     }},
    /* Narrations flush right under "Particulars of Transaction", its
     * last word a column gap (0.75 em) before "Reference Id" and a space
     * after "of": "Transaction Reference" is a label of its own, but
     * matched here it took the narration label's right half, the boundary
     * fell inside the narrations and their first lines (and lines of one
     * word) were read as references (chain reconciled: silent). */
    {"label_word_a_space_after_its_label_does_not_start_a_phrase_across_a_column_gap",
     (const struct placed[]){
         ROW(0, 60, {"Entry", 43, 63}, {"Dt", 66, 74}, {"Particulars", 210, 254}, {"of", 257, 264},
             {"Transaction", 266, 312}, {"Reference", 318, 356}, {"Id", 359, 366}, {"Dr.", 385, 397},
             {"Amount", 399, 429}, {"Cr.", 441, 453}, {"Amount", 455, 485}, {"Book", 499, 519},
             {"Balance", 522, 552}),
         ROW(0, 72, {"01-10-2023", 43, 83}, {"UPI/DR/348070145069/BIG", 213, 312}, {"348070145069", 318, 371},
             {"3,892.34", 398, 429}, {"1,956.29", 521, 552}),
         ROW(0, 81, {"BAZAAR/INDB/merchant5296@INDUSIND/Pay", 133, 303}, {"to", 305, 312}),
         ROW(0, 90, {"merchant", 278, 312}),
         ROW(0, 102, {"02-10-2023", 43, 83}, {"CLG", 142, 158}, {"RETURN/FUNDS", 161, 224},
             {"INSUFFICIENT/MEERA", 226, 312}, {"346659", 318, 344}, {"1,000.00", 398, 429}, {"956.29", 525, 552}),
         ROW(0, 111, {"DESHPANDE", 262, 312}),
         ROW(0, 123, {"03-10-2023", 43, 83}, {"IMPS/P2A/303165962610/NEHA", 180, 282}, {"PRASAD", 285, 312},
             {"303165962610", 318, 371}, {"500.00", 459, 485}, {"1,456.29", 521, 552}),
         ROW(0, 132, {"RAO/XX7368/RENT", 244, 312}),
         ROW(0, 144, {"04-10-2023", 43, 83}, {"GST", 218, 234}, {"ON", 237, 249}, {"ACH", 251, 268},
             {"RTN", 270, 286}, {"CHGS", 289, 312}, {"106.20", 405, 429}, {"1,350.09", 521, 552}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 0, .note = "UPI/DR/348070145069/BIG BAZAAR/INDB/merchant5296@INDUSIND/Pay to merchant",
                   .chq_num = "348070145069", .type = DR, .amount = 389234},
                  {.i = 1, .note = "CLG RETURN/FUNDS INSUFFICIENT/MEERA DESHPANDE", .chq_num = "346659"},
                  {.i = 2, .note = "IMPS/P2A/303165962610/NEHA PRASAD RAO/XX7368/RENT", .chq_num = "303165962610",
                   .type = CR},
                  {.i = 3, .note = "GST ON ACH RTN CHGS", .chq_num = NONE, .balance = 135009}},
         .balances_ok = YES,
     }},
    /* labels as close as the words inside them ("Posting Date Clearing
     * Date Txn Particulars" half an em apart): "Date Txn" is a phrase,
     * but the narrations start under "Txn" and the value dates under
     * "Clearing": each column's label begins where its cells do */
    {"labels_a_space_apart_part_where_the_columns_of_cells_below_start",
     (const struct placed[]){
         ROW(0, 60, {"Posting", 47.7f, 81.8f}, {"Date", 84.6f, 105.9f}, {"Clearing", 109.9f, 147.4f},
             {"Date", 150.1f, 171.4f}, {"Txn", 175.4f, 191.7f}, {"Particulars", 194.5f, 243.5f},
             {"Cheque", 438.2f, 472.0f}, {"Number", 474.8f, 510.6f}, {"Amount", 553.2f, 588.4f},
             {"Balance", 616.1f, 651.6f}),
         ROW(0, 72, {"01-07-2023", 47.7f, 94.2f}, {"02-07-2023", 109.9f, 156.3f},
             {"NEFT-KKBKN53683703932-APOLLO", 175.5f, 316.8f}, {"HOSPITALS", 319.3f, 363.7f},
             {"KKBKN53683703932", 438.2f, 521.4f}, {"85,000.00", 547.7f, 588.4f}, {"1,70,217.17", 603.3f, 651.6f}),
         ROW(0, 82, {"ENTERPRISE-SALARY", 175.5f, 258.7f}, {"JUL", 261.2f, 273.9f}, {"2023", 276.4f, 296.7f}),
         ROW(0, 94, {"05-07-2023", 47.7f, 94.2f}, {"05-07-2023", 109.9f, 156.3f},
             {"UPI/546891097050/DR/HARPREET", 175.5f, 311.8f}, {"546891097050", 438.2f, 499.3f},
             {"(4,361.00)", 546.6f, 588.5f}, {"1,65,856.17", 603.3f, 651.6f}),
         ROW(0, 104, {"SHEIKH/CANARA/harpreet08@oksbi", 175.5f, 317.9f}),
         ROW(0, 117, {"06-07-2023", 47.7f, 94.2f}, {"07-07-2023", 109.9f, 156.3f},
             {"IMPS-544577195482-SELF-CANARA", 175.5f, 317.1f}, {"XX5847", 319.6f, 350.9f},
             {"544577195482", 438.2f, 499.3f}, {"(38,000.00)", 541.5f, 588.4f}, {"1,27,856.17", 603.3f, 651.6f}),
         ROW(0, 129, {"06-07-2023", 47.7f, 94.2f}, {"06-07-2023", 109.9f, 156.3f},
             {"POS-9155-IRCTC-CHENNAI", 175.5f, 281.1f}, {"(8,884.49)", 546.6f, 588.5f},
             {"1,18,971.68", 603.3f, 651.7f}),
         ROW(0, 141, {"06-07-2023", 47.7f, 94.2f}, {"08-07-2023", 109.9f, 156.3f},
             {"UPI/663372556031/CR/DIVYA", 175.5f, 293.1f}, {"DEVI", 295.7f, 314.7f},
             {"663372556031", 438.2f, 499.3f}, {"3,450.00", 552.9f, 588.5f}, {"1,22,421.68", 603.3f, 651.6f}),
         ROW(0, 151, {"PILLAI/INDUSIND/divya05@okaxis", 175.5f, 310.1f}),
         {.s = NULL}},
     {
         .ntxns = 5,
         .txns = {{.i = 0, .date = 20230701, .value_date = 20230702,
                   .note = "NEFT-KKBKN53683703932-APOLLO HOSPITALS ENTERPRISE-SALARY JUL 2023"},
                  {.i = 1, .value_date = 20230705, .note = "UPI/546891097050/DR/HARPREET SHEIKH/CANARA/harpreet08@oksbi"},
                  {.i = 2, .value_date = 20230707, .type = DR, .amount = 3800000},
                  {.i = 3, .value_date = 20230706, .note = "POS-9155-IRCTC-CHENNAI"},
                  {.i = 4, .date = 20230706, .value_date = 20230708, .type = CR}},
         .balances_ok = YES,
     }},
    /* narrations under words no phrase knows ("Purpose of Txn") a space
     * after a label naming another text ("Transaction ID No."): the ids
     * start under the one, the narrations under the other, two columns
     * (joined, every narration was read as the id's) */
    {"unknown_label_where_a_column_of_cells_starts_is_no_word_of_the_label_before",
     (const struct placed[]){
         ROW(0, 60, {"S.No", 30.0f, 51.0f}, {"Date", 55.0f, 76.3f}, {"Time", 79.1f, 101.0f},
             {"Transaction", 138.4f, 191.6f}, {"ID", 194.4f, 204.0f}, {"No.", 206.8f, 222.0f},
             {"Purpose", 226.0f, 262.9f}, {"of", 265.7f, 274.7f}, {"Txn", 277.4f, 293.8f}, {"Debit", 588.8f, 613.2f},
             {"(INR)", 616.0f, 639.1f}, {"Credit", 643.1f, 670.6f}, {"(INR)", 673.4f, 696.6f},
             {"Balance", 700.6f, 736.1f}, {"(INR)", 738.9f, 762.0f}),
         ROW(0, 73.5, {"1", 45.9f, 51.0f}, {"2022-10-07", 55.0f, 101.5f}, {"17:23", 104.0f, 127.1f},
             {"FT0007196319", 138.4f, 198.8f}, {"NACH", 226.0f, 249.0f}, {"return", 251.6f, 276.4f},
             {"charges", 278.9f, 310.7f}, {"500.00", 611.1f, 639.1f}, {"3,578.70", 726.4f, 762.0f}),
         ROW(0, 84.7, {"MUTHOOT", 226.0f, 267.1f}, {"FINANCE", 269.7f, 304.7f}, {"LTD", 307.3f, 322.8f}),
         ROW(0, 97.9, {"2", 45.9f, 51.0f}, {"2022-10-07", 55.0f, 101.5f}, {"19:00", 104.0f, 127.1f},
             {"FT0007204238", 138.4f, 198.8f}, {"GST", 226.0f, 242.2f}, {"on", 244.7f, 254.7f}, {"ACH", 257.2f, 274.3f},
             {"RTN", 276.8f, 293.3f}, {"CHGS", 295.8f, 318.7f}, {"90.00", 616.2f, 639.1f},
             {"3,488.70", 726.4f, 762.0f}),
         ROW(0, 111.1, {"3", 45.9f, 51.0f}, {"2022-10-08", 55.0f, 101.5f}, {"20:37", 104.0f, 127.1f},
             {"FT0007212157", 138.4f, 198.8f}, {"Received", 226.0f, 262.7f}, {"from", 265.3f, 284.1f},
             {"SUNRISE", 286.6f, 321.6f}, {"LOGISTICS", 324.1f, 366.5f}, {"84,000.00", 655.9f, 696.6f},
             {"87,488.70", 721.3f, 762.0f}),
         ROW(0, 122.3, {"SALARY", 226.0f, 256.9f}, {"OCT", 259.5f, 276.2f}, {"2022", 278.8f, 299.1f}),
         ROW(0, 135.5, {"4", 45.9f, 51.0f}, {"2022-10-10", 55.0f, 101.5f}, {"09:12", 104.0f, 127.1f},
             {"FT0007220076", 138.4f, 198.8f}, {"Auto", 226.0f, 246.2f}, {"debit", 248.7f, 271.9f},
             {"to", 274.4f, 283.6f}, {"BAJAJ", 286.1f, 311.2f}, {"FINANCE", 313.7f, 348.7f},
             {"2,447.00", 603.5f, 639.1f}, {"85,041.70", 721.3f, 762.0f}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .txns = {{.i = 0, .note = "NACH return charges MUTHOOT FINANCE LTD", .type = DR, .amount = 50000},
                  {.i = 1, .note = "GST on ACH RTN CHGS"},
                  {.i = 2, .note = "Received from SUNRISE LOGISTICS SALARY OCT 2022", .type = CR},
                  {.i = 3, .note = "Auto debit to BAJAJ FINANCE", .balance = 8504170}},
         .balances_ok = YES,
     }},
    /* narrations last, under words no phrase knows ("Purpose of" then
     * "Txn" a little more than a monospaced space apart) half an em after
     * the balance's label: "Purpose of" holds no cell of its own (the
     * narrations' middles fall under "Txn"), but the narrations start
     * under it; it is no word of the balance's label (the narrations' first
     * words were read as the balances') */
    {"piece_where_a_column_of_cells_starts_is_no_word_of_the_label_before_it",
     (const struct placed[]){
         ROW(0, 60, {"Date", 31.0f, 50.2f}, {"Debit", 120.0f, 144.0f}, {"Credit", 170.0f, 198.8f},
             {"Balance", 232.0f, 265.6f}, {"Purpose", 272.4f, 306.0f}, {"of", 310.4f, 320.0f}, {"Txn", 324.9f, 339.3f}),
         ROW(0, 72, {"01-04-2024", 31.0f, 79.0f}, {"7957.00", 110.4f, 144.0f}, {"16992.50", 227.2f, 265.6f},
             {"NEFT-UTIBN19130282727-AMIT", 272.4f, 397.2f}, {"RANI", 402.0f, 421.2f}),
         ROW(0, 84, {"02-04-2024", 31.0f, 79.0f}, {"500.00", 115.2f, 144.0f}, {"16492.50", 227.2f, 265.6f},
             {"NACH", 272.4f, 291.6f}, {"RETURN", 296.4f, 325.2f}, {"CHARGES", 330.0f, 363.6f}, {"MAHINDRA", 368.4f, 406.8f}),
         ROW(0, 96, {"02-04-2024", 31.0f, 79.0f}, {"90.00", 120.0f, 144.0f}, {"16402.50", 227.2f, 265.6f},
             {"GST", 272.4f, 286.8f}, {"ON", 291.6f, 301.2f}, {"ACH", 306.0f, 320.4f}, {"RTN", 325.2f, 339.6f},
             {"CHGS", 344.4f, 363.6f}, {"MAHINDRA", 368.4f, 406.8f}, {"FIN", 411.6f, 426.0f}),
         ROW(0, 108, {"03-04-2024", 31.0f, 79.0f}, {"42000.00", 160.0f, 198.8f}, {"58402.50", 227.2f, 265.6f},
             {"NEFT-KKBKN79497174709-ZENITH", 272.4f, 406.8f}, {"SALARY", 411.6f, 440.4f}),
         ROW(0, 120, {"04-04-2024", 31.0f, 79.0f}, {"1427.00", 110.4f, 144.0f}, {"56975.50", 227.2f, 265.6f},
             {"CHQ", 272.4f, 286.8f}, {"PAID-FATIMA", 291.6f, 344.4f}, {"NAIR", 349.2f, 368.4f}, {"MEHTA", 373.2f, 397.2f}),
         {.s = NULL}},
     {
         .ntxns = 5,
         .txns = {{.i = 1, .note = "NACH RETURN CHARGES MAHINDRA", .balance = 1649250},
                  {.i = 2, .note = "GST ON ACH RTN CHGS MAHINDRA FIN", .balance = 1640250},
                  {.i = 3, .note = "NEFT-KKBKN79497174709-ZENITH SALARY", .type = CR},
                  {.i = 4, .note = "CHQ PAID-FATIMA NAIR MEHTA", .balance = 5697550}},
         .balances_ok = YES,
     }},
    /* "Amount" over "Debited", and "Credits (Rs)" a space after "Debited"
     * on the lower line: two labels, not one "Debit Credit" label joined
     * to "Amount" (a stacked label's lower word runs into no label beside
     * it; the words wholly right of "Amount" that begin a label are one of
     * their own). Read as one, the debits and credits fell under a Dr/Cr
     * column and a debit column, and the statement was flagged or
     * refused. */
    {"lower_word_of_a_stacked_label_a_space_before_the_next_label_is_not_joined_to_it",
     (const struct placed[]){
         ROW(0, 60, {"Amount", 415, 444}),
         ROW(0, 70, {"Date", 32, 51}, {"Particulars", 156, 205}, {"Debited", 410, 444}, {"Credits", 450, 484},
             {"(Rs)", 489, 508}, {"Balance", 540, 575}),
         ROW(0, 85, {"01-08-24", 32, 70}, {"ATM", 156, 172}, {"WDL", 175, 195}, {"-728.33", 414, 444},
             {"59,809.34", 535, 575}),
         ROW(0, 97, {"02-08-24", 32, 70}, {"NEFT", 156, 178}, {"CR", 181, 192}, {"SALARY", 195, 228},
             {"1,903.00", 470, 508}, {"61,712.34", 535, 575}),
         ROW(0, 109, {"03-08-24", 32, 70}, {"POS", 156, 172}, {"GROCERY", 175, 210}, {"-2,000.00", 402, 444},
             {"59,712.34", 535, 575}),
         ROW(0, 121, {"04-08-24", 32, 70}, {"IMPS", 156, 178}, {"FROM", 181, 203}, {"RAVI", 206, 226},
             {"25,655.00", 465, 508}, {"85,367.34", 535, 575}),
         ROW(0, 133, {"05-08-24", 32, 70}, {"UPI", 156, 170}, {"TO", 173, 184}, {"SHOP", 187, 210},
             {"-367.34", 414, 444}, {"85,000.00", 535, 575}),
         {.s = NULL}},
     {
         .ntxns = 5,
         .opening = 6053767,
         .txns = {{.i = 0, .date = 20240801, .note = "ATM WDL", .type = DR, .amount = 72833, .balance = 5980934},
                  {.i = 1, .note = "NEFT CR SALARY", .type = CR, .amount = 190300, .balance = 6171234,
                   .reconciled = YES},
                  {.i = 3, .note = "IMPS FROM RAVI", .type = CR, .amount = 2565500, .reconciled = YES},
                  {.i = 4, .type = DR, .amount = 36734, .balance = 8500000, .reconciled = YES}},
         .balances_ok = YES,
     }},
    /* "Amount (INR)" printed over both "Debits (Rs)" and "Cr. Amount" (a
     * label spanning two columns' labels): "Cr." lies under little of it,
     * so "Amount" after it is no label of its own but the rest of "Cr.
     * Amount", the credits' label. */
    {"label_spanning_two_labels_below_leaves_the_lower_labels_whole",
     (const struct placed[]){
         ROW(0, 60, {"Amount", 643, 674}, {"(INR)", 676, 698}),
         ROW(0, 70, {"Date", 44, 61}, {"Narration", 98, 140}, {"Debits", 620, 646}, {"(Rs)", 648, 664},
             {"Cr.", 687, 699}, {"Amount", 701, 732}, {"Balance", 766, 798}),
         ROW(0, 85, {"01.10.2024", 44, 90}, {"UPI/CR/342789267456", 98, 190}, {"2,869.00", 694, 732},
             {"74,872.46", 755, 798}),
         ROW(0, 97, {"02.10.2024", 44, 90}, {"ATM", 98, 114}, {"WDL", 117, 137}, {"5,000.00", 626, 664},
             {"69,872.46", 755, 798}),
         ROW(0, 109, {"03.10.2024", 44, 90}, {"NEFT", 98, 120}, {"SALARY", 123, 156}, {"30,000.00", 689, 732},
             {"99,872.46", 755, 798}),
         ROW(0, 121, {"04.10.2024", 44, 90}, {"POS", 98, 114}, {"SHOP", 117, 140}, {"872.46", 634, 664},
             {"99,000.00", 755, 798}),
         {.s = NULL}},
     {
         .ntxns = 4,
         .opening = 7200346,
         .txns = {{.i = 0, .type = CR, .amount = 286900, .balance = 7487246},
                  {.i = 1, .type = DR, .amount = 500000, .reconciled = YES},
                  {.i = 2, .type = CR, .amount = 3000000, .reconciled = YES}},
         .balances_ok = YES,
     }},
    /* labels right-aligned over their amounts as close as the words
     * inside them: "Outgo" (a word no phrase knows) a space before
     * "Credit Amount". The debits end where "Outgo" ends: two columns,
     * not one amount column "Outgo Credit Amount" whose first row's
     * direction is a guess (no opening balance printed). */
    {"label_ending_where_a_column_of_amounts_ends_is_no_word_of_the_label_after",
     (const struct placed[]){
         ROW(0, 60, {"Tran", 21.8f, 36.9f}, {"Dt", 38.9f, 46.3f}, {"Narr", 60.3f, 74.7f}, {"Instr", 595.6f, 610.8f},
             {"No", 612.7f, 622.0f}, {"Outgo", 636.1f, 656.7f}, {"Credit", 660.2f, 680.4f},
             {"Amount", 682.3f, 708.8f}, {"Bal", 722.8f, 733.7f}, {"Amt", 735.6f, 749.3f}),
         ROW(0, 72, {"01.02.2023", 21.8f, 56.8f}, {"ATM", 60.3f, 75.1f}, {"Cash", 77.0f, 93.3f},
             {"Wdl", 95.3f, 107.3f}, {"PUNE", 109.3f, 128.6f}, {"5,500.00", 629.4f, 656.7f},
             {"23,814.93", 718.1f, 749.3f}),
         ROW(0, 82, {"03.02.2023", 21.8f, 56.8f}, {"By", 60.3f, 68.4f}, {"UPI/422726276053/RAVI", 70.4f, 152.0f},
             {"6,750.00", 681.5f, 708.8f}, {"30,564.93", 718.1f, 749.3f}),
         ROW(0, 92, {"05.02.2023", 21.8f, 56.8f}, {"To", 60.3f, 68.4f}, {"ACH", 70.4f, 85.2f},
             {"DR/BAJAJ", 87.1f, 120.5f}, {"FIN", 122.4f, 135.0f}, {"264811", 595.6f, 618.9f},
             {"14,475.00", 625.5f, 656.7f}, {"16,089.93", 718.1f, 749.3f}),
         ROW(0, 102, {"08.02.2023", 21.8f, 56.8f}, {"By", 60.3f, 68.4f}, {"NEFT/SALARY", 70.4f, 118.0f},
             {"42,000.00", 677.6f, 708.8f}, {"58,089.93", 718.1f, 749.3f}),
         ROW(0, 112, {"09.02.2023", 21.8f, 56.8f}, {"To", 60.3f, 68.4f}, {"POS", 70.4f, 84.0f},
             {"GROCERY", 86.0f, 120.0f}, {"1,234.50", 629.4f, 656.7f}, {"56,855.43", 718.1f, 749.3f}),
         {.s = NULL}},
     {
         .ntxns = 5,
         .opening = 2931493,
         .txns = {{.i = 0, .type = DR, .amount = 550000, .balance = 2381493, .reconciled = YES},
                  {.i = 1, .type = CR, .amount = 675000, .reconciled = YES},
                  {.i = 2, .type = DR, .amount = 1447500, .note = "To ACH DR/BAJAJ FIN", .chq_num = "264811"},
                  {.i = 3, .type = CR, .amount = 4200000}},
         .balances_ok = YES,
     }},
    /* "Amount (INR)" centred over both sides' columns, their own labels
     * "Dr" and "Cr" on the line under it: "(INR)" is a word of "Amount"
     * (the debits' label with "Dr" stacked under it), though "Dr" is read
     * between them; a column of its own, it cut the debits' label in two
     * and the first row's direction (no opening balance printed) was a
     * guess. */
    {"dr_and_cr_under_one_label_spanning_both_are_the_two_sides",
     (const struct placed[]){
         ROW(0, 132, {"Amount", 418.5f, 453.8f}, {"(INR)", 456.6f, 481.9f}),
         ROW(0, 141, {"Sl", 27.4f, 36.2f}, {"No", 39.0f, 51.6f}, {"Txn", 61.5f, 78.0f}, {"Date", 80.8f, 101.7f},
             {"Instrument", 123.7f, 174.5f}, {"Id", 177.3f, 186.7f}, {"Narration", 200.2f, 244.2f},
             {"Dr", 430.1f, 441.2f}, {"Cr", 495.9f, 506.4f}, {"Balance", 536.8f, 572.8f}),
         ROW(0, 152, {"1", 37.0f, 42.0f}, {"01/11/2023", 61.5f, 107.6f}, {"560965411951", 123.7f, 184.7f},
             {"UPI/DR/560965411951/ROHIT", 200.2f, 325.2f}, {"DEVI", 327.7f, 348.9f}, {"433.00", 413.2f, 441.2f},
             {"51,799.70", 532.1f, 572.8f}),
         ROW(0, 161, {"G/SBIN/rohit40@okhdfcbank/Sent", 200.2f, 339.8f}, {"using", 342.4f, 364.5f}),
         ROW(0, 170, {"Paytm", 200.2f, 225.7f}),
         ROW(0, 182, {"2", 37.0f, 42.0f}, {"01/11/2023", 61.5f, 107.6f}, {"POS/IRCTC/KOCHI/327849", 200.2f, 311.8f},
             {"1,593.01", 405.6f, 441.2f}, {"50,206.69", 532.1f, 572.8f}),
         ROW(0, 193, {"3", 37.0f, 42.0f}, {"01/11/2023", 61.5f, 107.6f}, {"565485674537", 123.7f, 184.7f},
             {"UPI/DR/565485674537/PRIYA", 200.2f, 322.7f}, {"2,201.00", 405.6f, 441.2f},
             {"48,005.69", 532.1f, 572.8f}),
         ROW(0, 202, {"PRASAD/INDB/priya66@oksbi/dinner", 200.2f, 352.6f}),
         ROW(0, 213, {"4", 37.0f, 42.0f}, {"01/11/2023", 61.5f, 107.6f}, {"401244634399", 123.7f, 184.7f},
             {"UPI/CR/401244634399/ROHIT", 200.2f, 324.9f}, {"DEVI", 327.4f, 348.6f}, {"759.00", 478.4f, 506.4f},
             {"48,764.69", 532.1f, 572.8f}),
         ROW(0, 222, {"G/BARB/rohit61@oksbi/milk", 200.2f, 315.0f}),
         ROW(0, 234, {"5", 37.0f, 42.0f}, {"02/11/2023", 61.5f, 107.6f}, {"455175075894", 123.7f, 184.7f},
             {"UPI/DR/455175075894/VENKATESH", 200.2f, 351.1f}, {"13,000.00", 400.5f, 441.2f},
             {"35,764.69", 532.1f, 572.8f}),
         ROW(0, 243, {"LA/ICIC/venkatesh26@paytm/rent", 200.2f, 339.5f}),
         ROW(0, 254, {"6", 37.0f, 42.0f}, {"02/11/2023", 61.5f, 107.6f}, {"NEFT/KKBKN30982404251/BLUE", 200.2f, 339.9f},
             {"DART", 342.5f, 366.0f}, {"1,68,000.00", 458.1f, 506.4f}, {"2,03,764.69", 524.4f, 572.8f}),
         ROW(0, 263, {"EXPRESS", 200.2f, 240.0f}, {"LTD/SALARY", 242.5f, 295.9f}, {"NOV", 298.5f, 317.8f}),
         ROW(0, 272, {"2023/KKBK0977479", 200.2f, 282.7f}),
         ROW(0, 284, {"7", 37.0f, 42.0f}, {"03/11/2023", 61.5f, 107.6f}, {"366794218826", 123.7f, 184.7f},
             {"UPI/DR/366794218826/ANJALI", 200.2f, 327.3f}, {"RANI", 329.9f, 351.9f}, {"3,517.00", 405.6f, 441.2f},
             {"2,00,247.69", 524.4f, 572.8f}),
         ROW(0, 293, {"/BARB/anjali78@oksbi/milk", 200.2f, 311.4f}),
         ROW(0, 304, {"8", 37.0f, 42.0f}, {"03/11/2023", 61.5f, 107.6f}, {"679069481687", 123.7f, 184.7f},
             {"UPI/DR/679069481687/HP", 200.2f, 309.5f}, {"PETROL", 312.0f, 346.5f}, {"148.46", 413.2f, 441.2f},
             {"2,00,099.23", 524.4f, 572.8f}),
         ROW(0, 313, {"PU/CNRB/merchant1822@CANARA/Pay", 200.2f, 363.9f}, {"to", 366.4f, 374.5f}),
         ROW(0, 322, {"merchant", 200.2f, 239.2f}),
         ROW(0, 334, {"9", 37.0f, 42.0f}, {"04/11/2023", 61.5f, 107.6f}, {"382308928166", 123.7f, 184.7f},
             {"UPI/DR/382308928166/SNEHA", 200.2f, 328.2f}, {"LAL", 330.7f, 347.1f}, {"1,158.35", 405.6f, 441.2f},
             {"1,98,940.88", 524.4f, 572.8f}),
         ROW(0, 343, {"PI/PUNB/sneha72@oksbi/Pay", 200.2f, 320.1f}, {"to", 322.6f, 330.7f},
             {"merchant", 333.2f, 372.1f}),
         ROW(0, 354, {"10", 34.4f, 44.6f}, {"04/11/2023", 61.5f, 107.6f}, {"570400728155", 123.7f, 184.7f},
             {"UPI/DR/570400728155/ASHA", 200.2f, 321.1f}, {"DEVI", 323.7f, 344.9f}, {"4,692.00", 405.6f, 441.2f},
             {"1,94,248.88", 524.4f, 572.8f}),
         ROW(0, 363, {"MI/UTIB/asha52@okaxis/Payment", 200.2f, 338.7f}, {"from", 341.3f, 360.5f},
             {"Ph", 363.0f, 373.5f}),
         ROW(0, 374, {"11", 34.4f, 44.6f}, {"05/11/2023", 61.5f, 107.6f}, {"360146872929", 123.7f, 184.7f},
             {"UPI/DR/360146872929/RELIANCE", 200.2f, 342.2f}, {"3,232.51", 405.6f, 441.2f},
             {"1,91,016.37", 524.4f, 572.8f}),
         ROW(0, 384, {"FRE/PUNB/merchant2039@PNB/Pay", 200.2f, 351.0f}, {"to", 353.5f, 361.5f}),
         ROW(0, 393, {"merchant", 200.2f, 239.2f}),
         ROW(0, 404, {"12", 34.4f, 44.6f}, {"06/11/2023", 61.5f, 107.6f}, {"489729809132", 123.7f, 184.7f},
             {"UPI/DR/489729809132/HP", 200.2f, 309.5f}, {"PETROL", 312.0f, 346.5f}, {"1,310.06", 405.6f, 441.2f},
             {"1,89,706.31", 524.4f, 572.8f}),
         ROW(0, 413, {"PU/CNRB/merchant8101@CANARA/Pay", 200.2f, 363.9f}, {"to", 366.4f, 374.5f}),
         ROW(0, 422, {"merchant", 200.2f, 239.2f}),
         ROW(0, 434, {"13", 34.4f, 44.6f}, {"06/11/2023", 61.5f, 107.6f}, {"POS/MORE", 200.2f, 247.0f},
             {"RETAIL/KOCHI/916885", 249.5f, 345.7f}, {"2,138.53", 405.6f, 441.2f}, {"1,87,567.78", 524.4f, 572.8f}),
         ROW(0, 445, {"14", 34.4f, 44.6f}, {"06/11/2023", 61.5f, 107.6f}, {"POS/CAFE", 200.2f, 243.7f},
             {"COFFEE", 246.2f, 281.7f}, {"DAY/KOCHI/672335", 284.2f, 366.4f}, {"2,247.71", 405.6f, 441.2f},
             {"1,85,320.07", 524.4f, 572.8f}),
         ROW(0, 456, {"15", 34.4f, 44.6f}, {"07/11/2023", 61.5f, 107.6f}, {"525635513000", 123.7f, 184.7f},
             {"UPI/DR/525635513000/STAR", 200.2f, 319.7f}, {"930.37", 413.2f, 441.2f}, {"1,84,389.70", 524.4f, 572.8f}),
         ROW(0, 465, {"BAZAAR/UBIN/merchant6170@UNION/Pay", 200.2f, 378.3f}, {"to", 380.9f, 388.9f}),
         ROW(0, 474, {"merchant", 200.2f, 239.2f}),
         ROW(0, 486, {"16", 34.4f, 44.6f}, {"07/11/2023", 61.5f, 107.6f},
             {"NEFT/HDFCN24135914742/HDFC0463680/", 200.2f, 380.8f}, {"2,519.00", 470.8f, 506.4f},
             {"1,86,908.70", 524.4f, 572.8f}),
         ROW(0, 495, {"ROHIT", 200.2f, 228.3f}, {"DEVI", 230.8f, 252.0f}, {"GUPTA/REPAY", 254.6f, 315.2f}),
         ROW(0, 506, {"17", 34.4f, 44.6f}, {"08/11/2023", 61.5f, 107.6f}, {"TRF", 200.2f, 217.2f},
             {"TO", 219.7f, 231.6f}, {"OWN", 234.1f, 255.9f}, {"A/C", 258.5f, 273.1f},
             {"XX1502/INDUSIND", 275.6f, 355.4f}, {"34,000.00", 400.5f, 441.2f}, {"1,52,908.70", 524.4f, 572.8f}),
         ROW(0, 517, {"18", 34.4f, 44.6f}, {"09/11/2023", 61.5f, 107.6f}, {"640736514218", 123.7f, 184.7f},
             {"IMPS/P2A/640736514218/PRIYA", 200.2f, 333.5f}, {"PRASAD", 336.0f, 370.9f}, {"12,583.00", 400.5f, 441.2f},
             {"1,40,325.70", 524.4f, 572.8f}),
         ROW(0, 526, {"SHAH/XX7679/TRANSFER", 200.2f, 309.6f}),
         ROW(0, 538, {"19", 34.4f, 44.6f}, {"10/11/2023", 61.5f, 107.6f}, {"616723957137", 123.7f, 184.7f},
             {"UPI/DR/616723957137/SWATI", 200.2f, 325.1f}, {"DEVI", 327.6f, 348.8f}, {"1,155.00", 405.6f, 441.2f},
             {"1,39,170.70", 524.4f, 572.8f}),
         ROW(0, 547, {"S/INDB/swati68@ybl/petrol", 200.2f, 312.4f}),
         ROW(0, 558, {"20", 34.4f, 44.6f}, {"11/11/2023", 61.5f, 107.6f},
             {"NEFT/HDFCN53260863386/BLUE", 200.2f, 341.2f}, {"DART", 343.7f, 367.3f}, {"3,591.28", 470.8f, 506.4f},
             {"1,42,761.98", 524.4f, 572.8f}),
         ROW(0, 567, {"EXPRESS", 200.2f, 240.0f}, {"LTD/REIMB", 242.5f, 291.4f}, {"NOV23/KKBK0977479", 293.9f, 385.6f}),
         ROW(0, 578, {"21", 34.4f, 44.6f}, {"11/11/2023", 61.5f, 107.6f}, {"ECOM/RAZORPAY*APOLLO", 200.2f, 314.9f},
             {"3,049.78", 405.6f, 441.2f}, {"1,39,712.20", 524.4f, 572.8f}),
         ROW(0, 588, {"PHARMACY/8983548521", 200.2f, 303.4f}),
         ROW(0, 599, {"22", 34.4f, 44.6f}, {"12/11/2023", 61.5f, 107.6f}, {"622981232275", 123.7f, 184.7f},
             {"UPI/DR/622981232275/BOOKMYSHOW/", 200.2f, 365.5f}, {"1,135.90", 405.6f, 441.2f},
             {"1,38,576.30", 524.4f, 572.8f}),
         ROW(0, 608, {"UBIN/merchant7948@UNION/Pay", 200.2f, 340.8f}, {"to", 343.4f, 351.4f}),
         ROW(0, 617, {"merchant", 200.2f, 239.2f}),
         ROW(0, 628, {"23", 34.4f, 44.6f}, {"12/11/2023", 61.5f, 107.6f}, {"473298311298", 123.7f, 184.7f},
             {"IMPS/P2A/473298311298/SNEHA", 200.2f, 338.9f}, {"LAL", 341.5f, 357.9f}, {"48,197.00", 400.5f, 441.2f},
             {"90,379.30", 532.1f, 572.8f}),
         ROW(0, 638, {"PILLAI/XX7668/FAMILY", 200.2f, 298.8f}),
         ROW(0, 649, {"24", 34.4f, 44.6f}, {"13/11/2023", 61.5f, 107.6f}, {"411214016862", 123.7f, 184.7f},
             {"UPI/DR/411214016862/SNEHA", 200.2f, 328.2f}, {"LAL", 330.7f, 347.1f}, {"3,515.00", 405.6f, 441.2f},
             {"86,864.30", 532.1f, 572.8f}),
         {.s = NULL}},
     {
         .ntxns = 24,
         .opening = 5223270,
         .txns = {{.i = 0, .type = DR, .amount = 43300, .balance = 5179970, .reconciled = YES},
                  {.i = 3, .type = CR, .amount = 75900, .balance = 4876469, .reconciled = YES},
                  {.i = 4, .type = DR, .amount = 1300000, .chq_num = "455175075894"}},
         .balances_ok = YES,
     }},
};
#pragma GCC diagnostic pop

int main(void)
{
    run_placed_cases(PLACED, sizeof PLACED / sizeof PLACED[0]);
    return check_summary();
}
