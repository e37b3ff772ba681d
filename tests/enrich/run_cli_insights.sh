#!/bin/sh
# passbook insights end to end: two statements of one account and one of
# another (corpus generator) give two accounts, the FinBox sections, a
# salary found with the employer passed in --employers, and an .xlsx whose
# sheets unzip. Prints "N passed, N failed".
set -u
cd "$(dirname "$0")/../.."
PB=${PB:-build/asan/passbook}
PY=/usr/bin/python3
D=build/test-fixtures/insights-cli
rm -rf "$D"; mkdir -p "$D"
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
ko() { fail=$((fail + 1)); echo "FAIL $1"; }

gen() { $PY tools/statements/fixtures.py statement "$D" "$1" || { echo "0 passed, 1 failed"; exit 1; }; }
gen '{"name": "a1", "bank": "hdfc", "months": 2, "seed": 5, "density": 20, "start": "2024-01-01"}'
gen '{"name": "b1", "bank": "axis", "months": 2, "seed": 6, "density": 20, "bounces": true}'

emp=$($PY -c 'import json; t=json.load(open("'"$D"'/a1.truth.json")); print(next((x["labels"]["employer"] for x in t["transactions"] if x["labels"]["is_salary"]), ""))')
"$PB" insights "$D/a1.pdf" "$D/b1.pdf" --employers "$emp" --xlsx "$D/r.xlsx" > "$D/out.json" 2> "$D/err.txt"
if [ $? -eq 0 ]; then ok "exit status 0"; else ko "exit status ($(cat "$D/err.txt"))"; fi

check() { # name python-expression-on-d
  if $PY -c 'import json,sys; d=json.load(open(sys.argv[1])); assert '"$2" "$D/out.json" 2>/dev/null; then ok "$1"; else ko "$1"; fi
}
check "two accounts" 'len(d["accounts"]) == 2'
check "sections present" 'all(k in d["accounts"][0]["data"] for k in ("account_details","fraud","transactions","salary_transactions","recurring_transactions","lender_transactions","top_credits_debits","expense_categories","monthly_analysis","predictors","eod_balances","score","bounced_or_penal_transactions","self_and_sister_transactions"))'
check "clean statements, no fraud" 'all(a["data"]["fraud"] == [] for a in d["accounts"])'
check "expense percentages sum to 100" 'all(sum(c["percentage"] for c in a["data"]["expense_categories"]) == 100 for a in d["accounts"])'
check "score in range" 'all(300 <= a["data"]["score"] <= 900 for a in d["accounts"])'
check "aggregate monthly" 'len(d["aggregate_monthly_analysis"]["amt_credit"]) >= 2'
if [ -n "$emp" ]; then
  check "salary from --employers" 'len(d["accounts"][0]["data"]["salary_transactions"]) >= 1 and all(s["employer_name"] == "'"$emp"'" for s in d["accounts"][0]["data"]["salary_transactions"])'
fi
check "bounces listed" 'len(d["accounts"][1]["data"]["bounced_or_penal_transactions"]) >= 1'
if unzip -l "$D/r.xlsx" 2>/dev/null | grep -q "xl/worksheets/sheet2.xml" && unzip -p "$D/r.xlsx" xl/workbook.xml | grep -q 'name="Summary"'; then
  ok "xlsx with per-account sheets"
else
  ko "xlsx with per-account sheets"
fi
"$PB" insights "$D/missing.pdf" > /dev/null 2>&1
if [ $? -ne 0 ]; then ok "missing file fails"; else ko "missing file fails"; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
