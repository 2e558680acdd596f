#!/usr/bin/env python3
"""Independent audit of the report.json that `tnet report` writes (Python standard library and
NetworkX only; written from SPEC.md beside this file, not from tnet's code).

    python3 audit.py DATASET REPORT_JSON [--top 10]

DATASET is a native tnet/1 JSON dataset or an edge list (`A B [WEIGHT]` per line, `#` comments).
Every section of REPORT_JSON is recomputed from DATASET as SPEC.md defines it and compared.
Prints one line per failed claim (`FAIL section: what`), then
`audit: N claims checked, M failed`. Exit status: 0 when nothing failed, 1 otherwise, 2 on a
usage error (bad arguments, unreadable files).

Tolerances: floats 1e-6 (PageRank 1e-5). Rankings: scores within 1e-9 count as tied and any
order among tied entries is accepted.

Readings where SPEC.md leaves a choice (the lenient one is taken):
- target_policy: an entity the schema excludes that the default already excludes may be counted
  under "excluded by the schema" or under its default reason; zero counts may be present or not.
- key_player_set may be null only with at most k = 3 candidates (the spec gives no condition).
  `ids` and `betweenness_ids` are checked as sets.
- gaps `channels`: the direct channels when there are any, else the multilateral ones; the union
  of both is accepted too. "joins a country to ... a compound" (when gaps applies) is read from
  the country; a compound -> country trafficked_to link alone allows either null or a list.
- corruption `pairs_only_it_connects` may be a count or a list of [state actor, perpetrator] pairs.
- sources `facts` may be a count or a list; `sources` may be [] or null when the dataset has none.
- summary density: the undirected graph, the directed graph, or the directed graph with
  symmetric links both ways (each accepted to 1e-9).
- disruption `flow_sources` / `flow_sinks` are checked as sets; when flow does not apply they
  may also be null or [].
- route, source and run lists are not checked for order (the spec gives none).
- findings and flow_cut are checked when present (the self-test's hand-made report predates them);
  the cheapest cut's entities are checked for being the fewest candidates, not for which ones.
"""
import argparse
import json
import math
import os
import sys
import unicodedata
from collections import Counter, defaultdict

import networkx as nx

# ---------------------------------------------------------------------------------------------
# Constants from SPEC.md
# ---------------------------------------------------------------------------------------------
ABS_TOL = 1e-6
PAGERANK_TOL = 1e-5
TIE_TOL = 1e-9
DENSITY_TOL = 1e-9
SET_SIZE = 3          # key_player_set: k = 3
REMOVALS = 10         # disruption: 10 removals per strategy

SECTIONS = ["summary", "target_policy", "key_players", "key_player_set", "communities",
            "routes", "gaps", "corruption", "disruption", "sources", "omitted"]
# Checked when present (reports before they were added, such as the self-test's, lack them).
LATER_SECTIONS = ["findings", "flow_cut"]

EDGE_LIST_EXTS = {".el", ".edgelist", ".txt", ".tsv"}

# Target policy
PROTECTED_ROLES = {"victim", "survivor", "witness"}
PERPETRATOR_ROLES = {"boss", "manager", "recruiter", "enforcer", "broker"}
PERPETRATOR_KINDS = {"syndicate", "company", "financial", "compound"}
CORRUPTION_KINDS = {"protects", "bribes", "pays", "colludes_with"}
CANDIDATE_KINDS = {"syndicate", "company", "financial", "node"}
PLACE_KINDS = {"country", "region", "site", "compound"}
ROLE_PLURALS = {"victims": "victim", "survivors": "survivor", "witnesses": "witness"}
# A role is protected when one of its words is one of these (SPEC.md, Target policy).
PROTECTED_WORDS = {"victim", "victims", "survivor", "survivors", "witness", "witnesses",
                   "eyewitness", "eyewitnesses"}

# Routes: link kinds R, read either way
ROUTE_KINDS = {"recruits_from", "recruits_via", "trafficked_to", "transits_through", "employs",
               "operates", "controls", "located_in"}
# Disruption flow: link kinds, read either way
FLOW_KINDS = {"recruits_from", "recruits_via", "trafficked_to", "transits_through", "employs",
              "operates", "controls"}
# Gaps
STRONG_AGREEMENTS = {"police_channel", "contact_point", "joint_operation"}
COOPERATION_RANK = {"none": 0, "no authority recorded": 1, "weak": 2, "strong": 3}
# Corruption: graph T leaves these link kinds out
NOT_IN_T = {"located_in", "sanctions", "rescued_from", "repatriated_to"}
STRATEGIES = ["betweenness", "degree", "articulation", "random"]


class UsageError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Reading the dataset
# ---------------------------------------------------------------------------------------------
class Dataset:
    """Entities, links and sources, with absent optional fields normalised to None / []."""

    def __init__(self):
        self.entities = []        # dicts: id, kind, name, role, country, confidence, sources
        self.by_id = {}
        self.links = []           # dicts: source, target, kind, weight, confidence, sources, agreement, directed
        self.sources = []         # the dataset's source dicts, as written
        self.schema = {}
        self.directed = None      # dataset-level "directed", when given
        self.edge_list = False

    def kind(self, eid):
        e = self.by_id.get(eid)
        return e["kind"] if e else None

    def add_entity(self, e):
        if e["id"] not in self.by_id:
            self.entities.append(e)
            self.by_id[e["id"]] = e


def load_native(doc):
    ds = Dataset()
    if not isinstance(doc, dict):
        raise UsageError("the dataset is not a JSON object")
    ds.schema = doc.get("schema") or {}
    ds.directed = doc.get("directed")
    ds.sources = [s for s in doc.get("sources") or [] if isinstance(s, dict)]
    for e in doc.get("entities") or []:
        ds.add_entity({
            "id": e["id"], "kind": e.get("kind") or "node", "name": e.get("name"),
            "role": e.get("role"), "country": e.get("country"),
            "confidence": e.get("confidence"), "sources": list(e.get("sources") or []),
        })
    for l in doc.get("links") or []:
        ds.links.append({
            "source": l["source"], "target": l["target"], "kind": l.get("kind") or "link",
            "weight": l.get("weight"), "confidence": l.get("confidence"),
            "sources": list(l.get("sources") or []), "agreement": l.get("agreement"),
            "directed": l.get("directed"),
        })
    return ds


def load_edge_list(text):
    """One link per line `A B [WEIGHT]`; `#` starts a comment. Every entity is kind `node` (in
    order of first appearance), every link kind `link`, no grades, no sources."""
    ds = Dataset()
    ds.edge_list = True
    for line in text.splitlines():
        tokens = []
        for tok in line.split():
            if tok.startswith("#"):
                break
            tokens.append(tok)
        if not tokens:
            continue
        ids = tokens[:2]
        for eid in ids:
            ds.add_entity({"id": eid, "kind": "node", "name": None, "role": None,
                           "country": None, "confidence": None, "sources": []})
        if len(tokens) < 2:
            continue          # a lone id: a node without links
        weight = None
        if len(tokens) >= 3:
            try:
                weight = float(tokens[2])
            except ValueError:
                weight = None
        ds.links.append({"source": tokens[0], "target": tokens[1], "kind": "link",
                         "weight": weight, "confidence": None, "sources": [],
                         "agreement": None, "directed": None})
    return ds


def load_dataset(path):
    try:
        with open(path, "rb") as f:
            text = f.read().decode("utf-8-sig")
    except OSError as err:
        raise UsageError(f"cannot read {path}: {err}")
    ext = os.path.splitext(path)[1].lower()
    if ext == ".json" or (ext not in EDGE_LIST_EXTS and text.lstrip().startswith("{")):
        try:
            return load_native(json.loads(text))
        except (ValueError, KeyError, TypeError) as err:
            raise UsageError(f"cannot parse the dataset {path}: {err}")
    return load_edge_list(text)


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------
def link_key(l):
    """The five values a LINK object states: source, target, kind, confidence, sources."""
    return (l["source"], l["target"], l["kind"], l["confidence"], tuple(l["sources"]))


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def close(reported, expected, tol=ABS_TOL):
    return is_number(reported) and abs(reported - expected) <= tol


def better(a, b, tol=TIE_TOL):
    """Score tuple a ranks strictly above b: lexicographic, higher first, values within tol tied."""
    for x, y in zip(a, b):
        if x > y + tol:
            return True
        if x < y - tol:
            return False
    return False


def norm_role(role):
    """Roles are compared trimmed and lower-cased; victims/survivors/witnesses as singular."""
    if not isinstance(role, str):
        return None
    r = role.strip().lower()
    return ROLE_PLURALS.get(r, r)


def role_words(role):
    """The words of a role: runs of letters, split also where a capital follows a small letter,
    each case-folded without diacritics or width (NFKD, combining marks dropped)."""
    if not isinstance(role, str):
        return []
    words, word, last_lower = [], "", False
    for c in unicodedata.normalize("NFC", role):
        if not c.isalpha():
            if word:
                words.append(word)
            word, last_lower = "", False
            continue
        if c.isupper() and last_lower and word:
            words.append(word)
            word = ""
        word += c
        last_lower = c.islower()
    if word:
        words.append(word)
    fold = lambda w: "".join(ch for ch in unicodedata.normalize("NFKD", w) if not unicodedata.combining(ch)).casefold()
    return [fold(w) for w in words]


def is_protected_role(role):
    return any(w in PROTECTED_WORDS for w in role_words(role))


def label(ds, eid):
    e = ds.by_id.get(eid)
    return (e and e["name"]) or eid


def largest_cc(g):
    return max((len(c) for c in nx.connected_components(g)), default=0)


class Audit:
    """Counts claims and prints the failed ones."""

    def __init__(self):
        self.checked = 0
        self.failed = 0

    def check(self, ok, section, what):
        self.checked += 1
        if not ok:
            self.failed += 1
            print(f"FAIL {section}: {what}")
        return bool(ok)


# ---------------------------------------------------------------------------------------------
# The model the report is recomputed from
# ---------------------------------------------------------------------------------------------
class Model:
    def __init__(self, ds):
        self.ds = ds
        ids = [e["id"] for e in ds.entities]
        self.ids = ids
        # Every dataset link as its five stated values (a multiset, for LINK claims).
        self.link_keys = Counter(link_key(l) for l in ds.links)
        # Links whose two endpoints exist.
        self.live_links = [l for l in ds.links if l["source"] in ds.by_id and l["target"] in ds.by_id]

        # Projection U: every entity a node; one undirected edge per linked pair.
        self.U = nx.Graph()
        self.U.add_nodes_from(ids)
        for l in self.live_links:
            self.U.add_edge(l["source"], l["target"])

        self.perpetrator_side = {e["id"] for e in ds.entities if self.is_perpetrator_side(e)}
        self.policy()
        self._frag = {}

        # Source countries and compounds (routes, disruption flow).
        self.source_countries = set()
        for l in self.live_links:
            if l["kind"] == "trafficked_to" and ds.kind(l["source"]) == "country":
                self.source_countries.add(l["source"])
            if l["kind"] == "recruits_from" and ds.kind(l["target"]) == "country":
                self.source_countries.add(l["target"])
        self.compounds = {e["id"] for e in ds.entities if e["kind"] == "compound"}

        # First located_in target of each entity (file order), for country_of.
        self.first_located_in = {}
        for l in ds.links:
            if l["kind"] == "located_in" and l["source"] not in self.first_located_in:
                self.first_located_in[l["source"]] = l["target"]
        self._country = {}

    # -- target policy ---------------------------------------------------------------------
    def is_perpetrator_side(self, e):
        """Kinds syndicate, company, financial, compound, and persons with a perpetrator role."""
        return e["kind"] in PERPETRATOR_KINDS or (
            e["kind"] == "person" and norm_role(e["role"]) in PERPETRATOR_ROLES)

    def policy(self):
        """Who may be proposed for disruption, and why every other entity is excluded.
        Two readings of the reason for an entity excluded by the schema that the default already
        excludes are kept (`schema_first`: "excluded by the schema"; `default_first`: the
        default reason); the report may follow either."""
        ds = self.ds
        targets = ds.schema.get("targets") if isinstance(ds.schema, dict) else None
        targets = targets if isinstance(targets, dict) else {}
        kind_over = targets.get("kinds") if isinstance(targets.get("kinds"), dict) else {}
        ent_over = targets.get("entities") if isinstance(targets.get("entities"), dict) else {}

        # An official is a candidate by default only when a corruption-kind link (either
        # direction) joins it to a perpetrator-side entity.
        corrupt_officials = set()
        for l in self.live_links:
            if l["kind"] in CORRUPTION_KINDS:
                for a, b in ((l["source"], l["target"]), (l["target"], l["source"])):
                    if ds.kind(a) == "official" and b in self.perpetrator_side:
                        corrupt_officials.add(a)

        self.candidates = set()
        self.protected = set()
        schema_first, default_first = Counter(), Counter()
        for e in ds.entities:
            eid, kind = e["id"], e["kind"]
            if kind == "person" and is_protected_role(e["role"]):
                self.protected.add(eid)        # never a candidate, whatever the schema says
                schema_first["protected person"] += 1
                default_first["protected person"] += 1
                continue
            # default standing by kind
            if kind in CANDIDATE_KINDS:
                default, reason = True, None
            elif kind == "person":
                default = norm_role(e["role"]) in PERPETRATOR_ROLES
                reason = None if default else "person without a perpetrator role"
            elif kind == "official":
                default = eid in corrupt_officials
                reason = None if default else "official without a corruption link"
            elif kind == "agency":
                default, reason = False, "authority"
            elif kind in PLACE_KINDS:
                default, reason = False, "place"
            elif kind == "platform":
                default, reason = False, "intermediary"
            else:
                default, reason = False, "not a perpetrator kind"
            # overrides: entity beats kind beats default
            override = ent_over.get(eid)
            if override not in ("candidate", "excluded"):
                override = kind_over.get(kind)
            if override not in ("candidate", "excluded"):
                override = None
            if override == "candidate" or (override is None and default):
                self.candidates.add(eid)
            elif override == "excluded":
                schema_first["excluded by the schema"] += 1
                default_first[reason or "excluded by the schema"] += 1
            else:
                schema_first[reason] += 1
                default_first[reason] += 1
        self.excluded_readings = [schema_first, default_first]

    # -- fragmentation ----------------------------------------------------------------------
    def F(self, removed):
        """Borgatti's distance-weighted fragmentation after removing the set S:
        1 - global_efficiency(U - S); 1 when fewer than 2 nodes remain."""
        key = frozenset(removed)
        if key not in self._frag:
            keep = [v for v in self.ids if v not in key]
            if len(keep) < 2:
                self._frag[key] = 1.0
            else:
                self._frag[key] = 1.0 - nx.global_efficiency(self.U.subgraph(keep))
        return self._frag[key]

    # -- countries --------------------------------------------------------------------------
    def country_of(self, eid):
        """Itself for a country; else its `country` field when that names a country; else the
        country of the target of its first located_in link (file order), followed iteratively;
        a cycle gives none."""
        if eid in self._country:
            return self._country[eid]
        ds = self.ds
        seen = set()
        cur = eid
        result = None
        while cur in ds.by_id and cur not in seen:
            seen.add(cur)
            e = ds.by_id[cur]
            if e["kind"] == "country":
                result = cur
                break
            if ds.kind(e["country"]) == "country":
                result = e["country"]
                break
            nxt = self.first_located_in.get(cur)
            if nxt is None:
                break
            cur = nxt
        self._country[eid] = result
        return result


# ---------------------------------------------------------------------------------------------
# LINK claims
# ---------------------------------------------------------------------------------------------
def check_link(audit, model, section, obj, what):
    """A LINK is `{"source","target","kind","confidence","sources"}`, exactly a dataset link's
    values. Returns its key when it names a dataset link, else None."""
    fields = ("source", "target", "kind", "confidence", "sources")
    if not audit.check(isinstance(obj, dict) and all(f in obj for f in fields), section,
                       f"{what}: not a LINK object with {', '.join(fields)}: {obj!r}"):
        return None
    if not isinstance(obj["sources"], list):
        audit.check(False, section, f"{what}: link sources is not a list: {obj!r}")
        return None
    key = (obj["source"], obj["target"], obj["kind"], obj["confidence"], tuple(obj["sources"]))
    try:
        ok = key in model.link_keys
    except TypeError:
        ok = False
    if not audit.check(ok, section, f"{what}: no dataset link has exactly these values: "
                                    f"{json.dumps(obj, ensure_ascii=False)}"):
        return None
    return key


# ---------------------------------------------------------------------------------------------
# Rankings with near-ties
# ---------------------------------------------------------------------------------------------
def check_top(audit, section, what, reported, pool, score, k, ordered=True):
    """`reported` must be a valid first-k of `pool` ranked by `score` (tuples, higher first),
    any order accepted among entries within TIE_TOL. `reported` holds only pool members."""
    audit.check(len(reported) == min(k, len(pool)), section,
                f"{what}: {len(reported)} entries, expected {min(k, len(pool))}")
    if ordered:
        for a, b in zip(reported, reported[1:]):
            audit.check(not better(score[b], score[a]), section,
                        f"{what}: {b} ranks above {a} but is listed after it")
    listed = set(reported)
    for r in reported:
        above = sorted(c for c in pool if c not in listed and better(score[c], score[r]))
        audit.check(not above, section,
                    f"{what}: {r} is listed but {', '.join(above[:5])} rank above it and are not")


# ---------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------
def audit_summary(audit, model, rep):
    sec, ds, U = "summary", model.ds, model.U
    if not audit.check(isinstance(rep, dict), sec, "not an object"):
        return
    expected = {
        "entities": len(ds.entities),
        "links": len(ds.links),
        "sources": len(ds.sources),
        "components": nx.number_connected_components(U),
        "largest_component": largest_cc(U),
    }
    for key, value in expected.items():
        audit.check(rep.get(key) == value and is_number(rep.get(key)), sec,
                    f"{key} is {rep.get(key)!r}, expected {value}")
    # density of the dataset's graph: accept the directed or the undirected reading
    densities = []
    und = nx.Graph()
    und.add_nodes_from(model.ids)
    one_way = nx.DiGraph()
    one_way.add_nodes_from(model.ids)
    both_ways = nx.DiGraph()
    both_ways.add_nodes_from(model.ids)
    symmetric_kinds = {"cooperates_with", "colludes_with"}
    for lk in (ds.schema.get("link_kinds") or []) if isinstance(ds.schema, dict) else []:
        if isinstance(lk, dict) and lk.get("symmetric"):
            symmetric_kinds.add(lk.get("name"))
    for l in model.live_links:
        s, t = l["source"], l["target"]
        und.add_edge(s, t)
        one_way.add_edge(s, t)
        both_ways.add_edge(s, t)
        directed = l["directed"]
        if directed is None:
            directed = ds.directed if ds.directed is not None else l["kind"] not in symmetric_kinds
        if not directed:
            both_ways.add_edge(t, s)
    densities = [nx.density(g) for g in (und, one_way, both_ways)]
    d = rep.get("density")
    audit.check(is_number(d) and any(abs(d - x) <= DENSITY_TOL for x in densities), sec,
                f"density is {d!r}, expected one of {sorted(set(densities))}")
    for key, counts in (("entities_by_kind", Counter(e["kind"] for e in ds.entities)),
                        ("links_by_kind", Counter(l["kind"] for l in ds.links))):
        got = rep.get(key)
        ok = isinstance(got, dict) and {k: v for k, v in got.items() if v != 0} == dict(counts)
        audit.check(ok, sec, f"{key} is {got!r}, expected {dict(counts)}")


def audit_target_policy(audit, model, rep):
    sec = "target_policy"
    if not audit.check(isinstance(rep, dict), sec, "not an object"):
        return
    audit.check(rep.get("candidates") == len(model.candidates), sec,
                f"candidates is {rep.get('candidates')!r}, expected {len(model.candidates)}")
    excl = rep.get("excluded")
    if not audit.check(isinstance(excl, dict), sec, f"excluded is not an object: {excl!r}"):
        return
    got = {k: v for k, v in excl.items() if v != 0}
    readings = [dict(r) for r in model.excluded_readings]
    audit.check(any(got == r for r in readings), sec,
                f"excluded is {got}, expected {readings[0]}"
                + (f" (or {readings[1]})" if readings[1] != readings[0] else ""))
    total = (rep.get("candidates") if is_number(rep.get("candidates")) else 0) + sum(
        v for v in excl.values() if is_number(v))
    audit.check(total == len(model.ds.entities), sec,
                f"candidates and excluded add up to {total}, not the {len(model.ds.entities)} entities")


def audit_key_players(audit, model, rep, top, betweenness, pagerank, articulation):
    sec, ds, U = "key_players", model.ds, model.U
    if not audit.check(isinstance(rep, list), sec, "not a list"):
        return
    base = model.F(())
    L = largest_cc(U)
    score = {}
    for c in model.candidates:
        score[c] = (model.F((c,)) - base, betweenness[c])
    ids = []
    for i, row in enumerate(rep):
        where = f"row {i + 1}"
        if not audit.check(isinstance(row, dict) and "id" in row, sec, f"{where}: not a row with an id"):
            continue
        v = row["id"]
        if not audit.check(v in ds.by_id, sec, f"{where}: {v!r} is not an entity"):
            continue
        audit.check(v in model.candidates, sec,
                    f"{where}: {v} ({ds.kind(v)}) is not a candidate under the target policy")
        audit.check(v not in ids, sec, f"{where}: {v} listed twice")
        e = ds.by_id[v]
        names = (e["name"],) if e["name"] else (None, v)     # without a name: null or the id
        audit.check(row.get("name") in names, sec, f"{v}: name {row.get('name')!r}, expected {e['name']!r}")
        audit.check(row.get("kind") == e["kind"], sec, f"{v}: kind {row.get('kind')!r}, expected {e['kind']!r}")
        audit.check(row.get("role") in (e["role"], norm_role(e["role"])), sec,
                    f"{v}: role {row.get('role')!r}, expected {e['role']!r}")
        gain = model.F((v,)) - base
        audit.check(close(row.get("fragmentation_gain"), gain), sec,
                    f"{v}: fragmentation_gain {row.get('fragmentation_gain')!r}, expected {gain:.9f}")
        audit.check(close(row.get("betweenness"), betweenness[v]), sec,
                    f"{v}: betweenness {row.get('betweenness')!r}, expected {betweenness[v]:.9f}")
        audit.check(close(row.get("pagerank"), pagerank[v], PAGERANK_TOL), sec,
                    f"{v}: pagerank {row.get('pagerank')!r}, expected {pagerank[v]:.9f}")
        audit.check(row.get("articulation_point") is (v in articulation), sec,
                    f"{v}: articulation_point {row.get('articulation_point')!r}, expected {v in articulation}")
        rest = U.subgraph([x for x in model.ids if x != v])
        cut_off = max(0, L - largest_cc(rest) - 1)
        audit.check(row.get("cut_off") == cut_off and is_number(row.get("cut_off")), sec,
                    f"{v}: cut_off {row.get('cut_off')!r}, expected {cut_off}")
        audit.check(isinstance(row.get("why"), str) and row.get("why").strip() != "", sec,
                    f"{v}: why is not a text")
        if v in model.candidates and v not in ids:
            ids.append(v)
    check_top(audit, sec, "ranking by fragmentation_gain, then betweenness", ids,
              model.candidates, score, top)


def audit_key_player_set(audit, model, rep, betweenness):
    sec, ds = "key_player_set", model.ds
    n = len(model.candidates)
    if rep is None:
        # The spec gives no condition; a set needs more than k candidates to be a choice.
        audit.check(n <= SET_SIZE, sec, f"is null although there are {n} candidates")
        return
    if not audit.check(isinstance(rep, dict), sec, "not an object"):
        return
    k = min(SET_SIZE, n)
    lists = {}
    for field in ("ids", "betweenness_ids"):
        got = rep.get(field)
        lists[field] = got if isinstance(got, list) else []
        if not audit.check(isinstance(got, list), sec, f"{field} is not a list"):
            continue
        audit.check(len(got) == k, sec, f"{field} has {len(got)} ids, expected {k}")
        audit.check(len(set(map(str, got))) == len(got), sec, f"{field} repeats an id")
        for v in got:
            audit.check(v in model.candidates, sec,
                        f"{field}: {v} ({ds.kind(v)}) is not a candidate under the target policy")
    ids = [v for v in lists["ids"] if v in ds.by_id]
    bids = [v for v in lists["betweenness_ids"] if v in model.candidates]
    base = model.F(())
    audit.check(close(rep.get("base_fragmentation"), base), sec,
                f"base_fragmentation {rep.get('base_fragmentation')!r}, expected {base:.9f}")
    f_ids = model.F(ids)
    audit.check(close(rep.get("fragmentation"), f_ids), sec,
                f"fragmentation {rep.get('fragmentation')!r}, expected F(ids) = {f_ids:.9f}")
    # betweenness_ids: the k candidates highest by betweenness on U (ties lenient)
    check_top(audit, sec, "betweenness_ids", list(dict.fromkeys(bids)), model.candidates,
              {c: (betweenness[c],) for c in model.candidates}, SET_SIZE, ordered=False)
    f_b = model.F(bids)
    audit.check(close(rep.get("betweenness_fragmentation"), f_b), sec,
                f"betweenness_fragmentation {rep.get('betweenness_fragmentation')!r}, "
                f"expected F(betweenness_ids) = {f_b:.9f}")
    audit.check(f_ids >= f_b - ABS_TOL, sec,
                f"the set's fragmentation {f_ids:.9f} is below the betweenness set's {f_b:.9f}")


def audit_communities(audit, model, rep):
    sec = "communities"
    if not audit.check(isinstance(rep, dict), sec, "not an object"):
        return
    audit.check(rep.get("method") == "leiden", sec, f"method is {rep.get('method')!r}, expected 'leiden'")
    groups = rep.get("groups")
    if not audit.check(isinstance(groups, list) and all(isinstance(g, list) for g in groups),
                       sec, "groups is not a list of lists"):
        return
    seen = Counter(v for g in groups for v in g if isinstance(v, str))
    twice = sorted(v for v, c in seen.items() if c > 1)
    unknown = sorted(v for v in seen if v not in model.ds.by_id)
    missing = sorted(v for v in model.ids if v not in seen)
    audit.check(not twice, sec, f"entities in more than one group: {twice[:10]}")
    audit.check(not unknown, sec, f"groups name unknown ids: {unknown[:10]}")
    audit.check(not missing, sec, f"entities in no group: {missing[:10]}")
    audit.check(all(g for g in groups), sec, "a group is empty")
    if twice or unknown or missing:
        return
    try:
        q = nx.community.modularity(model.U, [set(g) for g in groups if g])
    except ZeroDivisionError:
        q = 0.0                         # no links: modularity is undefined, take 0
    audit.check(close(rep.get("modularity"), q), sec,
                f"modularity {rep.get('modularity')!r}, expected {q:.9f}")


def section_list(audit, sec, rep, applies, when):
    """A section that is null exactly when the data does not support it (`when` says what it
    needs). True when `rep` is a list to check further. `applies` may be None: either is fine."""
    if rep is None:
        audit.check(applies is not True, sec, f"is null although {when}")
        return False
    if not audit.check(applies is not False, sec, f"is not null although it is not the case that {when}"):
        return False
    return audit.check(isinstance(rep, list), sec, "not a list")


def audit_routes(audit, model, rep):
    sec, ds = "routes", model.ds
    applies = bool(model.source_countries) and bool(model.compounds)
    if not section_list(audit, sec, rep, applies, "the data has a source country and a compound"):
        return
    # the route graph: links of kinds R, read either way
    R = nx.Graph()
    R.add_nodes_from(model.ids)
    for l in model.live_links:
        if l["kind"] in ROUTE_KINDS:
            R.add_edge(l["source"], l["target"])
    expected = {}                        # source country -> least hop distance to a compound
    for c in model.source_countries:
        dist = nx.single_source_shortest_path_length(R, c)
        reach = [dist[x] for x in model.compounds if x in dist]
        if reach:
            expected[c] = (min(reach), dist)
    got = []
    for i, route in enumerate(rep):
        where = f"route {i + 1}"
        if not audit.check(isinstance(route, dict), sec, f"{where}: not an object"):
            continue
        c, compound, steps = route.get("country"), route.get("compound"), route.get("steps")
        where = f"route {c} -> {compound}"
        if not audit.check(c in expected, sec,
                           f"{where}: {c!r} is not a source country that reaches a compound"):
            continue
        audit.check(c not in got, sec, f"{where}: a second route for {c}")
        got.append(c)
        least, dist = expected[c]
        audit.check(compound in model.compounds and dist.get(compound) == least, sec,
                    f"{where}: {compound!r} is not a compound at the least hop distance ({least}) from {c}")
        if not audit.check(isinstance(steps, list), sec, f"{where}: steps is not a list"):
            continue
        audit.check(len(steps) == least, sec, f"{where}: {len(steps)} steps, least hop distance is {least}")
        at = c
        for j, step in enumerate(steps):
            sw = f"{where} step {j + 1}"
            if not audit.check(isinstance(step, dict), sec, f"{sw}: not an object"):
                continue
            a, b = step.get("from"), step.get("to")
            audit.check(a == at, sec, f"{sw}: starts at {a!r}, the route is at {at!r}")
            at = b
            key = check_link(audit, model, sec, step.get("link"), sw)
            if key is None:
                continue
            audit.check(key[2] in ROUTE_KINDS, sec, f"{sw}: link kind {key[2]!r} is not a route kind")
            audit.check((key[0], key[1]) in ((a, b), (b, a)), sec,
                        f"{sw}: the link {key[0]} -> {key[1]} does not join {a} and {b}")
            along = key[0] == a and key[1] == b
            audit.check(step.get("along") is along, sec,
                        f"{sw}: along is {step.get('along')!r}, expected {along}")
        audit.check(at == compound, sec, f"{where}: steps end at {at!r}, not at the compound")
    missing = sorted(c for c in expected if c not in got)
    audit.check(not missing, sec, f"no route for source countries that reach a compound: {missing}")


def expected_gaps(model):
    """The gaps rows, keyed by (from, to), and whether the section applies (None: either)."""
    ds = model.ds
    country_of = model.country_of

    # Applies when a trafficked_to link joins a country to another country or to a compound.
    forward = backward = False
    for l in model.live_links:
        if l["kind"] != "trafficked_to":
            continue
        s, t = l["source"], l["target"]
        if ds.kind(s) == "country" and ((ds.kind(t) == "country" and t != s) or ds.kind(t) == "compound"):
            forward = True
        if ds.kind(t) == "country" and ds.kind(s) == "compound":
            backward = True            # "joins" read either way
    applies = True if forward else (None if backward else False)

    # Flows (s, h): trafficked_to links from a country s to a country or compound t with
    # country(t) = h != s.
    flows = {}
    for l in model.live_links:
        if l["kind"] != "trafficked_to":
            continue
        s, t = l["source"], l["target"]
        if ds.kind(s) != "country" or ds.kind(t) not in ("country", "compound"):
            continue
        h = country_of(t)
        if h is None or h == s:
            continue
        flows.setdefault((s, h), []).append(l)

    # Authorities: agencies with a country; multilateral bodies: agencies with none.
    authority_countries = set()
    multilateral = []
    for e in ds.entities:
        if e["kind"] == "agency":
            x = country_of(e["id"])
            if x is None:
                multilateral.append(e["id"])
            else:
                authority_countries.add(x)

    rows = {}
    for (s, h), flow_links in flows.items():
        weights = [l["weight"] for l in flow_links if is_number(l["weight"])]
        people = sum(weights) if weights else None
        sources = list(dict.fromkeys(src for l in flow_links for src in l["sources"]))
        # Direct channels: cooperates_with links whose endpoints' countries are s and h.
        direct = [l for l in model.live_links if l["kind"] == "cooperates_with"
                  and (country_of(l["source"]), country_of(l["target"])) in ((s, h), (h, s))]
        # Multilateral channels: a body B joined by cooperates_with/member_of links both to s
        # (or an entity of s) and to h (or an entity of h).
        multi = []
        for B in multilateral:
            side_s, side_h = [], []
            for l in model.live_links:
                if l["kind"] not in ("cooperates_with", "member_of") or B not in (l["source"], l["target"]):
                    continue
                other = l["target"] if l["source"] == B else l["source"]
                if country_of(other) == s:
                    side_s.append(l)
                elif country_of(other) == h:
                    side_h.append(l)
            if side_s and side_h:
                multi += [(B, link_key(l)) for l in side_s + side_h]
        if any(l["agreement"] in STRONG_AGREEMENTS for l in direct):
            cooperation = "strong"
        elif direct or multi:
            cooperation = "weak"
        elif s not in authority_countries or h not in authority_countries:
            cooperation = "no authority recorded"
        else:
            cooperation = "none"
        direct_set = Counter((None, link_key(l)) for l in direct)
        # Channels: the direct channels when there are any, else the multilateral ones; the
        # union of both is accepted too (the spec lists multilateral channels only as the
        # fallback, a report may list every channel).
        channel_readings = [direct_set if direct else Counter(multi), direct_set + Counter(multi)]
        rows[(s, h)] = {
            "people": people,
            "flow_links": Counter(link_key(l) for l in flow_links),
            "sources": sources,
            "channels": channel_readings,
            "cooperation": cooperation,
            "order": (COOPERATION_RANK[cooperation], people is None, -(people or 0),
                      label(ds, s), label(ds, h)),
        }
    return applies, rows


def audit_gaps(audit, model, rep):
    sec = "gaps"
    applies, rows = expected_gaps(model)
    if not section_list(audit, sec, rep, applies, "a trafficked_to link joins a country to another country or a compound"):
        return
    seen = []
    for i, row in enumerate(rep):
        if not audit.check(isinstance(row, dict), sec, f"row {i + 1}: not an object"):
            continue
        key = (row.get("from"), row.get("to"))
        where = f"{key[0]} -> {key[1]}"
        if not audit.check(key in rows, sec, f"{where}: no such flow between two countries"):
            continue
        audit.check(key not in seen, sec, f"{where}: listed twice")
        seen.append(key)
        exp = rows[key]
        p = row.get("people")
        audit.check(p is None if exp["people"] is None else close(p, exp["people"]), sec,
                    f"{where}: people {p!r}, expected {exp['people']!r}")
        fl = row.get("flow_links")
        keys = []
        if audit.check(isinstance(fl, list), sec, f"{where}: flow_links is not a list"):
            for j, obj in enumerate(fl):
                k = check_link(audit, model, sec, obj, f"{where} flow link {j + 1}")
                if k is not None:
                    keys.append(k)
            audit.check(Counter(keys) == exp["flow_links"], sec,
                        f"{where}: flow_links {[k[:3] for k in keys]} are not the flow's "
                        f"{[k[:3] for k in exp['flow_links']]}")
        # sources: first-citation order over the flow links (file order, or the report's order)
        srcs = row.get("sources")
        report_order = list(dict.fromkeys(s for k in keys for s in k[4]))
        audit.check(srcs == exp["sources"] or srcs == report_order, sec,
                    f"{where}: sources {srcs!r}, expected {exp['sources']!r}")
        ch = row.get("channels")
        got = Counter()
        if audit.check(isinstance(ch, list), sec, f"{where}: channels is not a list"):
            for j, c in enumerate(ch):
                if not audit.check(isinstance(c, dict) and "via" in c and "link" in c, sec,
                                   f"{where} channel {j + 1}: not a {{via, link}} object"):
                    continue
                k = check_link(audit, model, sec, c["link"], f"{where} channel {j + 1}")
                if k is not None:
                    got[(c["via"], k)] += 1
            audit.check(any(got == r for r in exp["channels"]), sec,
                        f"{where}: channels {sorted((v, k[:3]) for v, k in got)} expected "
                        f"{sorted((v, k[:3]) for v, k in exp['channels'][0])}")
        audit.check(row.get("cooperation") == exp["cooperation"], sec,
                    f"{where}: cooperation {row.get('cooperation')!r}, expected {exp['cooperation']!r}")
    missing = sorted(k for k in rows if k not in seen)
    audit.check(not missing, sec, f"flows with no row: {[f'{a} -> {b}' for a, b in missing]}")
    # Order: none, no authority recorded, weak, strong; people descending (null last); names.
    for a, b in zip(seen, seen[1:]):
        audit.check(rows[a]["order"] <= rows[b]["order"], sec,
                    f"order: {a[0]} -> {a[1]} is listed before {b[0]} -> {b[1]}")


def expected_corruption(model):
    ds = model.ds
    state = [e["id"] for e in ds.entities if e["kind"] in ("official", "agency")]
    state_set = set(state)
    perp = model.perpetrator_side
    # Graph T: U built from every link except located_in, sanctions, rescued_from, repatriated_to.
    T = nx.Graph()
    T.add_nodes_from(model.ids)
    for l in model.live_links:
        if l["kind"] not in NOT_IN_T:
            T.add_edge(l["source"], l["target"])
    comp_T = {}
    for i, comp in enumerate(nx.connected_components(T)):
        for v in comp:
            comp_T[v] = i
    rows = {}
    for a in state:
        links = [l for l in ds.links if l["kind"] in CORRUPTION_KINDS and a in (l["source"], l["target"])]
        others = [l["target"] if l["source"] == a else l["source"] for l in links]
        counterparts = sorted({o for o in others if o in perp})
        if not counterparts:
            continue
        compounds = set(c for c in counterparts if ds.kind(c) == "compound")
        for l in model.live_links:
            if l["kind"] in ("operates", "controls") and l["source"] in counterparts \
                    and ds.kind(l["target"]) == "compound":
                compounds.add(l["target"])
        # pairs (x, y): x a state actor != a, y perpetrator-side != a, connected in T and not in
        # T without a. Only a's component of T can change.
        comp = [v for v in model.ids if comp_T[v] == comp_T[a] and v != a]
        comp_Ta = {}
        for i, c in enumerate(nx.connected_components(T.subgraph(comp))):
            for v in c:
                comp_Ta[v] = i
        xs = [v for v in comp if v in state_set]
        ys = [v for v in comp if v in perp]
        pairs = {(x, y) for x in xs for y in ys if comp_Ta[x] != comp_Ta[y]}
        rows[a] = {
            "links": [link_key(l) for l in links],
            "counterparts": counterparts,
            "compounds": sorted(compounds),
            "pairs": pairs,
            "order": (-len(pairs), -len(counterparts), a),
        }
    return rows


def audit_corruption(audit, model, rep):
    sec, ds = "corruption", model.ds
    applies = any(e["kind"] in ("official", "agency") for e in ds.entities)
    if not section_list(audit, sec, rep, applies, "the data has an official or an agency"):
        return
    rows = expected_corruption(model)
    seen = []
    for i, row in enumerate(rep):
        if not audit.check(isinstance(row, dict), sec, f"row {i + 1}: not an object"):
            continue
        a = row.get("id")
        if not audit.check(a in rows, sec,
                           f"{a!r} has no corruption-kind link to a perpetrator-side entity "
                           f"(or is not an official or agency)"):
            continue
        audit.check(a not in seen, sec, f"{a}: listed twice")
        seen.append(a)
        exp = rows[a]
        keys = []
        links = row.get("links")
        if audit.check(isinstance(links, list), sec, f"{a}: links is not a list"):
            for j, obj in enumerate(links):
                keys.append(check_link(audit, model, sec, obj, f"{a} link {j + 1}"))
            audit.check(keys == exp["links"], sec,
                        f"{a}: links {[k[:3] if k else None for k in keys]} are not its corruption-kind "
                        f"links in file order {[k[:3] for k in exp['links']]}")
        for field in ("counterparts", "compounds"):
            audit.check(row.get(field) == exp[field], sec,
                        f"{a}: {field} {row.get(field)!r}, expected {exp[field]!r}")
        p = row.get("pairs_only_it_connects")
        if isinstance(p, list):
            got = {tuple(x) for x in p if isinstance(x, (list, tuple)) and len(x) == 2}
            audit.check(got == exp["pairs"] and len(got) == len(p), sec,
                        f"{a}: pairs_only_it_connects lists {len(p)} pairs, expected {len(exp['pairs'])}")
        else:
            audit.check(p == len(exp["pairs"]) and is_number(p), sec,
                        f"{a}: pairs_only_it_connects {p!r}, expected {len(exp['pairs'])}")
    missing = sorted(a for a in rows if a not in seen)
    audit.check(not missing, sec, f"state actors with a corruption link and no row: {missing}")
    # Order: pairs descending, number of counterparts descending, id.
    for a, b in zip(seen, seen[1:]):
        audit.check(rows[a]["order"] <= rows[b]["order"], sec, f"order: {a} is listed before {b}")


def max_flow(model, present, sources, sinks):
    """Maximum flow from the present source countries to the present compounds over present
    links of the flow kinds, read either way, one unit of capacity per link (parallel links
    add), self-loops ignored; 0 when no source or sink is present."""
    srcs = [v for v in sources if v in present]
    snks = [v for v in sinks if v in present]
    if not srcs or not snks:
        return 0
    capacity = Counter()
    for l in model.live_links:
        s, t = l["source"], l["target"]
        if l["kind"] in FLOW_KINDS and s != t and s in present and t in present:
            capacity[frozenset((s, t))] += 1
    G = nx.DiGraph()
    for pair, cap in capacity.items():
        s, t = tuple(pair)
        G.add_edge(s, t, capacity=cap)
        G.add_edge(t, s, capacity=cap)
    big = len(model.ds.links) + 1
    S, T = ("super", "source"), ("super", "sink")   # tuples cannot clash with string ids
    for v in srcs:
        G.add_edge(S, v, capacity=big)
    for v in snks:
        G.add_edge(v, T, capacity=big)
    return nx.maximum_flow_value(G, S, T)


def audit_disruption(audit, model, rep):
    sec, ds, U = "disruption", model.ds, model.U
    if not audit.check(isinstance(rep, dict), sec, "not an object"):
        return
    flow_applies = bool(model.source_countries) and bool(model.compounds)
    kinds = rep.get("flow_link_kinds")
    audit.check(isinstance(kinds, list) and set(kinds) == FLOW_KINDS and len(kinds) == len(FLOW_KINDS),
                sec, f"flow_link_kinds {kinds!r}, expected {sorted(FLOW_KINDS)}")
    for field, exp in (("flow_sources", model.source_countries), ("flow_sinks", model.compounds)):
        got = rep.get(field)
        ok = isinstance(got, list) and set(got) == exp and len(got) == len(exp)
        if not flow_applies:
            ok = ok or got is None or got == []
        audit.check(ok, sec, f"{field} {got!r}, expected {sorted(exp)}")
    runs = rep.get("runs")
    if not audit.check(isinstance(runs, list), sec, "runs is not a list"):
        return
    names = [r.get("strategy") if isinstance(r, dict) else None for r in runs]
    audit.check(sorted(map(str, names)) == sorted(STRATEGIES), sec,
                f"strategies {names}, expected {STRATEGIES}")
    n_all = len(model.ids)
    for run in runs:
        if not isinstance(run, dict):
            continue
        strategy = run.get("strategy")
        where = f"{strategy} run"
        removed, steps = run.get("removed"), run.get("steps")
        if not audit.check(isinstance(removed, list) and isinstance(steps, list), sec,
                           f"{where}: removed or steps is not a list"):
            continue
        expected_removals = min(REMOVALS, len(model.candidates))
        audit.check(len(removed) == expected_removals, sec,
                    f"{where}: {len(removed)} removals, expected {expected_removals}")
        audit.check(len(steps) == len(removed) + 1, sec,
                    f"{where}: {len(steps)} steps for {len(removed)} removals (expected one more)")
        gone = []                        # removed so far (valid entities only)
        for i in range(len(removed) + 1):
            gone_set = set(gone)
            present = [v for v in model.ids if v not in gone_set]
            P = U.subgraph(present)
            # H: U without the removed entities' links; they stay as isolated nodes.
            H = U.copy()
            H.remove_edges_from(list(H.edges(gone)))
            # measures of step i
            if i < len(steps):
                step = steps[i]
                sw = f"{where} step {i}"
                if audit.check(isinstance(step, dict), sec, f"{sw}: not an object"):
                    share = largest_cc(P) / n_all if n_all else 0.0
                    audit.check(close(step.get("largest_share"), share), sec,
                                f"{sw}: largest_share {step.get('largest_share')!r}, expected {share:.9f}")
                    comps = nx.number_connected_components(P)
                    audit.check(step.get("components") == comps and is_number(step.get("components")), sec,
                                f"{sw}: components {step.get('components')!r}, expected {comps}")
                    eff = nx.global_efficiency(P)
                    audit.check(close(step.get("efficiency"), eff), sec,
                                f"{sw}: efficiency {step.get('efficiency')!r}, expected {eff:.9f}")
                    if flow_applies:
                        f = max_flow(model, set(present), model.source_countries, model.compounds)
                        audit.check(step.get("flow") == f and is_number(step.get("flow")), sec,
                                    f"{sw}: flow {step.get('flow')!r}, expected {f}")
                    else:
                        audit.check("flow" in step and step.get("flow") is None, sec,
                                    f"{sw}: flow {step.get('flow')!r}, expected null (no source country or no compound)")
            if i == len(removed):
                break
            # the i-th removal (1-based i+1): a candidate not removed before, ranked on H
            v = removed[i]
            rw = f"{where} removal {i + 1} ({v})"
            pool = [c for c in model.candidates if c not in gone_set]
            is_ok = audit.check(v in model.candidates, sec,
                                f"{rw}: {ds.kind(v)} {v!r} is not a candidate under the target policy")
            is_ok &= audit.check(v not in gone, sec, f"{rw}: removed before")
            if is_ok and strategy in ("betweenness", "degree", "articulation"):
                if strategy == "degree":
                    score = {c: (H.degree(c),) for c in pool}
                else:
                    btw = nx.betweenness_centrality(H)
                    score = {c: (btw[c],) for c in pool}
                    if strategy == "articulation":
                        # articulation points first, by betweenness, then the rest
                        aps = set(nx.articulation_points(H))
                        score = {c: (1.0 if c in aps else 0.0, btw[c]) for c in pool}
                above = sorted(c for c in pool if better(score[c], score[v]))
                audit.check(not above, sec,
                            f"{rw}: not top-ranked by {strategy}; {', '.join(above[:5])} rank above it")
            if v in ds.by_id and v not in gone:
                gone.append(v)


def cut_graph(model):
    """The flow kinds' ties: one undirected edge per linked pair, self-loops ignored."""
    G = nx.Graph()
    G.add_nodes_from(model.ids)
    for l in model.live_links:
        if l["kind"] in FLOW_KINDS and l["source"] != l["target"]:
            G.add_edge(l["source"], l["target"])
    return G


def separated(G, sources, sinks):
    """Whether no source reaches a sink in G."""
    return not any(nx.has_path(G, s, t) for s in sources for t in sinks if s in G and t in G)


def min_tie_cut(model, G):
    """The fewest ties whose removal separates the source countries from the compounds."""
    D = nx.DiGraph()
    for a, b in G.edges():
        D.add_edge(a, b, capacity=1)
        D.add_edge(b, a, capacity=1)
    big = len(model.ds.links) + 1
    S, T = ("super", "source"), ("super", "sink")
    for v in model.source_countries:
        D.add_edge(S, v, capacity=big)
    for v in model.compounds:
        D.add_edge(v, T, capacity=big)
    return nx.maximum_flow_value(D, S, T)


def min_actor_cut(model, G):
    """The fewest candidates (neither a source country nor a compound) whose removal separates the
    two sides; None when no set of candidates does."""
    D = nx.DiGraph()
    big = len(model.ds.entities) + len(model.ds.links) + 1
    ends = set(model.source_countries) | set(model.compounds)
    for v in G.nodes():
        removable = v in model.candidates and v not in ends
        D.add_edge((v, "in"), (v, "out"), capacity=1 if removable else big)
    for a, b in G.edges():
        D.add_edge((a, "out"), (b, "in"), capacity=big)
        D.add_edge((b, "out"), (a, "in"), capacity=big)
    S, T = ("super", "source"), ("super", "sink")
    for v in model.source_countries:
        D.add_edge(S, (v, "in"), capacity=big)
    for v in model.compounds:
        D.add_edge((v, "out"), T, capacity=big)
    value = nx.maximum_flow_value(D, S, T)
    return value if value < big else None


def check_indexed_link(audit, model, sec, obj, what):
    """A finding's link: a LINK with `index`, its position in the dataset's links, and `id`."""
    key = check_link(audit, model, sec, obj, what)
    if key is None:
        return None
    idx = obj.get("index")
    ok = isinstance(idx, int) and not isinstance(idx, bool) and 0 <= idx < len(model.ds.links) \
        and link_key(model.ds.links[idx]) == key
    audit.check(ok, sec, f"{what}: index {idx!r} is not the position of this link")
    return idx if ok else None


def audit_flow_cut(audit, model, rep):
    sec = "flow_cut"
    applies = bool(model.source_countries) and bool(model.compounds)
    if rep is None:
        audit.check(not applies, sec, "is null although the data has a source country and a compound")
        return
    if not audit.check(applies and isinstance(rep, dict), sec, "is not null but there is no source country or no compound"):
        return
    G = cut_graph(model)
    value = min_tie_cut(model, G)
    audit.check(close(rep.get("value"), value), sec, f"value is {rep.get('value')!r}, expected {value}")
    links = rep.get("links")
    if not audit.check(isinstance(links, list), sec, "links is not a list"):
        return
    ties = set()
    for i, obj in enumerate(links):
        if check_indexed_link(audit, model, sec, obj, f"links[{i}]") is not None:
            audit.check(obj["kind"] in FLOW_KINDS, sec, f"links[{i}]: kind {obj['kind']} is not a flow kind")
            ties.add(frozenset((obj["source"], obj["target"])))
    audit.check(len(ties) == value, sec, f"the links make {len(ties)} ties, expected {value}")
    H = G.copy()
    H.remove_edges_from(tuple(t) for t in ties if len(t) == 2)
    audit.check(separated(H, model.source_countries, model.compounds), sec,
                "removing the cut's links leaves a source country joined to a compound")
    ents = rep.get("entities")
    fewest = min_actor_cut(model, G)
    if ents is None:
        audit.check(fewest is None or value == 0, sec, f"entities is null, but {fewest} candidates separate the sides")
        return
    if not audit.check(isinstance(ents, list), sec, "entities is not a list or null"):
        return
    for v in ents:
        audit.check(v in model.candidates, sec, f"entities: {v!r} is not a candidate")
    audit.check(fewest is not None and len(set(ents)) == fewest, sec, f"{len(set(ents))} entities, the fewest is {fewest}")
    H = G.copy()
    H.remove_nodes_from(ents)
    audit.check(separated(H, model.source_countries, model.compounds), sec,
                "removing the entities leaves a source country joined to a compound")


def audit_findings(audit, model, rep, report):
    """Each finding's evidence is the dataset's: entities exist, links are at their index, and
    `sources` are the source ids the evidence cites, each once, in order of first citation
    (entities first, then links). The cheapest cut's finding rests on flow_cut's links."""
    sec, ds = "findings", model.ds
    if not audit.check(isinstance(rep, list), sec, "not a list"):
        return
    for n, f in enumerate(rep):
        if not audit.check(isinstance(f, dict) and all(k in f for k in ("topic", "text", "entities", "links", "sources")),
                           sec, f"[{n}]: not a finding with topic, text, entities, links, sources"):
            continue
        audit.check(isinstance(f["text"], str) and f["text"].strip() != "", sec, f"[{n}]: empty text")
        cited = []
        for v in f["entities"]:
            if audit.check(v in ds.by_id, sec, f"[{n}] {f['topic']}: {v!r} is not an entity"):
                cited += ds.by_id[v].get("sources") or []
        link_cites = []
        for i, obj in enumerate(f["links"]):
            if check_indexed_link(audit, model, sec, obj, f"[{n}] {f['topic']} links[{i}]") is not None:
                link_cites += obj["sources"]
        expected = list(dict.fromkeys(cited + link_cites))
        audit.check(f["sources"] == expected, sec, f"[{n}] {f['topic']}: sources {f['sources']!r}, expected {expected!r}")
        cut = report.get("flow_cut")
        if f["topic"] == "Cheapest cut" and isinstance(cut, dict) and isinstance(cut.get("links"), list):
            got = [l.get("index") for l in f["links"]]
            want = [l.get("index") for l in cut["links"] if isinstance(l, dict)]
            audit.check(got == want, sec, f"the cheapest cut's finding rests on links {got}, flow_cut on {want}")


def audit_sources(audit, model, rep):
    sec, ds = "sources", model.ds
    if rep is None:
        audit.check(not ds.sources, sec, "is null although the dataset has sources")
        return
    if not audit.check(isinstance(rep, list), sec, "not a list"):
        return
    facts = defaultdict(list)           # source id -> grades of the facts citing it
    for fact in ds.entities + ds.links:
        for sid in dict.fromkeys(fact["sources"]):
            facts[sid].append(fact["confidence"] or "ungraded")
    expected = {s.get("id"): s for s in ds.sources}
    seen = []
    for i, row in enumerate(rep):
        if not audit.check(isinstance(row, dict), sec, f"row {i + 1}: not an object"):
            continue
        sid = row.get("id")
        if not audit.check(sid in expected, sec, f"{sid!r} is not a dataset source"):
            continue
        audit.check(sid not in seen, sec, f"{sid}: listed twice")
        seen.append(sid)
        src = expected[sid]
        for field in ("title", "publisher", "date", "url"):
            audit.check(row.get(field) == src.get(field), sec,
                        f"{sid}: {field} {row.get(field)!r}, expected {src.get(field)!r}")
        n = len(facts[sid])
        got = row.get("facts")
        got_n = len(got) if isinstance(got, list) else got
        audit.check(got_n == n and (isinstance(got, list) or is_number(got)), sec,
                    f"{sid}: facts {got_n!r}, expected {n}")
        grades = dict(Counter(facts[sid]))
        g = row.get("grades")
        audit.check(isinstance(g, dict) and {k: v for k, v in g.items() if v != 0} == grades, sec,
                    f"{sid}: grades {g!r}, expected {grades}")
    missing = [s for s in expected if s not in seen]
    audit.check(not missing, sec, f"dataset sources with no row: {missing}")


def audit_omitted(audit, report):
    sec = "omitted"
    rep = report.get("omitted")
    if not audit.check(isinstance(rep, list), sec, "not a list"):
        return
    null_sections = {s for s in SECTIONS if s in report and report[s] is None}
    listed = []
    for i, row in enumerate(rep):
        if not audit.check(isinstance(row, dict), sec, f"entry {i + 1}: not an object"):
            continue
        s = row.get("section")
        audit.check(s in null_sections, sec, f"lists {s!r}, which is not a null section")
        audit.check(isinstance(row.get("why"), str) and row["why"].strip() != "", sec,
                    f"{s}: why is not a text")
        listed.append(s)
    missing = sorted(null_sections - set(listed))
    audit.check(not missing, sec, f"null sections not listed: {missing}")
    audit.check(len(listed) == len(set(map(str, listed))), sec, "a section is listed twice")


# ---------------------------------------------------------------------------------------------
def main(argv):
    parser = argparse.ArgumentParser(description="Audit tnet's report.json against SPEC.md.")
    parser.add_argument("dataset")
    parser.add_argument("report")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)          # exits 2 on a usage error
    if args.top < 0:
        parser.error("--top must not be negative")
    try:
        ds = load_dataset(args.dataset)
        try:
            with open(args.report, encoding="utf-8") as f:
                report = json.load(f)
        except (OSError, ValueError) as err:
            raise UsageError(f"cannot read the report {args.report}: {err}")
        if not isinstance(report, dict):
            raise UsageError("the report is not a JSON object")
    except UsageError as err:
        print(f"audit.py: {err}", file=sys.stderr)
        return 2

    audit = Audit()
    model = Model(ds)
    betweenness = nx.betweenness_centrality(model.U)
    pagerank = nx.pagerank(model.U) if len(model.U) else {}
    articulation = set(nx.articulation_points(model.U))

    for s in SECTIONS:
        audit.check(s in report, s, "section missing from report.json")

    def run(section, fn, *extra, nullable=False):
        if section not in report:
            return
        value = report[section]
        if value is None and not nullable:
            audit.check(False, section, "is null, but the section always applies")
            return
        fn(audit, model, value, *extra)

    run("summary", audit_summary)
    run("target_policy", audit_target_policy)
    run("findings", audit_findings, report)
    run("flow_cut", audit_flow_cut, nullable=True)
    run("key_players", audit_key_players, args.top, betweenness, pagerank, articulation)
    run("key_player_set", audit_key_player_set, betweenness, nullable=True)
    run("communities", audit_communities)
    run("routes", audit_routes, nullable=True)
    run("gaps", audit_gaps, nullable=True)
    run("corruption", audit_corruption, nullable=True)
    run("disruption", audit_disruption)
    run("sources", audit_sources, nullable=True)
    if "omitted" in report:
        audit_omitted(audit, report)

    print(f"audit: {audit.checked} claims checked, {audit.failed} failed")
    return 0 if audit.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
