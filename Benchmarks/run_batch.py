#!/usr/bin/env python3
"""Batch-scoring benchmark: Activator against the libyaml parse-only floor and a plain Python +
PyYAML (C loader) implementation of the same scoring, on one corpus, in one run.

    python3 Benchmarks/run_batch.py --count 100000            # generates the corpus if needed
    python3 Benchmarks/run_batch.py --count 20000 --runs 3

    python3 Benchmarks/run_batch.py --count 3000 --survey Surveys/wego-activator.yaml --skip-python

Reports files/s (best of --runs; every timed run starts right after an untimed read of the whole
corpus, because this VM's page cache is trimmed within seconds of disuse) for: the floor
(../shared/bench/parse_limit.c, built here with cc -O2), `activator score --format csv` with 1
job and with all cores, `--format jsonl` (the full result of each city) with 1 job and with all
cores, and Benchmarks/python_scorer.py; peak RSS of each; the ratios the issues ask for (issue 5:
CSV, issue 15 item 10: JSONL, each against the floor); and whether 1-job and all-core outputs
are identical (SHA-256, CSV and JSONL). When valgrind is installed, it also counts the
instructions per file (callgrind) of the floor and of one job writing CSV, JSONL, JSON and JSONL
with --detail on the first --instructions files, with one file's run (the start-up) subtracted: figures
the machine's noise cannot move. Results go to stdout and Benchmarks/results/batch-<count>.md
(batch-<count>-<survey version>.md for another survey than the default).
"""
import argparse
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(command, stdin_path=None, stdout_path=os.devnull):
    """Runs a command; returns (seconds, peak RSS in KB, exit status).

    Peak RSS comes from GNU time, which starts the command from a small process: a child forked
    from this Python process would report Python's own memory as its peak.
    """
    report = os.path.join("/tmp", f"activator-bench-time-{os.getpid()}")
    with open(stdin_path or os.devnull, "rb") as stdin, open(stdout_path, "wb") as stdout:
        start = time.perf_counter()
        status = subprocess.call(["/usr/bin/time", "-f", "%M", "-o", report] + command, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
    with open(report) as handle:
        lines = [line for line in handle.read().split() if line.isdigit()]
    return seconds, int(lines[-1]) if lines else 0, status


def warm(listing):
    """Reads every file of the corpus once, untimed, so that each contender starts on a warm cache."""
    with open(listing, "rb") as stdin:
        subprocess.call(["xargs", "-d", "\\n", "cat"], stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def instructions(command, stdin_path=None):
    """Instructions executed by a command and its threads, counted by callgrind."""
    report = os.path.join("/tmp", f"activator-bench-callgrind-{os.getpid()}.out")
    with open(stdin_path or os.devnull, "rb") as stdin:
        finished = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={report}"] + command,
                                  stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    os.unlink(report)
    counts = re.findall(r"Collected : (\d+)", finished.stderr)
    return int(counts[-1]) if counts else None


def per_file(command, sample, sample_size, one_file):
    """Instructions per file of `command` (which reads its list of paths on stdin) over the
    `sample_size` files listed in `sample`, the start-up (the same command on the single file
    listed in `one_file`) subtracted."""
    many = instructions(command, sample)
    once = instructions(command, one_file)
    if many is None or once is None:
        return None
    return (many - once) / max(1, sample_size - 1)


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def survey_version(path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            match = re.match(r"version:\s*(\S+)", line)
            if match:
                return match.group(1)
    return None


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = 0
    try:
        with open("/proc/meminfo") as handle:
            memory = int(handle.readline().split()[1]) // 1024 // 1024
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({model}), {memory} GiB, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", default=None, help="folder of answers files (default: Benchmarks/corpus/corpus-<count>)")
    parser.add_argument("--survey", default=None,
                        help="survey the generated corpus answers (default: generate_corpus.py's, survey 1.0.0)")
    parser.add_argument("--activator", default=os.path.join(ROOT, ".build", "release", "activator"))
    parser.add_argument("--skip-python", action="store_true", help="skip the (slow) Python baseline")
    parser.add_argument("--instructions", type=int, default=5000, metavar="FILES",
                        help="count instructions per file on this many files with callgrind (0: skip)")
    args = parser.parse_args()

    version = survey_version(args.survey) if args.survey else None
    suffix = f"-{version}" if version else ""
    corpus = args.corpus or os.path.join(HERE, "corpus", f"corpus-{args.count}{suffix}")
    if not os.path.isdir(corpus):
        generate = [sys.executable, os.path.join(HERE, "generate_corpus.py"), "--count", str(args.count), "--seed", str(args.seed), "--out", corpus]
        if args.survey:
            generate += ["--survey", args.survey]
        subprocess.run(generate, check=True)
    results = os.path.join(HERE, "results")
    os.makedirs(results, exist_ok=True)
    work = os.path.join("/tmp", f"activator-bench-{os.getpid()}")
    os.makedirs(work, exist_ok=True)

    files = sorted(os.path.join(dirpath, name) for dirpath, _, names in os.walk(corpus) for name in names if name.endswith(".yaml"))
    listing = os.path.join(work, "files.list")
    with open(listing, "w") as handle:
        handle.write("\n".join(files) + "\n")
    total_bytes = sum(os.path.getsize(path) for path in files)

    floor = os.path.join(work, "parse_limit")
    subprocess.run(["cc", "-O2", "-o", floor, os.path.join(ROOT, "..", "shared", "bench", "parse_limit.c"), "-lyaml"], check=True)
    if not os.path.exists(args.activator):
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], check=True)

    jobs = os.cpu_count() or 1
    # The machine's own parallel ceiling: the floor run as `jobs` processes side by side, each
    # on an interleaved share of the files (on some VMs two vCPUs are one core's two threads).
    shares = []
    for share in range(jobs):
        path = os.path.join(work, f"files-{share}.list")
        with open(path, "w") as handle:
            handle.write("\n".join(files[share::jobs]) + "\n")
        shares.append(path)
    parallel_floor = ["/bin/sh", "-c", " ".join(f"'{floor}' '{path}' >/dev/null &" for path in shares) + " wait"]
    def score(fmt, jobs_wanted, out, detail=False):
        return [args.activator, "score", "-", "--format", fmt] + (["--detail"] if detail else []) + ["-j", str(jobs_wanted), "-q", "--out", os.path.join(work, out)]

    contenders = {
        "floor": ([floor, listing], None),
        f"floor x{jobs} in parallel": (parallel_floor, None),
        "activator -j1": (score("csv", 1, "one.csv"), listing),
        f"activator -j{jobs}": (score("csv", jobs, "all.csv"), listing),
        "activator jsonl -j1": (score("jsonl", 1, "one.jsonl"), listing),
        f"activator jsonl -j{jobs}": (score("jsonl", jobs, "all.jsonl"), listing),
    }
    if not args.skip_python:
        contenders["python"] = ([sys.executable, os.path.join(HERE, "python_scorer.py"), listing], None)

    best = {}
    for round_number in range(args.runs):
        # Interleave the contenders so that a noisy moment hurts them all alike.
        for name, (command, stdin_path) in contenders.items():
            if name == "python" and round_number > 0:
                continue  # one run is enough for a baseline this slow
            warm(listing)
            seconds, rss, status = run(command, stdin_path)
            if status not in (0, 1):
                print(f"{name} failed with exit status {status}", file=sys.stderr)
                sys.exit(2)
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, rss)
            print(f"  run {round_number + 1}: {name:16} {seconds:8.2f} s  {len(files) / seconds:10.0f} files/s  {rss / 1024:7.1f} MB", file=sys.stderr)

    counted = {}
    if args.instructions > 0 and shutil.which("valgrind"):
        sample = os.path.join(work, "sample.list")
        with open(sample, "w") as handle:
            handle.write("\n".join(files[: args.instructions]) + "\n")
        sample_size = min(args.instructions, len(files))
        one_file = os.path.join(work, "one-file.list")
        with open(one_file, "w") as handle:
            handle.write(files[0] + "\n")
        # The floor reads its list as an argument, Activator on stdin.
        floor_total = instructions([floor, sample])
        if floor_total:
            counted["floor"] = floor_total / sample_size
        for name, fmt, detail in [("csv", "csv", False), ("jsonl", "jsonl", False), ("json", "json", False), ("jsonl --detail", "jsonl", True)]:
            per = per_file(score(fmt, 1, f"sample.{fmt}", detail), sample, sample_size, one_file)
            if per:
                counted[name] = per
        for name, value in counted.items():
            print(f"  instructions: {name:16} {value:12,.0f} per file", file=sys.stderr)

    small = os.path.join(work, "small.list")
    small_size = min(1000, len(files))
    with open(small, "w") as handle:
        handle.write("\n".join(files[:small_size]) + "\n")
    _, small_rss, _ = run([args.activator, "score", "-", "--format", "csv", "-j", str(jobs), "-q", "--out", os.path.join(work, "small.csv")], small)

    identical = digest(os.path.join(work, "one.csv")) == digest(os.path.join(work, "all.csv"))
    identical_jsonl = digest(os.path.join(work, "one.jsonl")) == digest(os.path.join(work, "all.jsonl"))
    jsonl_bytes = os.path.getsize(os.path.join(work, "one.jsonl"))
    rate = {name: len(files) / seconds for name, (seconds, _) in best.items()}
    one = rate["activator -j1"]
    one_jsonl = rate["activator jsonl -j1"]
    many = rate[f"activator -j{jobs}"]
    peak_rss = max(best["activator -j1"][1], best[f"activator -j{jobs}"][1])
    lines = [
        f"# Batch scoring benchmark: {len(files):,} files",
        "",
        f"Machine: {machine()}.",
        f"Corpus: {len(files):,} answers files to survey {version or '1.0.0'}, {total_bytes / len(files) / 1024:.1f} KB on average (seed {args.seed}, about 1% broken).",
        f"JSONL (`--format jsonl`, every result in full, the first five recommendations): {jsonl_bytes / len(files) / 1024:.1f} KB a city.",
        f"Best of {args.runs} runs (the Python baseline: one run); wall clock, including start-up.",
        "",
        "| contender | files/s | seconds | peak RSS |",
        "|---|---:|---:|---:|",
    ]
    for name, (seconds, rss) in best.items():
        lines.append(f"| {name} | {rate[name]:,.0f} | {seconds:.2f} | {rss / 1024:.1f} MB |")
    lines += [
        "",
        "| target | measured | met |",
        "|---|---:|:---:|",
        f"| 1 job ≥ 0.5 × parse-only floor | {one / rate['floor']:.2f} × | {'yes' if one >= 0.5 * rate['floor'] else 'no'} |",
    ]
    lines.append(f"| JSONL, 1 job ≥ 0.3 × parse-only floor | {one_jsonl / rate['floor']:.2f} × | {'yes' if one_jsonl >= 0.3 * rate['floor'] else 'no'} |")
    if "floor" in counted:
        for name, label in [("csv", "CSV"), ("jsonl", "JSONL"), ("json", "JSON"), ("jsonl --detail", "JSONL --detail")]:
            if name in counted:
                lines.append(f"| (instructions per file, {sample_size:,} files, callgrind, start-up subtracted: floor {counted['floor']:,.0f}, {label} {counted[name]:,.0f}) | {counted['floor'] / counted[name]:.2f} × | |")
    if "python" in rate:
        lines.append(f"| 1 job ≥ 10 × Python + PyYAML (C loader) | {one / rate['python']:.1f} × | {'yes' if one >= 10 * rate['python'] else 'no'} |")
    lines += [
        f"| {jobs} jobs ≥ 1.8 × 1 job | {many / one:.2f} × | {'yes' if many >= 1.8 * one else 'no'} |",
        f"| (the machine's ceiling: {jobs} floors in parallel vs one) | {rate[f'floor x{jobs} in parallel'] / rate['floor']:.2f} × | |",
        f"| peak RSS ≤ 100 MB | {peak_rss / 1024:.1f} MB | {'yes' if peak_rss <= 100 * 1024 else 'no'} |",
        f"| (peak RSS on the first {small_size:,} files) | {small_rss / 1024:.1f} MB | |",
        f"| output identical for -j1 and -j{jobs} (CSV) | {'identical' if identical else 'DIFFERENT'} | {'yes' if identical else 'no'} |",
        f"| output identical for -j1 and -j{jobs} (JSONL) | {'identical' if identical_jsonl else 'DIFFERENT'} | {'yes' if identical_jsonl else 'no'} |",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    with open(os.path.join(results, f"batch-{len(files)}{suffix if version != '1.0.0' else ''}.md"), "w") as handle:
        handle.write(report)


if __name__ == "__main__":
    main()
