"""Independent oracle for tnet's filters --as-of and --min-confidence (Python standard library
only; written from the documented rules, not from tnet's code).

    python3 filter_oracle.py DATASET.json AS_OF GRADE > expected.txt

Rules (README "Filters"):
- a fact (entity or link) passes --as-of DATE when it has no period, or its period overlaps
  DATE's span: "from" does not start after DATE ends and "to" does not end before DATE starts
  (partial dates span their year or month);
- it passes --min-confidence GRADE when it is graded and both Admiralty axes are at least as
  good, best first: letters A B C D F E, digits 1 2 3 4 6 5 ("cannot be judged", F and 6,
  ranks between doubtful and improbable); ungraded fails;
- a link is kept when it passes and both its endpoints are kept.

Prints the kept entity ids, then the kept links as "source<TAB>kind<TAB>target", in file order.
"""
import calendar
import json
import sys


def span(text):
    parts = [int(p) for p in text.split("-")]
    y = parts[0]
    if len(parts) == 1:
        return (y, 1, 1), (y, 12, 31)
    m = parts[1]
    if len(parts) == 2:
        return (y, m, 1), (y, m, calendar.monthrange(y, m)[1])
    return (y, m, parts[2]), (y, m, parts[2])


def covers(fact, date):
    start, end = span(date)
    if "from" in fact and span(fact["from"])[0] > end:
        return False
    if "to" in fact and span(fact["to"])[1] < start:
        return False
    return True


def graded(fact, bar):
    c = fact.get("confidence")
    if not c:
        return False
    letters, digits = "ABCDFE", "123465"
    return (letters.index(c[0].upper()) <= letters.index(bar[0].upper())
            and digits.index(c[1]) <= digits.index(bar[1]))


def main(path, as_of, grade):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    kept = [e["id"] for e in d["entities"] if covers(e, as_of) and graded(e, grade)]
    ids = set(kept)
    for e in kept:
        print(e)
    for l in d["links"]:
        if l["source"] in ids and l["target"] in ids and covers(l, as_of) and graded(l, grade):
            print(f"{l['source']}\t{l.get('kind', 'link')}\t{l['target']}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
