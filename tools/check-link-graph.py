#!/usr/bin/env python3
"""Fails when a layer's library links, or takes a symbol from, a library of a layer that is not
below its own (docs/architecture.md).

Usage: check-link-graph.py BUILD_DIR

BUILD_DIR/layer-libraries.tsv (written by CMake) names each layer's static library and the Tether
libraries it links. Two checks:
  - the link graph: every link points to a layer below (tools/check-layers.py's order);
  - the symbols: every symbol a library leaves undefined that some Tether library defines is
    defined in the library itself or in one it links, directly or through others. A call up the
    layers would link anyway in the modules, which hold every layer; this is what catches it.
And one check of a module: the window's (BUILD_DIR/bin/libtether-gui.so) is the service's client
and loads none of the engine's shared libraries, Qt Network and QtKeychain (ui/CMakeLists.txt).
"""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def layer_ranks():
    spec = importlib.util.spec_from_file_location("check_layers", ROOT / "tools" / "check-layers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.RANK


def symbols(archive):
    """(defined, undefined) global symbol names of a static library (nm's POSIX format)."""
    out = subprocess.run(["nm", "-P", "-g", str(archive)], capture_output=True, text=True, check=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        fields = line.split()
        if len(fields) < 2 or line.endswith(":"):
            continue  # an object's heading inside the archive
        name, kind = fields[0], fields[1]
        if kind == "U":
            undefined.add(name)
        elif kind in "TDBRVWu":
            defined.add(name)
    return defined, undefined


# What the window's module must not load: the engine's libraries, which run in the service.
ENGINE_ONLY = ("libQt6Network.so", "libqt6keychain.so")


def needed(module):
    """The shared libraries a module names (DT_NEEDED)."""
    out = subprocess.run(["readelf", "-d", str(module)], capture_output=True, text=True, check=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def main():
    build = Path(sys.argv[1])
    rank = layer_ranks()
    libraries = {}
    for line in (build / "layer-libraries.tsv").read_text().splitlines():
        if not line.strip():
            continue
        name, archive, links = (line.split("\t") + [""])[:3]
        libraries[name] = (Path(archive), [link for link in links.split() if link in
                                           {f"tether_{folder}" for folder in rank}])
    missing = sorted(f"tether_{folder}" for folder in rank if folder != "app" and f"tether_{folder}" not in libraries)
    problems = [f"no library for the layer {name[len('tether_'):]}/" for name in missing]

    def folder(name):
        return name[len("tether_"):]

    for name, (_, links) in libraries.items():
        for link in links:
            if rank[folder(link)] >= rank[folder(name)]:
                problems.append(f"{name} links {link} ({folder(link)}/ is not below {folder(name)}/)")

    def below(name, seen=None):
        seen = seen if seen is not None else set()
        for link in libraries[name][1]:
            if link not in seen:
                seen.add(link)
                below(link, seen)
        return seen

    tables = {name: symbols(archive) for name, (archive, _) in libraries.items()}
    owners = {}
    for name, (defined, _) in tables.items():
        for symbol in defined:
            owners.setdefault(symbol, set()).add(name)
    checked = 0
    for name, (defined, undefined) in sorted(tables.items()):
        reachable = below(name) | {name}
        for symbol in sorted(undefined - defined):
            where = owners.get(symbol)
            if not where:
                continue  # Qt's, the C library's, another library's
            checked += 1
            if not where & reachable:
                demangled = subprocess.run(["c++filt", symbol], capture_output=True, text=True).stdout.strip()
                problems.append(f"{name} uses {demangled} from {', '.join(sorted(where))}, which it does not link")
    window = build / "bin" / "libtether-gui.so"
    window_needs = needed(window)
    for library in window_needs:
        if library.startswith(ENGINE_ONLY):
            problems.append(f"{window.name} loads {library}, which only the engine needs")
    if problems:
        print("a link against the layers (docs/architecture.md):", *problems, sep="\n  ")
        return 1
    edges = sum(len(links) for _, links in libraries.values())
    print(f"link graph: {len(libraries)} layer libraries, {edges} links, all downward; "
          f"{checked} symbols taken across libraries, each from one below; {window.name} loads "
          f"{len(window_needs)} libraries, none of the engine's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
