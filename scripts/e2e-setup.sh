#!/usr/bin/env bash
# Installs what `npm run test:e2e` drives: code-server (a whole VS Code 1.100.3: workbench served to
# a browser + a Node extension host) from the npm registry, and Debian's headless Chromium, ripgrep
# and the build tools code-server's native modules need. Works offline except for the npm registry
# and Debian apt. Idempotent: with everything in place it does nothing (~0.1 s).
#
#   bash scripts/e2e-setup.sh            # then: "$(bash scripts/e2e-setup.sh --print-code-server)"
#
# code-server goes into a cache dir OUTSIDE the repository (it is 300 MB):
#   $PORTWARDEN_E2E_CACHE/code-server-<version>, PORTWARDEN_E2E_CACHE defaulting to
#   ${XDG_CACHE_HOME:-~/.cache}/portwarden-e2e. test/e2e/env.mjs computes the same path.
# Nothing is ever skipped: a missing package that cannot be installed (not root, no sudo) is an error.
#
# Why each step looks the way it does (all hit on this project's CI machine, Debian 12, Node 20):
# see the comments below and the recipe this was adapted from (vscode-in-browser).
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"   # = VS Code 1.100.3. code-server >= 4.101 needs Node 22.
CACHE_ROOT="${PORTWARDEN_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/portwarden-e2e}"
CS_PREFIX="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
# @vscode/ripgrep as pinned by code-server 4.100.3's lib/vscode/npm-shrinkwrap.json, and the
# ripgrep-prebuilt release its postinstall would download from GitHub (its lib/postinstall.js).
RIPGREP_PKG_VERSION="1.15.11"
RIPGREP_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

if [ "${1:-}" = "--print-code-server" ]; then echo "$CS_PREFIX/bin/code-server"; exit 0; fi

log() { echo "[e2e-setup $(date +%H:%M:%S)] $*" >&2; }
SECONDS=0

# ---------------------------------------------------------------------------------------------
# 1. Debian packages
#    chromium          the browser playwright-core drives (it never downloads one)
#    ripgrep           stands in for @vscode/ripgrep's GitHub download (search, Quick Open)
#    libkrb5-dev       headers for the `kerberos` native module
#    g++ make python3  node-gyp builds ~8 native modules (node-pty, spdlog, kerberos, argon2, ...)
#    fonts-liberation  readable text in screenshots
# ---------------------------------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null || need_apt+=(g++)
command -v make >/dev/null || need_apt+=(make)
command -v python3 >/dev/null || need_apt+=(python3)
dpkg -s fonts-liberation >/dev/null 2>&1 || need_apt+=(fonts-liberation)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then as_root=(); elif sudo -n true 2>/dev/null; then as_root=(sudo -n); else
    echo "e2e setup: missing Debian packages: ${need_apt[*]}. Install them first:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${need_apt[*]}" >&2
    exit 1
  fi
  log "apt-get install ${need_apt[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
[ -f /usr/include/node/node_version.h ] || { echo "e2e setup: Node headers not found at /usr/include/node (node-gyp needs them offline; install Node from Debian/NodeSource packages)" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# 2. code-server, once per version. A lock keeps two parallel runs from installing over each other;
#    the install happens in a temporary folder that is renamed when complete, so an interrupted
#    install is never mistaken for a finished one.
# ---------------------------------------------------------------------------------------------
mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.lock"
flock 9
if [ -f "$CS_PREFIX/.installed" ] && [ -x "$CS_PREFIX/bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION is installed in $CS_PREFIX (${SECONDS}s)"
  exit 0
fi

# Seed @vscode/ripgrep's download cache with Debian's rg: its postinstall looks for
# $TMPDIR/vscode-ripgrep-cache-<pkg version>/<asset> and then only untars it, no network.
export TMPDIR="${TMPDIR:-/tmp}"
rg_cache="$TMPDIR/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
mkdir -p "$rg_cache"
tar -czf "$rg_cache/$RIPGREP_ASSET" -C "$(dirname "$(readlink -f "$(command -v rg)")")" rg

# npm environment for an offline install of code-server:
#   npm_config_unsafe_perm=true  code-server's postinstall.sh refuses root unless this env var is "true"
#                                (npm 11 warns "Unknown env config unsafe-perm"; harmless).
#   npm_config_nodedir=/usr      node-gyp compiles against /usr/include/node instead of downloading headers.
#   npm_config_yes=true          node-pty's postinstall runs `npx node-gyp`; with yes=false npx aborts.
#   no -g / --prefix             npm passes those on as npm_config_* to lifecycle scripts, and the nested
#                                `npm install` in lib/vscode then installs over code-server itself.
unset npm_config_global npm_config_prefix npm_config_location
export npm_config_unsafe_perm=true
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
export npm_config_yes=true
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

staging="$CS_PREFIX.partial"
rm -rf "$staging" "$CS_PREFIX"
mkdir -p "$staging/bin"
cat > "$staging/package.json" <<EOF
{
  "name": "portwarden-e2e-code-server",
  "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
EOF
log "npm install code-server@$CODE_SERVER_VERSION into $CS_PREFIX (builds native modules, about a minute; log: $CS_PREFIX/install.log)"
if ! (cd "$staging" && npm install --foreground-scripts > install.log 2>&1); then
  grep -v 'gyp info\|TAR_ENTRY_ERROR' "$staging/install.log" | tail -60 >&2
  echo "e2e setup: npm install of code-server failed; full log: $staging/install.log" >&2
  exit 1
fi
ln -sf ../node_modules/.bin/code-server "$staging/bin/code-server"

# Smoke checks. code-server must not write ~/.config/code-server, so give it its own config.
vsc="$staging/node_modules/code-server/lib/vscode"
"$vsc/node_modules/@vscode/ripgrep/bin/rg" --version >/dev/null
for m in node-pty/build/Release/pty.node @vscode/spdlog/build/Release/spdlog.node kerberos/build/Release/kerberos.node native-watchdog/build/Release/watchdog.node; do
  [ -f "$vsc/node_modules/$m" ] || { echo "e2e setup: native module $m was not built; see $staging/install.log" >&2; exit 1; }
done
XDG_CONFIG_HOME="$staging/.xdg" XDG_DATA_HOME="$staging/.xdg" "$staging/bin/code-server" --config "$staging/.xdg/config.yaml" --version >&2
touch "$staging/.installed"
mv "$staging" "$CS_PREFIX"
log "code-server $CODE_SERVER_VERSION installed in $CS_PREFIX ($(du -sh "$CS_PREFIX" | cut -f1), ${SECONDS}s)"
