#!/usr/bin/env python3
"""Rule compilation benchmark (target: the default survey + wego-core compile in < 100 ms).

    python3 Benchmarks/compile_rules.py              # release build, 20 runs

Runs `activator check --timings` on the shipped Surveys/ and Rules/ and reads its phase times:
reading the survey, reading the rule plugin and catalog (YAML → checked model), and compiling
(type-checking every expression against the survey, resolving ids, expanding ladders, checking
catalog references). Reports the best and the median of each over --runs. Results go to stdout
and Benchmarks/results/compile.md.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

from run_batch import HERE, machine

ROOT = os.path.dirname(HERE)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--activator", default=os.path.join(ROOT, ".build", "release", "activator"))
    args = parser.parse_args()
    if not os.access(args.activator, os.X_OK):
        sys.exit(f"build first: swift build -c release (no {args.activator})")
    phases = {}
    for _ in range(args.runs):
        done = subprocess.run([args.activator, "check", "--timings"], cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit("activator check failed:\n" + done.stderr)
        for name, value in re.findall(r"^(.+): ([0-9.]+) ms$", done.stderr, re.M):
            phases.setdefault(name, []).append(float(value))
    compile_key = next(name for name in phases if name.startswith("compile"))
    best_compile = min(phases[compile_key])
    lines = [
        "# Compiling the default survey and rules",
        "",
        f"Machine: {machine()}",
        f"Command: `activator check --timings` (release build) on Surveys/wego-activator-1.0.0.yaml and Rules/wego-core-1, {args.runs} runs",
        "",
        "| phase | best | median |",
        "|---|---:|---:|",
    ]
    for name, values in phases.items():
        lines.append(f"| {name} | {min(values):.1f} ms | {statistics.median(values):.1f} ms |")
    lines += ["", f"Target: compiling in < 100 ms — best {best_compile:.1f} ms, median {statistics.median(phases[compile_key]):.1f} ms: "
              + ("met" if statistics.median(phases[compile_key]) < 100 else "MISSED")]
    text = "\n".join(lines) + "\n"
    print(text)
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "compile.md"), "w") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
