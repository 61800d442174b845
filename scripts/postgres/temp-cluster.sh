#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a free loopback port, for tests and benchmarks.
#
#   temp-cluster.sh start DIR   initdb into DIR (an empty folder), start the server, print its URL
#   temp-cluster.sh stop DIR    stop the server and delete DIR
#
# The URL printed is postgres://postgres:<random password>@127.0.0.1:<port>/postgres; it is also
# written to DIR/url. Only TCP on 127.0.0.1 is served (password auth); the Unix socket lives in DIR.
#
# Environment:
#   PG_BIN    folder with initdb/pg_ctl (default: the one on PATH, else the newest /usr/lib/postgresql/*/bin)
#   PG_FAST   1 = turn off fsync and synchronous commit: fine for tests, wrong for benchmarks
#   PG_SSL    1 = also serve TLS with a fresh self-signed certificate for 127.0.0.1 and localhost;
#             DIR/ca.pem is that certificate, for clients that verify it
#   PG_CONF   extra "-c name=value" server options, space separated
#
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` OS user.
set -euo pipefail

die() { echo "temp-cluster: $*" >&2; exit 1; }

pg_bin() {
  if [[ -n ${PG_BIN:-} ]]; then echo "$PG_BIN"; return; fi
  local initdb
  if initdb=$(command -v initdb); then dirname "$(readlink -f "$initdb")"; return; fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -n $newest ]] || die "no PostgreSQL server found. Fix: apt-get install postgresql (or set PG_BIN)."
  echo "$newest"
}

as_owner() {  # run a command as the cluster's owner
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  local dir=$1 bin port password log
  [[ -d $dir ]] || die "$dir is not a folder. Fix: create an empty folder first (mktemp -d)."
  [[ -z $(ls -A "$dir") ]] || die "$dir is not empty. Fix: pass a fresh folder."
  bin=$(pg_bin)
  if [[ $(id -u) == 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' OS user. Fix: install Debian's postgresql package or run as another user."
    chown postgres "$dir"
  fi
  password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  as_owner bash -c "umask 077; printf '%s\n' '$password' > '$dir/pwfile'"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  rm -f "$dir/pwfile"

  local opts="-c listen_addresses=127.0.0.1 -k $dir -c max_connections=200"
  if [[ ${PG_SSL:-0} == 1 ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
      -addext 'subjectAltName=IP:127.0.0.1,DNS:localhost' \
      -keyout "$dir/data/server.key" -out "$dir/data/server.crt" >/dev/null 2>&1 || die "openssl could not make a certificate"
    cp "$dir/data/server.crt" "$dir/ca.pem"
    if [[ $(id -u) == 0 ]]; then chown postgres "$dir/data/server.key" "$dir/data/server.crt"; fi
    chmod 600 "$dir/data/server.key"
    opts+=" -c ssl=on"
  fi
  [[ ${PG_FAST:-0} == 1 ]] && opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [[ -n ${PG_CONF:-} ]] && opts+=" $PG_CONF"
  log="$dir/postgres.log"
  for _ in 1 2 3; do  # another process may grab the port between picking and binding it
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$log" -w -t 60 -o "-p $port $opts" start >/dev/null; then
      local url="postgres://postgres:$password@127.0.0.1:$port/postgres"
      echo "$url" > "$dir/url"
      echo "$url"
      return 0
    fi
  done
  tail -20 "$log" >&2 || true
  die "the server did not start (log above)"
}

stop() {
  local dir=$1
  [[ -d $dir ]] || return 0
  if [[ -f $dir/data/postmaster.pid ]]; then
    as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null || true
  fi
  rm -rf "$dir"
}

case ${1:-} in
  start) [[ $# == 2 ]] || die "usage: temp-cluster.sh start DIR"; start "$2" ;;
  stop) [[ $# == 2 ]] || die "usage: temp-cluster.sh stop DIR"; stop "$2" ;;
  *) die "usage: temp-cluster.sh start DIR | stop DIR" ;;
esac
