#!/usr/bin/env bash
# Bring up portqry's real-peer testbed (see testbed/README.md): a Samba AD domain controller, snmpd,
# vsftpd, dovecot and exim on loopback, and the "pqtest" network namespace with filtered ports.
# The daemons' files live in a short private directory under /run/portqry-testbed/ (see LIVE in
# testbed-common.sh), so the checkout may sit at any path; the last step writes
# target/testbed/testbed.properties, which the integration tests read. Needs root.
#
# Environment: TESTBED_KEEP_ON_FAILURE=1 leaves whatever came up running when a peer fails, for
# debugging (scripts/testbed-down.sh clears it afterwards).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/testbed-common.sh"

[ "$(id -u)" -eq 0 ] || tb_die "the testbed needs root (network namespaces, nftables, ports below 1024)"

missing=()
for cmd in samba samba-tool snmpd snmpget vsftpd dovecot exim4 socat nft ip ss dig nmblookup nmap \
           ldapsearch setsid unshare timeout md5sum; do
  command -v "$cmd" >/dev/null || missing+=("$cmd")
done
[ "${#missing[@]}" -eq 0 ] || tb_die "missing commands: ${missing[*]} (run scripts/testbed-install.sh)"

started=$SECONDS
other=$(tb_other_owner)
[ -z "$other" ] || tb_die "the testbed of another checkout is up on this machine (${other%/target/testbed}); \
stop it first: bash ${other%/target/testbed}/scripts/testbed-down.sh"
# A crashed or interrupted earlier run may have left daemons, the namespace or state behind.
bash "$REPO/scripts/testbed-down.sh" --quiet

on_failure() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    if [ "${TESTBED_KEEP_ON_FAILURE:-0}" = 1 ]; then
      tb_log "left running for debugging; clear with: bash scripts/testbed-down.sh"
    else
      tb_log "bringing the testbed down again after the failure"
      bash "$REPO/scripts/testbed-down.sh" --quiet || true
    fi
  fi
}
trap on_failure EXIT

mkdir -p "$STATE" "$PIDS" "$LIVE" "$RUNDIR"
chmod 755 "$LIVE" "$(dirname "$LIVE")"
ln -sfn "$LIVE" "$STATE/live"
printf '%s\n' "$STATE" >"$OWNER"

# ---------------------------------------------------------------------------------------------
# Values the tests learn from testbed.properties.
DC_REALM=CORP.EXAMPLE.TEST
DC_DOMAIN=CORP
DC_HOST=dc1
DC_FQDN=dc1.corp.example.test
DC_BASEDN=DC=corp,DC=example,DC=test
DC_PASS='Pqtestbed-Admin-1'
SNMP_COMMUNITY=portqry-ro
SNMP_SYSNAME=portqry-testbed-snmpd
NS_TCP_OPEN=7080
NS_UDP_OPEN=7081
NS_TCP_CLOSED=7090
NS_UDP_CLOSED=7091
NS_TCP_DROP=7001
NS_UDP_DROP=7002
NS_TCP_REJECT_HOST=7003
NS_TCP_REJECT_ADMIN=7004
NS_UDP_REJECT_HOST=7005

# Well-known ports when free; a port held by some other daemon on this machine is left alone.
SNMP_PORT=$(tb_pick_port udp 161 16161)
FTP_PORT=$(tb_pick_port tcp 21 2121)
POP3_PORT=$(tb_pick_port tcp 110 11110)
IMAP_PORT=$(tb_pick_port tcp 143 11143)
SMTP_PORT=$(tb_pick_port tcp 25 2525)

# The DC's ports are fixed by the protocols; say plainly if something else already holds one.
for p in tcp:53 udp:53 tcp:88 udp:88 tcp:135 udp:137 tcp:389 udp:389 tcp:445 tcp:636 tcp:3268; do
  if tb_port_taken_on_loopback "${p%%:*}" "${p#*:}"; then
    tb_die "Samba needs ${p%%:*} port ${p#*:}, held by: $(ss -lpnH "( sport = :${p#*:} )" | head -1)"
  fi
done

# Samba binds its dynamic RPC ports (default 49152 up) without SO_REUSEADDR, on 127.0.0.1 and ::1
# alike, so a client socket or a TIME_WAIT left on one of those ports by any loopback connection
# makes it exit at start ("Failed to listen ... ADDRESS_ALREADY_ASSOCIATED"). A range above the
# kernel's ephemeral ports is never taken by a client; only this testbed's own earlier Samba can
# hold it, for at most the 60 s of TIME_WAIT, which the wait below covers.
read -r _ eph_hi </proc/sys/net/ipv4/ip_local_port_range
if [ "$eph_hi" -lt 61000 ]; then
  DC_RPC_LOW=61000
else
  DC_RPC_LOW=$(( $(cut -f1 </proc/sys/net/ipv4/ip_local_port_range) - 200 ))
  [ "$DC_RPC_LOW" -ge 10000 ] || DC_RPC_LOW=49152   # no room: Samba's default, and hope
fi
DC_RPC_HIGH=$((DC_RPC_LOW + 99))
rpc_range_free() {
  ! ss -tanH "( sport >= :$DC_RPC_LOW and sport <= :$DC_RPC_HIGH )" 2>/dev/null | grep -q .
}
if ! rpc_range_free; then
  tb_log "waiting for TCP $DC_RPC_LOW-$DC_RPC_HIGH to be released (TIME_WAIT of an earlier run)"
  tb_wait "free dynamic RPC ports $DC_RPC_LOW-$DC_RPC_HIGH for samba" none 70 /dev/null rpc_range_free
fi

# ---------------------------------------------------------------------------------------------
# DC2's network namespace and veth pair come first: DC1 listens on the root end ($DC2_ROOT4) too.
dc2_network() {
  tb_log "creating network namespace $DC2_NS ($DC2_ADDR4, $DC2_ADDR6) behind veth $DC2_VETH_ROOT for DC2"
  tb_netns "$DC2_NS" "$DC2_VETH_ROOT" "$DC2_VETH_NS" "$DC2_ROOT4" "$DC2_ROOT6" "$DC2_ADDR4" "$DC2_ADDR6"
}
dc2_network

# ---------------------------------------------------------------------------------------------
# Private resolver for every Samba process: inside its own mount namespace /etc/resolv.conf is
# replaced by one naming the DC itself, so no lookup Samba makes can leave loopback. The root
# namespace's file is never changed.
SAMBA="$LIVE/samba"
SAMBA_RUN="$RUNDIR/samba"
mkdir -p "$SAMBA/log" "$SAMBA_RUN"
printf 'nameserver 127.0.0.1\nsearch corp.example.test\n' >"$SAMBA/resolv.conf"
if [ ! -d /run/samba ]; then
  # Only a mount point for the private bind mount below; testbed-down.sh removes it again.
  mkdir /run/samba
  touch "$LIVE/made-run-samba"
fi
SAMBA_NS=(env KRB5_CONFIG="$SAMBA/private/krb5.conf" unshare --mount --propagation private
  sh -c 'mount --bind "$1" /etc/resolv.conf && mount --bind "$2" /run/samba && shift 2 && exec "$@"'
  sh "$SAMBA/resolv.conf" "$SAMBA_RUN")

t=$SECONDS
tb_log "provisioning Samba AD DC $DC_FQDN (realm $DC_REALM)"
if ! "${SAMBA_NS[@]}" samba-tool domain provision --targetdir="$SAMBA" --realm="$DC_REALM" \
      --domain="$DC_DOMAIN" --server-role=dc --dns-backend=SAMBA_INTERNAL \
      --adminpass="$DC_PASS" --host-name="$DC_HOST" --host-ip6=::1 \
      --option="interfaces=lo" --option="bind interfaces only=yes" \
      --option="dns forwarder=" >"$SAMBA/log/provision.log" 2>&1; then
  tail -n 30 "$SAMBA/log/provision.log" >&2
  tb_die "Samba provisioning failed (log $SAMBA/log/provision.log)"
fi
# Keep provisioning's [global] section minus what points outside the state dir or off the machine,
# and drop the print shares. samba_conf CONF STATEDIR RUNDIR INTERFACES (used for DC2 as well).
samba_conf() {
  local conf=$1 dir=$2 run=$3 ifaces=$4
  awk '/^\[/ { keep = ($0 == "[global]" || $0 == "[sysvol]" || $0 == "[netlogon]") }
       keep && !/^[ \t]*(dns forwarder|log file|panic action|logging|interfaces) *=/' "$conf" >"$conf.new"
  awk -v s="$dir" -v r="$run" -v low="$DC_RPC_LOW" -v high="$DC_RPC_HIGH" -v ifaces="$ifaces" '
    { print }
    $0 == "[global]" {
      print "\t# portqry testbed: no DNS forwarder, so no query is sent past loopback."
      print "\tdns forwarder ="
      print "\tdns update command = /bin/true"
      print "\tspn update command = /bin/true"
      print "\tinterfaces = " ifaces
      print "\tlogging = file"
      print "\tlog file = " s "/log/samba.log"
      print "\tlog level = 1"
      print "\tntp signd socket directory = " r "/ntp_signd"
      print "\tload printers = no"
      print "\tprinting = bsd"
      print "\tprintcap name = /dev/null"
      print "\tdisable spoolss = yes"
      print "\trpc server dynamic port range = " low "-" high
    }' "$conf.new" >"$conf"
  rm -f "$conf.new"
}
conf="$SAMBA/etc/smb.conf"
# DC1 serves loopback (every IT's 127.0.0.1 and ::1) and, for DC2's join and replication, the root
# end of DC2's veth pair.
samba_conf "$conf" "$SAMBA" /run/samba "lo $DC2_ROOT4 $DC2_ROOT6"
mkdir -p "$SAMBA/cache"
tb_log "provisioned in $((SECONDS - t)) s"

tb_start samba "$SAMBA/log/samba.stdout.log" "${SAMBA_NS[@]}" samba -s "$conf" -F -M standard

# ---------------------------------------------------------------------------------------------
SNMPD="$LIVE/snmpd"
mkdir -p "$SNMPD/persist"
tb_render "$TEMPLATES/snmpd.conf.in" "$SNMPD/snmpd.conf" \
  "PORT=$SNMP_PORT" "COMMUNITY=$SNMP_COMMUNITY" "SYSNAME=$SNMP_SYSNAME"
# SNMPCONFPATH and SNMP_PERSISTENT_DIR keep snmpd away from the system's own files; MIBS= skips
# loading MIB text files, which the agent does not need.
tb_start snmpd "$SNMPD/snmpd.stdout.log" env SNMPCONFPATH="$SNMPD" SNMP_PERSISTENT_DIR="$SNMPD/persist" \
  MIBS= snmpd -f -I -smux -Lf "$SNMPD/snmpd.log" -C -c "$SNMPD/snmpd.conf" -p "$SNMPD/snmpd.pid"

# ---------------------------------------------------------------------------------------------
FTPD="$LIVE/vsftpd"
mkdir -p "$FTPD/empty" "$FTPD/anon"
chmod 755 "$FTPD/empty" "$FTPD/anon"
printf 'portqry testbed: nothing to download.\n' >"$FTPD/anon/README"
tb_render "$TEMPLATES/vsftpd.conf.in" "$FTPD/vsftpd.conf" \
  "PORT=$FTP_PORT" "ANONROOT=$FTPD/anon" "EMPTYDIR=$FTPD/empty" "LOGFILE=$FTPD/vsftpd.log"
tb_start vsftpd "$FTPD/vsftpd.stdout.log" vsftpd "$FTPD/vsftpd.conf"

# ---------------------------------------------------------------------------------------------
DOVE="$LIVE/dovecot"
mkdir -p "$DOVE/state" "$DOVE/mail" "$RUNDIR/dovecot"
chown dovecot:dovecot "$DOVE/mail"
printf 'tester:{PLAIN}tester-pass\n' >"$DOVE/users"
tb_render "$TEMPLATES/dovecot.conf.in" "$DOVE/dovecot.conf" \
  "BASEDIR=$RUNDIR/dovecot" "STATEDIR=$DOVE/state" "LOGFILE=$DOVE/dovecot.log" \
  "MAILDIR=$DOVE/mail" "USERS=$DOVE/users" "IMAPPORT=$IMAP_PORT" "POP3PORT=$POP3_PORT"
tb_start dovecot "$DOVE/dovecot.stdout.log" dovecot -F -c "$DOVE/dovecot.conf"

# ---------------------------------------------------------------------------------------------
EXIM="$LIVE/exim"
mkdir -p "$EXIM/spool" "$EXIM/log"
chown Debian-exim:Debian-exim "$EXIM/spool" "$EXIM/log"
tb_render "$TEMPLATES/exim4.conf.in" "$EXIM/exim4.conf" \
  "PORT=$SMTP_PORT" "SPOOLDIR=$EXIM/spool" "LOGDIR=$EXIM/log"
chmod 644 "$EXIM/exim4.conf"
tb_start exim "$EXIM/exim.stdout.log" exim4 -C "$EXIM/exim4.conf" -bdf -oX "$SMTP_PORT" \
  -oP "$EXIM/exim.pid"

# ---------------------------------------------------------------------------------------------
tb_log "creating network namespace $NS ($NS_ADDR4, $NS_ADDR6) behind veth $VETH_ROOT"
NSDIR="$LIVE/netns"
mkdir -p "$NSDIR"
tb_netns "$NS" "$VETH_ROOT" "$VETH_NS" "$NS_ROOT4" "$NS_ROOT6" "$NS_ADDR4" "$NS_ADDR6"
tb_render "$TEMPLATES/nftables.nft.in" "$NSDIR/nftables.nft" \
  "TCP_DROP=$NS_TCP_DROP" "UDP_DROP=$NS_UDP_DROP" "TCP_REJECT_HOST=$NS_TCP_REJECT_HOST" \
  "TCP_REJECT_ADMIN=$NS_TCP_REJECT_ADMIN" "UDP_REJECT_HOST=$NS_UDP_REJECT_HOST"
ip netns exec "$NS" nft -f "$NSDIR/nftables.nft"
# Echo servers inside the namespace, on IPv4 and IPv6 alike. -T bounds each forked UDP child.
tb_start ns-tcp-echo "$NSDIR/tcp-echo.log" ip netns exec "$NS" \
  socat "TCP6-LISTEN:$NS_TCP_OPEN,ipv6only=0,reuseaddr,fork" PIPE
tb_start ns-udp-echo "$NSDIR/udp-echo.log" ip netns exec "$NS" \
  socat -T 2 "UDP6-RECVFROM:$NS_UDP_OPEN,ipv6only=0,fork" PIPE

# ---------------------------------------------------------------------------------------------
# Bounded waits, one per peer, each naming the peer and showing its log when it fails.
greets() { # PORT EXPECTED-PREFIX: read the first line of a TCP greeting
  local line
  line=$(timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"; head -n 1 <&3' "$1" 2>/dev/null) || return 1
  [[ "$line" == "$2"* ]]
}
dc_up()    { tb_tcp_open 127.0.0.1 389 && tb_tcp_open 127.0.0.1 135; }
snmp_up()  {
  snmpget -v2c -c "$SNMP_COMMUNITY" -t 1 -r 0 -On -Ov -Oq "127.0.0.1:$SNMP_PORT" \
    .1.3.6.1.2.1.1.5.0 2>/dev/null | grep -qx "\"\{0,1\}$SNMP_SYSNAME\"\{0,1\}"
}
ns_up() {
  tb_tcp_open "$NS_ADDR4" "$NS_TCP_OPEN" &&
    [ "$(printf ping | timeout 2 socat -T 1 - "UDP4:$NS_ADDR4:$NS_UDP_OPEN" 2>/dev/null)" = ping ]
}

t=$SECONDS
tb_wait "samba (AD DC: LDAP 389 + endpoint mapper 135)" samba 90 "$SAMBA/log/samba.log" dc_up
tb_log "samba answers after $((SECONDS - t)) s"
tb_wait snmpd snmpd 20 "$SNMPD/snmpd.log" snmp_up
tb_wait "vsftpd (FTP $FTP_PORT)" vsftpd 20 "$FTPD/vsftpd.stdout.log" greets "$FTP_PORT" 220
tb_wait "dovecot (POP3 $POP3_PORT)" dovecot 20 "$DOVE/dovecot.log" greets "$POP3_PORT" +OK
tb_wait "dovecot (IMAP $IMAP_PORT)" dovecot 20 "$DOVE/dovecot.log" greets "$IMAP_PORT" '* OK'
tb_wait "exim (SMTP $SMTP_PORT)" exim 20 "$EXIM/exim.stdout.log" greets "$SMTP_PORT" 220
tb_wait "namespace $NS echo servers" ns-tcp-echo 20 "$NSDIR/tcp-echo.log" ns_up

# nmap --reason tells the ICMP replies apart, which a plain socket cannot (see the smoke IT): prove
# that every nftables rule and listener in the namespace gives the state it is meant to.
ns_states() {
  nmap -n -Pn -sS -sU --reason --max-retries 1 --host-timeout 20s \
    -p "T:$NS_TCP_DROP,$NS_TCP_REJECT_HOST,$NS_TCP_REJECT_ADMIN,$NS_TCP_OPEN,$NS_TCP_CLOSED,U:$NS_UDP_DROP,$NS_UDP_REJECT_HOST,$NS_UDP_CLOSED" \
    "$NS_ADDR4" 2>&1 | tee "$NSDIR/nmap.txt" | awk '/^[0-9]+\/(tcp|udp)/ { print $1, $2, $4 }' | sort
}
ns_expected=$(sort <<EOF
$NS_TCP_DROP/tcp filtered no-response
$NS_TCP_REJECT_HOST/tcp filtered host-unreach
$NS_TCP_REJECT_ADMIN/tcp filtered admin-prohibited
$NS_TCP_OPEN/tcp open syn-ack
$NS_TCP_CLOSED/tcp closed reset
$NS_UDP_DROP/udp open|filtered no-response
$NS_UDP_REJECT_HOST/udp filtered host-unreach
$NS_UDP_CLOSED/udp closed port-unreach
EOF
)
ns_seen=$(ns_states)
if [ "$ns_seen" != "$ns_expected" ]; then
  printf 'testbed: ERROR: peer "namespace %s" shows other port states than configured\n' "$NS" >&2
  diff <(echo "$ns_expected") <(echo "$ns_seen") | sed 's/^/    /' >&2
  exit 1
fi

# Provisioning registers no IPv4 address for a host that has only loopback: give dc1 its A
# record (and AAAA if missing) so the DC's own name resolves through its DNS.
dns_has() { dig +short +time=1 +tries=1 "@127.0.0.1" "$DC_FQDN" "$1" | grep -qx "$2"; }
for rr in A:127.0.0.1 AAAA:::1; do
  type=${rr%%:*} addr=${rr#*:}
  if ! dns_has "$type" "$addr"; then
    "${SAMBA_NS[@]}" samba-tool dns add 127.0.0.1 corp.example.test "$DC_HOST" "$type" "$addr" \
      -U "Administrator%$DC_PASS" --use-kerberos=off >>"$SAMBA/log/dns-add.log" 2>&1 ||
      { cat "$SAMBA/log/dns-add.log" >&2; tb_die "could not add $type $addr for $DC_FQDN"; }
  fi
done
tb_wait "samba DNS (A record of $DC_FQDN)" samba 20 "$SAMBA/log/samba.log" dns_has A 127.0.0.1
tb_wait "samba NetBIOS (node status on UDP 137)" samba 20 "$SAMBA/log/samba.log" \
  bash -c 'nmblookup -A 127.0.0.1 2>/dev/null | grep -q "<1c>"'
tb_wait "samba LDAP rootDSE" samba 20 "$SAMBA/log/samba.log" \
  bash -c 'ldapsearch -x -o nettimeout=2 -H ldap://127.0.0.1 -b "" -s base defaultNamingContext 2>/dev/null | grep -qi "^defaultNamingContext: $0"' "$DC_BASEDN"

# ---------------------------------------------------------------------------------------------
# DC2: a second domain controller joins the domain from its own network namespace ($DC2_NS), so
# that DNS discovery finds two DCs at different addresses. It sees DC1 at $DC2_ROOT4 only; its
# resolver and KDC list name DC1 there; it forwards nothing.
DC2_HOST=dc2
DC2_FQDN=dc2.corp.example.test
SAMBA2="$LIVE/samba2"
SAMBA2_RUN="$RUNDIR/samba2"
mkdir -p "$SAMBA2/log" "$SAMBA2_RUN"
printf 'nameserver %s\nsearch corp.example.test\n' "$DC2_ROOT4" >"$SAMBA2/resolv.conf"
printf '[libdefaults]\n\tdefault_realm = %s\n\tdns_lookup_realm = false\n\tdns_lookup_kdc = false\n[realms]\n\t%s = {\n\t\tkdc = %s\n\t}\n' \
  "$DC_REALM" "$DC_REALM" "$DC2_ROOT4" >"$SAMBA2/krb5.conf"
DC2_NSX=(ip netns exec "$DC2_NS" env KRB5_CONFIG="$SAMBA2/krb5.conf" unshare --mount --propagation private
  sh -c 'mount --bind "$1" /etc/resolv.conf && mount --bind "$2" /run/samba && shift 2 && exec "$@"'
  sh "$SAMBA2/resolv.conf" "$SAMBA2_RUN")

dc2_join() {
  local t=$SECONDS
  tb_log "joining DC2 $DC2_FQDN ($DC2_ADDR4) to $DC_REALM through DC1 at $DC2_ROOT4"
  if ! "${DC2_NSX[@]}" samba-tool domain join "$DC_REALM" DC --server="$DC2_ROOT4" \
        -U "Administrator%$DC_PASS" --targetdir="$SAMBA2" --dns-backend=SAMBA_INTERNAL \
        --option="netbios name=DC2" --option="interfaces=lo $DC2_ADDR4 $DC2_ADDR6" \
        --option="bind interfaces only=yes" --option="dns forwarder=" \
        >"$SAMBA2/log/join.log" 2>&1; then
    tail -n 30 "$SAMBA2/log/join.log" >&2
    tb_die "DC2 could not join the domain (log $SAMBA2/log/join.log)"
  fi
  samba_conf "$SAMBA2/etc/smb.conf" "$SAMBA2" /run/samba "lo $DC2_ADDR4 $DC2_ADDR6"
  mkdir -p "$SAMBA2/cache"
  tb_log "DC2 joined in $((SECONDS - t)) s"
}

# DNS records DC2 needs in DC1's DNS: its A and AAAA (the join adds them), and the SRV records that
# announce it (samba_dnsupdate would add them at DC2's first start; the testbed adds them itself, as
# it does DC1's A record). _ldap._tcp.dc lives in the forest zone _msdcs.<domain>.
dc2_dns() {
  local rr zone name type data
  for rr in "corp.example.test|$DC2_HOST|A|$DC2_ADDR4" "corp.example.test|$DC2_HOST|AAAA|$DC2_ADDR6" \
            "_msdcs.corp.example.test|_ldap._tcp.dc|SRV|$DC2_FQDN 389 0 100" \
            "corp.example.test|_kerberos._tcp|SRV|$DC2_FQDN 88 0 100" \
            "corp.example.test|_gc._tcp|SRV|$DC2_FQDN 3268 0 100" \
            "corp.example.test|_ldap._tcp|SRV|$DC2_FQDN 389 0 100"; do
    IFS='|' read -r zone name type data <<<"$rr"
    if ! dig +short +time=1 +tries=1 @127.0.0.1 "$name.$zone" "$type" | grep -qi "${data%% *}"; then
      "${SAMBA_NS[@]}" samba-tool dns add 127.0.0.1 "$zone" "$name" "$type" "$data" \
        -U "Administrator%$DC_PASS" --use-kerberos=off >>"$SAMBA2/log/dns-add.log" 2>&1 ||
        { cat "$SAMBA2/log/dns-add.log" >&2; tb_die "could not add $type $data for $name.$zone"; }
    fi
  done
}

dc2_up() { tb_tcp_open "$DC2_ADDR4" 389 && tb_tcp_open "$DC2_ADDR4" 135; }
dc2_srv() { dig +short +time=1 +tries=1 @127.0.0.1 _ldap._tcp.dc._msdcs.corp.example.test SRV | grep -qi "$DC2_FQDN"; }

dc2_join
tb_start samba-dc2 "$SAMBA2/log/samba.stdout.log" "${DC2_NSX[@]}" samba -s "$SAMBA2/etc/smb.conf" -F -M standard
dc2_dns
t=$SECONDS
tb_wait "samba DC2 (LDAP 389 + endpoint mapper 135 on $DC2_ADDR4)" samba-dc2 90 "$SAMBA2/log/samba.log" dc2_up
tb_wait "DC2's SRV record in DC1's DNS" samba 20 "$SAMBA/log/samba.log" dc2_srv
tb_log "DC2 answers after $((SECONDS - t)) s"
# Prometheus for the exporter's IT (PortqryExporterPrometheusIT): on loopback only, storage under
# the state dir, scraping only the exporter the IT starts on 127.0.0.1:$PROM_EXPORTER_PORT, with
# blackbox's relabelling, for the DC and the namespace's address. Nothing here depends on the DC:
# Prometheus just records failed scrapes until the exporter listens.
prometheus_up() {
  PROM="$LIVE/prometheus"
  mkdir -p "$PROM/data"
  PROM_PORT=$(tb_pick_port tcp 9391 19391)
  PROM_EXPORTER_PORT=$(tb_pick_port tcp 9392 19392)
  PROM_INTERVAL=2s
  PROM_TIMEOUT=2s
  tb_render "$TEMPLATES/portqry-exporter.yml.in" "$PROM/portqry-exporter.yml" \
    "NS_ADDRESS=$NS_ADDR4" "TCP_OPEN=$NS_TCP_OPEN" "TCP_CLOSED=$NS_TCP_CLOSED" "TCP_DROP=$NS_TCP_DROP" \
    "TCP_REJECT_HOST=$NS_TCP_REJECT_HOST" "UDP_OPEN=$NS_UDP_OPEN" "UDP_DROP=$NS_UDP_DROP"
  # The alert rules are copied next to the config: Prometheus reads no file of the checkout.
  cp "$REPO/portqry-examples/exporter/portqry-rules.yml" "$PROM/portqry-rules.yml"
  tb_render "$TEMPLATES/prometheus.yml.in" "$PROM/prometheus.yml" \
    "INTERVAL=$PROM_INTERVAL" "TIMEOUT=$PROM_TIMEOUT" "EXPORTER_PORT=$PROM_EXPORTER_PORT" \
    "DC_ADDRESS=127.0.0.1" "NS_ADDRESS=$NS_ADDR4" "RULES=$PROM/portqry-rules.yml"
  promtool check config "$PROM/prometheus.yml" >"$PROM/promtool-check.log" 2>&1 ||
    { cat "$PROM/promtool-check.log" >&2; tb_die "promtool rejects $PROM/prometheus.yml"; }
  tb_start prometheus "$PROM/prometheus.log" prometheus --config.file="$PROM/prometheus.yml" \
    --storage.tsdb.path="$PROM/data" --storage.tsdb.retention.time=1h \
    --web.listen-address="127.0.0.1:$PROM_PORT" --log.level=warn
  prom_ready() { curl -fsS --max-time 1 "http://127.0.0.1:$PROM_PORT/-/ready" >/dev/null 2>&1; }
  tb_wait "prometheus (127.0.0.1:$PROM_PORT)" prometheus 30 "$PROM/prometheus.log" prom_ready
}
if command -v prometheus >/dev/null && command -v promtool >/dev/null; then
  prometheus_up
else
  tb_log "prometheus or promtool missing (run scripts/testbed-install.sh): the exporter's Prometheus IT will fail"
  PROM_PORT= PROM_EXPORTER_PORT= PROM_INTERVAL= PROM="$LIVE/prometheus"
fi

# ---------------------------------------------------------------------------------------------
cat >"$PROPS.tmp" <<EOF
# Written by scripts/testbed-up.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ); keys are described in testbed/README.md.
dc.address=127.0.0.1
dc.address6=::1
dc.realm=$DC_REALM
dc.domain=$DC_DOMAIN
dc.hostname=$DC_HOST
dc.netbiosname=DC1
dc.fqdn=$DC_FQDN
dc.basedn=$DC_BASEDN
dc.rpc.dynamic.low=$DC_RPC_LOW
dc.rpc.dynamic.high=$DC_RPC_HIGH
dc.adminuser=Administrator
dc.adminpass=$DC_PASS
snmp.address=127.0.0.1
snmp.port=$SNMP_PORT
snmp.community=$SNMP_COMMUNITY
snmp.sysname=$SNMP_SYSNAME
ftp.address=127.0.0.1
ftp.port=$FTP_PORT
ftp.anonymous=true
pop3.address=127.0.0.1
pop3.port=$POP3_PORT
imap.address=127.0.0.1
imap.port=$IMAP_PORT
mail.user=tester
mail.pass=tester-pass
smtp.address=127.0.0.1
smtp.port=$SMTP_PORT
ns.name=$NS
ns.address=$NS_ADDR4
ns.address6=$NS_ADDR6
ns.peer.address=$NS_ROOT4
ns.peer.address6=$NS_ROOT6
ns.tcp.open=$NS_TCP_OPEN
ns.udp.open=$NS_UDP_OPEN
ns.tcp.closed=$NS_TCP_CLOSED
ns.udp.closed=$NS_UDP_CLOSED
ns.tcp.drop=$NS_TCP_DROP
ns.udp.drop=$NS_UDP_DROP
ns.tcp.reject.hostunreach=$NS_TCP_REJECT_HOST
ns.tcp.reject.adminprohibited=$NS_TCP_REJECT_ADMIN
ns.udp.reject.hostunreach=$NS_UDP_REJECT_HOST
dc.address.dc2side=$DC2_ROOT4
dc2.ns=$DC2_NS
dc2.address=$DC2_ADDR4
dc2.address6=$DC2_ADDR6
dc2.fqdn=$DC2_FQDN
dc2.hostname=$DC2_HOST
prometheus.address=127.0.0.1
prometheus.port=$PROM_PORT
prometheus.scrape.interval=$PROM_INTERVAL
prometheus.exporter.port=$PROM_EXPORTER_PORT
prometheus.exporter.config=$PROM/portqry-exporter.yml
EOF
mv "$PROPS.tmp" "$PROPS"
trap - EXIT
tb_log "up in $((SECONDS - started)) s; properties in $PROPS"
