#!/bin/sh
# Installs the Debian packages Passbook needs to build, test and benchmark.
# Idempotent: does nothing when every package is already present.
set -eu

BUILD="pkg-config make gcc libmicrohttpd-dev libjansson-dev libsqlite3-dev \
 libmupdf-dev libmujs-dev libgumbo-dev libopenjp2-7-dev libjbig2dec0-dev \
 libharfbuzz-dev libfreetype-dev libjpeg-dev zlib1g-dev \
 libcurl4-openssl-dev libssl-dev libxlsxwriter-dev"
TEST="sqlite3 qpdf poppler-utils mupdf-tools python3 python3-reportlab curl unzip \
 clang-14 libfuzzer-14-dev libclang-rt-14-dev wrk chromium procps"
# Node.js comes from the machine image where present; Debian's nodejs otherwise.
command -v npm >/dev/null 2>&1 || TEST="$TEST nodejs npm"

want="$BUILD"
[ "${1:-}" = "--test" ] && want="$BUILD $TEST"

missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
