#!/usr/bin/env bash
# Installs what the LibreOffice tests (npm run test:office) and the page rendering
# for the README need: Debian's headless LibreOffice Writer (soffice) and
# poppler-utils (pdftoppm), when missing. Idempotent: a second run only prints
# the versions. Exits non-zero with a message when something cannot be installed.
#
# libreoffice-writer-nogui is the Writer without any GUI toolkit: enough for
# `soffice --headless --convert-to`, and a fraction of the full suite.
set -euo pipefail

START=$(date +%s)
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)

if [ ${#need[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || { echo "office-setup: ERROR: apt-get not found; install ${need[*]} by hand" >&2; exit 1; }
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "office-setup: installing ${need[*]}"
  # Wait for another apt/dpkg run to release its lock instead of failing at once.
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${need[@]}"
fi

command -v soffice >/dev/null 2>&1 || { echo "office-setup: ERROR: soffice still missing" >&2; exit 1; }
echo "office-setup: $(soffice --version 2>/dev/null | head -1)"
echo "office-setup: pdftoppm $(pdftoppm -v 2>&1 | head -1)"
echo "office-setup: done in $(( $(date +%s) - START )) s"
