#!/usr/bin/env bash
# The project's test command: bash scripts/test.sh [extra Maven arguments]
#
# As root: install the testbed's missing Debian packages, prove the testbed comes up from a checkout
# at a long path with spaces (scripts/testbed-path-check.sh), bring the real-peer testbed up, run
# `mvn -B -ntp verify` (unit tests *Test through surefire, integration tests *IT through failsafe
# against the testbed) and always tear the testbed down again, also when tests fail or on Ctrl-C.
# Not root (or PORTQRY_TESTBED=skip): unit tests only, and a list of the integration tests skipped.
# Exits with Maven's exit code (or 1 if the testbed could not be set up).
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO" || exit 1

command -v mvn >/dev/null || { echo "test.sh: mvn not found on PATH" >&2; exit 1; }

timings=()
phase_start=0
phase=
begin() { phase_start=$SECONDS; phase=$1; echo "=== test.sh: $1"; }
end() { timings+=("$(printf '%-12s %5d s' "$1" $((SECONDS - phase_start)))"); phase=; }
report() {
  echo "=== test.sh: time per phase"
  [ "${#timings[@]}" -eq 0 ] || printf '    %s\n' "${timings[@]}"
  printf '    %-12s %5d s\n' total "$SECONDS"
}

if [ "$(id -u)" -ne 0 ] || [ "${PORTQRY_TESTBED:-}" = skip ]; then
  if [ "$(id -u)" -ne 0 ]; then
    why="not running as root: the testbed needs root for network namespaces, nftables, package installs and ports below 1024"
  else
    why="PORTQRY_TESTBED=skip"
  fi
  mapfile -t its < <(find "$REPO" -path '*/target' -prune -o -path '*/src/test/java/*' -name '*IT.java' -print | sed "s|^$REPO/||" | sort)
  echo "=== test.sh: integration tests SKIPPED ($why):"
  if [ "${#its[@]}" -eq 0 ]; then
    echo "    (none found)"
  else
    printf '    %s\n' "${its[@]}"
  fi
  echo "=== test.sh: run 'sudo bash scripts/test.sh' to include them"
  begin "maven (unit tests only)"
  mvn -B -ntp verify -DskipITs "$@"
  rc=$?
  end maven
  report
  exit "$rc"
fi

testbed_up=0
finish() {
  local rc=$?
  trap - EXIT INT TERM
  [ -z "$phase" ] || end "${phase%% *} (stopped)"
  if [ "$testbed_up" = 1 ]; then
    begin "testbed down"
    bash "$REPO/scripts/testbed-down.sh" || { echo "test.sh: teardown reported a problem" >&2; [ "$rc" -ne 0 ] || rc=1; }
    end teardown
  fi
  report
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One testbed per machine (fixed namespace name, the DC's well-known ports): a second run of this
# script, from any checkout, waits here until the first one has torn its testbed down.
mkdir -p "$(dirname /run/lock/portqry-testbed.lock)"
exec 9>/run/lock/portqry-testbed.lock
if ! flock -n 9; then
  echo "=== test.sh: another run holds the testbed on this machine; waiting (at most 30 min)"
  flock -w 1800 9 || { echo "test.sh: gave up waiting for the testbed lock" >&2; exit 1; }
fi

begin "install missing packages"
bash "$REPO/scripts/testbed-install.sh" || { echo "test.sh: package install failed" >&2; exit 1; }
end install

if [ "${PORTQRY_PATH_CHECK:-}" != skip ]; then
  begin "testbed from a long path with spaces"
  bash "$REPO/scripts/testbed-path-check.sh" || { echo "test.sh: the testbed does not work from a long path" >&2; exit 1; }
  end "path check"
fi

begin "testbed up"
testbed_up=1   # from here on, tear down whatever part came up
bash "$REPO/scripts/testbed-up.sh" || { echo "test.sh: the testbed did not come up; no tests run" >&2; exit 1; }
end "testbed up"

begin "maven verify (unit + integration tests)"
# With the testbed up, an IT that cannot find it must fail rather than skip.
mvn -B -ntp verify -Dportqry.testbed.required=true "$@"
rc=$?
end maven
exit "$rc"
