"""Checks report models against the documented JSON Schema.

    python3 model_schema.py SCHEMA.json MODEL.json...

Validates each model with the jsonschema package (Draft 2020-12, which Scripts/bootstrap
installs). Prints `ok`, or each model's first twenty problems with their JSON paths, and
exits 1.
"""

import json
import sys

import jsonschema


def main():
    with open(sys.argv[1], encoding='utf-8') as file:
        schema = json.load(file)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for path in sys.argv[2:]:
        with open(path, encoding='utf-8') as file:
            model = json.load(file)
        for error in sorted(validator.iter_errors(model), key=lambda e: list(e.absolute_path))[:20]:
            problems.append(f'{path}: {error.json_path}: {error.message[:200]}')
    if problems:
        print('\n'.join(problems))
        sys.exit(1)
    print('ok')


main()
