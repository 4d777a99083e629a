#!/usr/bin/env bash
# Proves that the testbed comes up from a checkout at a long path with spaces in it: copies the
# testbed scripts and templates (and the exporter's alert rules) under such a path (over 200 characters), brings the testbed up
# there, checks that the DC, the mail daemons and the namespace answer and that the properties
# file was written, and tears it down again. Run by scripts/test.sh (as root) before its own
# testbed comes up; PORTQRY_PATH_CHECK=skip leaves it out. Needs root and the testbed's packages.
set -euo pipefail
[ "$(id -u)" -eq 0 ] || { echo "testbed-path-check: needs root" >&2; exit 1; }

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
base=$(mktemp -d /tmp/portqry-path-check.XXXXXX)
deep="$base/a checkout with spaces/and a deliberately long path that goes on/past the 108 bytes of a Unix socket/so that no daemon file may live under it/nor any config with spaces/portqry"
mkdir -p "$deep/portqry-examples"
cp -r "$SRC/scripts" "$SRC/testbed" "$deep/"
cp -r "$SRC/portqry-examples/exporter" "$deep/portqry-examples/"   # the alert rules Prometheus loads
echo "testbed-path-check: checkout at a path of ${#deep} characters: $deep"

status=0
cleanup() {
  bash "$deep/scripts/testbed-down.sh" --quiet || status=1
  rm -rf "$base"
}
trap cleanup EXIT

if bash "$deep/scripts/testbed-up.sh" >"$base/up.log" 2>&1; then
  props="$deep/target/testbed/testbed.properties"
  if [ ! -s "$props" ]; then
    echo "testbed-path-check: FAILED: no properties file at $props" >&2
    status=1
  elif ! ldapsearch -x -o nettimeout=2 -H ldap://127.0.0.1 -b "" -s base dnsHostName 2>/dev/null |
      grep -qi '^dnsHostName: dc1'; then
    echo "testbed-path-check: FAILED: the DC does not answer LDAP" >&2
    status=1
  else
    echo "testbed-path-check: OK (testbed up and answering from the long path)"
  fi
else
  echo "testbed-path-check: FAILED: the testbed did not come up from the long path:" >&2
  tail -n 40 "$base/up.log" | sed 's/^/    /' >&2
  status=1
fi
trap - EXIT
cleanup
exit "$status"
