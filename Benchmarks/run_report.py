#!/usr/bin/env python3
"""Report benchmark: the cohort report's time over N cities (target: 1,000 in < 2 s), and the
printed length of every example city's report (the summary must be one page on A4 and Letter).

    python3 Benchmarks/run_report.py                 # 1,000 cities, best of 5; then page counts
    python3 Benchmarks/run_report.py --count 5000 --runs 3
    python3 Benchmarks/run_report.py --pages-only    # page counts only (any build: --activator)
    python3 Benchmarks/run_report.py --pictures      # only the summary pictures per language

Times the whole command (loading the survey and rules, scoring every file on all cores, building
the cohort and writing the HTML and Markdown), best of --runs, with peak RSS. The corpus comes
from generate_corpus.py (seeded; about 1% broken files, which the report lists). Results go to
stdout and Benchmarks/results/report-cohort-<count>.md.

Page counts: each answers file of Examples/ is reported in HTML for A4 and for Letter, printed to
PDF by headless Chromium (Debian's `chromium`) and counted by poppler's `pdfinfo`: the summary page
alone (`report --summary`), the full report, and the progress report's summary. Exits 1 when a
summary takes more than one page or a city's full report more than FULL_REPORT_PAGES (issue 16:
a sensible length, summary included). Results go to stdout and Benchmarks/results/report-pages.md.

Pictures (--pictures): Kestrel Bay's one-page summary in each language other than English (the
English one is docs/screenshots/render.sh's city-summary.png), as printed on A4, into
docs/screenshots/city-summary-<lang>.png, and each of them printed on A4 and Letter must be one page
(longer French and Portuguese labels must not push it onto a second). Korean needs a font with
Hangul (Debian: apt-get install fonts-noto-cjk); without one Chromium draws empty boxes.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

from run_batch import HERE, machine, run


ROOT = os.path.dirname(HERE)
PAPERS = ("a4", "letter")
# The longest a city's full report may print, its summary page included, on either paper.
FULL_REPORT_PAGES = 16


def printed_pages(activator, arguments, paper, work, name):
    """Pages of `activator report ARGUMENTS --paper PAPER --html` printed by headless Chromium."""
    html = os.path.join(work, f"{name}-{paper}.html")
    pdf = os.path.join(work, f"{name}-{paper}.pdf")
    # Reports say the date they were written; a fixed one keeps the pages comparable across runs.
    environment = dict(os.environ, SOURCE_DATE_EPOCH="1790000000")
    made = subprocess.run([activator, "report"] + arguments + ["--paper", paper, "--html", html, "--quiet", "--force"],
                          cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if not os.path.isfile(html):
        sys.exit(f"activator report {' '.join(arguments)} wrote no HTML (status {made.returncode}): {made.stderr.strip()}")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", "file://" + html], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    info = subprocess.run(["pdfinfo", pdf], stdout=subprocess.PIPE, text=True, check=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    if not found:
        sys.exit(f"pdfinfo could not count the pages of {pdf}")
    return int(found.group(1))


def page_counts(activator):
    """Prints and records the printed length of each example city's reports; False when a summary
    is longer than one page or a city's full report longer than FULL_REPORT_PAGES."""
    for tool in ("chromium", "pdfinfo"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed (apt-get install chromium poppler-utils)")
    cities = sorted(glob.glob(os.path.join(ROOT, "Examples", "*.yaml")))
    rows = []
    fits = True
    with tempfile.TemporaryDirectory(prefix="activator-pages-") as work:
        for path in cities:
            name = os.path.splitext(os.path.basename(path))[0]
            relative = os.path.relpath(path, ROOT)
            counts = {}
            for paper in PAPERS:
                counts[("summary", paper)] = printed_pages(activator, [relative, "--summary"], paper, work, name + "-summary")
                counts[("full", paper)] = printed_pages(activator, [relative], paper, work, name)
            fits = fits and all(counts[("summary", paper)] == 1 for paper in PAPERS)
            fits = fits and all(counts[("full", paper)] <= FULL_REPORT_PAGES for paper in PAPERS)
            rows.append((name, counts))
        # The progress report's summary: the first and the last example, as the golden test does.
        if len(cities) >= 2:
            first, last = (os.path.relpath(cities[0], ROOT), os.path.relpath(cities[-1], ROOT))
            counts = {}
            for paper in PAPERS:
                counts[("summary", paper)] = printed_pages(activator, ["--compare", first, last, "--summary"], paper, work, "compare-summary")
                counts[("full", paper)] = printed_pages(activator, ["--compare", first, last], paper, work, "compare")
            fits = fits and all(counts[("summary", paper)] == 1 for paper in PAPERS)
            rows.append(("progress: " + os.path.basename(first) + " → " + os.path.basename(last), counts))
    version = subprocess.run(["chromium", "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    lines = [
        "# Printed length of the example reports",
        "",
        f"Printed by {version} (headless, no header or footer) from `activator report --paper a4|letter --html`;",
        "pages counted by `pdfinfo`. The summary is the first page of the full report and also written alone",
        f"(`--summary`); it must be one page on both papers, and a city's full report {FULL_REPORT_PAGES} pages at most.",
        "",
        "| Report | Summary A4 | Summary Letter | Full A4 | Full Letter |",
        "|---|--:|--:|--:|--:|",
    ]
    for name, counts in rows:
        lines.append(f"| {name} | {counts[('summary', 'a4')]} | {counts[('summary', 'letter')]} | {counts[('full', 'a4')]} | {counts[('full', 'letter')]} |")
    lines += ["", f"Every summary fits one page and every city's full report {FULL_REPORT_PAGES}: " + ("yes" if fits else "**NO**")]
    text = "\n".join(lines) + "\n"
    print(text)
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "report-pages.md"), "w") as handle:
        handle.write(text)
    return fits


PICTURE_LANGUAGES = ("es", "fr", "pt-br", "ko")


def pictures(activator):
    """Renders Kestrel Bay's summary in each of PICTURE_LANGUAGES into docs/screenshots/; False when
    one takes more than one printed page."""
    for tool in ("chromium", "pdfinfo"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed (apt-get install chromium poppler-utils)")
    fonts = subprocess.run(["fc-list", ":lang=ko", "family"], stdout=subprocess.PIPE, text=True).stdout
    if not fonts.strip():
        sys.exit("no font with Hangul is installed, so the Korean picture would show empty boxes (apt-get install fonts-noto-cjk)")
    environment = dict(os.environ, SOURCE_DATE_EPOCH="1790000000")
    fits = True
    with tempfile.TemporaryDirectory(prefix="activator-pictures-") as work:
        for language in PICTURE_LANGUAGES:
            arguments = ["Examples/kestrel-bay.yaml", "--summary", "--lang", language]
            html = os.path.join(work, f"summary-{language}.html")
            subprocess.run([activator, "report"] + arguments + ["--paper", "a4", "--html", html, "--quiet", "--force"],
                           cwd=ROOT, env=environment, check=True)
            picture = os.path.join(ROOT, "docs", "screenshots", f"city-summary-{language}.png")
            # A4 at 96 dpi is 794 px wide; the screen's margins are wider than the printed page's,
            # so the window is a little taller than A4's 1123 px to show the whole summary.
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            "--window-size=794,1200", "--force-device-scale-factor=1", f"--screenshot={picture}",
                            "file://" + html], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            counts = [printed_pages(activator, arguments, paper, work, f"summary-{language}") for paper in PAPERS]
            print(f"{language}: {os.path.relpath(picture, ROOT)}; printed pages A4 {counts[0]}, Letter {counts[1]}")
            fits = fits and counts == [1, 1]
    return fits


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages-only", action="store_true", help="only the printed page counts of the example reports")
    parser.add_argument("--pictures", action="store_true",
                        help="only the summary pictures per language (docs/screenshots/city-summary-<lang>.png) and their page counts")
    parser.add_argument("--activator", default=os.path.join(os.path.dirname(HERE), ".build", "release", "activator"))
    args = parser.parse_args()
    args.activator = os.path.abspath(args.activator)
    if args.pictures:
        if not pictures(args.activator):
            sys.exit("a summary in one of the languages does not fit one printed page")
        return
    if not args.pages_only:
        cohort_timing(args)
    if not page_counts(args.activator):
        sys.exit(f"a summary does not fit one printed page, or a city's full report is over {FULL_REPORT_PAGES} pages")


def cohort_timing(args):
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
