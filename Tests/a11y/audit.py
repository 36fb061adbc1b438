"""Runs axe-core in headless Chromium on HTML pages and checks reflow at 320 CSS pixels.

Called by Tests/a11y/audit; prints every violation with the elements it concerns and exits 1
when there is any, 2 when a page cannot be opened.
"""

import argparse
import pathlib
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

# Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA, and axe's best practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
# Experimental rules that check what a report is made of: tables, captions, headings.
EXPERIMENTAL = ["td-has-header", "table-fake-caption", "p-as-heading", "label-content-name-mismatch"]
# WCAG 1.4.10 (reflow): content fits 320 CSS pixels without scrolling in two directions.
NARROW = 320


def audit(page, axe, path):
    """Returns the violations on one page as printable lines, and how many there are."""
    page.set_viewport_size({"width": 1100, "height": 900})
    page.goto(path.resolve().as_uri())
    options = {
        "runOnly": {"type": "tag", "values": TAGS},
        "rules": {rule: {"enabled": True} for rule in EXPERIMENTAL},
        "resultTypes": ["violations"],
    }
    results = axe.run(page, options=options).response
    lines = []
    count = 0
    for violation in results["violations"]:
        count += len(violation["nodes"])
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']} [{len(violation['nodes'])}]")
        for node in violation["nodes"][:8]:
            target = " ".join(str(part) for part in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {target}: {summary[:300]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more")
    page.set_viewport_size({"width": NARROW, "height": 640})
    overflow = page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )
    if overflow > 0:
        count += 1
        # The outermost elements that reach past the right edge: the ones to fix.
        wide = page.evaluate(
            """() => {
                 const edge = document.documentElement.clientWidth + 0.5;
                 const past = e => e.getBoundingClientRect().right > edge;
                 return [...document.querySelectorAll('body *')]
                   .filter(e => past(e) && !(e.parentElement && past(e.parentElement)))
                   .slice(0, 5)
                   .map(e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : ''));
               }"""
        )
        lines.append(f"  reflow: the page scrolls sideways by {overflow}px at {NARROW} CSS px wide: {', '.join(wide)}")
    return lines, count, results["testEngine"]["version"]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--browser", required=True, help="path of Debian's chromium")
    parser.add_argument("pages", nargs="+", type=pathlib.Path)
    arguments = parser.parse_args()
    missing = [str(path) for path in arguments.pages if not path.is_file()]
    if missing:
        print("a11y audit: no such page: " + ", ".join(missing), file=sys.stderr)
        return 2
    total = 0
    version = "?"
    axe = Axe()
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=arguments.browser, args=["--no-sandbox"])
        except Exception as error:  # noqa: BLE001 - any launch failure means the audit cannot run
            print(f"a11y audit: cannot start {arguments.browser}: {error}", file=sys.stderr)
            return 2
        page = browser.new_page()
        for path in arguments.pages:
            lines, count, version = audit(page, axe, path)
            total += count
            print(f"{path.name}: {count} violation(s)")
            for line in lines:
                print(line)
        browser.close()
    print(f"a11y audit: {len(arguments.pages)} pages, {total} violations (axe-core {version}, {', '.join(TAGS)}, reflow at {NARROW} px)")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
