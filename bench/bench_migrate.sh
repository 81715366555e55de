#!/usr/bin/env bash
# Throughput of a dump → PostgreSQL and a dump → SQLite migration, next to psql's \copy of
# the same rows as CSV (the bar to measure Ferry's PostgreSQL sink against).
#   bench/bench_migrate.sh [N]     N documents, default 1000000
# Builds first, uses a throwaway PostgreSQL cluster on a free loopback port, and removes
# everything it made on exit. Prints docs/s for each and the ratio Ferry-PG / psql-copy.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-1000000}
if ! [[ $n =~ ^[0-9]+$ ]] || [[ $n -eq 0 ]]; then
    echo "usage: $0 [N]   (N documents, default 1000000)" >&2
    exit 2
fi

scripts/build
gen=build/tools/gen_dataset/ferry-gen-dataset
cli=build/app/ferry-cli

work=$(mktemp -d "${TMPDIR:-/tmp}/ferry-bench.XXXXXX")
chmod 755 "$work" # the cluster runs as the postgres user and must reach its folder
services=$work/services
cleanup() {
    tests/support/services.sh stop "$services" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
tests/support/services.sh start "$services"
admin=$(cat "$services/postgres.uri")
server=${admin%/*} # postgresql://postgres@127.0.0.1:PORT

now() { date +%s.%N; }
rate() { awk -v n="$n" -v s="$1" -v e="$2" 'BEGIN { printf "%.0f", n / (e - s) }'; }
seconds() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.2f", e - s }'; }

echo "Generating $n documents (BSON) and the same rows (CSV)..."
t0=$(now)
"$gen" --bench "$n" "$work/bench.bson"
"$gen" --bench-csv "$n" "$work/bench.csv"
echo "  generated in $(seconds "$t0" "$(now)") s"

psql "$admin" -qAt -v ON_ERROR_STOP=1 -c "CREATE DATABASE ferry_bench" -c "CREATE DATABASE copy_bench"

# The table Ferry would create from the inferred schema: ObjectId as text, the nested
# address flattened to parent_child columns, _id as primary key.
psql "$server/copy_bench" -qAt -v ON_ERROR_STOP=1 -c "CREATE TABLE bench (
    _id text PRIMARY KEY, name text, email text, city text, age integer, visits bigint,
    score double precision, created timestamptz, active boolean,
    address_zip text, address_country text)"
t0=$(now)
psql "$server/copy_bench" -qAt -v ON_ERROR_STOP=1 -c "\\copy bench FROM '$work/bench.csv' CSV"
t1=$(now)
copy_rate=$(rate "$t0" "$t1")
copied=$(psql "$server/copy_bench" -qAt -c "SELECT count(*) FROM bench")
echo "psql \\copy (CSV)      : $copied rows in $(seconds "$t0" "$t1") s = $copy_rate rows/s"

# Runs one ferry-cli migration and prints its rate; a failure is reported, not fatal, so
# the other figures still come out.
ferry_rate=
migrate() {
    local label=$1 target=$2 rc=0 t0 t1
    t0=$(now)
    "$cli" migrate --source "dump:$work/bench.bson" --target "$target" \
        --report "$work/report-$label.json" 2>"$work/ferry-$label.log" || rc=$?
    t1=$(now)
    if [[ $rc -ne 0 ]]; then
        echo "ferry-cli → $label: failed (exit $rc): $(tail -n 1 "$work/ferry-$label.log")"
        ferry_rate=
        return 0
    fi
    ferry_rate=$(rate "$t0" "$t1")
    echo "ferry-cli → $label $(printf '%*s' $((10 - ${#label})) ''): $n docs in $(seconds "$t0" "$t1") s = $ferry_rate docs/s"
}

migrate PostgreSQL "$server/ferry_bench"
pg_rate=$ferry_rate
if [[ -n $pg_rate ]]; then
    written=$(psql "$server/ferry_bench" -qAt -c "SELECT count(*) FROM bench" 2>/dev/null || echo "?")
    echo "  rows in table bench: $written"
fi
migrate SQLite "sqlite:$work/bench.sqlite"

if [[ -n $pg_rate ]]; then
    echo "Ferry-PG / psql-copy  : $(awk -v a="$pg_rate" -v b="$copy_rate" 'BEGIN { printf "%.2f", a / b }')"
else
    echo "Ferry-PG / psql-copy  : n/a (the PostgreSQL migration did not complete)"
fi
