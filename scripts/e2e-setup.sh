#!/usr/bin/env bash
# Installs what the editor suites (test/e2e/) and `npm start` need:
#   - Debian's chromium, ripgrep, libkrb5-dev and fonts-noto-mono, via apt-get, when missing;
#   - code-server (VS Code's web build, pinned) and playwright-core (pinned) into
#     $KEHOACH_TOOLS_DIR (one build per machine, version and Node major, outside the
#     clone), when missing — the project's own package.json and node_modules stay untouched.
# Run by scripts/setup.mjs (`npm start`, `npm test`, `npm run e2e:setup`), which
# checks first that the tools can be installed here (root, apt-get, Node major) and
# passes the versions and the folder. Idempotent: a second run only checks and prints
# versions. Exits non-zero with a message naming what could not be installed.
#
# Why it is done this way:
#   - code-server 4.100.x is the newest line whose npm package supports Node 20
#     (4.103+ require Node 22 or 24); it bundles VS Code 1.100 (engines.vscode: ^1.91).
#   - npm 11 blocks dependency install scripts unless allowed, and for a project
#     install takes the allow-list only from package.json or an .npmrc (it rejects
#     --allow-scripts and npm_config_allow_scripts). code-server's postinstall runs
#     `npm install` in lib/vscode and lib/vscode/extensions, which build native
#     modules with node-gyp (against the Node headers npm is set to use): so the
#     package is installed with its postinstall held back, the package.json of each
#     of those folders gets an allowScripts field, and the postinstall is then run.
#   - @vscode/ripgrep's install script downloads rg from GitHub, which this network
#     refuses: it is left off the allow-list and Debian's rg is linked in its place
#     (VS Code's server uses it for Quick Open and search).
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:?set by scripts/setup.mjs: run npm run e2e:setup}"
PLAYWRIGHT_VERSION="${PLAYWRIGHT_VERSION:?set by scripts/setup.mjs: run npm run e2e:setup}"
FINAL="${KEHOACH_TOOLS_DIR:?set by scripts/setup.mjs: run npm run e2e:setup}"
CACHE="$FINAL"
CS_PKG="$CACHE/node_modules/code-server"
START=$(date +%s)

die() { echo "e2e-setup: ERROR: $*" >&2; exit 1; }
step() { echo "e2e-setup: $*"; }

# ---------------------------------------------------------------- apt packages
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
# Headers for code-server's kerberos native module (its docs/npm.md lists it).
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
# A monospace font with every Vietnamese letter: the editor font of the e2e profile
# (test/e2e/codeServer.ts). DejaVu Sans Mono, the usual default, lacks letters such as
# ề and ổ, so Chromium builds them from base letter + mark and spaces the marks apart.
[ -f /usr/share/fonts/truetype/noto/NotoMono-Regular.ttf ] || need_apt+=(fonts-noto-mono)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    die "missing ${need_apt[*]}; run as root, or: sudo apt-get update && sudo apt-get install -y ${need_apt[*]}"
  fi
  step "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed"
  apt-get install -y -qq "${need_apt[@]}" >/dev/null || die "apt-get install ${need_apt[*]} failed"
fi
# Headless LibreOffice Writer and pdftoppm for the Word tests (npm run test:office):
# scripts/office-setup.sh installs them without recommended packages.
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || die "missing LibreOffice (libreoffice-writer-nogui, poppler-utils); run as root, or: sudo bash scripts/office-setup.sh"
  step "LibreOffice (scripts/office-setup.sh)"
  bash "$(dirname "$0")/office-setup.sh" || die "scripts/office-setup.sh failed"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium not found after install"
[ -f /usr/include/gssapi/gssapi.h ] || die "gssapi/gssapi.h (libkrb5-dev) not found after install"
command -v rg >/dev/null 2>&1 || die "rg (ripgrep) not found after install"
[ -f /usr/share/fonts/truetype/noto/NotoMono-Regular.ttf ] || die "Noto Mono (fonts-noto-mono) not found after install"

# ---------------------------------------------------------------- code-server
installed_version=""
if [ -f "$CACHE/.complete" ] && [ -f "$CS_PKG/package.json" ]; then
  installed_version=$(node -p "require('$CS_PKG/package.json').version")
fi
if [ -f "$CACHE/.complete" ] && [ "$(node -p "require('$CACHE/node_modules/playwright-core/package.json').version" 2>/dev/null)" != "$PLAYWRIGHT_VERSION" ]; then
  installed_version=""
fi
if [ "$installed_version" != "$CODE_SERVER_VERSION" ]; then
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$node_major" = 20 ] || die "code-server $CODE_SERVER_VERSION needs Node 20 (this is Node $node_major); set CODE_SERVER_VERSION to a release whose engines.node matches (npm view code-server@X engines)"
  # Built in a folder of its own, then renamed into place: a clone running this at the
  # same time never sees half an install.
  CACHE="$FINAL.partial-$$"
  CS_PKG="$CACHE/node_modules/code-server"
  step "installing code-server@$CODE_SERVER_VERSION and playwright-core@$PLAYWRIGHT_VERSION into $FINAL (builds native modules: a few minutes)"
  rm -rf "$CACHE"
  mkdir -p "$CACHE" "$(dirname "$FINAL")"
  cat > "$CACHE/package.json" <<JSON
{
  "name": "kehoach-e2e-tools",
  "private": true,
  "description": "Tools for test/e2e, installed by scripts/e2e-setup.sh; not part of the extension",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "playwright-core": "$PLAYWRIGHT_VERSION"
  },
  "allowScripts": { "argon2": true, "code-server": false }
}
JSON
  export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
  log="$CACHE/install.log"
  fail() { tail -40 "$log" >&2; die "$* (full log: $log)"; }

  # 1. The packages; code-server's own postinstall is held back (step 2 runs it).
  step "  npm install"
  (cd "$CACHE" && npm install --no-package-lock --foreground-scripts) >"$log" 2>&1 \
    || fail "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION failed"
  [ -f "$CS_PKG/postinstall.sh" ] || fail "the code-server package has no postinstall.sh"

  # 2. code-server's postinstall, with an allowScripts list in each package.json it
  #    installs from: native modules yes; ripgrep's download and Windows-only modules no.
  for d in "$CS_PKG/lib/vscode" "$CS_PKG/lib/vscode/extensions"; do
    node -e '
      const fs = require("fs"), file = process.argv[1] + "/package.json";
      const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
      pkg.allowScripts = {
        "@parcel/watcher": true, "@vscode/deviceid": true, "@vscode/spdlog": true,
        "kerberos": true, "native-watchdog": true, "node-pty": true,
        "@vscode/ripgrep": false, "@vscode/windows-process-tree": false,
        "@vscode/windows-registry": false, "@vscode/windows-ca-certs": false,
        "esbuild": false,
      };
      fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
    ' "$d" || fail "could not write allowScripts into $d/package.json"
  done
  step "  code-server postinstall (lib/vscode dependencies, native modules)"
  # The script insists on npm's old unsafe-perm flag when run as root; node-pty's
  # postinstall runs `npx node-gyp …`, which must not stop to ask (npm yes=false here).
  (cd "$CS_PKG" && npm_config_unsafe_perm=true npm_config_yes=true npm run postinstall --foreground-scripts) >>"$log" 2>&1 \
    || fail "code-server's postinstall (npm install in lib/vscode) failed"

  # 3. Debian's ripgrep in place of the download @vscode/ripgrep could not do.
  rgdir="$CS_PKG/lib/vscode/node_modules/@vscode/ripgrep/bin"
  [ -d "$CS_PKG/lib/vscode/node_modules/@vscode/ripgrep" ] || fail "@vscode/ripgrep was not installed"
  mkdir -p "$rgdir"
  ln -sf "$(command -v rg)" "$rgdir/rg"

  # 4. Into place (another run may have finished first: then its install is kept), and the
  #    native modules the server loads, from there: fail here rather than in the test.
  if [ -f "$FINAL/.complete" ]; then rm -rf "$CACHE"; else rm -rf "$FINAL" && mv -T "$CACHE" "$FINAL"; fi
  CACHE="$FINAL"
  CS_PKG="$CACHE/node_modules/code-server"
  log="$CACHE/install.log"
  for m in node-pty @vscode/spdlog native-watchdog kerberos @vscode/deviceid; do
    (cd "$CS_PKG/lib/vscode" && node --input-type=commonjs -e "require('$m')") >>"$log" 2>&1 \
      || fail "native module $m of lib/vscode does not load"
  done
  (cd "$CS_PKG" && node -e "require('argon2')") >>"$log" 2>&1 || fail "native module argon2 does not load"
  touch "$CACHE/.complete"
fi

# ---------------------------------------------------------------- versions
echo "e2e-setup: node $(node -v), npm $(npm -v)"
echo "e2e-setup: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
echo "e2e-setup: $(rg --version | head -1)"
echo "e2e-setup: code-server $(node -p "require('$CS_PKG/package.json').version") with VS Code $(node -p "require('$CS_PKG/lib/vscode/package.json').version")"
echo "e2e-setup: playwright-core $(node -p "require('$CACHE/node_modules/playwright-core/package.json').version")"
echo "e2e-setup: ready in $(( $(date +%s) - START ))s"
