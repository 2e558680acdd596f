#!/usr/bin/env python3
"""Run tnet merge and the two peer resolvers over the benchmark and score them with evaluate.py.

    peers.py --data DIR [--out results/er.json] [--only tnet|nomenklatura|splink] [--tnet BINARY]
    peers.py --scale --data DIR_100K [--budget 600]

(a) nomenklatura's cross-referencing (xref): its blocking index over the FtM entities, then
    every candidate pair scored by xref's default algorithm (DedupeAlgorithm, "er-unstable" in
    nomenklatura 4.17) and stored as a suggestion in a resolver. xref has no accept threshold of
    its own: it proposes pairs for a person to judge. The "default" threshold used here is 0.5,
    the decision boundary of that algorithm's logistic model.
(b) Splink with DuckDB: comparisons on names (Jaro-Winkler and Levenshtein levels, on the
    folded name and on its sorted tokens, so that swapped order still scores), exact
    identifiers (passport, registration number, phone digits, wallet), country and dates;
    blocking rules below; u by random sampling, m by EM. Its default threshold is a match
    probability of 0.5 (a match more likely than not).

Each peer is scored at its default threshold and at the threshold that maximises F1 on this
very data (which flatters the peer: it is tuned on the answers). Clusters are connected
components of accepted pairs. Times are wall seconds including index building and training.
The --scale mode runs each peer on the large set in a child process and stops it after
--budget seconds, reporting how long it ran.
"""

import argparse
import csv
import json
import logging
import multiprocessing
import os
import platform
import queue
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import evaluate  # noqa: E402

THRESHOLDS = [round(x / 100, 2) for x in range(1, 100)] + [0.995, 0.999]


def read_records(data):
    with open(os.path.join(data, "records.csv"), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------- nomenklatura

def run_nomenklatura(data, workdir, limit=None):
    """xref over records.ftm.json; returns (scored pairs, seconds, details)."""
    os.environ.setdefault("NOMENKLATURA_DUCKDB_THREADS", "1")
    db = os.path.join(workdir, "nk.db")
    os.environ["NOMENKLATURA_DB_URL"] = "sqlite:///" + db
    from pathlib import Path
    from nomenklatura import settings
    settings.DB_URL = os.environ["NOMENKLATURA_DB_URL"]
    from nomenklatura.db import make_session
    from nomenklatura.matching import DedupeAlgorithm
    from nomenklatura.resolver import Resolver
    from nomenklatura.store import load_entity_file_store
    from nomenklatura.xref import xref

    n_records = sum(1 for _ in open(os.path.join(data, "records.csv"), encoding="utf-8")) - 1
    # xref stops after `limit` suggestions (5000 by default, a review queue's size). Here the
    # suggestions are the output, so the budget is five per record, well above the
    # true pairs a record has on average; the blocker offers 10x as many pairs to score.
    limit = limit or 5 * n_records
    start = time.time()
    with make_session(settings.DB_URL) as session:
        resolver = Resolver(session, create=True)
        resolver.load_into_memory()
        store = load_entity_file_store(Path(os.path.join(data, "records.ftm.json")), resolver=resolver)
        xref(resolver, session, store, Path(os.path.join(workdir, "xref-index")), limit=limit,
             algorithm=DedupeAlgorithm, discount_internal=1.0)
        pairs = [(a, b, float(s or 0.0)) for a, b, s in resolver.get_candidates()]
    seconds = time.time() - start
    return pairs, seconds, {"algorithm": DedupeAlgorithm.NAME, "suggestion_limit": limit,
                            "default_threshold": 0.5, "discount_internal": 1.0}


# ---------------------------------------------------------------- splink

def fold(text):
    """Lower-case ASCII letters and digits with single spaces: diacritics and punctuation go."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = "".join(c if c.isalnum() else " " for c in text)
    return " ".join(text.split())


LEGAL = {"co", "ltd", "company", "limited", "corp", "inc"}


def splink_table(rows):
    """The columns Splink compares, derived from records.csv the same way for every record."""
    out = []
    for r in rows:
        name = fold(r["name"])
        tokens = [t for t in name.split() if t not in LEGAL] if r["kind"] == "company" else name.split()
        digits = "".join(c for c in r["phone"] if c.isdigit())
        out.append({
            "unique_id": r["record_id"], "source": r["source"], "kind": r["kind"],
            "name": " ".join(tokens) or None,
            "name_sorted": " ".join(sorted(tokens)) or None,
            "first_token": (sorted(tokens)[0] if tokens else None),
            "passport": "".join(c for c in r["passport"].upper() if c.isalnum()) or None,
            "registration": "".join(c for c in r["registration_number"].upper() if c.isalnum()) or None,
            # The last 8 digits: the same number with or without country code or trunk zero.
            "phone": digits[-8:] or None,
            "wallet": r["wallet"] or None,
            "country": r["country"] or None,
            "date": (r["birth_date"] or r["incorporation_date"]) or None,
            "year": (r["birth_date"] or r["incorporation_date"])[:4] or None,
        })
    return out


def run_splink(data, workdir):
    """Splink (DuckDB backend) dedupe over both sources together; returns (pairs, seconds, details)."""
    import duckdb
    import splink.comparison_library as cl
    import splink.comparison_level_library as cll
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    start = time.time()
    columns = ["unique_id", "source", "kind", "name", "name_sorted", "first_token", "passport",
               "registration", "phone", "wallet", "country", "date", "year"]
    path = os.path.join(workdir, "splink-input.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for row in splink_table(read_records(data)):
            w.writerow([row[c] or "" for c in columns])
    con = duckdb.connect(os.path.join(workdir, "splink.duckdb"))
    con.execute("SET threads = 1")
    con.execute("CREATE TABLE records AS SELECT * FROM read_csv(?, header = true, all_varchar = true, nullstr = '')",
                [path])
    db_api = DuckDBAPI(connection=con)
    # Blocking: a pair is compared when it shares an identifier (any one is strong evidence)
    # or, for names, the same kind and the same sorted-token name, or the same alphabetically
    # first name token and the same year. Name blocks catch romanisation-free duplicates and
    # swapped order; identifiers catch the rest. Rules on one token alone would compare every
    # "Wang" with every other, which grows quadratically.
    blocking = [
        block_on("passport"), block_on("registration"), block_on("phone"), block_on("wallet"),
        block_on("kind", "name_sorted"),
        block_on("kind", "first_token", "year"),
        block_on("kind", "first_token", "country"),
    ]
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        blocking_rules_to_generate_predictions=blocking,
        comparisons=[
            cl.CustomComparison(
                output_column_name="name",
                comparison_levels=[
                    cll.NullLevel("name"),
                    cll.ExactMatchLevel("name"),
                    cll.ExactMatchLevel("name_sorted"),
                    cll.JaroWinklerLevel("name_sorted", 0.95),
                    cll.LevenshteinLevel("name", 2),
                    cll.JaroWinklerLevel("name_sorted", 0.88),
                    cll.JaroWinklerLevel("name", 0.8),
                    cll.ElseLevel(),
                ]),
            cl.ExactMatch("passport"),
            cl.ExactMatch("registration"),
            cl.ExactMatch("phone"),
            cl.ExactMatch("wallet"),
            cl.ExactMatch("country"),
            cl.CustomComparison(
                output_column_name="date",
                comparison_levels=[
                    cll.NullLevel("date"),
                    cll.ExactMatchLevel("date"),
                    cll.ExactMatchLevel("year"),
                    cll.ElseLevel(),
                ]),
            cl.ExactMatch("kind"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(db_api.register("records"), settings, log_level=logging.WARNING)
    # Prior: pairs a shared passport or registration number makes very likely, assumed to be
    # found with recall 0.6 (they are missing from half the records).
    linker.training.estimate_probability_two_random_records_match(
        [block_on("passport"), block_on("registration")], recall=0.6)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=19)
    # EM twice: blocked on a name to learn the identifiers' m, on identifiers to learn names'.
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("kind", "name_sorted"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("passport"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("phone"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("registration"))
    predictions = linker.inference.predict(threshold_match_probability=0.01)
    pairs = [(a, b, float(p)) for a, b, p in predictions.as_duckdbpyrelation()
             .select("unique_id_l, unique_id_r, match_probability").fetchall()]
    seconds = time.time() - start
    return pairs, seconds, {"backend": "duckdb (1 thread)", "default_threshold": 0.5,
                            "blocking_rules": [b.get_blocking_rule("duckdb").blocking_rule_sql for b in blocking]}


def run_tnet(data, workdir, binary, threshold=0.5):
    """tnet merge over the two native datasets, merging every pair of probability >= threshold
    (--accept-above: the benchmark has no reviewer). Returns tnet's own clusters (its
    crosswalk: average linkage, not components of pairs), every pair it scored, and the time."""
    out = os.path.join(workdir, "merged.json")
    crosswalk, pairs_file = os.path.join(workdir, "crosswalk.csv"), os.path.join(workdir, "pairs.csv")
    cmd = [binary, "merge", os.path.join(data, "A.json"), os.path.join(data, "B.json"), "-o", out,
           "--accept-above", str(threshold), "--crosswalk", crosswalk, "--pairs", pairs_file,
           "--review", os.path.join(workdir, "review.csv")]
    start = time.time()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    seconds = time.time() - start
    with open(crosswalk, encoding="utf-8") as f:
        clusters = {r["record"].split(":", 1)[1]: r["merged_id"] for r in csv.DictReader(f)}
    with open(pairs_file, encoding="utf-8") as f:
        pairs = [(r["left"].split(":", 1)[1], r["right"].split(":", 1)[1], float(r["probability"])) for r in csv.DictReader(f)]
    return clusters, pairs, seconds, {"command": "tnet merge A.json B.json --accept-above %s" % threshold,
                                      "default_threshold": threshold}


def evaluate_tnet(clusters, pairs, seconds, details, truth, outdir):
    """tnet's clusters as it writes them, scored by evaluate.score; its scored pairs swept like
    the peers' (components of accepted pairs) for the best-threshold and recall-ceiling rows."""
    default = evaluate.score(clusters, truth)
    path = os.path.join(outdir, "tnet-clusters.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["record_id", "cluster_id"])
        w.writerows(sorted(clusters.items()))
    results = evaluate.sweep(pairs, truth, THRESHOLDS)
    best_t = max(results, key=lambda t: (results[t]["f1"], -t))
    return {"peer": "tnet", "seconds": round(seconds, 1), "scored_pairs": len(pairs), "details": details,
            "default": dict(default, threshold=details["default_threshold"]),
            "best": dict(results[best_t], threshold=best_t),
            "all_candidates": dict(results[THRESHOLDS[0]], threshold=THRESHOLDS[0])}


# ---------------------------------------------------------------- evaluation

def evaluate_peer(name, pairs, seconds, details, truth, outdir):
    """Scores at every threshold (evaluate.sweep); the default threshold's clusters are also
    written to OUTDIR/NAME-clusters.csv and scored from that file by evaluate.score, the way
    tnet's output will be, and the two must agree. The scored pairs go to NAME-pairs.csv."""
    default_t = details["default_threshold"]
    results = evaluate.sweep(pairs, truth, THRESHOLDS + [default_t])
    best_t = max(results, key=lambda t: (results[t]["f1"], -t))
    with open(os.path.join(outdir, name + "-pairs.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["left", "right", "score"])
        w.writerows((a, b, "%.6f" % s) for a, b, s in pairs)
    clusters = evaluate.components([(a, b) for a, b, s in pairs if s >= default_t and a in truth and b in truth],
                                   truth.keys())
    path = os.path.join(outdir, name + "-clusters.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["record_id", "cluster_id"])
        w.writerows(sorted(clusters.items()))
    from_file = evaluate.score(evaluate.read_clusters(path), truth)
    assert from_file == results[default_t], (from_file, results[default_t])
    return {"peer": name, "seconds": round(seconds, 1), "scored_pairs": len(pairs), "details": details,
            "default": dict(results[default_t], threshold=default_t),
            "best": dict(results[best_t], threshold=best_t),
            # Every pair the peer scored accepted: the ceiling its candidates allow (recall).
            "all_candidates": dict(results[THRESHOLDS[0]], threshold=THRESHOLDS[0])}


def markdown(results, machine):
    lines = ["| peer | threshold | precision | recall | F1 | largest cluster | seconds |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for r in results:
        for which, label in (("default", "default"), ("best", "best F1 on this data (flatters)"),
                             ("all_candidates", "every scored pair (recall ceiling)")):
            x = r[which]
            lines.append("| %s | %s %.3g | %.3f | %.3f | %.3f | %d | %.1f |" % (
                r["peer"], label, x["threshold"], x["precision"], x["recall"], x["f1"], x["largest_cluster"],
                r["seconds"]))
    lines.append("")
    lines.append("Machine: %s" % machine)
    return "\n".join(lines)


def machine():
    return "%s, %d cores, Python %s" % (platform.platform(), os.cpu_count() or 0, platform.python_version())


def _child(name, data, workdir, out):
    # Progress on standard error (nomenklatura logs its pairs scored), so that a stopped run
    # shows how far it got.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    try:
        fn = run_nomenklatura if name == "nomenklatura" else run_splink
        pairs, seconds, details = fn(data, workdir)
        out.put(("ok", len(pairs), seconds))
    except Exception as e:  # reported, not raised: the parent writes what happened
        out.put(("error", repr(e), 0))


def scale(args):
    """Each peer on the large set in a child process, stopped after --budget seconds."""
    results = []
    if not args.only or args.only == "tnet":
        workdir = tempfile.mkdtemp(prefix="er-tnet-")
        try:
            clusters, pairs, seconds, _ = run_tnet(args.data, workdir, args.tnet)
            r = {"peer": "tnet", "finished": True, "seconds": round(seconds, 1), "scored_pairs": len(pairs)}
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        print(json.dumps(r), flush=True)
        results.append(r)
    for name in ("splink", "nomenklatura"):
        if args.only and args.only != name:
            continue
        workdir = tempfile.mkdtemp(prefix="er-%s-" % name)
        out = multiprocessing.Queue()
        p = multiprocessing.Process(target=_child, args=(name, args.data, workdir, out))
        start = time.time()
        p.start()
        p.join(args.budget)
        elapsed = time.time() - start
        if p.is_alive():
            p.terminate()
            p.join()
            r = {"peer": name, "finished": False, "stopped_after_seconds": round(elapsed, 1)}
        else:
            try:
                status, value, seconds = out.get(timeout=5)
            except queue.Empty:
                status, value, seconds = "error", "no result (exit code %s)" % p.exitcode, 0
            r = {"peer": name, "finished": status == "ok", "seconds": round(seconds, 1),
                 "wall_seconds_with_start": round(elapsed, 1)}
            r["scored_pairs" if status == "ok" else "error"] = value
        shutil.rmtree(workdir, ignore_errors=True)
        print(json.dumps(r), flush=True)
        results.append(r)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(HERE, "data"))
    ap.add_argument("--out", default=os.path.join(HERE, "results", "er.json"))
    ap.add_argument("--only", choices=["tnet", "nomenklatura", "splink"])
    ap.add_argument("--tnet", default=os.path.join(HERE, "..", "..", ".build", "release", "tnet"),
                    help="the tnet binary (default: the package's release build)")
    ap.add_argument("--scale", action="store_true", help="time each peer on a large set, with a budget")
    ap.add_argument("--budget", type=float, default=600)
    args = ap.parse_args()
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    if args.scale:
        results = scale(args)
        with open(os.path.join(os.path.dirname(args.out), "er-scale.json"), "w") as f:
            json.dump({"data": args.data, "budget_seconds": args.budget, "machine": machine(),
                       "peers": results}, f, indent=1)
        return
    truth = evaluate.read_clusters(os.path.join(args.data, "truth.csv"))
    results = []
    if not args.only or args.only == "tnet":
        workdir = tempfile.mkdtemp(prefix="er-tnet-")
        try:
            clusters, pairs, seconds, details = run_tnet(args.data, workdir, args.tnet)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        results.append(evaluate_tnet(clusters, pairs, seconds, details, truth, os.path.dirname(args.out)))
        print("tnet: %d scored pairs in %.1f s" % (len(pairs), seconds), file=sys.stderr, flush=True)
    for name, fn in (("nomenklatura", run_nomenklatura), ("splink", run_splink)):
        if args.only and args.only != name:
            continue
        workdir = tempfile.mkdtemp(prefix="er-%s-" % name)
        try:
            pairs, seconds, details = fn(args.data, workdir)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        results.append(evaluate_peer(name, pairs, seconds, details, truth, os.path.dirname(args.out)))
        print("%s: %d scored pairs in %.1f s" % (name, len(pairs), seconds), file=sys.stderr, flush=True)
    stats_path = os.path.join(args.data, "stats.json")
    stats = json.load(open(stats_path)) if os.path.exists(stats_path) else {}
    report = {"data": args.data, "records": len(truth), "true_pairs": stats.get("true_pairs"),
              "seed": stats.get("seed"), "machine": machine(), "peers": results}
    with open(args.out, "w") as f:
        json.dump(report, f, indent=1)
        f.write("\n")
    print(markdown(results, machine()))


if __name__ == "__main__":
    main()
