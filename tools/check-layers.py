#!/usr/bin/env python3
"""Fails when a source file includes one from a layer above its own (docs/architecture.md).

The layers, bottom to top; a file may include its own folder and any folder below it:
  core, system
  providers, secrets
  oauth
  accounts
  refresh
  backend
  service
  demo
  cli, ui
  app/ itself (main.cpp, climodule.cpp: the executable and its command module)
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = [
    ("core", "system"),
    ("providers", "secrets"),
    ("oauth",),
    ("accounts",),
    ("refresh",),
    ("backend",),
    ("service",),
    ("demo",),
    ("cli", "ui"),
    ("app",),
]
RANK = {folder: rank for rank, folders in enumerate(LAYERS) for folder in folders}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def folder_of(path):
    """The layer of a source file: its folder under app/, or ui/, demo/, or app/ itself."""
    parts = path.relative_to(ROOT).parts
    if parts[0] == "app":
        return parts[1] if len(parts) > 2 else "app"
    return parts[0]


def included_folder(include, source):
    first = include.split("/")[0]
    if first in RANK:
        return first
    if "/" not in include:
        return folder_of(source)  # a sibling header: "accounteditor.h"
    return None  # not ours (a generated header, a library's)


def main():
    sources = [p for base in ("app", "ui", "demo") for p in (ROOT / base).rglob("*") if p.suffix in (".cpp", ".h")]
    problems = []
    for source in sorted(sources):
        own = folder_of(source)
        for include in INCLUDE.findall(source.read_text(encoding="utf-8")):
            target = included_folder(include, source)
            if target is None or target == own:
                continue
            if RANK[target] >= RANK[own]:
                problems.append(f"{source.relative_to(ROOT)}: includes {include} ({target}/ is not below {own}/)")
    if problems:
        print("includes that run up the layers (docs/architecture.md):", *problems, sep="\n  ")
        return 1
    print(f"layers: {len(sources)} files, every include points down or sideways within its folder")
    return 0


if __name__ == "__main__":
    sys.exit(main())
