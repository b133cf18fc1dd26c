#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need from Debian's packages when
# missing, then runs every test. The tests start their own Redis and Dovecot on free loopback ports.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v redis-server >/dev/null || need+=(redis-server)
command -v dovecot >/dev/null || need+=(dovecot-imapd)
command -v chromium >/dev/null || need+=(chromium)
command -v docker-compose >/dev/null || need+=(docker-compose)
# The PDF template draws ☑ ☐ ✔ (missing from Noto Sans JP) with DejaVu Sans.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "missing ${need[*]}: install them, or run as root" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Debian starts packaged services on install; the tests start their own instances instead.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  rm -f /usr/sbin/policy-rc.d
fi
[ -d node_modules ] || npm ci
npm run --silent build
exec npx vitest run "$@"
