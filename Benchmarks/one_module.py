#!/usr/bin/env python3
"""Builds Rapporteur's sources as one module, to measure what the layered targets cost.

    python3 Benchmarks/one_module.py                  # /tmp/rapporteur-one-module
    python3 Benchmarks/one_module.py --out DIR --no-build

Writes a package (--out) whose one executable target, `rapporteur`, holds every file of
Sources/{Support,Markdown,Model,Search,Integrity,Rapporteur,Preview,RapporteurCLI}, each under a
folder named after its module; CCmark stays a system library target, the theme is embedded as in
Package.swift, and the dependency packages are Package.swift's own (its Package.resolved, when
there is one, is copied so both resolve to the same versions). The text is rewritten
mechanically, and only where one module needs it: imports of our own modules are removed, and a
name qualified by one of them (`Markdown.Block`) loses the qualifier when the module declares that
name; and where a name of ours hides a dependency's once the modules are one, the dependency's is
qualified (`COLLISIONS`: Preview's internal class `Flag` hides ArgumentParser's `@Flag`). Removed
imports leave an empty line, so line numbers stay the repository's. Every rewrite is printed.
Then runs `swift build -c release` there and prints the binary's path; a failed build exits 1
with its errors named by the repository's file and line. The repository's sources are never
changed.
"""

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODULES = ["Support", "Markdown", "Model", "Search", "Integrity", "Rapporteur", "Preview", "RapporteurCLI"]
TARGET = "rapporteur"
IMPORT = re.compile(r"^\s*(?:@\w+\s+)*(?:public\s+|package\s+|internal\s+)?import\s+(\w+)\s*$")
DECLARATION = re.compile(r"\b(?:struct|enum|class|actor|protocol|typealias|func|let|var)\s+(\w+)")
# Per module, a name of a dependency that one of our modules' internal names hides in one module.
COLLISIONS = {"RapporteurCLI": [(re.compile(r"@Flag\b"), "@ArgumentParser.Flag")]}
DIAGNOSTIC = re.compile(r"^(/\S+?\.swift):(\d+):(\d+): error: (.*)$")


def main():
    parser = argparse.ArgumentParser(description="Build Rapporteur's sources as one module.")
    parser.add_argument("--out", type=Path, default=Path("/tmp/rapporteur-one-module"), help="the package's folder")
    parser.add_argument("--no-build", action="store_true", help="write the package only")
    args = parser.parse_args()

    out = args.out.resolve()
    origins = write_package(out)
    if args.no_build:
        print(out)
        return
    print(build(out, origins))


def write_package(out):
    """Writes Package.swift and the sources into `out` (its .build is kept); returns each copied file's origin."""
    sources = out / "Sources"
    if sources.exists():
        shutil.rmtree(sources)
    shutil.copytree(REPO / "Sources" / "CCmark", sources / "CCmark")
    declared = {module: declared_names(REPO / "Sources" / module) for module in MODULES}
    qualified = re.compile(r"\b(" + "|".join(MODULES) + r")\.(\w+)")
    origins = {}
    for module in MODULES:
        root = REPO / "Sources" / module
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            target = sources / TARGET / module / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            origins[target] = path
            if path.suffix != ".swift":
                shutil.copy2(path, target)
                continue
            lines = path.read_text(encoding="utf-8").split("\n")
            for number, line in enumerate(lines):
                where = f"{path.relative_to(REPO)}:{number + 1}"
                match = IMPORT.match(line)
                if match and match.group(1) in MODULES:
                    print(f"{where}: removed `{line.strip()}`")
                    lines[number] = ""
                    continue

                def unqualify(m):
                    if m.group(2) not in declared[m.group(1)]:
                        return m.group(0)
                    print(f"{where}: `{m.group(0)}` -> `{m.group(2)}`")
                    return m.group(2)

                lines[number] = qualified.sub(unqualify, line)
                for pattern, replacement in COLLISIONS.get(module, []):
                    if pattern.search(lines[number]):
                        print(f"{where}: `{pattern.pattern}` -> `{replacement}`")
                        lines[number] = pattern.sub(replacement, lines[number])
            target.write_text("\n".join(lines), encoding="utf-8")
    (out / "Package.swift").write_text(manifest(), encoding="utf-8")
    resolved = REPO / "Package.resolved"
    if resolved.exists():
        shutil.copy2(resolved, out / "Package.resolved")
    return origins


def declared_names(root):
    """The names a module declares (types, functions, constants), which a qualifier may precede."""
    names = set()
    for path in root.rglob("*.swift"):
        names.update(DECLARATION.findall(path.read_text(encoding="utf-8")))
    return names


def manifest():
    """Package.swift of the one-module package: the repository's dependencies and products, one target."""
    layered = (REPO / "Package.swift").read_text(encoding="utf-8")
    packages = re.findall(r"\.package\(url:[^)]*\)", layered)
    products = sorted(set(re.findall(r"\.product\(name: \"[^\"]+\", package: \"[^\"]+\"\)", layered)))
    if len(packages) < 4 or len(products) < 4:
        sys.exit("one_module.py: Package.swift's dependencies were not found; update manifest()")
    indent, inner = "\n" + " " * 8, "\n" + " " * 16
    return f"""// swift-tools-version:6.0
// Written by Benchmarks/one_module.py: Rapporteur's sources as one module.
import PackageDescription

let package = Package(
    name: "RapporteurOneModule",
    platforms: [.macOS(.v14)],
    products: [.executable(name: "{TARGET}", targets: ["{TARGET}"])],
    dependencies: [{indent}{("," + indent).join(packages)},
    ],
    targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark"),
        .executableTarget(
            name: "{TARGET}",
            dependencies: [{inner}"CCmark",{inner}{("," + inner).join(products)},
            ],
            exclude: ["Rapporteur/Theme/README.md"],
            resources: [.embedInCode("Rapporteur/Theme")]
        ),
    ]
)
"""


def build(out, origins):
    """Runs the release build; returns the binary's path, or exits naming the files that failed."""
    command = ["swift", "build", "-c", "release", "--product", TARGET]
    result = subprocess.run(command, cwd=out, capture_output=True, text=True)
    if result.returncode != 0:
        errors = []
        for line in (result.stdout + result.stderr).splitlines():
            match = DIAGNOSTIC.match(line)
            if match:
                origin = origins.get(Path(match.group(1)), Path(match.group(1)))
                errors.append(f"{origin}:{match.group(2)}:{match.group(3)}: error: {match.group(4)}")
        print(result.stdout + result.stderr, file=sys.stderr)
        print("one_module.py: the one-module build failed:", file=sys.stderr)
        for error in errors or ["(no file named; see the output above)"]:
            print("  " + error, file=sys.stderr)
        sys.exit(1)
    bin_path = subprocess.run(command[:4] + ["--show-bin-path"], cwd=out, capture_output=True, text=True, check=True)
    return Path(bin_path.stdout.strip()) / TARGET


if __name__ == "__main__":
    main()
