#!/usr/bin/env python3
"""Writes a reproducible corpus of answers files for the batch benchmarks.

Each city gets a maturity profile (a level per pillar); answers are drawn around it, with
"don't know" and "not applicable" where the survey allows them, skip logic respected, notes on
some questions, questions that do not apply to the city left out (as the questionnaire does), choices offered
from what was ticked (`options_from`), evidence for a few figures where the survey has a data year,
and a share of broken files (syntax errors, wrong types, unknown question ids,
another survey version, binary junk) so that the error paths are measured too.

    python3 Benchmarks/generate_corpus.py --count 100000 --seed 7 --out Benchmarks/corpus
    python3 Benchmarks/generate_corpus.py --survey Surveys/wego-activator.yaml ...   # survey 2.0.0

The default is survey 1.0.0, so that instruction counts stay comparable across versions.
"""
import argparse
import os
import random
import re
import sys

import yaml

REGIONS = ["Asia & Pacific", "Europe", "Latin America", "Africa", "Middle East", "North America", "Eurasia"]
COUNTRIES = ["Chile", "Kenya", "Spain", "Korea", "Mexico", "India", "Canada", "Ghana", "Peru", "Turkey", "Vietnam", "Jordan"]
# Questions where less is better (times, losses, incidents): mature cities answer low.
LOWER_IS_BETTER = ["days", "downtime", "response", "crime", "deaths", "non_revenue", "unemployment"]
SYLLABLES = ["san", "ta", "lu", "mo", "ra", "vel", "kes", "tri", "bay", "or", "an", "pe", "dro", "ma", "ri", "na", "gu"]


def load_survey(path):
    with open(path, encoding="utf-8") as handle:
        survey = yaml.load(handle, Loader=yaml.CSafeLoader)
    questions = []
    for section in survey["sections"]:
        for question in section["questions"]:
            question = dict(question)
            question.setdefault("pillar", section.get("pillar"))
            question.setdefault("allow", survey.get("defaults", {}).get("allow", ["dont_know"]))
            questions.append(question)
    return survey, questions


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def city_name(rng):
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    return name.capitalize() + rng.choice(["", " Bay", " Falls", " del Mar", " Heights", " Nueva"])


def answer(question, level, rng):
    """An answer near the city's level for this pillar (1..5)."""
    kind = question["type"]
    allow = question.get("allow") or []
    roll = rng.random()
    if "dont_know" in allow and roll < 0.07:
        return "dont_know"
    if "not_applicable" in allow and roll > 0.975:
        return "not_applicable"
    jitter = max(1, min(5, level + rng.choice([-1, 0, 0, 0, 1])))
    if kind == "yes_no":
        return "yes" if rng.random() < 0.15 + 0.17 * jitter else "no"
    if kind == "choice":
        options = question["options"]
        if all("level" in option for option in options):
            candidates = [o for o in options if o["level"] == jitter] or options
            return rng.choice(candidates)["value"]
        return rng.choice(options)["value"]
    if kind == "multi":
        options = [o for o in question["options"] if not o.get("exclusive")]
        exclusive = [o for o in question["options"] if o.get("exclusive")]
        if exclusive and rng.random() < 0.1:
            return "[" + exclusive[0]["value"] + "]"
        chosen = rng.sample(options, k=max(question.get("min_choices", 1) or 1, min(len(options), rng.randint(1, 4))))
        return "[" + ", ".join(o["value"] for o in chosen) + "]"
    if kind in ("integer", "decimal", "percent"):
        low = question.get("min", 0)
        high = question.get("max", 100 if kind == "percent" else 1000)
        share = min(1.0, max(0.0, (jitter - 1) / 4 + rng.uniform(-0.12, 0.12)))
        if any(word in question["id"] for word in LOWER_IS_BETTER):
            share = 1.0 - share
        # Counts grow fast with maturity; shares roughly linearly.
        value = low + (high - low) * (share ** (3 if kind == "integer" and high > 1000 else 1.3))
        if kind == "integer":
            return str(int(round(value)))
        return f"{value:.1f}"
    if kind == "text":
        return quote(rng.choice(["Adopted in 2023.", "Pilot only.", "Partly, see the annual report.", "n/a"]))
    if kind == "year":
        return str(rng.choice([2022, 2023, 2024, 2024, 2025, 2025, 2025]))
    return "2025-01-01"


def ticked_choice(question, answers, rng):
    """A choice offered from what was ticked in an earlier multi question (`options_from`)."""
    ticked = parsed(answers.get(question["options_from"]))
    if not isinstance(ticked, list) or not ticked:
        return "dont_know" if "dont_know" in (question.get("allow") or []) else None
    return rng.choice(ticked)


class Unknown(Exception):
    pass


def parsed(text):
    """An answer as written back into a value: a list for `[a, b]`, a number, or the text."""
    if text is None or text in ("dont_know", "not_applicable"):
        return None
    if text.startswith("["):
        return [item.strip() for item in text[1:-1].split(",") if item.strip()]
    try:
        return float(text)
    except ValueError:
        return text


def holds(condition, answers, questions_by_id):
    """The survey's conditions, for the forms its surveys use: ids of yes/no answers, `'x' in
    multi`, `level(choice) >= n`, numeric comparisons, `&&`, `||`, `!` and parentheses. Unknown
    answers follow the engine's logic (`unknown && false` is false): the condition holds when it
    is true or unknown, that is when some value of the unknown answers would make it true."""
    text = re.sub(r"level\((\w+)\)", r"level_of('\1')", condition)
    text = re.sub(r"(?<!['\w])([a-z][a-z0-9_]*)(?!['\w(])",
                  lambda m: m.group(1) if m.group(1) == "in" else f"value('{m.group(1)}')", text)
    text = re.sub(r"!(?!=)", " not ", text.replace("&&", " and ").replace("||", " or "))

    def evaluate(assumed):
        def value(name):
            if name in assumed:
                return assumed[name]
            answer = parsed(answers.get(name))
            if answer is None:
                raise Unknown(name)
            return answer == "yes" if answer in ("yes", "no") else answer

        def level_of(name):
            answer = value(name)
            return next(o["level"] for o in questions_by_id[name]["options"] if o["value"] == answer)

        return bool(eval(text, {"value": value, "level_of": level_of}))

    pending = [{}]
    while pending:
        assumed = pending.pop()
        try:
            if evaluate(assumed):
                return True
        except Unknown as unknown:
            name = unknown.args[0]
            pending.extend({**assumed, name: candidate} for candidate in candidates(questions_by_id[name]))
    return False


def candidates(question):
    """Values an unknown answer could have had, enough to decide the survey's conditions."""
    kind = question["type"]
    if kind == "yes_no":
        return [True, False]
    if kind == "choice":
        return [option["value"] for option in question.get("options", [])]
    if kind == "multi":
        return [[], [option["value"] for option in question["options"] if not option.get("exclusive")]]
    return [0.0, 1e12]


def asked(question, answers, questions_by_id):
    """Whether the questionnaire asks the question: its skip logic (`relevant`) holds."""
    condition = question.get("relevant")
    return not condition or holds(condition, answers, questions_by_id)


def applies(question, answers, questions_by_id):
    """Whether the question applies to the city (`applicable`); if not, it is not asked, and the
    file leaves it out (the engine reads it as not applicable)."""
    condition = question.get("applicable")
    return not condition or holds(condition, answers, questions_by_id)


def city_file(index, survey, questions, pillars, rng):
    profile = {pillar: rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5]) for pillar in pillars}
    base = rng.choice([-1, 0, 0, 1])
    profile = {p: max(1, min(5, level + base)) for p, level in profile.items()}
    language = rng.choice(["en", "es"])
    answers = {}
    lines = [
        f"survey: {survey['survey']}",
        f"survey_version: {survey['version']}",
        f"language: {language}",
        "city:",
        f"  name: {quote(city_name(rng))}",
        f"  country: {rng.choice(COUNTRIES)}",
        f"  region: {rng.choice(REGIONS)}",
        "respondent:",
        f"  name: {quote('Official ' + str(index))}",
        "  role: Digital office",
        f"started: 2026-{rng.randint(1, 9):02d}-{rng.randint(1, 28):02d}T09:00:00Z",
        f"completed: 2026-10-{rng.randint(1, 28):02d}T17:00:00Z",
        "answers:",
    ]
    questions_by_id = {question["id"]: question for question in questions}
    for question in questions:
        if not asked(question, answers, questions_by_id):
            continue
        if not applies(question, answers, questions_by_id):
            continue
        if "options_from" in question:
            value = ticked_choice(question, answers, rng)
            if value is None:
                continue
        else:
            value = answer(question, profile.get(question["pillar"], 3), rng)
        answers[question["id"]] = value
        lines.append(f"  {question['id']}: {value}")
    targets = [p for p in pillars if rng.random() < 0.4]
    if targets:
        lines.append("targets:")
        for pillar in targets:
            lines.append(f"  {pillar}: {min(5, profile[pillar] + rng.randint(0, 2))}")
    if rng.random() < 0.3:
        lines.append("notes:")
        lines.append(f"  {questions[0]['id']}: {quote('Council decision expected next year.')}")
    if survey.get("data_year") and rng.random() < 0.3:
        # Evidence for a few figures, some older than the survey's data age limit.
        lines.append("evidence:")
        figures = [q for q in questions if q["type"] in ("integer", "decimal", "percent") and isinstance(parsed(answers.get(q["id"])), float)]
        for question in rng.sample(figures, min(3, len(figures))):
            lines.append(f"  {question['id']}: {{source: {quote('Annual report')}, year: {rng.randint(2018, 2025)}}}")
    return "\n".join(lines) + "\n"


def broken_file(kind, good, rng):
    if kind == "syntax":
        return good.replace("answers:\n", "answers:\n  [unclosed: \n", 1)
    if kind == "type":
        return good.replace("gov_online_services: ", "gov_online_services: lots of ", 1)
    if kind == "unknown":
        return good.replace("gov_strategy:", "gov_stratgy:", 1)
    if kind == "version":
        return re.sub(r"survey_version: \S+", "survey_version: 9.0.0", good, count=1)
    return "".join(chr(rng.randint(0, 255)) for _ in range(600)).encode("latin-1", "replace").decode("latin-1")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--broken", type=float, default=0.01, help="share of broken files")
    parser.add_argument("--survey", default=os.path.join(os.path.dirname(__file__), "..", "Surveys", "wego-activator-1.0.0.yaml"))
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "corpus"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    survey, questions = load_survey(args.survey)
    pillars = [p["id"] for p in survey["pillars"]]
    os.makedirs(args.out, exist_ok=True)
    kinds = ["syntax", "type", "unknown", "version", "binary"]
    broken = 0
    for index in range(args.count):
        # Folders of 1,000 files, as a regional office would keep them.
        folder = os.path.join(args.out, f"batch-{index // 1000:03d}")
        if index % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        text = city_file(index, survey, questions, pillars, rng)
        if rng.random() < args.broken:
            text = broken_file(kinds[broken % len(kinds)], text, rng)
            broken += 1
        mode = "wb"
        with open(os.path.join(folder, f"city-{index:06d}.yaml"), mode) as handle:
            handle.write(text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text)
    print(f"wrote {args.count} files ({broken} broken) to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
