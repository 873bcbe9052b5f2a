#!/usr/bin/env bash
# Installs what the in-editor end-to-end test (test/e2e/editor.e2e.ts) needs:
#   - Debian's Chromium (/usr/bin/chromium) and ripgrep (/usr/bin/rg), via apt-get, when missing;
#   - code-server (VS Code's web build, pinned) into .vscode-test/code-server/, when missing;
#   - playwright-core (pinned) next to it, so the project's package.json stays untouched.
# Idempotent: a second run only checks and prints versions. Exits non-zero with a
# message naming what could not be installed.
#
# Why these pieces:
#   - code-server 4.100.x is the newest line whose npm package supports Node 20
#     (4.103+ require Node 22/24); it bundles VS Code 1.100 (engines.vscode here: ^1.91).
#   - npm 11 blocks dependency install scripts unless allowed; code-server's
#     postinstall runs a nested `npm install` in lib/vscode that builds native
#     modules with node-gyp (against the Node headers npm is set to use). The
#     allow-list below is passed as npm_config_allow_scripts so the nested install
#     inherits it.
#   - @vscode/ripgrep's own install script downloads rg from GitHub, which this
#     network refuses; it is left out of the allow-list and Debian's rg is linked
#     in its place (VS Code uses it for Quick Open / search).
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
PLAYWRIGHT_VERSION="${PLAYWRIGHT_VERSION:-1.65.1}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.vscode-test/code-server"
CS_PKG="$CACHE/node_modules/code-server"
START=$(date +%s)

die() { echo "e2e-setup: ERROR: $*" >&2; exit 1; }
step() { echo "e2e-setup: $*"; }

# ---------------------------------------------------------------- apt packages
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    die "missing ${need_apt[*]}; run as root or: sudo apt-get update && sudo apt-get install -y ${need_apt[*]}"
  fi
  step "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed"
  apt-get install -y -qq "${need_apt[@]}" >/dev/null || die "apt-get install ${need_apt[*]} failed"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium not found after install"

# ---------------------------------------------------------------- code-server
node_major=$(node -p 'process.versions.node.split(".")[0]')
installed_version=""
if [ -f "$CS_PKG/package.json" ] && [ -f "$CACHE/.complete" ]; then
  installed_version=$(node -p "require('$CS_PKG/package.json').version")
fi
if [ "$installed_version" != "$CODE_SERVER_VERSION" ]; then
  [ "$node_major" = 20 ] || die "code-server $CODE_SERVER_VERSION needs Node 20 (this is Node $node_major); set CODE_SERVER_VERSION to a release whose engines.node matches (npm view code-server@X engines)"
  step "installing code-server@$CODE_SERVER_VERSION and playwright-core@$PLAYWRIGHT_VERSION into $CACHE (builds native modules; a few minutes)"
  rm -rf "$CACHE"
  mkdir -p "$CACHE"
  # Packages whose install scripts may run (top level and code-server's nested installs).
  allow="code-server,argon2,@parcel/watcher,@vscode/deviceid,@vscode/spdlog,kerberos,native-watchdog,node-pty"
  cat > "$CACHE/package.json" <<JSON
{
  "name": "kehoach-e2e-tools",
  "private": true,
  "description": "Tools for test/e2e (installed by scripts/e2e-setup.sh; not part of the extension)",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "playwright-core": "$PLAYWRIGHT_VERSION"
  },
  "allowScripts": { $(echo "$allow" | sed 's/[^,]*/"&": true/g; s/,/, /g') }
}
JSON
  (
    cd "$CACHE"
    # npm 11 refuses --allow-scripts / npm_config_allow_scripts for project installs, but
    # reads allow-scripts from an npmrc: a user config (the real one plus the list) that
    # code-server's nested `npm install` runs inherit through the environment.
    { [ -f "$HOME/.npmrc" ] && cat "$HOME/.npmrc"; echo "allow-scripts=$allow"; } > "$CACHE/.npmrc-e2e"
    export npm_config_userconfig="$CACHE/.npmrc-e2e"
    export npm_config_unsafe_perm=true      # code-server's postinstall insists on it as root
    export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
    npm install --no-package-lock --foreground-scripts >"$CACHE/install.log" 2>&1
  ) || { tail -40 "$CACHE/install.log" >&2; die "npm install of code-server@$CODE_SERVER_VERSION failed (full log: $CACHE/install.log)"; }

  # Debian's ripgrep in place of the download @vscode/ripgrep could not do.
  rgdir="$CS_PKG/lib/vscode/node_modules/@vscode/ripgrep/bin"
  mkdir -p "$rgdir"
  ln -sf "$(command -v rg)" "$rgdir/rg"

  # Native modules the server loads at start: fail here rather than in the test.
  for m in node-pty @vscode/spdlog native-watchdog kerberos @vscode/deviceid; do
    (cd "$CS_PKG/lib/vscode" && node -e "require('$m')" 2>/dev/null) \
      || { (cd "$CS_PKG/lib/vscode" && node -e "require('$m')") >&2 || true; die "native module $m did not build (see $CACHE/install.log)"; }
  done
  (cd "$CS_PKG" && node -e "require('argon2')") || die "argon2 did not build (see $CACHE/install.log)"
  touch "$CACHE/.complete"
fi

# ---------------------------------------------------------------- versions
echo "e2e-setup: node $(node -v), npm $(npm -v)"
echo "e2e-setup: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
echo "e2e-setup: ripgrep $(rg --version | head -1)"
echo "e2e-setup: code-server $("$CS_PKG/out/node/entry.js" --version 2>/dev/null | head -1 || node "$CS_PKG/out/node/entry.js" --version | head -1)"
echo "e2e-setup: playwright-core $(node -p "require('$CACHE/node_modules/playwright-core/package.json').version")"
echo "e2e-setup: ready in $(( $(date +%s) - START ))s"
