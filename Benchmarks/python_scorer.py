#!/usr/bin/env python3
"""A plain Python implementation of `activator score --format csv`, as a performance baseline.

Activator's throughput is compared against "a plain Python implementation of the same scoring
with PyYAML's C loader". This is that implementation: the rules are translated, not simplified.
It loads Surveys/ and Rules/ once (survey, wego-core criteria, ladders, metrics, next steps and
catalog), translates every rule expression (a CEL subset, docs/rules.md) once into a Python
function, then for each answers file:

  * reads it with PyYAML's C loader (yaml.CSafeLoader) and checks it the way AnswersLoader does
    (survey id and version, answer types, options, bounds, missing-data codes, targets, notes);
    a file that fails is reported on stderr as "path: error" and skipped;
  * applies skip logic in question order, evaluates every criterion with CEL's three-valued logic
    (unknowns remember why: unanswered, dont_know, not_applicable, skipped), derives outcomes,
    pillar stages, scores and coverage, the overall stage, metrics, recommendations and next
    steps exactly as Sources/ActivatorCore/Engine/Scorer.swift does;
  * writes the same CSV row as Sources/ActivatorReports/BatchFormat.swift.

For every well-formed answers file the rows equal Activator's. Known limits,
all on malformed or unusual files: PyYAML resolves YAML 1.1 scalars itself, so the original
spelling of `on`/`off`, octal, sexagesimal or underscored numbers and of unquoted numbers and
booleans used as text is lost; duplicate keys are not reported (the last one wins); the reading
limits (nesting, aliases, value counts) and the evaluation step limit are not enforced.

    find corpus -name '*.yaml' | sort > files.txt
    python3 Benchmarks/python_scorer.py files.txt > scores.csv     # or '-' to read the list from stdin
"""
import datetime
import hashlib
import math
import operator
import os
import re
import sys

import yaml

# --------------------------------------------------------------------------------------------
# Values of the rule language: bool, int, float, str (texts and options), list, None (null), and
# two special values: Unknown (with the reasons it waited on) and EvalError.

UNANSWERED, DONT_KNOW, NOT_APPLICABLE, NOT_RELEVANT, UNAVAILABLE = 1, 2, 4, 8, 16


class Special:
    __slots__ = ()


class Unknown(Special):
    __slots__ = ("why",)

    def __init__(self, why):
        self.why = why


class EvalError(Special):
    __slots__ = ("message",)

    def __init__(self, message):
        self.message = message


UNKNOWN = [Unknown(bits) for bits in range(32)]
INT_MIN, INT_MAX = -(2**63), 2**63 - 1


def merge(a, b):
    """Errors win over unknowns; unknowns combine their reasons; None when both are values."""
    if isinstance(a, EvalError):
        return a
    if isinstance(b, EvalError):
        return b
    if isinstance(a, Unknown):
        return UNKNOWN[a.why | b.why] if isinstance(b, Unknown) else a
    if isinstance(b, Unknown):
        return b
    return None


def promoted(value, promote):
    return float(value) if promote and type(value) is int else value


def json_number(x):
    return str(int(x)) if x == math.trunc(x) and abs(x) < 1e15 else repr(x)


def text(value):
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return json_number(value) if math.isfinite(value) else "null"
    if isinstance(value, list):
        return "[" + ", ".join(text(item) for item in value) + "]"
    return "null" if value is None else "unknown"


SWIFT_DOUBLE = re.compile(
    r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
    r"|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?|inf|infinity|nan)", re.I)

# Operators and functions the translated expressions call.


def AND(a, right):
    if a is False:
        return False
    b = right()
    if b is False:
        return False
    if a is True:
        return b
    if b is True:
        return a
    return merge(a, b) or a


def OR(a, right):
    if a is True:
        return True
    b = right()
    if b is True:
        return True
    if a is False:
        return b
    if b is False:
        return a
    return merge(a, b) or a


def NOT(a):
    return (not a) if a is True or a is False else a


def comparison(test):
    def run(a, b):
        if isinstance(a, Special) or isinstance(b, Special):
            return merge(a, b)
        return test(a, b)
    return run


EQ, NE, LT, LE, GT, GE = (comparison(f) for f in (operator.eq, operator.ne, operator.lt, operator.le, operator.gt, operator.ge))
IN = comparison(lambda needle, items: needle in items)


def whole(n, op):
    return n if INT_MIN <= n <= INT_MAX else EvalError(f"integer overflow in '{op}'")


def real(x, op):
    return x if math.isfinite(x) else EvalError(f"number out of range in '{op}'")


def ADD(a, b):
    if isinstance(a, Special) or isinstance(b, Special):
        return merge(a, b)
    if type(a) is int and type(b) is int:
        return whole(a + b, "+")
    if isinstance(a, (str, list)):
        return a + b  # texts and lists join
    return real(a + b, "+")


def SUB(a, b):
    if isinstance(a, Special) or isinstance(b, Special):
        return merge(a, b)
    return whole(a - b, "-") if type(a) is int and type(b) is int else real(a - b, "-")


def MUL(a, b):
    if isinstance(a, Special) or isinstance(b, Special):
        return merge(a, b)
    return whole(a * b, "*") if type(a) is int and type(b) is int else real(float(a) * b, "*")


def DIV(a, b):
    if isinstance(a, Special) or isinstance(b, Special):
        return merge(a, b)
    if b == 0:
        return EvalError("division by zero")
    if type(a) is int and type(b) is int:  # integer division truncates, as in CEL
        q = abs(a) // abs(b)
        return whole(q if (a < 0) == (b < 0) else -q, "/")
    return real(a / b, "/")


def MOD(a, b):
    if isinstance(a, Special) or isinstance(b, Special):
        return merge(a, b)
    if b == 0:
        return EvalError("remainder of a division by zero")
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def NEG(a):
    if type(a) is int:
        return whole(-a, "-")
    return -a if type(a) is float else a


def COND(c, then, otherwise, promote):
    if c is True:
        return promoted(then(), promote)
    if c is False:
        return promoted(otherwise(), promote)
    return c


def LIST(promote, *items):
    for item in items:
        if isinstance(item, Special):
            return item
    return [promoted(item, promote) for item in items]


def INDEX(items, i):
    failed = merge(items, i)
    if failed is not None:
        return failed
    if not 0 <= i < len(items):
        return EvalError(f"index {i} is out of range for a list of {len(items)} items")
    return items[i]


def SIZE(x):
    return len(x) if isinstance(x, (list, str)) else x


def VALUE_OR(value, fallback, promote):
    return promoted(fallback if isinstance(value, Unknown) else value, promote)


def ANSWERED(v):
    return not (isinstance(v, Unknown) and v.why & (UNANSWERED | NOT_RELEVANT))


def KNOWN(v):
    return not isinstance(v, Unknown)


def HAS_REASON(v, reason):
    return isinstance(v, Unknown) and bool(v.why & reason)


def LEVEL(v, levels):
    return levels[v] if type(v) is str else v


def INT(x):
    if type(x) is float:
        if not (math.isfinite(x) and -9.2e18 < x < 9.2e18):
            return EvalError(f"{x} does not fit a whole number")
        return int(x)
    if type(x) is str:
        return int(x) if re.fullmatch(r"[+-]?[0-9]+", x) else EvalError(f"'{x}' is not a whole number")
    return x


def DOUBLE(x):
    if type(x) is int:
        return float(x)
    if type(x) is str:
        if SWIFT_DOUBLE.fullmatch(x) and "x" not in x.lower() and math.isfinite(float(x)):
            return float(x)
        return EvalError(f"'{x}' is not a number")
    return x


def STRING(x):
    return x if isinstance(x, Special) else text(x)


def EXTREMUM(pick_max, promote, *values):
    best = None
    for value in values:
        if isinstance(value, Special):
            return value
        if best is None or (value > best if pick_max else value < best):
            best = value
    return promoted(best, promote)


def EXTREMUM_LIST(items, pick_max):
    if isinstance(items, Special):
        return items
    if not items:
        return EvalError(f"{'max' if pick_max else 'min'}() of an empty list")
    return max(items) if pick_max else min(items)


def TEXT_TEST(test, a, b):
    failed = merge(a, b)
    return failed if failed is not None else test(text(a), text(b))


def ALL(items, predicate):
    if isinstance(items, Special):
        return items
    pending = None
    for item in items:
        result = predicate(item)
        if result is False:
            return False
        if result is not True:
            pending = merge(pending or result, result) or result
    return True if pending is None else pending


def EXISTS(items, predicate):
    if isinstance(items, Special):
        return items
    pending = None
    for item in items:
        result = predicate(item)
        if result is True:
            return True
        if result is not False:
            pending = merge(pending or result, result) or result
    return False if pending is None else pending


def EXISTS_ONE(items, predicate):
    if isinstance(items, Special):
        return items
    pending, trues = None, 0
    for item in items:
        result = predicate(item)
        if result is True:
            trues += 1
        elif result is not False:
            pending = merge(pending or result, result) or result
    return trues == 1 if pending is None else pending


def FILTER(items, predicate):
    if isinstance(items, Special):
        return items
    kept = []
    for item in items:
        result = predicate(item)
        if result is True:
            kept.append(item)
        elif result is not False:
            return result
    return kept


def MAP(items, transform, predicate=None):
    if isinstance(items, Special):
        return items
    mapped = []
    for item in items:
        if predicate is not None:
            keep = predicate(item)
            if keep is False:
                continue
            if keep is not True:
                return keep
        result = transform(item)
        if isinstance(result, Special):
            return result
        mapped.append(result)
    return mapped


def OUTCOME(out, field, pillar):
    if out is None:
        return UNKNOWN[UNAVAILABLE]
    value = getattr(out, field)[pillar]
    return UNKNOWN[UNAVAILABLE] if value is None else value


def OVERALL(out):
    return UNKNOWN[UNAVAILABLE] if out is None or out.overall is None else out.overall


def MET(out, index):
    if out is None or index < 0 or out.criteria[index] is None:
        return UNKNOWN[UNAVAILABLE]
    return out.criteria[index]


HELPERS = {name: value for name, value in globals().items() if name.isupper() and callable(value)}
HELPERS.update(UNANSWERED=UNANSWERED, DONT_KNOW=DONT_KNOW, NOT_APPLICABLE=NOT_APPLICABLE, NOT_RELEVANT=NOT_RELEVANT)

# --------------------------------------------------------------------------------------------
# Expressions: tokenizer, recursive-descent parser (to tuples), translation to Python source.

TOKEN = re.compile(r"""
    (?P<space>[ \t\r\n]+|//[^\n]*)
  | (?P<number>0[xX][0-9a-fA-F]+[uU]?|(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[uU]?)
  | (?P<text>'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>&&|\|\||==|!=|<=|>=|[<>!+\-*/%?:()\[\],.])""", re.VERBOSE)
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", "'": "'", '"': '"', "`": "`", "?": "?"}


def unescape(body):
    out, i = [], 0
    while i < len(body):
        if body[i] == "\\":
            if body[i + 1] == "u":
                out.append(chr(int(body[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append(ESCAPES[body[i + 1]])
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def tokenize(source):
    tokens, position = [], 0
    while position < len(source):
        match = TOKEN.match(source, position)
        if not match:
            raise SyntaxError(f"unexpected character {source[position]!r} in {source!r}")
        position = match.end()
        kind, word = match.lastgroup, match.group()
        if kind == "number":
            word = word.rstrip("uU")
            if word[:2] in ("0x", "0X"):
                tokens.append(("lit", int(word, 16)))
            else:
                tokens.append(("lit", float(word) if any(c in word for c in ".eE") else int(word)))
        elif kind == "text":
            tokens.append(("lit", unescape(word[1:-1])))
        elif kind in ("name", "op"):
            tokens.append((kind, word))
    tokens.append(("end", None))
    return tokens


class Parser:
    """Expr = Or ['?' Or ':' Expr]; Or = And {'||' And}; ... as in docs/rules.md."""

    RELATIONS = {"==", "!=", "<", "<=", ">", ">="}

    def __init__(self, source):
        self.tokens, self.index = tokenize(source), 0

    def peek(self, value=None):
        kind, word = self.tokens[self.index]
        return (kind, word) if value is None else (kind in ("op", "name") and word == value)

    def take(self, value=None):
        token = self.tokens[self.index]
        if value is not None and token[1] != value:
            raise SyntaxError(f"expected {value!r}, found {token[1]!r}")
        self.index += 1
        return token

    def parse(self):
        tree = self.expression()
        if self.peek()[0] != "end":
            raise SyntaxError(f"unexpected {self.peek()[1]!r}")
        return tree

    def expression(self):
        condition = self.binary(0)
        if not self.peek("?"):
            return condition
        self.take("?")
        then = self.binary(0)
        self.take(":")
        return ("cond", condition, then, self.expression())

    LEVELS = [{"||"}, {"&&"}, RELATIONS | {"in"}, {"+", "-"}, {"*", "/", "%"}]

    def binary(self, level):
        if level == len(self.LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while self.peek()[0] in ("op", "name") and self.peek()[1] in self.LEVELS[level]:
            op = self.take()[1]
            left = ("bin", op, left, self.binary(level + 1))
        return left

    def unary(self):
        if self.peek("!") or self.peek("-"):
            op = self.take()[1]
            operand = self.unary()
            if op == "-" and operand[0] == "lit" and type(operand[1]) in (int, float):
                return ("lit", -operand[1])  # fold negative number literals
            return ("unary", op, operand)
        return self.member()

    def member(self):
        target = self.primary()
        while True:
            if self.peek("."):
                self.take(".")
                name = self.take()[1]
                self.take("(")
                target = ("call", name, target, self.arguments(")"))
            elif self.peek("["):
                self.take("[")
                target = ("index", target, self.expression())
                self.take("]")
            else:
                return target

    def arguments(self, closing):
        args = []
        while not self.peek(closing):
            args.append(self.expression())
            if not self.peek(closing):
                self.take(",")
        self.take(closing)
        return args

    def primary(self):
        kind, word = self.take()
        if kind == "lit":
            return ("lit", word)
        if kind == "name":
            if word in ("true", "false", "null"):
                return ("lit", {"true": True, "false": False, "null": None}[word])
            if self.peek("("):
                self.take("(")
                return ("call", word, None, self.arguments(")"))
            return ("name", word)
        if word == "(":
            inner = self.expression()
            self.take(")")
            return inner
        if word == "[":
            return ("list", self.arguments("]"))
        raise SyntaxError(f"unexpected {word!r}")


QUESTION_TYPES = {"yes_no": "bool", "choice": "choice", "multi": "list:choice", "integer": "int", "decimal": "double",
                  "percent": "double", "text": "string", "date": "string"}
NUMERIC, TEXTUAL = ("int", "double"), ("string", "choice")
STATE_TESTS = {"answered": "ANSWERED({})", "known": "KNOWN({})", "dont_know": "HAS_REASON({}, DONT_KNOW)",
               "not_applicable": "HAS_REASON({}, NOT_APPLICABLE)", "skipped": "HAS_REASON({}, NOT_RELEVANT)"}
TEXT_TESTS = {"contains": operator.contains, "startsWith": str.startswith, "endsWith": str.endswith}


def unify(a, b):
    if a == b or b == "any":
        return a
    if a == "any":
        return b
    if a in NUMERIC and b in NUMERIC:
        return "double"
    if a.startswith("list:") and b.startswith("list:"):
        return "list:" + unify(a[5:], b[5:])
    return "string" if a in TEXTUAL and b in TEXTUAL else a


class Translator:
    """Turns one checked expression into a Python function `f(V, OUT)`: V holds the answer values
    by question slot, OUT the scoring results (for metrics and next steps, else None). Static types
    are tracked only where CEL promotes ints to doubles (value_or, ?:, lists, min/max)."""

    def __init__(self, survey, criterion_ids=None):
        self.survey, self.criterion_ids = survey, criterion_ids or {}
        self.locals, self.constants = [], {}

    def compile(self, source):
        body, _ = self.gen(Parser(source).parse())
        return eval(compile(f"lambda V, OUT: {body}", "<rule>", "eval"), {**HELPERS, **self.constants})

    def constant(self, value):
        name = f"K{len(self.constants)}"
        self.constants[name] = value
        return name

    def slot(self, node):
        return self.survey.question_index[node[1]]

    def gen(self, node):
        kind = node[0]
        if kind == "lit":
            value = node[1]
            kinds = {bool: "bool", int: "int", float: "double", str: "string", type(None): "null"}
            return repr(value), kinds[type(value)]
        if kind == "name":
            for name, element in reversed(self.locals):
                if name == node[1]:
                    return f"L_{name}", element
            question = self.survey.questions[self.slot(node)]
            return f"V[{self.slot(node)}]", QUESTION_TYPES[question.type]
        if kind == "list":
            items = [self.gen(item) for item in node[1]]
            element = "any"
            for _, t in items:
                if element == "any":
                    element = t
                elif element != t and element in NUMERIC and t in NUMERIC:
                    element = "double"
            promote = element == "double"
            if all(item[0] == "lit" for item in node[1]):
                return self.constant([promoted(item[1], promote) for item in node[1]]), "list:" + element
            return f"LIST({promote}, {', '.join(src for src, _ in items)})", "list:" + element
        if kind == "unary":
            src, t = self.gen(node[2])
            return (f"NOT({src})", "bool") if node[1] == "!" else (f"NEG({src})", t)
        if kind == "bin":
            return self.binary(*node[1:])
        if kind == "cond":
            (c, _), (a, ta), (b, tb) = self.gen(node[1]), self.gen(node[2]), self.gen(node[3])
            t = unify(ta, tb)
            return f"COND({c}, lambda: {a}, lambda: {b}, {t == 'double'})", t
        if kind == "index":
            (a, ta), (i, _) = self.gen(node[1]), self.gen(node[2])
            return f"INDEX({a}, {i})", ta[5:]
        return self.call(node[1], node[2], node[3])

    def binary(self, op, left, right):
        (a, ta), (b, tb) = self.gen(left), self.gen(right)
        if op in ("&&", "||"):
            return f"{'AND' if op == '&&' else 'OR'}({a}, lambda: {b})", "bool"
        names = {"==": "EQ", "!=": "NE", "<": "LT", "<=": "LE", ">": "GT", ">=": "GE", "in": "IN",
                 "+": "ADD", "-": "SUB", "*": "MUL", "/": "DIV", "%": "MOD"}
        if op in ("==", "!=", "<", "<=", ">", ">=", "in"):
            t = "bool"
        elif op == "+" and ta in TEXTUAL and tb in TEXTUAL:
            t = "string"
        elif op == "+" and ta.startswith("list:"):
            t = unify(ta, tb)
        else:
            t = "int" if ta == tb == "int" else "double"
        return f"{names[op]}({a}, {b})", t

    def call(self, name, target, args):
        if target is not None:
            src, t = self.gen(target)
            if name in ("all", "exists", "exists_one", "filter", "map"):
                variable = args[0][1]
                self.locals.append((variable, t[5:]))
                bodies = [self.gen(arg) for arg in args[1:]]
                self.locals.pop()
                lambdas = [f"lambda L_{variable}: {body}" for body, _ in bodies]
                if name == "map":
                    call = f"MAP({src}, {lambdas[-1]}{', ' + lambdas[0] if len(lambdas) == 2 else ''})"
                    return call, "list:" + bodies[-1][1]
                return f"{name.upper()}({src}, {lambdas[0]})", t if name == "filter" else "bool"
            if name == "size":
                return f"SIZE({src})", "int"
            other, _ = self.gen(args[0])
            return f"TEXT_TEST({self.constant(TEXT_TESTS[name])}, {src}, {other})", "bool"
        if name in STATE_TESTS:
            return STATE_TESTS[name].format(f"V[{self.slot(args[0])}]"), "bool"
        if name == "level":
            question = self.survey.questions[self.slot(args[0])]
            return f"LEVEL(V[{self.slot(args[0])}], {self.constant(question.levels)})", "int"
        if name in ("stage", "score", "coverage", "target"):
            pillar = self.survey.pillar_index[args[0][1]]
            field = {"stage": "stages", "score": "scores", "coverage": "coverage", "target": "targets"}[name]
            return f"OUTCOME(OUT, {field!r}, {pillar})", "double" if name in ("score", "coverage") else "int"
        if name == "overall":
            return "OVERALL(OUT)", "int"
        if name == "met":
            return f"MET(OUT, {self.criterion_ids[args[0][1]]})", "bool"
        typed = [self.gen(arg) for arg in args]
        sources = ", ".join(src for src, _ in typed)
        if name == "size":
            return f"SIZE({sources})", "int"
        if name == "value_or":
            t = unify(typed[0][1], typed[1][1])
            return f"VALUE_OR({sources}, {t == 'double'})", t
        if name in ("int", "double", "string"):
            return f"{name.upper()}({sources})", name if name != "string" else "string"
        if name in ("min", "max"):
            if len(typed) == 1 and typed[0][1].startswith("list:"):
                return f"EXTREMUM_LIST({sources}, {name == 'max'})", "int" if typed[0][1] == "list:int" else "double"
            t = "double" if any(t == "double" for _, t in typed) else "int"
            return f"EXTREMUM({name == 'max'}, {t == 'double'}, {sources})", t
        raise SyntaxError(f"unknown function {name}()")


# --------------------------------------------------------------------------------------------
# Surveys, plugins and the compiled program.

def load_yaml(path):
    with open(path, "rb") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


def scalar_text(value):
    """The text of a YAML scalar as PyYAML gives it back (None for collections and null)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return None


def parse_version(text):
    """(major, minor, patch, prerelease) of a semantic version, or None."""
    if not isinstance(text, str):
        return None
    core, _, rest = text.split("+", 1)[0].partition("-")
    pre = tuple(rest.split(".")) if rest else ()
    parts = core.split(".")
    if any(not p for p in pre) or len(parts) != 3:
        return None
    if not all(re.fullmatch(r"0|[1-9][0-9]{0,8}", p) for p in parts):
        return None
    return (int(parts[0]), int(parts[1]), int(parts[2]), pre)


def version_key(v):
    pre = tuple((0, int(x), "") if x.isdigit() else (1, 0, x) for x in v[3])
    return (v[0], v[1], v[2], 0 if v[3] else 1, pre)


def version_text(v):
    return f"{v[0]}.{v[1]}.{v[2]}" + ("-" + ".".join(v[3]) if v[3] else "")


def parse_range(text):
    """A version range ('>=1.0.0 <2.0.0', '^1.2', '1.x', '*') as a list of (op, version key)."""
    comparators = []
    for word in re.split(r"[ ,]+", text.strip()):
        if word in ("*", "x"):
            continue
        op = next((o for o in ("<=", ">=", "<", ">", "=", "^", "~") if word.startswith(o)), "")
        rest = word[len(op):]
        full = parse_version(rest)
        numbers = []
        for part in rest.split("."):
            if part in ("x", "X", "*"):
                break
            numbers.append(int(part) if full is None else 0)
        v, partial = (full, 3) if full else (tuple(numbers + [0] * (3 - len(numbers))) + ((),), len(numbers))

        def bump(level):
            return [(v[0] + 1, 0, 0, ()), (v[0], v[1] + 1, 0, ()), (v[0], v[1], v[2] + 1, ())][level]
        if op in ("", "="):
            comparators += [] if partial == 0 else [("==", v)] if partial == 3 else [(">=", v), ("<", bump(partial - 1))]
        elif op in (">=", "<"):
            comparators.append((op, v))
        elif op in (">", "<="):
            comparators.append((op, v) if partial == 3 else (">=" if op == ">" else "<", bump(partial - 1)))
        elif op == "^":
            level = 0 if v[0] > 0 else (1 if v[1] > 0 or partial < 3 else 2)
            comparators += [(">=", v), ("<", bump(min(level, max(0, partial - 1))))]
        else:
            comparators += [(">=", v), ("<", bump(1 if partial >= 2 else 0))]
    return [(op, version_key(v)) for op, v in comparators]


def in_range(comparators, version):
    ops = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq}
    return all(ops[op](version_key(version), bound) for op, bound in comparators)


class Question:
    def __init__(self, raw, section_pillar, survey, defaults):
        self.id, self.type = raw["id"], raw["type"]
        self.pillar = survey.pillar_index[raw["pillar"]] if raw.get("pillar") else section_pillar
        self.required = raw.get("required", defaults.get("required", True))
        self.allowed = set((raw["allow"] if "allow" in raw else defaults.get("allow", ["dont_know"])) or [])
        self.relevant = scalar_text(raw.get("relevant"))
        options = raw.get("options") or []
        self.options = {o["value"]: index for index, o in enumerate(options)}
        self.levels = {o["value"]: o.get("level") for o in options}
        self.exclusive = {o["value"] for o in options if o.get("exclusive")}
        self.ordinal = self.type == "choice" and bool(options) and all(o.get("level") is not None for o in options)
        default_bounds = (0, 100) if self.type == "percent" else (None, None)
        self.low = raw.get("min", default_bounds[0])
        self.high = raw.get("max", default_bounds[1])
        self.min_choices, self.max_choices = raw.get("min_choices"), raw.get("max_choices")


class Survey:
    def __init__(self, path):
        with open(path, "rb") as handle:
            self.hash = hashlib.sha256(handle.read()).hexdigest()
        raw = load_yaml(path)
        self.id, self.version = raw["survey"], parse_version(str(raw["version"]))
        self.languages, self.threshold = raw["languages"], float(raw.get("threshold", 0.75))
        self.stage_levels = {str(s["id"]): s["level"] for s in raw["stages"]}
        self.top = raw["stages"][-1]["level"] if raw["stages"] else 1
        self.pillars = [p["id"] for p in raw["pillars"]]
        self.pillar_index = {p: i for i, p in enumerate(self.pillars)}
        defaults = raw.get("defaults") or {}
        self.questions = []
        for section in raw["sections"]:
            pillar = self.pillar_index[section["pillar"]] if section.get("pillar") else None
            self.questions += [Question(q, pillar, self, defaults) for q in section["questions"]]
        self.question_index = {}
        for slot, question in enumerate(self.questions):
            self.question_index.setdefault(question.id, slot)
        self.relevance = {slot: Translator(self).compile(q.relevant) for slot, q in enumerate(self.questions) if q.relevant}


def yaml_files(folder, skipped=()):
    found, pending = [], [folder]
    while pending:
        current = pending.pop()
        for name in sorted(os.listdir(current)):
            path = current + "/" + name
            if name.startswith("."):
                continue
            if os.path.isdir(path) and not (current == folder and name in skipped):
                pending.append(path)
            elif os.path.isfile(path) and name.endswith((".yaml", ".yml")):
                found.append(path)
    return sorted(found)


class Plugin:
    def __init__(self, manifest_path, root, content_paths, all_paths):
        manifest = load_yaml(manifest_path)
        self.id, self.version = manifest["plugin"], parse_version(str(manifest["version"]))
        self.applies = [(a["survey"], parse_range(str(a["versions"]))) for a in manifest["applies_to"]]
        self.requires = manifest.get("requires") or []
        self.threshold = manifest.get("threshold")
        self.criteria, self.ladders, self.metrics, self.next_steps, self.solutions, self.programmes = [], [], [], [], [], []
        for doc in [manifest] + [load_yaml(path) for path in content_paths]:
            for key in ("criteria", "ladders", "metrics", "next_steps", "solutions", "programmes"):
                getattr(self, key).extend((doc or {}).get(key) or [])
        digest = hashlib.sha256()
        for path in sorted(all_paths):
            with open(path, "rb") as handle:
                digest.update((path[len(root):] if path.startswith(root) else path).encode() + b"\0" + handle.read() + b"\0")
        self.hash = digest.hexdigest()

    def applies_to(self, survey_id, version):
        return any(survey == survey_id and in_range(comparators, version) for survey, comparators in self.applies)


def load_plugins(rules):
    plugins = []
    for name in sorted(os.listdir(rules)):
        path = rules + "/" + name
        if name.startswith("."):
            continue
        if os.path.isfile(path + "/plugin.yaml"):
            manifest = path + "/plugin.yaml"
            content = [p for p in yaml_files(path, skipped=("tests",)) if p != manifest]
            tests = yaml_files(path + "/tests") if os.path.isdir(path + "/tests") else []
            plugins.append(Plugin(manifest, path + "/", content, [manifest] + content + tests))
        elif name.endswith((".yaml", ".yml")) and "plugin" in (load_yaml(path) or {}):
            plugins.append(Plugin(path, path, [], [path]))
    return plugins


class Program:
    """The survey and the plugins that apply to one answered version, compiled once."""

    def __init__(self, survey, plugins):
        self.survey = survey
        by_id, ordered, done = {p.id: p for p in plugins}, [], set()

        def visit(plugin):  # required plugins first, otherwise by id
            if plugin.id not in done:
                done.add(plugin.id)
                for requirement in sorted(plugin.requires):
                    if requirement in by_id:
                        visit(by_id[requirement])
                ordered.append(plugin)
        for plugin in sorted(plugins, key=lambda p: p.id):
            visit(plugin)
        thresholds = [p.threshold for p in ordered if p.threshold is not None]
        self.threshold = float(thresholds[0]) if thresholds else survey.threshold
        solutions = [s for p in ordered for s in p.solutions]
        self.solution_ids = [s["id"] for s in solutions]
        solution_index = {s: i for i, s in enumerate(self.solution_ids)}
        self.solution_stages = [(s["stage"]["min"], s["stage"]["max"]) for s in solutions]
        self.prerequisites = [[Translator(survey).compile(scalar_text(r["when"])) for r in s.get("prerequisites") or [] if r.get("when") is not None]
                              for s in solutions]
        programmes = [p for plugin in ordered for p in plugin.programmes]
        self.programme_ids = [p["id"] for p in programmes]
        self.programme_steps = [("activator", "finder", "implementer").index(p["step"]) for p in programmes]
        programme_index = {p: i for i, p in enumerate(self.programme_ids)}

        criteria = []  # (pillar, stage, plugin number, id, qualified id, weight, condition text, solutions)
        for number, plugin in enumerate(ordered):
            for c in plugin.criteria:
                criteria.append((survey.pillar_index[c["pillar"]], int(c["stage"]), number, c["id"], float(c.get("weight", 1)),
                                 scalar_text(c["when"]), [solution_index[s] for s in c.get("recommend") or []]))
            for ladder in plugin.ladders:
                criteria += self.expand(ladder, number, solution_index)
        criteria.sort(key=lambda c: c[:3])  # stable, like the Swift sort
        self.criteria_ids = [f"{ordered[c[2]].id}/{c[3]}" for c in criteria]
        self.pillars = [c[0] for c in criteria]
        self.stages = [c[1] for c in criteria]
        self.weights = [c[4] for c in criteria]
        self.conditions = [Translator(survey).compile(c[5]) for c in criteria]
        self.recommends = [c[6] for c in criteria]
        self.recommending = [i for i, r in enumerate(self.recommends) if r]
        self.by_pillar = [[[] for _ in range(survey.top + 1)] for _ in survey.pillars]
        for index, (pillar, stage) in enumerate(zip(self.pillars, self.stages)):
            self.by_pillar[pillar][stage].append(index)

        plain_ids = [c[3] for c in criteria]
        ids = {qualified: i for i, qualified in enumerate(self.criteria_ids)}
        ids.update({plain: i for i, plain in enumerate(plain_ids) if plain_ids.count(plain) == 1})
        self.metrics = [Translator(survey, ids).compile(scalar_text(m["expr"])) for p in ordered for m in p.metrics]
        self.next_steps = [(programme_index[s["programme"]], Translator(survey, ids).compile(scalar_text(s["when"])))
                           for p in ordered for s in p.next_steps]
        digest = hashlib.sha256(survey.hash.encode())
        for plugin in ordered:
            digest.update(f"{plugin.id}@{version_text(plugin.version)}:{plugin.hash}".encode())
        self.hash = digest.hexdigest()

    def expand(self, ladder, number, solution_index):
        """One criterion per stage: `q >= t`, `q <= t`, or `level(q) >= n` on ordinal choices."""
        question = self.survey.questions[self.survey.question_index[ladder["question"]]]
        pillar = self.survey.pillar_index[ladder["pillar"]] if ladder.get("pillar") else question.pillar
        op = ">=" if ladder.get("direction", "higher") == "higher" else "<="
        recommend = ladder.get("recommend") or {}
        recommend = {0: recommend} if isinstance(recommend, list) else {int(k): v for k, v in recommend.items()}
        criteria = []
        for stage, threshold in sorted((int(k), v) for k, v in ladder["at"].items()):
            if question.ordinal:
                level = threshold if isinstance(threshold, (int, float)) else question.levels[threshold]
                condition = f"level({question.id}) >= {int(level)}"
            else:
                condition = f"{question.id} {op} {json_number(float(threshold))}"
            solutions = [solution_index[s] for s in recommend.get(stage, []) + recommend.get(0, [])]
            criteria.append((pillar, stage, number, f"{ladder['id']}@{stage}", float(ladder.get("weight", 1)), condition, solutions))
        return criteria


# --------------------------------------------------------------------------------------------
# Answers files.

class AnswersError(Exception):
    pass


TOP_KEYS = {"survey", "survey_version", "language", "city", "respondent", "started", "completed", "answers", "targets",
            "notes", "review"}
MISSING = {"dont_know": UNKNOWN[DONT_KNOW], "not_applicable": UNKNOWN[NOT_APPLICABLE]}
SIGNATURES = [b"PK\x03\x04", b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"\x1f\x8b", b"\xd0\xcf\x11\xe0", b"\x7fELF"]
NUMBER_CHARS = re.compile(r"[0-9+\-.eE]+")


def valid_date(text):
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return False
    try:
        datetime.date(int(text[:4]), int(text[5:7]), int(text[8:]))
    except ValueError:
        return False
    return True


def mapping(node, what, allowed):
    if not isinstance(node, dict):
        raise AnswersError(f"expected {what} as a mapping")
    for key in node:
        if not isinstance(key, str) or (key not in allowed and not key.startswith("x-")):
            raise AnswersError(f"unknown key '{key}' in {what}")
    return node


def text_of(node, what):
    value = scalar_text(node)
    if value is None:
        raise AnswersError(f"expected text for {what}")
    if not value.strip():
        raise AnswersError(f"{what} is empty")
    return value


def optional_text(fields, key, what):
    return None if fields.get(key) is None else text_of(fields[key], what)


def number_of(value, question):
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise AnswersError(f"'{question.id}' takes a number")
    if isinstance(value, str):
        word = value.strip(" \t")
        if question.type == "percent" and word.endswith("%"):
            word = word[:-1].strip(" \t")
        if not NUMBER_CHARS.fullmatch(word):
            raise AnswersError(f"'{question.id}' takes a number; found '{word}'")
        try:
            value = float(word)
        except ValueError:
            raise AnswersError(f"'{question.id}' takes a number; found '{word}'") from None
    number = float(value) if abs(value) < 1e300 else math.inf
    if not math.isfinite(number):
        raise AnswersError(f"'{question.id}' takes a finite number")
    number = number + 0.0 if number else 0.0  # -0 reads as 0
    if (question.low is not None and number < question.low) or (question.high is not None and number > question.high):
        raise AnswersError(f"'{question.id}' is out of range: {value}")
    if question.type == "integer":
        if number != math.floor(number) or abs(number) >= 9e15:
            raise AnswersError(f"'{question.id}' takes a whole number")
        return int(number)
    return number


def parse_answer(value, question):
    """The runtime value of one answer, None when blank; AnswersError when the answer is wrong."""
    if value is None:
        return None
    if isinstance(value, str) and value in MISSING:
        if value not in question.allowed:
            raise AnswersError(f"'{question.id}' does not allow {value}")
        return MISSING[value]
    kind = question.type
    if kind == "yes_no":
        if isinstance(value, bool):
            return value
        word = value.strip(" \t").lower() if isinstance(value, str) else None
        if word in ("yes", "true", "sí", "si", "no", "false"):
            return word not in ("no", "false")
        raise AnswersError(f"'{question.id}' is a yes/no question; found {value!r}")
    if kind == "choice":
        word = scalar_text(value)
        if word is None or word.strip(" \t") not in question.options:
            raise AnswersError(f"{value!r} is not an option of '{question.id}'")
        return word.strip(" \t")
    if kind == "multi":
        chosen = []
        for item in value if isinstance(value, list) else [value]:
            word = scalar_text(item)
            if item is None or word is None or word in MISSING or word.strip(" \t") not in question.options:
                raise AnswersError(f"{item!r} is not an option of '{question.id}'")
            if word.strip(" \t") in chosen:
                raise AnswersError(f"'{word}' is chosen twice in '{question.id}'")
            chosen.append(word.strip(" \t"))
        if len(chosen) > 1 and any(option in question.exclusive for option in chosen):
            raise AnswersError(f"an exclusive option of '{question.id}' is combined with others")
        if (question.min_choices is not None and len(chosen) < question.min_choices) or (
                question.max_choices is not None and len(chosen) > question.max_choices):
            raise AnswersError(f"'{question.id}' has the wrong number of options")
        return sorted(chosen, key=question.options.get)
    if kind in ("integer", "decimal", "percent"):
        return number_of(value, question)
    if kind == "text":
        if scalar_text(value) is None:
            raise AnswersError(f"'{question.id}' takes text")
        return scalar_text(value)
    if isinstance(value, datetime.datetime) or not (isinstance(value, datetime.date) or valid_date(str(value).strip(" \t"))):
        raise AnswersError(f"'{question.id}' takes a date written YYYY-MM-DD")
    return value.isoformat() if isinstance(value, datetime.date) else value.strip(" \t")


class Sheet:
    def __init__(self, path, survey, version, language, city, values, targets):
        self.path, self.survey, self.version, self.language = path, survey, version, language
        self.city, self.values, self.targets = city, values, targets


def stage_number(value, survey):
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise AnswersError(f"expected a stage, found {value!r}")
    if isinstance(value, str) and not re.fullmatch(r"[+-]?[0-9]+", value.strip(" \t")):
        if value not in survey.stage_levels:
            raise AnswersError(f"unknown stage '{value}'")
        return survey.stage_levels[value]
    level = int(value.strip(" \t")) if isinstance(value, str) else value
    if not 1 <= level <= survey.top:
        raise AnswersError(f"stage must be from 1 to {survey.top}, not {level}")
    return level


def read_answers(path, surveys):
    with open(path, "rb") as handle:
        data = handle.read(2 * 1024 * 1024 + 1)
    if len(data) > 2 * 1024 * 1024:
        raise AnswersError("the file is larger than 2 MiB")
    if any(data.startswith(signature) for signature in SIGNATURES):
        raise AnswersError("this is not a YAML text file")
    try:
        root = yaml.load(data, Loader=yaml.CSafeLoader)
    except Exception as error:  # any YAML, encoding or value problem fails this file only
        raise AnswersError(" ".join(str(error).split())) from None
    if root is None:
        raise AnswersError("the file is empty; expected a YAML document")
    mapping(root, "an answers file", TOP_KEYS)
    for key in ("survey", "survey_version", "city", "answers"):
        if key not in root:
            raise AnswersError(f"an answers file is missing the required key '{key}'")
    survey_id = text_of(root["survey"], "the survey id")
    if survey_id not in surveys:
        raise AnswersError(f"this file answers survey '{survey_id}', which is not loaded")
    version = parse_version(text_of(root["survey_version"], "survey_version"))
    if version is None:
        raise AnswersError(f"'{root['survey_version']}' is not a semantic version")
    exact = [s for s in surveys[survey_id] if s.version == version]
    newer = [s for s in surveys[survey_id] if s.version[0] == version[0] and version_key(s.version) >= version_key(version)]
    if not exact and not newer:
        raise AnswersError(f"this file answers {survey_id} {version_text(version)}, but no compatible survey version is loaded")
    survey = exact[0] if exact else max(newer, key=lambda s: version_key(s.version))
    language = optional_text(root, "language", "language")
    language = language if language in survey.languages else survey.languages[0]
    city_fields = mapping(root["city"], "the city", {"name", "country", "region"})
    if "name" not in city_fields:
        raise AnswersError("the city is missing the required key 'name'")
    city = (text_of(city_fields["name"], "the city name"), optional_text(city_fields, "country", "the country"),
            optional_text(city_fields, "region", "the region"))
    if root.get("respondent") is not None:
        respondent = mapping(root["respondent"], "the respondent", {"name", "role", "email", "organisation", "organization"})
        for key in ("name", "role", "email", "organisation" if respondent.get("organisation") is not None else "organization"):
            optional_text(respondent, key, f"the respondent's {key}")
    for key in ("started", "completed"):
        value = root.get(key)
        if value is not None and not isinstance(value, datetime.date) and not valid_date(text_of(value, key)[:10]):
            raise AnswersError(f"{key} must be a date or an ISO 8601 timestamp")

    values = [None] * len(survey.questions)
    answers = root["answers"]
    if answers is not None:
        if not isinstance(answers, dict):
            raise AnswersError("expected answers as a mapping of 'question_id: answer' lines")
        for key, value in answers.items():
            if not isinstance(key, str) or key not in survey.question_index:
                raise AnswersError(f"unknown question '{key}' in answers")
            slot = survey.question_index[key]
            values[slot] = parse_answer(value, survey.questions[slot])

    targets = [None] * len(survey.pillars)
    if root.get("targets") is not None:
        for key, value in mapping(root["targets"], "targets", set(survey.pillars)).items():
            if key in survey.pillar_index and value is not None:
                targets[survey.pillar_index[key]] = stage_number(value, survey)
    notes = root.get("notes")
    if notes is not None:
        if not isinstance(notes, dict):
            raise AnswersError("expected notes as a mapping of 'question_id: text' lines")
        for key, value in notes.items():
            if key not in survey.question_index or scalar_text(value) is None:
                raise AnswersError(f"note for unknown question '{key}', or not a text")
    review = root.get("review")
    if review is not None:
        if not isinstance(review, list):
            raise AnswersError("expected review as a list")
        for item in review:
            if text_of(item, "a question id") not in survey.question_index:
                raise AnswersError(f"unknown question '{item}' in review")
    return Sheet(path, survey, version, language, city, values, targets)


# --------------------------------------------------------------------------------------------
# Scoring (Scorer.swift).

MET_, UNMET, UNKNOWN_, NOT_APPLICABLE_, ERROR = "met", "unmet", "unknown", "not_applicable", "error"


def rounded(x):
    """Swift's .rounded(): to nearest, halves away from zero."""
    whole_part = math.floor(abs(x))
    return math.copysign(whole_part + (1 if abs(x) - whole_part >= 0.5 else 0), x)


def outcome(value):
    if value is True:
        return MET_
    if value is False:
        return UNMET
    if isinstance(value, Unknown):
        if value.why == NOT_RELEVANT:
            return UNMET
        if value.why & NOT_APPLICABLE and not value.why & ~(NOT_APPLICABLE | NOT_RELEVANT):
            return NOT_APPLICABLE_
        return UNKNOWN_
    return ERROR if isinstance(value, EvalError) else UNKNOWN_


class Outcomes:
    """What metrics and next steps read: stage('p'), score('p'), overall(), met('id')…"""

    def __init__(self, stages, scores, coverage, targets, overall, criteria):
        self.stages, self.scores, self.coverage, self.targets = stages, scores, coverage, targets
        self.overall, self.criteria = overall, criteria


def pillar_result(program, pillar, outcomes):
    """(stage, score, coverage) of one pillar; coverage as a share, and rounded to 3 decimals as
    results report it (and stage()/coverage() read it)."""
    theta, top = program.threshold, program.survey.top
    stage, climbing, known, applicable_total, shares = 1, True, 0.0, 0.0, {}
    for level in range(2, max(2, top) + 1):
        met = applicable = unknown = 0.0
        for index in program.by_pillar[pillar][level] if level <= top else []:
            weight, result = program.weights[index], outcomes[index]
            if result == MET_:
                met += weight
                applicable += weight
            elif result == UNMET:
                applicable += weight
            elif result != NOT_APPLICABLE_:
                unknown += weight
                applicable += weight
        shares[level] = met / applicable if applicable > 0 else 0.0
        if climbing and applicable > 0 and shares[level] >= theta - 1e-9:
            stage = level
        else:
            climbing = False
        known += applicable - unknown
        applicable_total += applicable
    score = float(stage)
    if stage < top and stage + 1 in shares:
        score += min(0.99, shares[stage + 1] / theta)
    coverage = known / applicable_total if applicable_total > 0 else 0.0
    return stage, rounded(score * 100) / 100, coverage, rounded(coverage * 1000) / 1000


def recommend(program, outcomes, stages, scores, targets, values, out):
    """Solution ids: gaps up to the next stage first, weakest pillar first, then Scorer's tie-breaks."""
    order = sorted(range(len(stages)), key=lambda p: (stages[p], -((targets[p] if targets[p] is not None else stages[p]) - stages[p]),
                                                      scores[p], p))
    rank = {pillar: position for position, pillar in enumerate(order)}
    candidates, missing = {}, {}
    for index in program.recommending:
        result = outcomes[index]
        if result not in (UNMET, UNKNOWN_, ERROR):
            continue
        pillar, current = program.pillars[index], stages[program.pillars[index]]
        gap = program.stages[index] - current
        gap = 0 if gap <= 0 else gap
        if gap > 2:
            continue
        weight_key = -int(rounded(program.weights[index] * 100))
        for solution in program.recommends[index]:
            low, high = program.solution_stages[solution]
            fits = low <= current + 1 and high >= current
            if solution not in missing:
                missing[solution] = any(f(values, out) is False for f in program.prerequisites[solution])
            key = (1 if gap == 2 else 0, rank[pillar], gap, 0 if fits else 1, weight_key,
                   (2 if missing[solution] else 0) + (0 if result == UNMET else 1))
            if solution in candidates:
                candidates[solution][1] += 1
                candidates[solution][0] = min(candidates[solution][0], key)
            else:
                candidates[solution] = [key, 1]
    ranked = sorted(candidates, key=lambda s: (candidates[s][0], -candidates[s][1], program.solution_ids[s]))
    return [program.solution_ids[s] for s in ranked]


def assess(sheet, program):
    survey = program.survey
    values = [UNKNOWN[UNANSWERED]] * len(survey.questions)
    for slot, answer in enumerate(sheet.values):
        condition = survey.relevance.get(slot)
        if condition is not None:
            shown = condition(values, None)
            if shown is False or (isinstance(shown, Unknown) and shown.why == NOT_RELEVANT):
                values[slot] = UNKNOWN[NOT_RELEVANT]
                continue
        if answer is not None:
            values[slot] = answer

    outcomes = [outcome(condition(values, None)) for condition in program.conditions]
    results = [pillar_result(program, pillar, outcomes) for pillar in range(len(survey.pillars))]
    stages, scores, coverage = [r[0] for r in results], [r[1] for r in results], [r[2] for r in results]
    scored = sorted(stages[p] for p in range(len(stages)) if any(program.by_pillar[p]))
    overall = scored[(len(scored) - 1) // 2] if scored else None
    out = Outcomes(stages, scores, coverage, sheet.targets, overall,
                   [True if o == MET_ else False if o == UNMET else None for o in outcomes])
    metrics = [metric(values, out) for metric in program.metrics]  # not in the CSV, but Activator computes them
    recommendations = recommend(program, outcomes, stages, scores, sheet.targets, values, out)
    steps = {programme for programme, when in program.next_steps if when(values, out) is True}
    steps = sorted(steps, key=lambda p: (program.programme_steps[p], program.programme_ids[p]))
    shares = [r[2] for r in results]
    return stages, scores, shares, overall, metrics, recommendations, [program.programme_ids[p] for p in steps]


# --------------------------------------------------------------------------------------------
# CSV (BatchFormat.swift).

def csv_field(value):
    if value[:1] in ("=", "+", "-", "@", "\t", "\r") and not SWIFT_DOUBLE.fullmatch(value):
        value = "'" + value
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def fixed(value):
    hundredths = int(rounded(value * 100))
    return ("-" if hundredths < 0 else "") + f"{abs(hundredths) // 100}.{abs(hundredths) % 100:02d}"


def csv_header(survey):
    columns = ["file", "city", "country", "region", "language", "survey_version", "overall_stage"]
    for pillar in survey.pillars:
        columns += [f"{pillar}_stage", f"{pillar}_score", f"{pillar}_coverage", f"{pillar}_target"]
    columns += ["top_recommendations", "next_steps", "rules_hash"]
    return "\ufeff" + ",".join(map(csv_field, columns)) + "\r\n"


def csv_row(sheet, program, result):
    stages, scores, coverage, overall, _, recommendations, steps = result
    name, country, region = sheet.city
    fields = [sheet.path, name, country or "", region or "", sheet.language, version_text(sheet.version),
              "" if overall is None else str(overall)]
    for pillar, target in enumerate(sheet.targets):
        fields += [str(stages[pillar]), fixed(scores[pillar]), fixed(coverage[pillar]), "" if target is None else str(target)]
    fields += ["; ".join(recommendations[:5]), "; ".join(steps), program.hash]
    return ",".join(map(csv_field, fields)) + "\r\n"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python_scorer.py FILE_LIST   (one answers file per line; '-' reads the list from stdin)")
    with (open(sys.argv[1], encoding="utf-8") if sys.argv[1] != "-" else sys.stdin) as listing:
        paths = [line.strip(" \t\r\n") for line in listing]
    home = os.environ.get("ACTIVATOR_HOME") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    surveys = {}
    for name in sorted(os.listdir(os.path.join(home, "Surveys"))):
        if name.endswith((".yaml", ".yml")) and not name.startswith("."):
            survey = Survey(os.path.join(home, "Surveys", name))
            surveys.setdefault(survey.id, []).append(survey)
    plugins = load_plugins(os.path.join(home, "Rules"))
    programs = {}
    newest = max((s for versions in surveys.values() for s in versions), key=lambda s: version_key(s.version))
    out = sys.stdout.buffer
    out.write(csv_header(newest).encode("utf-8"))
    failed = 0
    for path in filter(None, paths):
        try:
            sheet = read_answers(path, surveys)
        except (AnswersError, OSError) as error:
            print(f"{path}: {error}", file=sys.stderr)
            failed += 1
            continue
        applying = tuple(p for p in plugins if p.applies_to(sheet.survey.id, sheet.version))
        if not applying:
            print(f"{path}: no rule plugin accepts {sheet.survey.id} {version_text(sheet.version)}", file=sys.stderr)
            failed += 1
            continue
        key = (sheet.survey.id, sheet.survey.version, tuple(p.id for p in applying))
        if key not in programs:
            programs[key] = Program(sheet.survey, list(applying))
        program = programs[key]
        out.write(csv_row(sheet, program, assess(sheet, program)).encode("utf-8"))
    out.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
