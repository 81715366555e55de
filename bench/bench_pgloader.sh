#!/usr/bin/env bash
# SQLite → PostgreSQL: ferry-cli migrate next to pgloader on the same file.
#   bench/bench_pgloader.sh [N]     N rows in the big table, default 500000
# Builds a SQLite file (a parent table, a child table of N rows with a foreign key, typed
# columns: integer, bigint, real, exact decimal, text, boolean, timestamp, blob), starts a
# throwaway PostgreSQL cluster, loads the file into two fresh databases — one with Ferry,
# one with pgloader (installed from Debian if missing) — and prints both times and the
# ratio. Everything it made is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-500000}
if ! [[ $n =~ ^[0-9]+$ ]] || [[ $n -eq 0 ]]; then
    echo "usage: $0 [N]   (N rows, default 500000)" >&2
    exit 2
fi
cli=${FERRY_CLI:-build/app/ferry-cli}
if [[ ! -x $cli ]]; then
    cmake --build build -j2 --target ferry-cli
fi
if ! command -v pgloader >/dev/null; then
    echo "Installing pgloader..."
    apt-get install -y pgloader >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/ferry-pgloader.XXXXXX")
chmod 755 "$work" # the cluster runs as the postgres user and must reach its folder
services=$work/services
cleanup() {
    tests/support/services.sh stop "$services" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
seconds() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.2f", e - s }'; }

db=$work/bench.sqlite
echo "Generating $n rows in $db..."
t0=$(now)
sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL, created DATETIME);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    kind TEXT,
    amount DECIMAL(20,4),
    score REAL,
    big BIGINT,
    ok BOOLEAN,
    at DATETIME,
    payload BLOB);
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 1000)
INSERT INTO accounts SELECT i, 'account-' || i, datetime(1700000000 + i * 3600, 'unixepoch')
FROM s;
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $n)
INSERT INTO events SELECT i, (i % 1000) + 1, 'kind-' || (i % 17), (i * 7 % 100000) || '.' || printf('%04d', i % 10000),
    i / 7.0, i * 4294967296, i % 2, datetime(1700000000 + i, 'unixepoch'), randomblob(16)
FROM s;
SQL
echo "  generated in $(seconds "$t0" "$(now)") s ($(du -h "$db" | cut -f1))"

tests/support/services.sh start "$services"
admin=$(cat "$services/postgres.uri")
server=${admin%/*} # postgresql://postgres@127.0.0.1:PORT
psql "$admin" -qAt -v ON_ERROR_STOP=1 -c "CREATE DATABASE ferry_bench" -c "CREATE DATABASE pgloader_bench"

echo "ferry-cli migrate..."
t0=$(now)
"$cli" migrate --source "sqlite:$db" --target "$server/ferry_bench" >"$work/ferry.log" 2>&1 || {
    tail -20 "$work/ferry.log" >&2
    exit 1
}
t1=$(now)
ferry_s=$(seconds "$t0" "$t1")
ferry_rows=$(psql "$server/ferry_bench" -qAt -c "SELECT count(*) FROM events")
ferry_fks=$(psql "$server/ferry_bench" -qAt -c "SELECT count(*) FROM pg_constraint WHERE contype = 'f'")

echo "pgloader..."
t0=$(now)
# pgloader runs as whoever calls it; the cluster trusts local connections.
pgloader --quiet "$db" "$server/pgloader_bench" >"$work/pgloader.log" 2>&1 || {
    tail -20 "$work/pgloader.log" >&2
    exit 1
}
t1=$(now)
pgl_s=$(seconds "$t0" "$t1")
pgl_rows=$(psql "$server/pgloader_bench" -qAt -c "SELECT count(*) FROM events")
pgl_fks=$(psql "$server/pgloader_bench" -qAt -c "SELECT count(*) FROM pg_constraint WHERE contype = 'f'")

echo
echo "ferry-cli : $ferry_rows event rows, $ferry_fks foreign keys, $ferry_s s"
echo "pgloader  : $pgl_rows event rows, $pgl_fks foreign keys, $pgl_s s"
awk -v f="$ferry_s" -v p="$pgl_s" 'BEGIN { printf "ratio ferry/pgloader: %.2f (below 1: Ferry is faster)\n", f / p }'
