#!/usr/bin/env python3
"""Validates documents against Activator's JSON Schemas (docs/schemas) with the jsonschema
package, a real JSON Schema 2020-12 validator, for SchemaTests.

    Tests/Schemas/validate.py < documents.jsonl

Each input line is {"name": ..., "schema": "path/to/x.schema.json", "instance": ...}: a YAML file
already typed the way YAML editors type it (the YAML 1.2 core schema) by the Swift side, which
reads YAML with the same parser the loaders use. Prints one line per problem,
`problem NAME<TAB>LOCATION<TAB>MESSAGE`, then `checked N` (N documents). Exit status: 0 when
every document is valid, 1 when any is not, 3 when jsonschema is missing (install it with
.ci/setup: Debian's python3-jsonschema).
"""
import json
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:
    print("the Python package jsonschema is not installed: run .ci/setup (Debian: apt-get install python3-jsonschema)", file=sys.stderr)
    sys.exit(3)


def location(path):
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)


def main():
    validators = {}
    checked = 0
    invalid = False
    for line in sys.stdin:
        if not line.strip():
            continue
        item = json.loads(line)
        schema_path = item["schema"]
        if schema_path not in validators:
            with open(schema_path, encoding="utf-8") as handle:
                schema = json.load(handle)
            # A schema that is not itself valid 2020-12 is a failure too, not a silent pass.
            Draft202012Validator.check_schema(schema)
            validators[schema_path] = Draft202012Validator(schema)
        errors = sorted(validators[schema_path].iter_errors(item["instance"]), key=lambda e: [str(p) for p in e.absolute_path])
        for error in errors:
            message = " ".join(error.message.split())
            print(f"problem {item['name']}\t{location(error.absolute_path)}\t{message}")
            invalid = True
        checked += 1
    print(f"checked {checked}")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
