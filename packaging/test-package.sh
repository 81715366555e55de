#!/usr/bin/env bash
# Builds the Debian package from a configured and built tree, and checks it the way a
# distribution would: its contents and control data, lintian, the desktop entry and AppStream
# validators, the MIME type, the man pages; then unpacks it into a throwaway root and runs the
# installed programs from there (ferry-cli migrating the demo into SQLite, ferry offscreen).
#   packaging/test-package.sh BUILD_DIR [PACKAGE.deb]
# Without PACKAGE.deb it runs cpack into a temporary folder first. Exits non-zero on the first
# failed check, saying which.
set -euo pipefail

if (($# < 1 || $# > 2)) || [[ ! -f $1/CPackConfig.cmake ]]; then
    echo "usage: $0 BUILD_DIR [PACKAGE.deb]   (BUILD_DIR: a configured, built tree)" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ferry-package.XXXXXX")
trap 'rm -rf "$work"' EXIT

step() { printf '== %s\n' "$*"; }
fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}
need() { command -v "$1" >/dev/null || fail "$1 not found (scripts/setup installs it)"; }
for tool in cpack dpkg-deb desktop-file-validate appstreamcli update-mime-database man python3; do
    need "$tool"
done

version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[[ -n $version ]] || fail "no CPACK_PACKAGE_VERSION in $build/CPackConfig.cmake"
arch=$(dpkg --print-architecture)

if (($# == 2)); then
    deb=$2
else
    step "cpack -G DEB (version $version)"
    cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
        { cat "$work/cpack.log" >&2; fail "cpack"; }
    deb=$work/out/ferry_${version}_${arch}.deb
    [[ -f $deb ]] || { ls -l "$work/out" >&2; fail "cpack did not write $(basename "$deb")"; }
fi
echo "package: $deb ($(du -h "$deb" | cut -f1))"

step "control data"
dpkg-deb -I "$deb" | tee "$work/info.txt" | sed -n '/^ [A-Z]/p'
field() { sed -n "s/^ $1: //p" "$work/info.txt"; }
[[ $(field Package) == ferry ]] || fail "Package is not ferry"
[[ $(field Version) == "$version" ]] || fail "Version $(field Version) is not $version"
[[ $(field Section) == database ]] || fail "Section is not database"
depends=$(field Depends)
for lib in libqt6core6 libqt6widgets6 libmongoc libpqxx libqt6sql6-sqlite libqt6svg6 libc6; do
    [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done

step "contents"
dpkg-deb -c "$deb" | awk '{print $1, $2, $6}' | tee "$work/contents.txt"
if awk '{print $3}' "$work/contents.txt" | grep -E '/tst_|/bench|gen-dataset|fuzz|/include/|\.a$'; then
    fail "test, benchmark, tool or development files are in the package"
fi
if awk '$2 != "root/root"' "$work/contents.txt" | grep .; then
    fail "files not owned by root"
fi

root=$work/root
dpkg-deb -x "$deb" "$root"
app_id=$(basename "$(ls "$root"/usr/share/applications/*.desktop)" .desktop)
for f in usr/bin/ferry usr/bin/ferry-cli usr/share/applications/$app_id.desktop \
    usr/share/metainfo/$app_id.metainfo.xml usr/share/mime/packages/$app_id.xml \
    usr/share/icons/hicolor/scalable/apps/$app_id.svg usr/share/man/man1/ferry.1.gz \
    usr/share/man/man1/ferry-cli.1.gz usr/share/bash-completion/completions/ferry-cli \
    usr/share/doc/ferry/copyright usr/share/doc/ferry/changelog.gz \
    usr/share/ferry/demo/shop/orders.bson; do
    [[ -f $root/$f ]] || fail "missing /$f"
done
for size in 48 128 256; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    [[ -f $png ]] || fail "missing ${size}px icon"
    python3 - "$png" "$size" <<'PY' || fail "$png is not a ${size}x${size} PNG"
import struct, sys
data = open(sys.argv[1], "rb").read(24)
w, h = struct.unpack(">II", data[16:24])
sys.exit(0 if data[:8] == b"\x89PNG\r\n\x1a\n" and w == h == int(sys.argv[2]) else 1)
PY
done
for exe in ferry ferry-cli; do
    file -b "$root/usr/bin/$exe" | grep -q ', stripped' || fail "/usr/bin/$exe is not stripped"
done

if command -v lintian >/dev/null; then
    step "lintian"
    # Errors fail the check; warnings are printed for whoever reads the log.
    lintian --fail-on error --tag-display-limit 0 "$deb" || fail "lintian reported errors"
else
    echo "lintian not installed: skipped (scripts/setup installs it)"
fi

step "desktop entry, AppStream metadata, MIME type"
desktop-file-validate "$root/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
grep -qx 'MimeType=application/x-ferry-project;' "$root/usr/share/applications/$app_id.desktop" ||
    fail "the desktop entry does not claim application/x-ferry-project"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" ||
    fail "appstreamcli validate"
release=$(python3 - "$root/usr/share/metainfo/$app_id.metainfo.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
print(ET.parse(sys.argv[1]).getroot().find("releases/release").get("version"))
PY
)
[[ $release == "$version" ]] || fail "the newest AppStream release is $release, not $version"
changelog=$(zcat "$root/usr/share/doc/ferry/changelog.gz" | sed -n '1s/^ferry (\([^)]*\)).*/\1/p')
[[ $changelog == "$version" ]] || fail "the changelog's newest entry is $changelog, not $version"
mkdir -p "$work/mime/packages"
cp "$root/usr/share/mime/packages/$app_id.xml" "$work/mime/packages/"
update-mime-database "$work/mime" >"$work/mime.log" 2>&1 ||
    { cat "$work/mime.log" >&2; fail "update-mime-database"; }
grep -q 'application/x-ferry-project:\*\.ferry' "$work/mime/globs2" ||
    fail "*.ferry does not map to application/x-ferry-project"

step "man pages"
for page in ferry ferry-cli; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l \
        "$root/usr/share/man/man1/$page.1.gz" 2>&1 >"$work/$page.txt")
    [[ -z $warnings ]] || fail "$page.1 renders with warnings: $warnings"
    [[ -s $work/$page.txt ]] || fail "$page.1 renders empty"
done
head -n 12 "$work/ferry-cli.txt"
# Every command and option ferry-cli's help names is documented in its man page.
help=$("$root/usr/bin/ferry-cli" --help)
for word in $(grep -oE -- '--[a-z][a-z-]+' <<<"$help" | sort -u) list infer migrate run \
    dry-run validate rollback dump: mongodb:// postgresql:// sqlite: ndjson:; do
    grep -qF -- "$word" "$work/ferry-cli.txt" || fail "ferry-cli.1 does not mention $word"
done
for code in 0 1 2 3 4; do
    grep -qE "^ +$code +[A-Z]" "$work/ferry-cli.txt" || fail "ferry-cli.1 lacks exit code $code"
done

if [[ -f /usr/share/bash-completion/bash_completion ]]; then
    step "bash completion"
    got=$(bash -c '
        source /usr/share/bash-completion/bash_completion
        source "$1"
        COMP_WORDS=(ferry-cli run x.ferry --on-error "")
        COMP_CWORD=4
        COMP_LINE="ferry-cli run x.ferry --on-error "
        COMP_POINT=${#COMP_LINE}
        _ferry_cli ferry-cli "" --on-error
        echo "${COMPREPLY[*]}"' _ "$root/usr/share/bash-completion/completions/ferry-cli")
    [[ $got == "stop reject" ]] || fail "completing --on-error gave \"$got\", not \"stop reject\""
fi

step "installed programs, run from the unpacked root"
cli_version=$("$root/usr/bin/ferry-cli" --version)
[[ $cli_version == "ferry-cli $version" ]] || fail "ferry-cli --version printed \"$cli_version\""
gui_version=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/ferry" --version)
[[ $gui_version == "Ferry $version" ]] || fail "ferry --version printed \"$gui_version\""
echo "$cli_version; $gui_version"
db=$work/demo.sqlite
"$root/usr/bin/ferry-cli" migrate --source "dump:$root/usr/share/ferry/demo/shop" \
    --target "sqlite:$db" --report "$work/report.json" >"$work/migrate.log" 2>&1 ||
    { cat "$work/migrate.log" >&2; fail "ferry-cli migrate of the demo"; }
python3 - "$db" "$work/report.json" "$version" <<'PY' || fail "the demo did not arrive in SQLite"
import json, sqlite3, sys
db, report, version = sys.argv[1:]
con = sqlite3.connect(db)
rows = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
        for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                "AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name")}
print("demo rows:", rows)
rep = json.load(open(report))
assert rep["ferry_version"] == version, rep.get("ferry_version")
for name in ("customers", "orders", "products"):
    assert rows.get(name, 0) > 0, f"table {name} is empty or missing"
    written = sum(c["written"] for c in rep["collections"] if c["name"] == name)
    assert written > 0 and written == rows[name], (name, written, rows[name])
PY
echo "package OK: ferry $version"
