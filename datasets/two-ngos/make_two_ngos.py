#!/usr/bin/env python3
"""Split the bundled dataset into the files two NGOs would keep, for `tnet merge` (issue 20).

NGO A ("Mekong Watch", ngo-a.json) keeps the bundled ids and spellings. NGO B ("Border
Rights", ngo-b.json) numbers its records itself (b-001 ...), spells names its own way (case,
word order, hyphens, "and" as "&", "(composite)" left out) and records one group of survivors as
"scam workers", the forced-criminality trap a merge must not fall into. Entities and links are
split into three parts: both files, A's only, B's only (seeded, so every run writes the same
files); every link is in a file that holds both its ends. A fact both NGOs state cites some of
its sources in A's file and the rest in B's; merged, it cites all of them again.

key.csv maps each of B's ids to the bundled id, so a test can check that the merge gives back
the bundled entities and links. No identifier, date or name is invented: B only re-spells.

Run from the package root: python3 datasets/two-ngos/make_two_ngos.py

review.csv is the review file `tnet merge` writes for the two files, with its decision column
filled in as an investigator who knows the truth would (from key.csv):
  tnet merge datasets/two-ngos/ngo-a.json datasets/two-ngos/ngo-b.json -o /tmp/merged.json \
      --review datasets/two-ngos/review.csv
  python3 datasets/two-ngos/make_two_ngos.py --decide datasets/two-ngos/review.csv
"""
import csv
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORIGINAL = os.path.join(HERE, "..", "mekong-2023.json")


def b_spelling(entity, rng):
    """How NGO B writes the name: the same words, spelt its own way."""
    name = entity["name"]
    if entity["kind"] == "country":
        return name
    # "(composite)" and ", composite" are A's editorial notes, not names.
    name = name.replace(" (composite)", "").replace("(composite, ", "(").replace("composite, ", "")
    # "Syndicate bosses, Kokang" -> "Kokang syndicate bosses"
    if ", " in name and "(" not in name:
        head, tail = name.split(", ", 1)
        name = tail + " " + head[0].lower() + head[1:]
    style = rng.choice(["lower", "upper", "hyphen", "and", "same"])
    if style == "lower":
        name = name.lower()
    elif style == "upper":
        name = name.upper()
    elif style == "hyphen":
        name = name.replace("-", " ")
    elif style == "and":
        name = name.replace(" and ", " & ")
    return name


def main():
    with open(ORIGINAL, encoding="utf-8") as f:
        d = json.load(f)
    rng = random.Random(2023)
    entities = d["entities"]
    side = {}
    for e in entities:
        if e["kind"] == "country":
            side[e["id"]] = "both"
        else:
            side[e["id"]] = rng.choices(["both", "a", "b"], weights=[6, 2, 2])[0]
    # Every link in a file that holds both its ends: an end only A has and an end only B has
    # cannot be one link of either file, so such an end goes to both. An entity's country too.
    def fits(x, y):
        return side[x] == "both" or side[y] == "both" or side[x] == side[y]
    changed = True
    while changed:
        changed = False
        for l in d["links"]:
            if not fits(l["source"], l["target"]):
                side[l["target"]] = "both"
                changed = True
        for e in entities:
            c = e.get("country")
            if c and not fits(e["id"], c):
                side[c] = "both"
                changed = True

    b_id = {}
    n = 0
    for e in entities:
        if side[e["id"]] in ("both", "b"):
            n += 1
            b_id[e["id"]] = "b-%03d" % n

    def split_sources(sources):
        """A's part and B's part of a fact both state: each at least one, together all."""
        if len(sources) < 2:
            return list(sources), list(sources)
        k = rng.randint(1, len(sources) - 1)
        return sources[:k], sources[k:]

    a_entities, b_entities = [], []
    for e in entities:
        s = side[e["id"]]
        if s in ("both", "a"):
            a_entities.append(dict(e))
        if s in ("both", "b"):
            x = json.loads(json.dumps(e))
            x["id"] = b_id[e["id"]]
            if "country" in x:
                x["country"] = b_id[x["country"]]
            if s == "both":
                x["name"] = b_spelling(e, rng)
                a_src, b_src = split_sources(e["sources"])
                a_entities[-1]["sources"] = a_src
                x["sources"] = b_src
                # B records fewer details: about half the attributes, the same values.
                # A coordinate pair is kept or left out whole (lon goes with lat), with the
                # same draws as before for every key.
                attrs = x.get("attributes", {})
                keep = {k: rng.random() < 0.5 for k in attrs}
                if "lat" in keep and "lon" in keep:
                    keep["lon"] = keep["lat"]
                x["attributes"] = {k: v for k, v in attrs.items() if keep[k]}
                if e["id"] == "survivors-bamban":
                    x["role"] = "scam worker"
            b_entities.append(x)

    a_links, b_links = [], []
    for l in d["links"]:
        ends = {side[l["source"]], side[l["target"]]}
        in_a = "b" not in ends
        in_b = "a" not in ends
        if in_a and in_b:
            pick = rng.choices(["both", "a", "b"], weights=[4, 3, 3])[0]
            in_a, in_b = pick in ("both", "a"), pick in ("both", "b")
        a_src, b_src = split_sources(l["sources"]) if in_a and in_b else (l["sources"], l["sources"])
        if in_a:
            x = dict(l)
            x["sources"] = a_src
            a_links.append(x)
        if in_b:
            x = json.loads(json.dumps(l))
            x["source"], x["target"] = b_id[l["source"]], b_id[l["target"]]
            x["sources"] = b_src
            b_links.append(x)

    def cited(ents, links):
        ids = set()
        for x in ents + links:
            ids.update(x.get("sources", []))
            for k, v in x.get("attributes", {}).items():
                if k.endswith("_source") and isinstance(v, str):
                    ids.add(v)
        return [s for s in d["sources"] if s["id"] in ids]

    def write(name, title, ents, links, schema=None):
        out = {"format": d["format"], "title": title,
               "description": "One NGO's part of the bundled dataset mekong-2023.json, re-spelt by "
                              "make_two_ngos.py for tnet merge's test; not a real NGO's file.",
               "licence": d["licence"]}
        if schema:
            out["schema"] = schema
        out.update({"sources": cited(ents, links), "entities": ents, "links": links})
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)
            f.write("\n")

    write("ngo-a.json", "Mekong Watch (fictional NGO A): scam compounds 2023", a_entities, a_links)
    # B's own word for the people it met in a compound: declared, as a careful NGO would.
    write("ngo-b.json", "Border Rights (fictional NGO B): scam compounds 2023", b_entities, b_links,
          schema={"roles": ["scam worker"]})
    with open(os.path.join(HERE, "key.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["b_id", "original_id", "in"])
        for e in entities:
            if e["id"] in b_id:
                w.writerow([b_id[e["id"]], e["id"], side[e["id"]]])
    counts = {s: sum(1 for v in side.values() if v == s) for s in ("both", "a", "b")}
    print("entities: both %(both)d, A only %(a)d, B only %(b)d" % counts,
          "| links: A %d, B %d" % (len(a_links), len(b_links)))


def decide(review):
    """Writes same or different into every row of a review file, from key.csv."""
    with open(os.path.join(HERE, "key.csv"), encoding="utf-8") as f:
        key = {r["b_id"]: r["original_id"] for r in csv.DictReader(f)}
    def original(ref):
        tag, id_ = ref.split(":", 1)
        return id_ if tag == "ngo-a" else key[id_]
    with open(review, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    d, l, r = header.index("decision"), header.index("left"), header.index("right")
    for row in rows[1:]:
        row[d] = "same" if original(row[l]) == original(row[r]) else "different"
    tmp = review + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    os.replace(tmp, review)
    same = sum(1 for row in rows[1:] if row[d] == "same")
    print("%s: %d same, %d different" % (review, same, len(rows) - 1 - same))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--decide":
        decide(sys.argv[2])
    else:
        main()
