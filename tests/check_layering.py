#!/usr/bin/env python3
"""Fails when a file under engine/ includes a folder its layer may not see.

The build already refuses such includes (each layer's include root only holds the layers
below it); this check also catches relative includes ("../x.h") that would slip past it.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "engine")
BELOW = {
    "core": set(),
    "project": {"core"},
    "schema": {"core", "project"},
    "transform": {"core", "project", "schema"},
    "stores/common": {"core", "project"},
    "stores": {"core", "project", "stores/common"},  # a store's own folder is added below
    "run": {"core", "project", "schema", "transform", "stores/common", "stores/stores.h"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of(rel):
    if rel.startswith("stores/common/"):
        return "stores/common"
    if rel.startswith("stores/") and rel.count("/") >= 2:
        return "stores"
    if rel == "stores/stores.cpp" or rel == "stores/stores.h":
        return "registry"
    return rel.split("/")[0]


def allowed(rel, target):
    layer = layer_of(rel)
    own = os.path.dirname(rel)
    if target.startswith(own + "/") and target.count("/") == own.count("/") + 1:
        return True
    if layer == "registry":
        return target.startswith("stores/") or target.split("/")[0] in ("core", "project")
    ok = BELOW.get(layer)
    if ok is None:
        return False
    return any(target == o or target.startswith(o + "/") for o in ok)


problems = []
for folder, _, files in os.walk(ROOT):
    for name in files:
        if not name.endswith((".h", ".cpp")):
            continue
        path = os.path.join(folder, name)
        rel = os.path.relpath(path, ROOT).replace(os.sep, "/")
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                target = m.group(1)
                if ".." in target or "/" not in target or not allowed(rel, target):
                    problems.append(f"engine/{rel}:{number}: includes \"{target}\"")
for p in problems:
    print(p)
print(f"{len(problems)} layering problems")
sys.exit(1 if problems else 0)
