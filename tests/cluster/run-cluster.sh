#!/usr/bin/env bash
# Several instances of Melokal behind nginx, on this machine and on loopback only:
#   a PostgreSQL primary, a streaming replica of it (pg_basebackup -R with a replication slot),
#   three site instances (the Release build of src/LocalProducts.Web) and nginx in front,
#   configured from docs/nginx/melokal.conf (the file docs/operations.md gives operators).
#
#   tests/cluster/run-cluster.sh start     start everything, wait until every part answers
#   tests/cluster/run-cluster.sh status    what runs, with each instance's /health/ready
#   tests/cluster/run-cluster.sh stop      stop everything and delete the folder
#
# Settings (environment):
#   MELOKAL_CLUSTER_DIR            folder of everything (data, logs, pids); default $TMPDIR/melokal-cluster
#   MELOKAL_CLUSTER_PORT           first port; default 18100. primary +0, replica +1,
#                                  instances +11, +12, +13, nginx +80
#   MELOKAL_CLUSTER_PROXY_ADDRESS  the loopback address nginx connects from, the only one the
#                                  instances believe X-Forwarded-* from; default 127.0.0.2
#   MELOKAL_CLUSTER_CONFIGURATION  Release (default) or Debug: which build of the site to run
#   MELOKAL_CLUSTER_PGBIN          PostgreSQL's binaries; default /usr/lib/postgresql/15/bin
#   MELOKAL_CLUSTER_INSTANCES      how many site instances behind nginx: 3 (default), 2 or 1
#   MELOKAL_CLUSTER_KEEP=1         stop leaves the folder (logs) in place
#   MELOKAL_INSTANCE_<Setting>=v   passed to every instance as <Setting>=v, e.g.
#                                  MELOKAL_INSTANCE_ScheduledJobs__CheckEvery=00:00:01
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

dir=${MELOKAL_CLUSTER_DIR:-${TMPDIR:-/tmp}/melokal-cluster}
base=${MELOKAL_CLUSTER_PORT:-18100}
proxy_address=${MELOKAL_CLUSTER_PROXY_ADDRESS:-127.0.0.2}
configuration=${MELOKAL_CLUSTER_CONFIGURATION:-Release}
pgbin=${MELOKAL_CLUSTER_PGBIN:-/usr/lib/postgresql/15/bin}
app="$root/src/LocalProducts.Web/bin/$configuration/net10.0/LocalProducts.Web.dll"

primary_port=$base
replica_port=$((base + 1))
instance_ports=($((base + 11)) $((base + 12)) $((base + 13)))
instances=${MELOKAL_CLUSTER_INSTANCES:-3}
case "$instances" in 1 | 2 | 3) ;; *) printf 'run-cluster: MELOKAL_CLUSTER_INSTANCES must be 1, 2 or 3\n' >&2; exit 2 ;; esac
nginx_port=$((base + 80))

# initdb and the server refuse to run as root: as root they run as postgres, which owns their folders.
as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

say() { printf '%s\n' "$*"; }
fail() { printf 'run-cluster: %s\n' "$*" >&2; exit 1; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

# Waits until a URL answers 200, or fails after $2 seconds.
wait_for() {
    local url=$1 seconds=$2 what=$3 i
    for ((i = 0; i < seconds * 4; i++)); do
        if curl -fsS -o /dev/null --max-time 2 "$url" 2> /dev/null; then return 0; fi
        sleep 0.25
    done
    fail "$what did not answer $url within ${seconds}s (logs in $dir)"
}

psql_admin() {
    PGPASSWORD="$(cat "$dir/secrets/postgres")" "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 \
        -h 127.0.0.1 -p "$primary_port" -U postgres "$@"
}

connection_string() {
    printf 'Host=127.0.0.1;Port=%s;Database=melokal;Username=melokal;Password=%s' "$1" "$(cat "$dir/secrets/melokal")"
}

start_postgres() {
    mkdir -p "$dir/secrets" "$dir/pg"
    chmod 700 "$dir/secrets"
    for role in postgres melokal replicator; do
        openssl rand -hex 24 > "$dir/secrets/$role"
    done
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir/pg"; fi
    chmod 700 "$dir/pg"
    cp "$dir/secrets/postgres" "$dir/pg/pwfile"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir/pg/pwfile"; fi

    say "PostgreSQL primary on 127.0.0.1:$primary_port"
    as_postgres "$pgbin/initdb" -D "$dir/pg/primary" -U postgres --pwfile="$dir/pg/pwfile" \
        --auth-local=scram-sha-256 --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 > "$dir/initdb.log"
    rm -f "$dir/pg/pwfile"
    as_postgres tee -a "$dir/pg/primary/postgresql.conf" > /dev/null <<EOF
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = ''
max_connections = 200
shared_buffers = 128MB
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
hot_standby = on
EOF
    as_postgres tee -a "$dir/pg/primary/pg_hba.conf" > /dev/null <<EOF
host replication replicator 127.0.0.1/32 scram-sha-256
EOF
    as_postgres "$pgbin/pg_ctl" -D "$dir/pg/primary" -l "$dir/pg/primary.log" -w -t 60 start > /dev/null

    # The site's role owns its database and is no superuser (docs/operations.md, Security).
    psql_admin -d postgres -o /dev/null <<EOF
CREATE ROLE melokal LOGIN PASSWORD '$(cat "$dir/secrets/melokal")';
CREATE DATABASE melokal OWNER melokal;
CREATE ROLE replicator LOGIN REPLICATION PASSWORD '$(cat "$dir/secrets/replicator")';
SELECT pg_create_physical_replication_slot('melokal_replica');
EOF
    psql_admin -d melokal -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm'

    say "PostgreSQL replica on 127.0.0.1:$replica_port (pg_basebackup, slot melokal_replica)"
    as_postgres env PGPASSWORD="$(cat "$dir/secrets/replicator")" "$pgbin/pg_basebackup" \
        -h 127.0.0.1 -p "$primary_port" -U replicator -D "$dir/pg/replica" -R -S melokal_replica -X stream -c fast
    as_postgres tee -a "$dir/pg/replica/postgresql.auto.conf" > /dev/null <<EOF
port = $replica_port
EOF
    as_postgres "$pgbin/pg_ctl" -D "$dir/pg/replica" -l "$dir/pg/replica.log" -w -t 60 start > /dev/null
}

# One instance: the site as an operator runs it, with its own port and the cluster's settings.
start_instance() {
    local n=$1 seed=$2 port=${instance_ports[$(($1 - 1))]}
    local settings=(
        ASPNETCORE_ENVIRONMENT=Development
        ASPNETCORE_URLS="http://127.0.0.1:$port"
        ConnectionStrings__Default="$(connection_string "$primary_port")"
        ConnectionStrings__Replica="$(connection_string "$replica_port")"
        ForwardedHeaders__KnownProxies__0="$proxy_address"
        Site__PublicUrl="http://127.0.0.1:$nginx_port"
        Email__PickupDirectory="$dir/mail/instance$n"
        Seeding__LoadDemoData="$seed"
        Seeding__CreateDemoAccounts="$seed"
    )
    while IFS= read -r line; do
        settings+=("${line#MELOKAL_INSTANCE_}")
    done < <(env | grep '^MELOKAL_INSTANCE_' || true)
    say "Instance $n on 127.0.0.1:$port"
    (
        cd "$(dirname "$app")"
        exec setsid env "${settings[@]}" dotnet "$app" < /dev/null > "$dir/instance$n.log" 2>&1
    ) &
    echo $! > "$dir/instance$n.pid"
}

start_nginx() {
    local conf="$dir/nginx"
    mkdir -p "$conf/logs" "$conf/temp"
    # The address nginx listens on is plain HTTP here: the TLS lines of the template stay (nginx
    # checks the certificate), a throw-away self-signed one.
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
        -keyout "$conf/tls.key" -out "$conf/tls.crt" 2> /dev/null
    # The operators' file, only addresses, ports and paths filled in.
    sed -e "s|@LISTEN@|127.0.0.1:$nginx_port|" \
        -e "s|@SERVER_NAME@|127.0.0.1|" \
        -e "s|@TLS_CERTIFICATE@|$conf/tls.crt|" \
        -e "s|@TLS_KEY@|$conf/tls.key|" \
        -e "$( ((instances < 3)) && echo '/@INSTANCE_3@/d' || echo 's/^$//')" \
        -e "$( ((instances < 2)) && echo '/@INSTANCE_2@/d' || echo 's/^$//')" \
        -e "s|@INSTANCE_1@|127.0.0.1:${instance_ports[0]}|" \
        -e "s|@INSTANCE_2@|127.0.0.1:${instance_ports[1]}|" \
        -e "s|@INSTANCE_3@|127.0.0.1:${instance_ports[2]}|" \
        -e "s|@PROXY_ADDRESS@|$proxy_address|" \
        "$root/docs/nginx/melokal.conf" > "$conf/melokal.conf"
    if grep -v '^ *#' "$conf/melokal.conf" | grep -q '@[A-Z_0-9]*@'; then
        fail "docs/nginx/melokal.conf has a placeholder this script does not fill: $(grep -v '^ *#' "$conf/melokal.conf" | grep -o '@[A-Z_0-9]*@' | head -1)"
    fi
    # What Debian's /etc/nginx/nginx.conf gives the file, for an nginx of our own.
    local user_line=""
    if [ "$(id -u)" -eq 0 ]; then
        user_line="user www-data;"
        chown -R www-data: "$conf/temp"
    fi
    cat > "$conf/nginx.conf" <<EOF
$user_line
worker_processes 2;
pid $conf/nginx.pid;
error_log $conf/logs/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log $conf/logs/access.log;
    client_body_temp_path $conf/temp/body;
    proxy_temp_path $conf/temp/proxy;
    fastcgi_temp_path $conf/temp/fastcgi;
    uwsgi_temp_path $conf/temp/uwsgi;
    scgi_temp_path $conf/temp/scgi;
    include $conf/melokal.conf;
}
EOF
    say "nginx on 127.0.0.1:$nginx_port, connecting to the instances from $proxy_address"
    nginx -t -q -c "$conf/nginx.conf" -p "$conf" -e "$conf/logs/error.log"
    nginx -c "$conf/nginx.conf" -p "$conf" -e "$conf/logs/error.log"
}

start() {
    if [ -e "$dir/cluster.env" ]; then fail "a cluster runs in $dir: stop it first"; fi
    command -v nginx > /dev/null || fail "nginx is missing: apt-get install -y nginx"
    [ -x "$pgbin/pg_ctl" ] || fail "PostgreSQL binaries missing in $pgbin: apt-get install -y postgresql"
    for port in "$primary_port" "$replica_port" "${instance_ports[@]}" "$nginx_port"; do
        if port_busy "$port"; then fail "port $port is in use"; fi
    done
    if [ ! -f "$app" ]; then
        say "Building the site ($configuration)"
        dotnet build src/LocalProducts.Web -c "$configuration" -nologo -v q > /dev/null
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    chmod 755 "$dir"
    local started=$SECONDS
    # Half a cluster is worse than none: on any failure, stop what started (logs kept).
    trap 'status=$?; if [ $status -ne 0 ]; then echo "run-cluster: start failed; stopping, logs kept in $dir" >&2; MELOKAL_CLUSTER_KEEP=1 stop; fi' EXIT

    start_postgres
    cat > "$dir/cluster.env" <<EOF
PRIMARY=$(connection_string "$primary_port")
REPLICA=$(connection_string "$replica_port")
NGINX=http://127.0.0.1:$nginx_port
INSTANCE_1=http://127.0.0.1:${instance_ports[0]}
INSTANCE_2=http://127.0.0.1:${instance_ports[1]}
INSTANCE_3=http://127.0.0.1:${instance_ports[2]}
PROXY_ADDRESS=$proxy_address
EOF
    chmod 600 "$dir/cluster.env"

    # All three start together, as after a deployment: the start-up work runs under an advisory
    # lock. Only the first seeds the demo data (and demo accounts: Development only); the others
    # find the migrations applied and load no demo seeds.
    start_instance 1 true
    for ((n = 2; n <= instances; n++)); do start_instance "$n" false; done
    for ((n = 1; n <= instances; n++)); do
        wait_for "http://127.0.0.1:${instance_ports[$((n - 1))]}/health/ready" 240 "Instance $n"
    done
    # The processes, for whoever measures them (memory from /proc/<pid>/status).
    {
        echo "INSTANCES=$instances"
        for ((n = 1; n <= instances; n++)); do echo "INSTANCE_${n}_PID=$(cat "$dir/instance$n.pid")"; done
        echo "PRIMARY_PID=$(head -n 1 "$dir/pg/primary/postmaster.pid")"
        echo "REPLICA_PID=$(head -n 1 "$dir/pg/replica/postmaster.pid")"
    } >> "$dir/cluster.env"

    start_nginx
    wait_for "http://127.0.0.1:$nginx_port/health/ready" 30 "nginx"
    say "Cluster ready in $((SECONDS - started))s: http://127.0.0.1:$nginx_port (settings in $dir/cluster.env)"
}

# TERM, then KILL after 15 s.
stop_pid() {
    local pidfile=$1 pid i
    [ -f "$pidfile" ] || return 0
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2> /dev/null; then
        kill -TERM "$pid" 2> /dev/null || true
        for ((i = 0; i < 60; i++)); do
            kill -0 "$pid" 2> /dev/null || break
            sleep 0.25
        done
        kill -KILL "$pid" 2> /dev/null || true
    fi
    rm -f "$pidfile"
}

stop() {
    [ -d "$dir" ] || { say "Nothing runs in $dir"; return 0; }
    if [ -f "$dir/nginx/nginx.pid" ]; then
        nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx" -e "$dir/nginx/logs/error.log" -s quit 2> /dev/null || true
        stop_pid "$dir/nginx/nginx.pid"
    fi
    for n in 1 2 3; do stop_pid "$dir/instance$n.pid"; done
    for server in replica primary; do
        if [ -f "$dir/pg/$server/postmaster.pid" ]; then
            as_postgres "$pgbin/pg_ctl" -D "$dir/pg/$server" -m fast -w -t 60 stop > /dev/null || true
        fi
    done
    rm -f "$dir/cluster.env"
    if [ "${MELOKAL_CLUSTER_KEEP:-0}" = 1 ]; then
        say "Stopped; logs kept in $dir"
    else
        rm -rf "$dir"
        say "Stopped and deleted $dir"
    fi
}

status() {
    [ -f "$dir/cluster.env" ] || { say "No cluster in $dir"; return 1; }
    local healthy=0
    for server in primary replica; do
        if [ -f "$dir/pg/$server/postmaster.pid" ] && kill -0 "$(head -n 1 "$dir/pg/$server/postmaster.pid")" 2> /dev/null; then
            say "PostgreSQL $server: running"
        else
            say "PostgreSQL $server: stopped"; healthy=1
        fi
    done
    say "Replication: $(psql_admin -d postgres -At -c "SELECT coalesce(string_agg(state || ' (' || coalesce(replay_lag::text, 'no lag') || ')', ', '), 'no replica connected') FROM pg_stat_replication" 2> /dev/null || echo unknown)"
    for ((n = 1; n <= $(grep '^INSTANCES=' "$dir/cluster.env" | cut -d= -f2); n++)); do
        local port=${instance_ports[$((n - 1))]} ready
        ready=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$port/health/ready" || true)
        say "Instance $n (127.0.0.1:$port): /health/ready $ready"
        [ "$ready" = 200 ] || healthy=1
    done
    local through
    through=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$nginx_port/health/ready" || true)
    say "nginx (127.0.0.1:$nginx_port): /health/ready $through"
    [ "$through" = 200 ] || healthy=1
    return $healthy
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) fail "usage: $0 start|stop|status" ;;
esac
