#!/usr/bin/env python3
"""Writes the hostile answers files of this folder (run from anywhere; the output is committed).

Each file is a returned answers file gone wrong in one way. `expected.txt` says what Activator
must answer for each; Tests/ActivatorCLITests/HostileInputTests.swift checks it, and generates
the inputs that cannot be committed (a 50 MB line, a FIFO, a directory, an unreadable file,
symbolic-link loops). The good answers are Kestrel Bay's (Examples/kestrel-bay.yaml).
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
GOOD = open(os.path.join(HERE, "..", "..", "..", "Examples", "kestrel-bay.yaml"), encoding="utf-8").read()
HEAD = "survey: wego-activator\nsurvey_version: 1.0.0\nlanguage: en\ncity: {name: Hostile Bay}\n"


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as handle:
        handle.write(data if isinstance(data, bytes) else data.encode("utf-8"))


# Billion laughs: nine levels of ten aliases each would expand to 10^9 strings.
bomb = HEAD + 'notes:\n  gov_strategy: &a0 "lol"\n'
lines = ['x-l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
for level in range(1, 10):
    lines.append(f"x-l{level}: &l{level} [" + ",".join([f"*l{level - 1}"] * 10) + "]")
write("alias-bomb.yaml", HEAD + "\n".join(lines) + "\nanswers: {gov_strategy: none}\n")
write("deep-nesting.yaml", HEAD + "answers:\n  gov_strategy: " + "[" * 10000 + "]" * 10000 + "\n")
write("deep-mapping.yaml", HEAD + "notes:\n  gov_strategy: " + "{a: " * 10000 + "b" + "}" * 10000 + "\n")
write("invalid-utf8.yaml", HEAD.replace("Hostile Bay", "Hostile \xc3\x28Bay").encode("latin-1") + b"answers: {gov_strategy: none}\n")
write("utf16-bom.yaml", GOOD.encode("utf-16"))  # with a byte-order mark, as some Windows editors save
write("nul-byte.yaml", (HEAD + "answers:\n  gov_strategy: none\n  gov_cdo_unit: it_dept_only\x00\n").encode())
write("binary-junk.yaml", bytes((i * 97 + 13) % 256 for i in range(4096)))
write("zip-archive.yaml", b"PK\x03\x04" + bytes(200))
write("crlf.yaml", GOOD.replace("\n", "\r\n"))
write("tab-indent.yaml", HEAD + "answers:\n\tgov_strategy: none\n")
write("duplicate-keys.yaml", HEAD + "answers:\n  gov_strategy: none\n  gov_cdo_unit: it_dept_only\n  gov_strategy: adopted_budget\n")
write("duplicate-top-level.yaml", HEAD + "answers: {gov_strategy: none}\nsurvey: other-survey\n")
write("python-tag.yaml", HEAD + "answers:\n  gov_strategy: !!python/object/apply:os.system ['rm -rf /']\n")
write("custom-tag.yaml", HEAD + "answers:\n  gov_online_services: !percent 40\n")
write("anchor-as-key.yaml", HEAD + "answers:\n  &k gov_strategy : none\n  *k : adopted_budget\n")
write("complex-key.yaml", HEAD + "answers:\n  ? [gov_strategy]\n  : none\n")
write("number-1e999.yaml", HEAD + "answers:\n  gov_online_services: 1e999\n")
write("number-nan.yaml", HEAD + "answers:\n  gov_online_services: .nan\n")
write("number-infinity.yaml", HEAD + "answers:\n  gov_open_data_datasets: -.inf\n")
write("number-negative-zero.yaml", HEAD + "answers:\n  gov_online_services: -0\n")
write("number-huge-integer.yaml", HEAD + "answers:\n  gov_open_data_datasets: 123456789012345678901234567890\n")
write("number-hex.yaml", HEAD + "answers:\n  gov_open_data_datasets: 0x1F\n")
write("empty.yaml", b"")
write("whitespace-only.yaml", "  \n\n   \n")
write("comments-only.yaml", "# nothing but a comment\n")
write("not-a-mapping.yaml", "- survey\n- wego-activator\n")
write("multiple-documents.yaml", HEAD + "answers: {gov_strategy: none}\n---\n" + HEAD + "answers: {gov_strategy: adopted_budget}\n")
write("long-scalar.yaml", HEAD + "notes:\n  gov_strategy: \"" + "x" * (100 * 1024) + "\"\nanswers: {gov_strategy: none}\n")
write("unterminated-quote.yaml", HEAD + "answers:\n  gov_strategy: \"none\n  gov_cdo_unit: it_dept_only\n")
write("bom-utf8.yaml", "\ufeff" + GOOD)
write("latin1.yaml", GOOD.replace("Aroha Whitcombe", "Aroha Pérez").encode("latin-1"))
write("utf16-no-bom.yaml", GOOD.encode("utf-16-le"))
write("rule-plugin.yaml", "plugin: stray\nversion: 1.0.0\ncriteria: []\n")
# One 250 KB line: a flow mapping of 24,000 unknown keys. Every diagnostic quotes that line, so
# quoting must be windowed and the diagnostics of one file capped, or validation turns quadratic.
write("long-flow-line.yaml", HEAD + "answers: {" + ", ".join(f"q{i}: 1" for i in range(24000)) + "}\n")
# Terminal escapes in what the file says (a city name that sets the window title, clears the
# screen and recolours; a C1 CSI; a bidirectional override) and in a key that a message quotes:
# every output shows them as \u{1B} and the like, never acts on them.
write("terminal-escapes.yaml", GOOD.replace("name: Kestrel Bay", "name: \"\\e]0;PWNED\\a\\e[2J\\e[31mEVIL\\u009B31m\\u202Eyab lertseK\""))
write("terminal-escapes-in-key.yaml", HEAD + "answers:\n  \"\\e[2Jgov_strategy\\u009B\": none\n")
# Line breaks only YAML sees: a NEL (a Windows-1252 '…' read as Latin-1) ends a comment early;
# an LS inside a value. Positions are the lines an editor shows.
write("next-line-in-comment.yaml", HEAD + "# cities\u0085and more\nanswers: {gov_strategy: none}\n")
write("line-separator-in-value.yaml", HEAD.replace("Hostile Bay", "Hostile\u2028Bay") + "answers: {gov_strategy: none}\n")
# Cells a spreadsheet would run as formulas, full-width and space-led forms included.
write("csv-formulas.yaml", GOOD.replace("name: Kestrel Bay", "name: \" =HYPERLINK(\\\"http://x\\\")\"").replace("country: New Zealand", "country: \"\uff1d1+1\""))
# An output of Activator left in a folder of answers: skipped with a note, not a failure.
write("activator-results.json", '[\n  {\n    "file": "x.yaml",\n    "city": {"name": "X"},\n    "survey": {"id": "wego-activator", "version": "1.0.0", "answered_version": "1.0.0"},\n    "overall_stage": 2\n  }\n]\n')
