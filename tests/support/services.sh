#!/usr/bin/env bash
# Throwaway services for the test run (the CTest fixtures services_start / services_stop):
#   services.sh start DIR   a PostgreSQL cluster on a free 127.0.0.1 port, the Mongo wire peer
#                           and a redis-server; writes DIR/postgres.uri, DIR/mongo.port and
#                           DIR/redis.port
#   services.sh stop DIR    stops them and removes the cluster's data
# Both are idempotent: start stops leftovers of an earlier run first, stop of nothing is fine.
# FERRY_PG_BIN may name the PostgreSQL bin folder (default: version 15, else any installed).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cmd=${1:-}
dir=${2:-}
if [[ -z $cmd || -z $dir || ($cmd != start && $cmd != stop) ]]; then
    echo "usage: $0 start|stop DIR" >&2
    exit 2
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
pg=$dir/pg # data, socket and log; owned by the postgres user when we are root
wait_steps=300 # polls of 0.1 s: a cluster is normally ready in < 1 s, allow 30 s on a busy box

log() { echo "services: $*" >&2; }

# initdb and postgres refuse to run as root: as root, run them as the postgres user.
as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

find_pg_bin() {
    local d
    for d in ${FERRY_PG_BIN:-} /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/pg_isready ]]; then
            echo "$d"
            return 0
        fi
    done
    log "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin)."
    log "Install them with: apt-get install postgresql postgresql-client   (or run scripts/setup)"
    return 1
}

free_port() {
    /usr/bin/python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# A killed peer may stay a zombie for a while (it was detached, so whoever adopted it
# reaps it); a zombie counts as gone.
alive() {
    local state
    state=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $state != Z* ]]
}

# Only signals the recorded PID, and only if it still is our peer (PIDs get reused).
stop_peer() {
    local pid
    [[ -f $dir/mongo.pid ]] || return 0
    pid=$(cat "$dir/mongo.pid")
    if [[ $pid =~ ^[0-9]+$ ]] && grep -qa mongo_peer.py "/proc/$pid/cmdline" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        local i
        for ((i = 0; i < 50; i++)); do
            alive "$pid" || break
            sleep 0.1
        done
        if alive "$pid"; then
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$dir/mongo.pid" "$dir/mongo.port"
}

stop_postgres() {
    if [[ -f $pg/data/postmaster.pid ]]; then
        local bin
        bin=$(find_pg_bin) || return 1
        as_pg "$bin/pg_ctl" -D "$pg/data" stop -m fast -w -t 30 >/dev/null ||
            log "pg_ctl stop failed; see $pg/postgres.log"
    fi
    rm -f "$dir/postgres.uri"
    rm -rf "$pg/data" "$pg/sock"
}

# Only the PID redis-server wrote, and only while it still is a redis-server (PIDs get reused).
stop_redis() {
    local pid i
    if [[ -f $dir/redis/redis.pid ]]; then
        pid=$(cat "$dir/redis/redis.pid")
        if [[ $pid =~ ^[0-9]+$ ]] && grep -qa redis-server "/proc/$pid/cmdline" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            for ((i = 0; i < 50; i++)); do
                alive "$pid" || break
                sleep 0.1
            done
            if alive "$pid"; then
                kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
    fi
    rm -f "$dir/redis.port"
    rm -rf "$dir/redis"
}

stop_all() {
    stop_peer
    stop_postgres
    stop_redis
}

start_postgres() {
    local bin port attempt i
    bin=$(find_pg_bin)
    mkdir -p "$pg"
    rm -rf "$pg/data" "$pg/sock"
    mkdir -p "$pg/sock"
    if [[ $(id -u) -eq 0 ]]; then
        chown -R postgres: "$pg"
        if ! runuser -u postgres -- test -x "$dir"; then
            log "the postgres user cannot reach $dir; use a directory outside private home dirs"
            return 1
        fi
    fi
    as_pg "$bin/initdb" -D "$pg/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
        >"$pg/initdb.log" 2>&1 || {
        cat "$pg/initdb.log" >&2
        return 1
    }
    # The port is free when chosen but another process may take it before postgres binds:
    # a failed start is retried on a new port.
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        if as_pg "$bin/pg_ctl" -D "$pg/data" -l "$pg/postgres.log" -w -t 30 start \
            -o "-p $port -k $pg/sock -c listen_addresses=127.0.0.1 -c fsync=off \
                -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
            for ((i = 0; i < wait_steps; i++)); do
                if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then
                    echo "postgresql://postgres@127.0.0.1:$port/postgres" >"$dir/postgres.uri"
                    log "PostgreSQL ready on 127.0.0.1:$port"
                    return 0
                fi
                sleep 0.1
            done
            log "PostgreSQL on port $port did not become ready"
            tail -n 20 "$pg/postgres.log" >&2 || true
            return 1
        fi
        log "PostgreSQL did not start on port $port (attempt $attempt)"
    done
    tail -n 20 "$pg/postgres.log" >&2 || true
    return 1
}

start_peer() {
    local pid i
    rm -f "$dir/mongo.port" "$dir/mongo.pid"
    # setsid + redirected streams: the peer outlives this script and holds no pipe that
    # would make ctest wait for it.
    setsid /usr/bin/python3 "$here/mongo_peer.py" --port 0 --port-file "$dir/mongo.port" \
        </dev/null >"$dir/mongo.log" 2>&1 &
    pid=$!
    echo "$pid" >"$dir/mongo.pid"
    for ((i = 0; i < wait_steps; i++)); do
        if [[ -s $dir/mongo.port ]]; then
            log "Mongo wire peer (pid $pid) ready on 127.0.0.1:$(cat "$dir/mongo.port")"
            return 0
        fi
        if ! alive "$pid"; then
            log "the Mongo wire peer exited; its log:"
            cat "$dir/mongo.log" >&2
            log "it needs: apt-get install python3-mockupdb python3-mongomock"
            return 1
        fi
        sleep 0.1
    done
    log "the Mongo wire peer did not write its port file"
    return 1
}

start_redis() {
    local port attempt i
    if ! command -v redis-server >/dev/null; then
        log "redis-server not found; install it with: apt-get install redis-server (or run scripts/setup)"
        return 1
    fi
    mkdir -p "$dir/redis"
    # Nothing is persisted (--save '', no AOF); 64 databases let each test take its own.
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        rm -f "$dir/redis/redis.pid"
        if redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
            --databases 64 --daemonize yes --pidfile "$dir/redis/redis.pid" \
            --dir "$dir/redis" --logfile "$dir/redis/redis.log"; then
            for ((i = 0; i < wait_steps; i++)); do
                if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
                    echo "$port" >"$dir/redis.port"
                    log "redis-server (pid $(cat "$dir/redis/redis.pid")) ready on 127.0.0.1:$port"
                    return 0
                fi
                sleep 0.1
            done
        fi
        log "redis-server did not start on port $port (attempt $attempt)"
        stop_redis
        mkdir -p "$dir/redis"
    done
    tail -n 20 "$dir/redis/redis.log" >&2 || true
    return 1
}

case $cmd in
start)
    stop_all
    # Whatever fails on the way leaves nothing running behind.
    trap 'rc=$?; if [[ $rc -ne 0 ]]; then stop_all; fi; exit $rc' EXIT
    start_postgres
    start_peer
    start_redis
    trap - EXIT
    ;;
stop)
    stop_all
    ;;
esac
