#!/usr/bin/env bash
# Install the Debian packages the testbed needs, only those missing (apt-get update once first).
# Package scripts must not start their system services: the testbed runs its own instances on
# private configurations, so a policy-rc.d that refuses every start is in place for the install
# (one already present is kept as it is; one added here is removed afterwards). Needs root.
set -euo pipefail

PACKAGES=(
  iproute2 nftables socat                                  # the filtered-port namespace
  samba samba-ad-dc samba-ad-provision winbind krb5-user   # Active Directory domain controller
  smbclient ldap-utils dnsutils                            # shell checks of the DC
  snmpd snmp                                               # SNMP agent and client
  vsftpd dovecot-pop3d dovecot-imapd exim4-daemon-light    # greeting daemons
  nmap tshark                                              # independent checks for protocol ITs
  tftpd-hpa xl2tpd strongswan-charon                       # TFTP, L2TP and IKE peers (their ITs start them)
  redis-server                                             # the custom-responder example's real peer
  chromium chromium-driver                                 # PortQryUI's browser tests (Selenium, by path)
  prometheus curl                                          # the exporter's IT: a real Prometheus (+ promtool)
)

[ "$(id -u)" -eq 0 ] || { echo "testbed-install: needs root" >&2; exit 1; }
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOG="$REPO/target/testbed-install.log"

missing=()
for p in "${PACKAGES[@]}"; do
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" = installed ] || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "testbed-install: all ${#PACKAGES[@]} packages present"
  exit 0
fi
echo "testbed-install: installing ${missing[*]}"

POLICY=/usr/sbin/policy-rc.d
added_policy=0
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\n# added by portqry scripts/testbed-install.sh for the duration of one install\nexit 101\n' >"$POLICY"
  chmod 755 "$POLICY"
  added_policy=1
fi
cleanup() {
  if [ "$added_policy" = 1 ]; then rm -f "$POLICY"; fi
}
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
mkdir -p "$REPO/target"
apt-get update -qq
apt-get install -y -q "${missing[@]}" >"$LOG" 2>&1 || {
  tail -n 40 "$LOG" >&2
  echo "testbed-install: apt-get install failed (full log $LOG)" >&2
  exit 1
}
echo "testbed-install: done (log $LOG)"

# Prometheus: the package may enable and start its own service on 9090 (and the node exporter it
# recommends on 9100);
# the testbed runs its own instance on loopback (testbed-up.sh). Stop and disable the system one.
prometheus_system_service_off() {
  if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    # The package recommends prometheus-node-exporter (port 9100) and its collector timers: off too.
    local unit
    for unit in prometheus.service prometheus-node-exporter.service \
        $(systemctl list-unit-files --no-legend 'prometheus-node-exporter-*.timer' 2>/dev/null | awk '{print $1}'); do
      systemctl disable --now "$unit" >/dev/null 2>&1 || true
    done
  fi
  local pid
  for pid in $(pgrep -x prometheus); do
    # Only the package's own daemon (its default config), never the testbed's or anyone else's.
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- '--config.file' &&
       ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "--config.file=/etc/prometheus/"; then
      continue
    fi
    echo "testbed-install: stopping the prometheus package's own daemon (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
  done
}
prometheus_system_service_off

# Even with the policy in place, report any instance of these daemons that runs now: the testbed
# leaves it alone and moves its own instance to another port where it can (see testbed-up.sh).
for d in samba smbd nmbd winbindd snmpd vsftpd dovecot exim4 in.tftpd xl2tpd charon redis-server; do
  if pids=$(pgrep -x "$d"); then
    echo "testbed-install: note: another $d runs already (pids $(echo $pids)); the testbed leaves it alone"
  fi
done
exit 0
