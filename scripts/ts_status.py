#!/usr/bin/env python3
"""Counts what each Qt .ts file lacks; with --check, fails on anything a release must not ship.

  ts_status.py FILE.ts...                         print per language: entries, unfinished
  ts_status.py --check --updated DIR FILE.ts...   also compare with DIR/<same name>, the file
                                                  after lupdate, and exit 1 on any problem
"""
import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PLACEHOLDER = re.compile(r"%(?:L?n|L?\d{1,2})")


def messages(path):
    """(context, source, comment) → message element, for every message of the file."""
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for m in context.iter("message"):
            out[(name, m.findtext("source", ""), m.findtext("comment", ""))] = m
    return out


def translations(message):
    t = message.find("translation")
    if t is None:
        return []
    forms = t.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [t.text or ""]


def problems_of(path, msgs):
    found = []
    for (context, source, _), m in msgs.items():
        where = f"{path.name}: {context}: {source[:60]!r}"
        t = m.find("translation")
        kind = t.get("type") if t is not None else "unfinished"
        if kind in ("obsolete", "vanished"):
            found.append(f"{where}: obsolete (run scripts/update-translations)")
            continue
        texts = translations(m)
        if kind == "unfinished" or not texts or any(not x.strip() for x in texts):
            found.append(f"{where}: unfinished")
            continue
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for x in texts:
            # A plural form may spell out "one" instead of %n (or %Ln, its localized form);
            # every other placeholder stays.
            have = set(PLACEHOLDER.findall(x))
            missing = [
                p for p in wanted
                if p not in have and not (p in ("%n", "%Ln") and len(texts) > 1)
            ]
            if missing:
                found.append(f"{where}: translation {x[:60]!r} lacks {', '.join(missing)}")
        if m.get("numerus") == "yes" and "%n" not in source and "%Ln" not in source:
            found.append(f"{where}: a plural message without %n in its source")
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--updated", type=Path)
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()

    problems = []
    for path in args.files:
        msgs = messages(path)
        language = ET.parse(path).getroot().get("language", path.stem)
        own = problems_of(path, msgs)
        unfinished = sum(1 for p in own if p.endswith(": unfinished"))
        print(f"{language:8} {len(msgs):5} entries, {unfinished:4} unfinished  ({path})")
        if not args.check:
            continue
        problems += own
        if args.updated:
            after = messages(args.updated / path.name)
            for key in sorted(set(after) - set(msgs)):
                problems.append(f"{path.name}: {key[0]}: {key[1][:60]!r}: new in the sources, "
                                "not in the file (run scripts/update-translations)")
            for key in sorted(set(msgs) - set(after)):
                problems.append(f"{path.name}: {key[0]}: {key[1][:60]!r}: no longer in the "
                                "sources (run scripts/update-translations)")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} translation problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
