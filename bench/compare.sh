#!/usr/bin/env bash
# Runs portqry's CLI and nmap alternately on the same ports, in one run, and prints the median
# wall times, their ratio and whether the two agree. Figures go to BENCHMARKS.md by hand.
#
#   bash bench/compare.sh tcp-loopback|udp-loopback|tcp-dropped|udp-ratelimited|all [rounds]
#
# Needs root (nmap -sU, network namespaces), nmap, nftables, socat, and the CLI jar
# (mvn -B -q -DskipTests package). Traffic goes only to 127.0.0.1 and to the namespace this
# script makes (198.19.9.2 behind a veth pair), which it deletes again on exit.
set -uo pipefail
cd "$(dirname "$0")/.."
# A copy of the jar: rebuilding while a long benchmark runs would pull classes from under it.
JAR=${PORTQRY_JAR:-portqry-examples/target/portqry.jar}
ROUNDS=${2:-5}
NS=pqbench
HOST=198.19.9.2
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 1; }
command -v nmap >/dev/null || { echo "nmap is not installed (apt-get install -y nmap)" >&2; exit 1; }

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

ns_up() {
  ns_down
  ip netns add $NS
  ip link add pqb0 type veth peer name pqb1
  ip link set pqb1 netns $NS
  ip addr add 198.19.9.1/30 dev pqb0 && ip link set pqb0 up
  ip -n $NS addr add $HOST/30 dev pqb1 && ip -n $NS link set pqb1 up && ip -n $NS link set lo up
  # TCP 20000-20999 dropped (FILTERED); three UDP echo ports open among 30000-30999, the rest closed.
  ip netns exec $NS nft -f - <<'NFT' || { echo "nftables rule failed" >&2; exit 1; }
table inet pqbench {
  chain input {
    type filter hook input priority 0;
    tcp dport 20000-20999 drop
  }
}
NFT
  # One small echo process for the three open UDP ports (socat's fork mode lost one of them
  # under nmap's retries).
  ip netns exec $NS python3 -c '
import selectors, socket
sel = selectors.DefaultSelector()
for p in (30100, 30500, 30900):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("198.19.9.2", p)); sel.register(s, selectors.EVENT_READ)
while True:
    for key, _ in sel.select():
        data, peer = key.fileobj.recvfrom(2048); key.fileobj.sendto(b"hi", peer)
' >/dev/null 2>&1 &
  sleep 0.5
}
ns_down() {
  pkill -f 'for p in \(30100, 30500, 30900\)' 2>/dev/null
  ip netns del $NS 2>/dev/null
  ip link del pqb0 2>/dev/null
  true
}
trap ns_down EXIT

# run NAME COMMAND...: times one command, appends the seconds to /tmp/pqbench.NAME, keeps its output
run() {
  local name=$1; shift
  local t0=$(now)
  "$@" > /tmp/pqbench.$name.out 2>&1
  echo "$(now) - $t0" | bc >> /tmp/pqbench.$name.times
}

report() {
  local a=$1 b=$2
  local ma=$(median < /tmp/pqbench.$a.times) mb=$(median < /tmp/pqbench.$b.times)
  printf '%-28s median %7.2f s  (runs: %s)\n' "$a" "$ma" "$(tr '\n' ' ' < /tmp/pqbench.$a.times)"
  printf '%-28s median %7.2f s  (runs: %s)\n' "$b" "$mb" "$(tr '\n' ' ' < /tmp/pqbench.$b.times)"
  printf '%-28s %.2f\n' "ratio portqry/nmap" "$(echo "$ma / $mb" | bc -l)"
}

ours_ports() { grep -E "port [0-9]+ .*: $2\$" /tmp/pqbench.$1.out | sed -E 's/^(TCP|UDP) port ([0-9]+).*/\2/' | sort -n | tr '\n' ' '; }
nmap_ports() { grep -E "^[0-9]+/(tcp|udp) +$2 " /tmp/pqbench.$1.out | cut -d/ -f1 | sort -n | tr '\n' ' '; }

tcp_loopback() {
  echo "== all 65,535 TCP ports of 127.0.0.1, $ROUNDS rounds each, alternating"
  rm -f /tmp/pqbench.*
  for i in $(seq "$ROUNDS"); do
    run portqry-tcp java -jar $JAR -n 127.0.0.1 -r 1:65535 -nr
    run nmap-tcp nmap -sT -p- -n -Pn 127.0.0.1
  done
  report portqry-tcp nmap-tcp
  echo "open ports, portqry (last run): $(ours_ports portqry-tcp LISTENING)"
  echo "open ports, nmap (last run):    $(nmap_ports nmap-tcp open)"
}

udp_loopback() {
  echo "== all 65,535 UDP ports of 127.0.0.1, $ROUNDS rounds each, alternating"
  rm -f /tmp/pqbench.*
  for i in $(seq "$ROUNDS"); do
    run portqry-udp java -jar $JAR -n 127.0.0.1 -p udp -r 1:65535 -nr
    run nmap-udp nmap -sU -p- -n -Pn 127.0.0.1
  done
  report portqry-udp nmap-udp
  echo "closed UDP ports, portqry: $(grep -c 'NOT LISTENING' /tmp/pqbench.portqry-udp.out); other: $(grep -E '^UDP port' /tmp/pqbench.portqry-udp.out | grep -vc 'NOT LISTENING')"
  echo "nmap: $(grep -E 'Not shown|/udp' /tmp/pqbench.nmap-udp.out | tr '\n' ' ')"
}

tcp_dropped() {
  echo "== 1,000 dropped TCP ports of the namespace host, one try of 500 ms, $ROUNDS rounds"
  rm -f /tmp/pqbench.*
  ns_up
  for i in $(seq "$ROUNDS"); do
    run portqry-dropped java -jar $JAR -n $HOST -r 20000:20999 -nr -tcptries 1 -tcpwait 500
    run nmap-dropped nmap -sT -p 20000-20999 -n -Pn --max-retries 0 --max-rtt-timeout 500ms $HOST
  done
  report portqry-dropped nmap-dropped
  echo "portqry FILTERED: $(grep -c ': FILTERED' /tmp/pqbench.portqry-dropped.out) of 1000; nmap: $(grep -E 'Not shown|filtered' /tmp/pqbench.nmap-dropped.out | head -2 | tr '\n' ' ')"
}

udp_ratelimited() {
  local budget=${PACING:-1200}
  echo "== 1,000 UDP ports (3 open) of the namespace host, which rate-limits ICMP; portqry pacing budget ${budget} s"
  [ "${SKIP_NMAP:-}" = 1 ] || rm -f /tmp/pqbench.*
  rm -f /tmp/pqbench.portqry-ratelimited.*
  ns_up
  sleep 7
  [ "${SKIP_NMAP:-}" = 1 ] || run nmap-ratelimited nmap -sU -p 30000-30999 -n -Pn $HOST
  sleep 7
  run portqry-ratelimited java -jar $JAR -n $HOST -p udp -r 30000:30999 -nr -udpwait 500 -udppacing "$budget"
  report portqry-ratelimited nmap-ratelimited
  local nmap_closed=$(( $(grep -oE 'Not shown: [0-9]+ closed' /tmp/pqbench.nmap-ratelimited.out | grep -oE '[0-9]+' || echo 0) + $(grep -cE '^[0-9]+/udp +closed' /tmp/pqbench.nmap-ratelimited.out) ))
  echo "closed (of 997): portqry $(grep -c 'NOT LISTENING' /tmp/pqbench.portqry-ratelimited.out), nmap $nmap_closed"
  echo "open: portqry $(ours_ports portqry-ratelimited LISTENING)/ nmap $(nmap_ports nmap-ratelimited open)"
}

case "${1:-all}" in
  tcp-loopback) tcp_loopback ;;
  udp-loopback) udp_loopback ;;
  tcp-dropped) tcp_dropped ;;
  udp-ratelimited) udp_ratelimited ;;
  all) tcp_loopback; udp_loopback; tcp_dropped; udp_ratelimited ;;
  *) echo "usage: bash bench/compare.sh tcp-loopback|udp-loopback|tcp-dropped|udp-ratelimited|all [rounds]" >&2; exit 2 ;;
esac
