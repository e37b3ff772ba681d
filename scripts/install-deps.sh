#!/bin/sh
# Installs the Debian packages Passbook needs to build, test and benchmark.
# Idempotent: does nothing when every package is already present.
set -eu

BUILD="pkg-config make gcc libmicrohttpd-dev libjansson-dev libsqlite3-dev \
 libmupdf-dev libmujs-dev libgumbo-dev libopenjp2-7-dev libjbig2dec0-dev \
 libharfbuzz-dev libfreetype-dev libjpeg-dev zlib1g-dev \
 libcurl4-openssl-dev libssl-dev libxlsxwriter-dev libargon2-dev libjs-chart.js libpq-dev libpcre2-dev libxml2-dev \
 libtesseract-dev libleptonica-dev tesseract-ocr-eng"
TEST="sqlite3 qpdf poppler-utils mupdf-tools python3 python3-reportlab python3-pil python3-jsonschema python3-requests \
 fonts-dejavu-core fonts-dejavu-extra curl unzip jq \
 clang-14 libfuzzer-14-dev libclang-rt-14-dev wrk chromium procps postgresql fonts-lohit-deva \
 debhelper dpkg-dev fakeroot systemd python3-cryptography"
# Node.js comes from the machine image where present; Debian's nodejs otherwise.
command -v npm >/dev/null 2>&1 || TEST="$TEST nodejs npm"

want="$BUILD"
[ "${1:-}" = "--test" ] && want="$BUILD $TEST"

missing=""
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "install-deps: installing$missing" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  # Wait for another apt/dpkg run (a parallel build) instead of failing on its lock.
  $SUDO apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
    --no-install-recommends $missing >/dev/null
fi

# npm packages of the tests, pinned by each package-lock.json: playwright-core and axe-core
# (the accessibility audit) for the browser tests (never downloads a browser: they drive
# Debian's /usr/bin/chromium; fonts-lohit-deva above lets it draw the Hindi pages) and
# Redocly CLI for the OpenAPI lint. Reinstalled only when the lock file changed.
if [ "${1:-}" = "--test" ]; then
  for dir in tests/browser tests/openapi; do
    [ -f "$dir/package-lock.json" ] || continue
    stamp=$dir/node_modules/.passbook-lock
    if ! cmp -s "$dir/package-lock.json" "$stamp" 2>/dev/null; then
      echo "install-deps: npm ci --prefix $dir" >&2
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$dir" --no-audit --no-fund >/dev/null
      cp "$dir/package-lock.json" "$stamp"
    fi
  done
fi
