#!/usr/bin/env python3
"""Cohort-report benchmark: `activator report DIR --html` over N cities (target: 1,000 in < 2 s).

    python3 Benchmarks/run_report.py                 # 1,000 cities, best of 5
    python3 Benchmarks/run_report.py --count 5000 --runs 3

Times the whole command (loading the survey and rules, scoring every file on all cores, building
the cohort and writing the HTML and Markdown), best of --runs, with peak RSS. The corpus comes
from generate_corpus.py (seeded; about 1% broken files, which the report lists). Results go to
stdout and Benchmarks/results/report-cohort-<count>.md.
"""
import argparse
import os
import subprocess
import sys

from run_batch import HERE, machine, run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--activator", default=os.path.join(os.path.dirname(HERE), ".build", "release", "activator"))
    args = parser.parse_args()

    corpus = os.path.join(HERE, "corpus", f"corpus-{args.count}")
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), "--count", str(args.count), "--seed", str(args.seed), "--out", corpus], check=True)
    work = os.path.join("/tmp", f"activator-report-bench-{os.getpid()}")
    os.makedirs(work, exist_ok=True)
    html = os.path.join(work, "cohort.html")
    md = os.path.join(work, "cohort.md")
    command = [args.activator, "report", corpus, "--html", html, "--md", md, "--quiet"]
    best = None
    peak = 0
    for _ in range(args.runs):
        seconds, rss, status = run(command)
        if status not in (0, 1):  # 1: some corpus files are broken on purpose
            sys.exit(f"activator report failed with status {status}")
        best = seconds if best is None else min(best, seconds)
        peak = max(peak, rss)
    size = os.path.getsize(html)
    verdict = "met" if best < 2.0 else "MISSED"
    lines = [
        f"# Cohort report: {args.count} cities",
        "",
        f"Machine: {machine()}",
        f"Command: `activator report <corpus of {args.count}> --html --md` (release build), best of {args.runs}",
        "",
        "| Measure | Result |",
        "|---|---|",
        f"| Wall time | {best:.3f} s (target < 2 s: {verdict}) |",
        f"| Cities per second | {args.count / best:,.0f} |",
        f"| Peak RSS | {peak / 1024:.1f} MB |",
        f"| HTML size | {size / 1024:,.0f} KB |",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", f"report-cohort-{args.count}.md"), "w") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
