#!/bin/sh
# The OpenAPI document (data/openapi.json, served at /openapi.json):
#  1. Redocly CLI lints it (OpenAPI 3.1 structure, $refs, recommended rules);
#  2. every route the server registers (src/api/*.c) is in it, and every
#     path in it is a route (check_routes.py).
# The API tests validate every response against it (tests/api/openapi_check.py).
# Prints "N passed, N failed".
cd "$(dirname "$0")/../.."
passed=0
failed=0
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_COLOR=1
if tests/openapi/node_modules/.bin/redocly lint --config tests/openapi/redocly.yaml data/openapi.json \
     >build/test-logs/redocly.out 2>&1; then
  echo "ok   redocly lint"; passed=$((passed + 1))
else
  cat build/test-logs/redocly.out; echo "FAIL redocly lint"; failed=$((failed + 1))
fi
if python3 tests/openapi/check_routes.py; then
  echo "ok   routes and document agree"; passed=$((passed + 1))
else
  echo "FAIL routes and document agree"; failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
