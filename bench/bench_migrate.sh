#!/usr/bin/env bash
# Ferry's load speed next to the expert's hand load of the same rows, on one machine:
#   bench/bench_migrate.sh [N [N_BIG]]
#     N       documents (default 1000000): a .bson dump with a nested address and 0–3 string
#             tags each (root table + ~1.5 N tag rows), and the same rows as two CSV files
#     N_BIG   documents of the memory check (default 3 N; 0 skips it)
#   Environment: ROUNDS (default 1) repeats the timed comparisons and prints medians;
#   OLD_CLI=path/to/ferry-cli also times an older build on the same data (old/new ratio);
#   FERRY_BENCH_NOBUILD=1 skips the build.
# Prints, per round: psql \copy hand loads (serial then keys; both tables at once then keys;
# keys before), Ferry → PostgreSQL / SQLite / NDJSON, sqlite3 .import plus keys, the ratios
# (hand time / Ferry time: above 1.0 Ferry is faster), Ferry's CPU next to the PostgreSQL
# server's CPU, peak RSS at N and N_BIG, and 4 partition processes against 1 process.
# Uses a throwaway PostgreSQL cluster on a free loopback port (autovacuum off, as for the
# hand load) and removes everything it made on exit. Figures only: nothing here asserts.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-1000000}
big=${2:-$((3 * n))}
rounds=${ROUNDS:-1}
if ! [[ $n =~ ^[0-9]+$ && $big =~ ^[0-9]+$ && $rounds =~ ^[0-9]+$ ]] || [[ $n -eq 0 ]]; then
    echo "usage: $0 [N [N_BIG]]   (documents, default 1000000 and 3 N; N_BIG 0 skips)" >&2
    exit 2
fi

[[ ${FERRY_BENCH_NOBUILD:-} == 1 ]] || scripts/build
gen=build/tools/gen_dataset/ferry-gen-dataset
cli=$(pwd)/build/app/ferry-cli
old_cli=${OLD_CLI:-}

work=$(mktemp -d "${TMPDIR:-/tmp}/ferry-bench.XXXXXX")
chmod 755 "$work" # the cluster runs as the postgres user and must reach its folder
services=$work/services
cleanup() {
    tests/support/services.sh stop "$services" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
tests/support/services.sh start "$services" 2>/dev/null
admin=$(cat "$services/postgres.uri")
server=${admin%/*} # postgresql://postgres@127.0.0.1:PORT
psql "$admin" -qAt -c "ALTER SYSTEM SET autovacuum = off" -c "SELECT pg_reload_conf()" >/dev/null
postmaster=$(head -n 1 "$services/pg/data/postmaster.pid")

fmt() { awk -v v="$1" 'BEGIN { printf "%.2f", v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", n / s; else printf "n/a" }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2];
    else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
now() { date +%s.%N; }

# CPU seconds used so far by the PostgreSQL server: the postmaster, its live children, and
# the children it has reaped (backends of connections that ended).
server_cpu() {
    local hz total=0 pid
    hz=$(getconf CLK_TCK)
    for pid in $postmaster $(pgrep -P "$postmaster"); do
        [[ -r /proc/$pid/stat ]] || continue
        total=$((total + $(awk '{ sub(/.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$pid/stat")))
    done
    awk -v t="$total" -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }'
}

# Lets the previous step's writes reach the disk before the next is timed: a load leaves
# PostgreSQL's checkpointer and the kernel hundreds of MB to flush, which otherwise land on
# whatever runs next (a SQLite load after the hand loads took up to a third longer).
settle() {
    psql "$admin" -qAt -c CHECKPOINT >/dev/null 2>&1 || true
    sync
}

# Runs a command under /usr/bin/time; sets wall, cpu (user+sys), rss (MB) and scpu (server CPU).
wall=0 cpu=0 rss=0 scpu=0
timed() {
    local log=$1 s0 rc=0
    shift
    settle
    s0=$(server_cpu)
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$@" >"$log" 2>&1 || rc=$?
    read -r wall u s kb <"$work/time.out" || true
    [[ $wall =~ ^[0-9.]+$ ]] || wall=$(tail -n 1 "$work/time.out" | cut -d' ' -f1)
    cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
    rss=$(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }')
    scpu=$(awk -v a="$s0" -v b="$(server_cpu)" 'BEGIN { printf "%.2f", b - a }')
    return $rc
}

echo "Generating $n documents (BSON) and the same rows (two CSV files)..."
t0=$(now)
"$gen" --bench "$n" "$work/bench.bson"
"$gen" --bench-csv "$n" "$work/bench.csv" "$work/tags.csv"
echo "  generated in $(fmt "$(awk -v s="$t0" -v e="$(now)" 'BEGIN { print e - s }')") s;" \
    "$(wc -l <"$work/tags.csv") tag rows"

# The tables Ferry creates from the inferred schema: ObjectId as text, the address flattened
# to parent_child columns, the tags as (parent, ordinal, value); both with primary keys.
root_cols="_id text NOT NULL, name text NOT NULL, email text NOT NULL, city text NOT NULL,
    age integer NOT NULL, visits bigint NOT NULL, score double precision NOT NULL,
    created timestamptz NOT NULL, active boolean NOT NULL, address_zip text NOT NULL,
    address_country text NOT NULL"
tag_cols="bench_id text NOT NULL, ordinal integer NOT NULL, value text NOT NULL"
root_copy="bench (_id, name, email, city, age, visits, score, created, active, address_zip, address_country)"
pk_root="ALTER TABLE bench ADD PRIMARY KEY (_id)"
pk_tags="ALTER TABLE bench_tags ADD PRIMARY KEY (bench_id, ordinal)"

fresh_db() {
    psql "$admin" -qAt -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
}
bare_tables() {
    fresh_db hand
    psql "$server/hand" -qAt -v ON_ERROR_STOP=1 -c "CREATE TABLE bench ($root_cols)" \
        -c "CREATE TABLE bench_tags ($tag_cols)"
}
copy_root() { psql "$server/hand" -qAt -v ON_ERROR_STOP=1 -c "\\copy $root_copy FROM '$work/bench.csv' CSV"; }
copy_tags() { psql "$server/hand" -qAt -v ON_ERROR_STOP=1 -c "\\copy bench_tags FROM '$work/tags.csv' CSV"; }
hand_serial() { copy_root && copy_tags && psql "$server/hand" -qAt -c "$pk_root" -c "$pk_tags"; }
hand_parallel() {
    copy_root &
    local a=$!
    copy_tags || return 1
    wait $a || return 1
    psql "$server/hand" -qAt -c "$pk_root" &
    a=$!
    psql "$server/hand" -qAt -c "$pk_tags" || return 1
    wait $a
}
hand_keys_first() {
    psql "$server/hand" -qAt -c "$pk_root" -c "$pk_tags" && copy_root && copy_tags
}
export -f copy_root copy_tags hand_serial hand_parallel hand_keys_first
export server work root_copy pk_root pk_tags

sqlite_import() {
    rm -f "$work/hand.sqlite"
    sqlite3 "$work/hand.sqlite" <<EOF
CREATE TABLE bench (_id TEXT, name TEXT, email TEXT, city TEXT, age INTEGER, visits INTEGER,
    score REAL, created TEXT, active INTEGER, address_zip TEXT, address_country TEXT);
CREATE TABLE bench_tags (bench_id TEXT, ordinal INTEGER, value TEXT);
.mode csv
.import $work/bench.csv bench
.import $work/tags.csv bench_tags
CREATE UNIQUE INDEX bench_pk ON bench (_id);
CREATE UNIQUE INDEX bench_tags_pk ON bench_tags (bench_id, ordinal);
EOF
}
export -f sqlite_import

# One ferry-cli migration into a fresh target; a failure is reported, not fatal.
ferry() {
    local label=$1 bin=$2 target=$3
    shift 3
    if timed "$work/$label.log" "$bin" migrate --source "dump:$work/bench.bson" --target "$target" "$@"; then
        return 0
    fi
    echo "  $label: failed: $(tail -n 1 "$work/$label.log")"
    return 1
}

declare -A series
add() { series[$1]="${series[$1]:-} $2"; }
line() { printf '  %-44s %7s s  %s\n' "$1" "$2" "${3:-}"; }

hand_pg() {
    bare_tables
    timed "$work/h1.log" bash -c hand_serial && add hand_serial "$wall"
    line "psql \\copy serial, then the keys" "$wall" "server CPU $scpu s"
    bare_tables
    timed "$work/h2.log" bash -c hand_parallel && add hand_parallel "$wall"
    line "psql \\copy both tables at once, then keys" "$wall" "server CPU $scpu s"
    bare_tables
    timed "$work/h3.log" bash -c hand_keys_first && add hand_keys_first "$wall"
    line "psql \\copy into tables with keys" "$wall" "server CPU $scpu s"
}
ferry_pg() {
    fresh_db ferry
    if ferry pg "$cli" "$server/ferry"; then
        add pg "$wall"
        line "ferry-cli → PostgreSQL" "$wall" "$(rate "$n" "$wall") docs/s; Ferry CPU $cpu s, server CPU $scpu s, peak RSS $rss MB"
        rows=$(psql "$server/ferry" -qAt -c "SELECT (SELECT count(*) FROM bench) || ' + ' || (SELECT count(*) FROM bench_tags)")
        echo "    rows: $rows"
    fi
    if [[ -n $old_cli ]]; then
        fresh_db ferry
        if ferry pg-old "$old_cli" "$server/ferry"; then
            add pg_old "$wall"
            line "old ferry-cli → PostgreSQL" "$wall" "$(rate "$n" "$wall") docs/s; Ferry CPU $cpu s, server CPU $scpu s, peak RSS $rss MB"
        fi
    fi
}
hand_sqlite() {
    timed "$work/s1.log" bash -c sqlite_import && add sqlite_import "$wall"
    line "sqlite3 .import, then the keys" "$wall"
}
ferry_sqlite() {
    rm -f "$work/ferry.sqlite"*
    if ferry sqlite "$cli" "sqlite:$work/ferry.sqlite"; then
        add sqlite "$wall"
        line "ferry-cli → SQLite" "$wall" "$(rate "$n" "$wall") docs/s; CPU $cpu s, peak RSS $rss MB"
    fi
    if [[ -n $old_cli ]]; then
        rm -f "$work/ferry.sqlite"*
        if ferry sqlite-old "$old_cli" "sqlite:$work/ferry.sqlite"; then
            add sqlite_old "$wall"
            line "old ferry-cli → SQLite" "$wall" "$(rate "$n" "$wall") docs/s"
        fi
    fi
    rm -f "$work/ferry.sqlite"*
}

# Whatever runs right after a heavy load is slowed for a while even after settle (on a virtual
# machine the host is still writing): the first of two identical Ferry runs took up to 1.3 s
# longer than the second. So the hand load and Ferry take turns going first, and the medians
# over several rounds (ROUNDS=3 or more) treat both alike.
for ((round = 1; round <= rounds; round++)); do
    echo "Round $round of $rounds ($n documents)"
    if ((round % 2)); then
        hand_pg
        ferry_pg
        hand_sqlite
        ferry_sqlite
    else
        ferry_pg
        hand_pg
        ferry_sqlite
        hand_sqlite
    fi
    rm -rf "$work/ndjson"
    if ferry ndjson "$cli" "ndjson:$work/ndjson"; then
        add ndjson "$wall"
        line "ferry-cli → NDJSON" "$wall" "$(rate "$n" "$wall") docs/s; CPU $cpu s"
    fi
    rm -rf "$work/ndjson"
done

m() { echo "${series[$1]:-}" | median; }
echo
echo "Medians over $rounds round(s), $n documents:"
line "psql \\copy serial, then the keys" "$(m hand_serial)"
line "psql \\copy both tables at once, then keys" "$(m hand_parallel)"
line "psql \\copy into tables with keys" "$(m hand_keys_first)"
line "ferry-cli → PostgreSQL" "$(m pg)" "$(rate "$n" "$(m pg)") docs/s"
line "sqlite3 .import, then the keys" "$(m sqlite_import)"
line "ferry-cli → SQLite" "$(m sqlite)" "$(rate "$n" "$(m sqlite)") docs/s"
line "ferry-cli → NDJSON" "$(m ndjson)" "$(rate "$n" "$(m ndjson)") docs/s"
echo "Ratios (hand time / Ferry time; above 1.0 Ferry is faster):"
echo "  PostgreSQL vs \\copy serial + keys  : $(ratio "$(m hand_serial)" "$(m pg)")"
echo "  PostgreSQL vs \\copy parallel + keys: $(ratio "$(m hand_parallel)" "$(m pg)")"
echo "  SQLite vs .import + keys           : $(ratio "$(m sqlite_import)" "$(m sqlite)")"
# The same ratios round by round: a median can hide one side winning only some rounds. Only
# when every round timed both sides, so that the k-th figures belong to the same round.
by_round() {
    local -a a b
    read -r -a a <<<"${series[$1]:-}"
    read -r -a b <<<"${series[$2]:-}"
    ((${#a[@]} == rounds && ${#b[@]} == rounds)) || { echo "n/a (a round failed)"; return; }
    local k out=()
    for ((k = 0; k < rounds; k++)); do out+=("$(ratio "${a[k]}" "${b[k]}")"); done
    echo "${out[*]}"
}
if ((rounds > 1)); then
    echo "  by round, PostgreSQL vs serial     : $(by_round hand_serial pg)"
    echo "  by round, SQLite                   : $(by_round sqlite_import sqlite)"
fi
if [[ -n $old_cli ]]; then
    echo "  old build / this build, PostgreSQL : $(ratio "$(m pg_old)" "$(m pg)") (time old / time new)"
    echo "  old build / this build, SQLite     : $(ratio "$(m sqlite_old)" "$(m sqlite)")"
fi

# Partitions: one project, 4 processes each moving a quarter, then finish; against 1 process.
echo
echo "Partitions ($n documents → PostgreSQL):"
fresh_db ferry
project=$work/bench.ferry
if "$cli" infer --source "dump:$work/bench.bson" --target "$server/ferry" -o "$project" >"$work/infer.log" 2>&1; then
    if timed "$work/p1.log" "$cli" run "$project"; then
        one=$wall
        line "1 process (run)" "$one"
        fresh_db ferry
        parts() {
            local k pids=() rc=0
            for k in 0 1 2 3; do
                "$cli" run "$project" --partition "$k/4" >"$work/part$k.log" 2>&1 &
                pids+=($!)
            done
            for k in "${pids[@]}"; do wait "$k" || rc=1; done
            [[ $rc -eq 0 ]] && "$cli" finish "$project" >"$work/finish.log" 2>&1
        }
        export -f parts
        export cli project
        if timed "$work/p4.log" bash -c parts; then
            line "4 partition processes + finish" "$wall" "4 vs 1: $(ratio "$one" "$wall")"
        else
            echo "  4 partitions: failed: $(tail -n 1 "$work"/part*.log "$work/finish.log" 2>/dev/null | tail -n 3)"
        fi
    fi
else
    echo "  infer failed: $(tail -n 1 "$work/infer.log")"
fi

# Memory: peak RSS at N and at N_BIG documents, same defaults.
if [[ $big -gt 0 ]]; then
    echo
    echo "Memory (peak RSS of ferry-cli → PostgreSQL, default --jobs):"
    fresh_db ferry
    ferry pg "$cli" "$server/ferry" && rss_n=$rss && line "$n documents" "$wall" "peak RSS $rss_n MB"
    rm -f "$work/bench.bson" "$work"/*.csv
    "$gen" --bench "$big" "$work/big.bson"
    fresh_db ferry
    if timed "$work/big.log" "$cli" migrate --source "dump:$work/big.bson" --target "$server/ferry"; then
        line "$big documents" "$wall" "peak RSS $rss MB; ratio to $n: $(ratio "$rss" "${rss_n:-0}")"
    else
        echo "  $big documents: failed: $(tail -n 1 "$work/big.log")"
    fi
fi
