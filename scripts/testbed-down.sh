#!/usr/bin/env bash
# Tear down portqry's testbed: stop every daemon that testbed-up.sh started (by its recorded pid),
# delete the pqtest network namespace and the state under target/testbed/. Safe to run at any
# time, also after a crashed run or when nothing is up. --quiet: say nothing when nothing is left.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/testbed-common.sh"

quiet=0
[ "${1:-}" = --quiet ] && quiet=1
say() { [ "$quiet" = 1 ] || tb_log "$@"; }

[ "$(id -u)" -eq 0 ] || tb_die "tearing down the testbed needs root"

# 1. Daemons with a pid file, most dependent first (the namespace's echo servers, then the rest).
if [ -d "$PIDS" ]; then
  for f in "$PIDS"/ns-*.pid "$PIDS"/*.pid; do
    [ -f "$f" ] && tb_stop_pidfile "$f"
  done
fi

# 2. Our daemons whose pid file is gone (e.g. `mvn clean` removed target/ under a running
#    testbed): found by executable name AND a command line naming this testbed's state dir, so no
#    other instance of the same program is touched.
for proc in /proc/[0-9]*; do
  pid=${proc#/proc/}
  exe=$(readlink "$proc/exe" 2>/dev/null) || continue
  case "${exe##*/}" in
    samba|snmpd|vsftpd|dovecot|exim4|socat) ;;
    *) continue ;;
  esac
  if tr '\0' ' ' <"$proc/cmdline" 2>/dev/null | grep -qF "$STATE/"; then
    tb_log "stopping leftover ${exe##*/} (pid $pid) of an earlier run"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  fi
done

# 3. The namespace: whatever still runs inside it is ours by construction (it was made here).
if ip netns list 2>/dev/null | grep -qw "^$NS"; then
  for pid in $(ip netns pids "$NS" 2>/dev/null); do
    tb_log "stopping leftover process $pid inside namespace $NS"
    kill -TERM "$pid" 2>/dev/null
  done
  sleep 0.2
  for pid in $(ip netns pids "$NS" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
  # Deleting the namespace also deletes both ends of the veth pair and its nftables table.
  ip netns delete "$NS" && say "deleted network namespace $NS"
fi
if ip link show "$VETH_ROOT" >/dev/null 2>&1; then
  ip link delete "$VETH_ROOT" && say "deleted leftover veth $VETH_ROOT"
fi

# 4. Samba's /run/samba mount point, if testbed-up.sh had to create it.
if [ -f "$STATE/made-run-samba" ]; then
  rmdir /run/samba 2>/dev/null || true
fi

# 5. State. Logs of the last run are kept for debugging under target/testbed-last/.
if [ -d "$STATE" ]; then
  rm -rf "$STATE-last"
  mkdir -p "$STATE-last"
  find "$STATE" -name '*.log' -type f -size -20M -print0 2>/dev/null |
    while IFS= read -r -d '' f; do
      rel=${f#"$STATE"/}
      mkdir -p "$STATE-last/$(dirname "$rel")"
      cp "$f" "$STATE-last/$rel"
    done
  rm -rf "$STATE"
  say "removed $STATE (logs kept in $STATE-last)"
fi
[ "$RUNDIR" = "$STATE/run" ] || rm -rf "$RUNDIR"
exit 0
