#!/bin/sh
# Prerequisites of `npm run test:e2e`: Debian's Chromium at /usr/bin/chromium (the e2e tests
# drive it with playwright-core; no browser is downloaded by Playwright).
# Installs it with apt-get when it is missing; needs root (or sudo) and the Debian mirrors.
# Set E2E_CHROMIUM to use another Chromium binary instead (then nothing is installed).
set -eu

CHROMIUM="${E2E_CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
  echo "e2e-prereqs: $CHROMIUM is there ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if [ "$CHROMIUM" != /usr/bin/chromium ]; then
  echo "e2e-prereqs: E2E_CHROMIUM=$CHROMIUM is not an executable file" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "e2e-prereqs: /usr/bin/chromium is missing and this is not root (no sudo): install the Debian package chromium" >&2
  exit 1
fi

echo "e2e-prereqs: installing Debian chromium"
export DEBIAN_FRONTEND=noninteractive
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium

if [ ! -x /usr/bin/chromium ]; then
  echo "e2e-prereqs: apt-get finished but /usr/bin/chromium is still missing" >&2
  exit 1
fi
echo "e2e-prereqs: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium installed')"
