# Shared by testbed-up.sh and testbed-down.sh; sourced, never run.
#
# Every daemon runs in its own session (setsid), so its pid is also its process group id and one
# signal to the group stops it together with the children it forked. A pid file holds
# "PID STARTTIME" (field 22 of /proc/PID/stat): a pid left by a crashed run is only signalled if it
# still names the same process, never a newer one that happens to reuse the number.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE="$REPO/target/testbed"
TEMPLATES="$REPO/testbed"
PIDS="$STATE/pids"
PROPS="$STATE/testbed.properties"

# Everything a daemon reads or writes (configs, databases, logs, Unix sockets) lives in LIVE, a
# short private directory named after the state dir: a Unix socket path is limited to 108 bytes
# and some daemons' config syntax breaks on spaces, so a checkout at a long path or one with spaces
# in it must not reach them. STATE keeps only what the tests and the teardown read (the properties
# file, the pid files, a link to LIVE, the last run's logs).
LIVE="/run/portqry-testbed/$(printf '%s' "$STATE" | md5sum | cut -c1-12)"
RUNDIR="$LIVE/run"

# The namespace name and the DC's loopback ports are machine-wide: one testbed per machine. This
# file names the state dir of the checkout whose testbed holds them (removed by its teardown).
OWNER=/run/portqry-testbed.owner
LOCK=/run/lock/portqry-testbed.lock   # held by scripts/test.sh for a whole run

NS=pqtest               # network namespace with the filtered ports
VETH_ROOT=pqt0          # its veth end in the root namespace
VETH_NS=pqt1            # and inside
NS_ROOT4=198.18.0.1     # RFC 2544 benchmarking range: never routed anywhere
NS_ADDR4=198.18.0.2
NS_ROOT6=fd70:7172::1   # unique local address, likewise unrouted
NS_ADDR6=fd70:7172::2

# The second domain controller (DC2): its own network namespace behind its own veth pair. DC1 also
# listens on the root end, so that DC2 can join and replicate; see testbed/README.md.
DC2_NS=pqdc2
DC2_VETH_ROOT=pqd0
DC2_VETH_NS=pqd1
DC2_ROOT4=198.18.0.5    # DC1's address towards DC2 (RFC 2544, like the pqtest pair)
DC2_ADDR4=198.18.0.6    # DC2
DC2_ROOT6=fd70:7172:2::1
DC2_ADDR6=fd70:7172:2::2

tb_log() { printf 'testbed: %s\n' "$*"; }
tb_die() { printf 'testbed: ERROR: %s\n' "$*" >&2; exit 1; }

# tb_netns NS VETH_ROOT VETH_NS ROOT4 ROOT6 ADDR4 ADDR6: a network namespace with loopback up,
# joined to the root namespace by a veth pair (/30 and /64, no duplicate-address wait).
tb_netns() {
  local ns=$1 vroot=$2 vns=$3 root4=$4 root6=$5 addr4=$6 addr6=$7
  ip netns add "$ns"
  ip link add "$vroot" type veth peer name "$vns" netns "$ns"
  ip addr add "$root4/30" dev "$vroot"
  ip -6 addr add "$root6/64" dev "$vroot" nodad
  ip link set "$vroot" up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "$addr4/30" dev "$vns"
  ip -n "$ns" -6 addr add "$addr6/64" dev "$vns" nodad
  ip -n "$ns" link set "$vns" up
}

# Start time of a live process (clock ticks since boot), or nothing.
tb_starttime() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  # The command name in field 2 may hold spaces; the fields after its closing parenthesis do not.
  stat=${stat##*) }
  # shellcheck disable=SC2086
  set -- $stat
  # A zombie has exited already; it may linger until whoever adopted it reaps it.
  [ "$1" = Z ] || printf '%s' "${20}"
}

# True while any live (non-zombie) process remains in process group $1.
tb_group_alive() {
  ps -e -o pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

# tb_start NAME LOGFILE COMMAND...: start COMMAND in a new session, detached from the caller's
# terminal and stdin, and record its pid. The command must stay in the foreground.
tb_start() {
  local name=$1 log=$2
  shift 2
  mkdir -p "$PIDS" "$(dirname "$log")"
  setsid "$@" </dev/null >>"$log" 2>&1 9>&- &
  local pid=$!
  printf '%s %s %s\n' "$pid" "$(tb_starttime "$pid")" "$log" >"$PIDS/$name.pid"
  tb_log "started $name (pid $pid), log $log"
}

# True if the process recorded in pid file $1 is still the one we started.
tb_alive() {
  local pid start log
  read -r pid start log <"$1" 2>/dev/null || return 1
  [ -n "$pid" ] && [ -n "$start" ] && [ "$(tb_starttime "$pid")" = "$start" ]
}

# Stop the daemon of pid file $1 and its process group: TERM, up to 10 s grace, then KILL.
tb_stop_pidfile() {
  local file=$1 name pid start log i
  name=$(basename "$file" .pid)
  read -r pid start log <"$file" 2>/dev/null || { rm -f "$file"; return 0; }
  if tb_alive "$file"; then
    local t0=$SECONDS
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for i in $(seq 1 40); do
      tb_alive "$file" || tb_group_alive "$pid" || break
      sleep 0.25
    done
    if tb_alive "$file" || tb_group_alive "$pid"; then
      tb_log "$name (pid $pid) ignored TERM for 10 s; sending KILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
    fi
    tb_log "stopped $name (pid $pid) in $((SECONDS - t0)) s"
  fi
  rm -f "$file"
}

# TCP connect check with a 1 s bound.
tb_tcp_open() {
  timeout 1 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

# True if something in the current namespace listens on PROTO (tcp|udp) PORT on any address.
tb_port_taken() {
  local flag
  [ "$1" = tcp ] && flag=-ltnH || flag=-lunH
  ss $flag "( sport = :$2 )" 2>/dev/null | grep -q .
}

# True if something listens on PROTO PORT at one of the addresses a loopback daemon binds: 127.0.0.1,
# ::1, or a wildcard (which covers them). A listener on another address (slapd on 127.0.0.2:389,
# say) does not stand in the way.
tb_port_taken_on_loopback() {
  local flag
  [ "$1" = tcp ] && flag=-ltnH || flag=-lunH
  ss $flag "( sport = :$2 )" 2>/dev/null | awk -v port="$2" '
    { addr = $4; sub(/%[^:\]]*/, "", addr); sub(":" port "$", "", addr)
      if (addr ~ /^(127\.0\.0\.1|\[::1\]|\*|0\.0\.0\.0|\[::\]|\[::ffff:127\.0\.0\.1\]|\[::ffff:0\.0\.0\.0\])$/) found = 1 }
    END { exit !found }'
}

# tb_pick_port PROTO PREFERRED FALLBACK: the well-known port if free, else the fallback.
tb_pick_port() {
  if tb_port_taken "$1" "$2"; then
    tb_log "$1 port $2 is taken by another process ($(ss -lpnH "( sport = :$2 )" | head -1 | awk '{print $NF}')); using $3" >&2
    if tb_port_taken "$1" "$3"; then
      tb_die "$1 ports $2 and $3 are both taken; free one of them"
    fi
    printf '%s' "$3"
  else
    printf '%s' "$2"
  fi
}

# tb_wait NAME DAEMON SECONDS LOGFILE COMMAND...: poll COMMAND until it succeeds. If the process
# started as DAEMON (see tb_start) exits, or SECONDS pass, name the peer that did not come up, show
# the end of its log and fail.
tb_wait() {
  local name=$1 daemon=$2 secs=$3 log=$4 why
  shift 4
  local deadline=$((SECONDS + secs))
  until "$@"; do
    why=
    if [ -f "$PIDS/$daemon.pid" ] && ! tb_alive "$PIDS/$daemon.pid"; then
      why="its process ($daemon) exited"
    elif [ "$SECONDS" -ge "$deadline" ]; then
      why="no answer within $secs s"
    fi
    if [ -n "$why" ]; then
      printf 'testbed: ERROR: peer "%s" did not come up: %s (check: %s)\n' "$name" "$why" "$*" >&2
      if [ -f "$log" ]; then
        printf 'testbed: last lines of %s:\n' "$log" >&2
        tail -n 30 "$log" | sed 's/^/    /' >&2
      fi
      return 1
    fi
    sleep 0.3
  done
}

# Substitute @KEY@ placeholders in template $1 into file $2 from the listed KEY=VALUE pairs.
tb_render() {
  local src=$1 dst=$2
  shift 2
  local args=() kv
  for kv in "$@"; do
    args+=(-e "s|@${kv%%=*}@|${kv#*=}|g")
  done
  sed "${args[@]}" "$src" >"$dst"
  if grep -q '@[A-Z0-9_]*@' "$dst"; then
    tb_die "unfilled placeholder in $dst: $(grep -o '@[A-Z0-9_]*@' "$dst" | sort -u | tr '\n' ' ')"
  fi
}

# Prints the state dir of another checkout whose testbed is up on this machine, if any.
tb_other_owner() {
  local other
  other=$(cat "$OWNER" 2>/dev/null) || return 0
  if [ -n "$other" ] && [ "$other" != "$STATE" ] && [ -d "$other/pids" ]; then
    printf '%s' "$other"
  fi
}
