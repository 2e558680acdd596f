"""The FollowTheMoney oracle for tnet's FtM writer: reads FtM JSON lines and checks every entity
with the `followthemoney` package's model. A failure is printed as `LINE ID: problem` and the exit
status is 1; on success prints `ok N entities (followthemoney VERSION)`.

Checked per line: a JSON object with an id FtM accepts and a schema FtM knows that is not
abstract; every property is one the schema has and may be written (no stubs); every value is
valid for the property's type; required properties are present; the model builds the entity
(`model.get_proxy`, strict); every entity reference names an entity of the file whose schema is
in the property's range. Usage: ftm_validate.py FILE...
"""
import json
import sys

import followthemoney
from followthemoney import model
from followthemoney.types import registry

failures = 0


def fail(where, message):
    global failures
    failures += 1
    print(f"{where}: {message}")


count = 0
for path in sys.argv[1:]:
    entities = {}
    references = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                data = json.loads(line)
            except ValueError as e:
                fail(where, f"not JSON: {e}")
                continue
            if not isinstance(data, dict):
                fail(where, "not an object")
                continue
            eid = data.get("id")
            where = f"{where} {eid}"
            if not isinstance(eid, str) or not registry.entity.validate(eid):
                fail(where, "the id is not one FtM accepts")
            if eid in entities:
                fail(where, "the id is repeated")
            schema = model.get(data.get("schema"))
            if schema is None or schema.abstract:
                fail(where, f"schema {data.get('schema')!r} is unknown or abstract")
                continue
            entities[eid] = schema
            props = data.get("properties", {})
            if not isinstance(props, dict):
                fail(where, "properties is not an object")
                continue
            for name, values in props.items():
                prop = schema.get(name)
                if prop is None:
                    fail(where, f"{schema.name} has no property {name!r}")
                    continue
                if prop.stub:
                    fail(where, f"{schema.name}.{name} cannot be written")
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    fail(where, f"{name} is not a list of strings")
                    continue
                if not values:
                    fail(where, f"{name} is empty")
                for v in values:
                    if not prop.type.validate(v):
                        fail(where, f"{name}: {v!r} is not a valid {prop.type.name}")
                if prop.type == registry.entity:
                    references += [(where, name, prop, v) for v in values]
            for req in schema.required:
                if not props.get(req):
                    fail(where, f"{schema.name} requires {req!r}")
            try:
                schema.validate(data)
                model.get_proxy(data, cleaned=False)
            except Exception as e:
                fail(where, f"the model refuses it: {e}")
            count += 1
    for where, name, prop, v in references:
        target = entities.get(v)
        if target is None:
            fail(where, f"{name} names {v}, which is not in the file")
        elif prop.range is not None and not target.is_a(prop.range):
            fail(where, f"{name} names {v}, a {target.name}, not a {prop.range.name}")

if failures:
    print(f"{failures} problems in {count} entities (followthemoney {followthemoney.__version__})")
    sys.exit(1)
print(f"ok {count} entities (followthemoney {followthemoney.__version__})")
