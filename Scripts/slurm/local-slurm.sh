#!/usr/bin/env bash
# A single-node Slurm on this machine (slurmctld + slurmd on localhost, munge for authentication), for CI and for
# trying the job-array scripts without a cluster. Needs Debian's slurm-wlm and munge packages, and root.
#
#   eval "$(bash Scripts/slurm/local-slurm.sh start)"   # prints `export SLURM_CONF=…`; sinfo, sbatch then work
#   bash Scripts/slurm/local-slurm.sh stop               # stops slurmd, slurmctld and munged (the munged it started)
#
# Works in a container without systemd or cgroups: proctrack/linuxproc, task/none, select/cons_tres, no
# accounting. Configuration and state live in $CAREACCESS_SLURM_DIR (default /tmp/careaccess-slurm).
set -euo pipefail
dir=${CAREACCESS_SLURM_DIR:-/tmp/careaccess-slurm}

start() {
  rm -rf "$dir/state" "$dir/spool"   # a fresh controller: no jobs or node state from an earlier run
  mkdir -p "$dir"/{state,spool,log}
  local host cpus mem
  host=$(hostname -s)
  cpus=$(nproc)
  # slurmd refuses a node declared with more memory than it sees: declare 90 % of it, in MB.
  mem=$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
  cat > "$dir/slurm.conf" <<CONF
ClusterName=careaccess-local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
SwitchType=switch/none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SchedulerType=sched/backfill
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=10
Waittime=0
MaxArraySize=100001
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"

  # munge: a key (the package makes one; a fresh image may not have it) and the daemon, as the munge user.
  if [ ! -s /etc/munge/munge.key ]; then
    dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
    chown munge:munge /etc/munge/munge.key
    chmod 400 /etc/munge/munge.key
  fi
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  if ! munge -n > /dev/null 2>&1; then
    runuser -u munge -- /usr/sbin/munged >&2
    echo started > "$dir/munged.started"
  fi
  for _ in $(seq 50); do munge -n > /dev/null 2>&1 && break; sleep 0.1; done
  munge -n | unmunge > /dev/null

  /usr/sbin/slurmctld -f "$SLURM_CONF" >&2
  /usr/sbin/slurmd -f "$SLURM_CONF" >&2
  # Wait until the node is up (idle), at most 60 s.
  for _ in $(seq 120); do
    if sinfo -h -N -o '%T' 2> /dev/null | grep -qE '^(idle|mixed|allocated)'; then
      sinfo >&2
      echo "export SLURM_CONF=$SLURM_CONF"
      return 0
    fi
    sleep 0.5
  done
  echo "local Slurm did not come up; logs:" >&2
  tail -n 30 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
  return 1
}

stop() {
  local f
  for f in slurmd slurmctld; do
    if [ -s "$dir/$f.pid" ]; then
      kill "$(cat "$dir/$f.pid")" 2> /dev/null || true
    fi
  done
  for _ in $(seq 50); do
    if ! { [ -s "$dir/slurmd.pid" ] && kill -0 "$(cat "$dir/slurmd.pid")" 2> /dev/null; } \
       && ! { [ -s "$dir/slurmctld.pid" ] && kill -0 "$(cat "$dir/slurmctld.pid")" 2> /dev/null; }; then break; fi
    sleep 0.2
  done
  if [ -e "$dir/munged.started" ] && [ -s /run/munge/munged.pid ]; then
    kill "$(cat /run/munge/munged.pid)" 2> /dev/null || true
    rm -f "$dir/munged.started"
  fi
  rm -f "$dir/slurmd.pid" "$dir/slurmctld.pid"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: eval \"\$(bash $0 start)\" | bash $0 stop" >&2; exit 2 ;;
esac
