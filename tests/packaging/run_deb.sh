#!/bin/sh
# Operations: `make install` (PREFIX, DESTDIR), the systemd unit, and the Debian package:
# built by dpkg-buildpackage from a copy of the tracked sources (so the tree stays clean),
# installed into a scratch root (dpkg -x), started, answering /healthz, stopped cleanly.
# Bounded for CI: one release build (-j2), waits of at most 60 s.
# Prints "N passed, N failed".
cd "$(dirname "$0")/../.."
REPO=$(pwd)
passed=0
failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
no() { echo "FAIL $1"; failed=$((failed + 1)); }
work=$(mktemp -d /tmp/pb-deb.XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# 1. make install into a DESTDIR, with a PREFIX
if make -s install DESTDIR="$work/destdir" PREFIX=/opt/pb >"$work/install.log" 2>&1 &&
   [ -x "$work/destdir/opt/pb/bin/passbook" ] &&
   grep -q '^ExecStart=/opt/pb/bin/passbook serve$' "$work/destdir/opt/pb/lib/systemd/system/passbook.service" &&
   [ -f "$work/destdir/etc/default/passbook" ] && [ -f "$work/destdir/opt/pb/share/doc/passbook/api.md" ]; then
  ok "make install PREFIX DESTDIR"
else
  cat "$work/install.log"; no "make install PREFIX DESTDIR"
fi

# 2. the package, from the tracked files only
mkdir -p "$work/src"
git ls-files -z | xargs -0 tar cf - | tar xf - -C "$work/src"
if (cd "$work/src" && DEB_BUILD_OPTIONS="parallel=2 nocheck" dpkg-buildpackage -us -uc -b) \
     >"$work/build.log" 2>&1; then
  ok "dpkg-buildpackage"
else
  tail -40 "$work/build.log"; no "dpkg-buildpackage"
fi
deb=$(ls "$work"/passbook_*.deb 2>/dev/null | head -1)
if [ -n "$deb" ] && dpkg-deb -c "$deb" >"$work/contents" &&
   grep -q ' \./usr/bin/passbook$' "$work/contents" &&
   grep -q ' \./lib/systemd/system/passbook.service$' "$work/contents" &&
   grep -q ' \./etc/default/passbook$' "$work/contents" &&
   dpkg-deb -f "$deb" Depends | grep -q libmicrohttpd &&
   dpkg-deb -e "$deb" "$work/control" && grep -q 'adduser --system' "$work/control/postinst" &&
   grep -q 'passbook.service' "$work/control/postinst"; then
  ok "package contents: binary, unit (enabled by postinst), conffile, shared-library depends, user"
else
  cat "$work/contents" 2>/dev/null; no "package contents"
fi

# 3. installed into a scratch root, it starts and answers /healthz
root="$work/root"
if [ -n "$deb" ] && dpkg -x "$deb" "$root"; then
  "$root/usr/bin/passbook" serve --listen 127.0.0.1:0 --data "$work/data" >"$work/serve.log" 2>&1 &
  server_pid=$!
  port=
  for i in $(seq 1 120); do
    port=$(sed -n 's/.*msg="listening".* port=\([0-9]*\).*/\1/p' "$work/serve.log" | head -1)
    [ -n "$port" ] && break
    sleep 0.5
  done
  if [ -n "$port" ] && curl -fsS "http://127.0.0.1:$port/healthz" | grep -q '"status":"ok"'; then
    ok "the packaged binary serves /healthz"
  else
    cat "$work/serve.log"; no "the packaged binary serves /healthz"
  fi
  kill -TERM "$server_pid" 2>/dev/null
  if wait "$server_pid"; then ok "SIGTERM stops it cleanly"; else no "SIGTERM stops it cleanly"; fi
  server_pid=
else
  no "dpkg -x"
fi

# 4. the packaged unit is a valid, sandboxed systemd unit
unit="$root/lib/systemd/system/passbook.service"
if [ -f "$unit" ]; then
  sed "s|^ExecStart=/usr/bin/passbook|ExecStart=$root/usr/bin/passbook|" "$unit" >"$work/passbook.service"
  if systemd-analyze verify "$work/passbook.service" >"$work/verify.log" 2>&1 &&
     ! grep -v -i 'not executable\|Failed to resolve\|/lib/systemd\|ignoring' "$work/verify.log" | grep -q . &&
     grep -q '^ProtectSystem=strict$' "$unit" && grep -q '^NoNewPrivileges=yes$' "$unit" &&
     grep -q '^User=passbook$' "$unit" && grep -q '^StateDirectory=passbook$' "$unit"; then
    ok "systemd-analyze verify; sandboxing options present"
  else
    cat "$work/verify.log"; no "systemd unit"
  fi
else
  no "systemd unit"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
