#!/usr/bin/env python3
"""Score predicted clusters against the benchmark's truth: pairwise precision, recall and F1.

    evaluate.py PRED TRUTH [--json]

PRED and TRUTH are CSV files with a header whose first two columns are a record id and a
cluster id (truth.csv is record_id,cluster_id; a resolver writes the same shape). Two records
form a predicted pair when PRED gives them the same cluster id, a true pair when TRUTH does.
Records of TRUTH missing from PRED count as singletons; ids in PRED that TRUTH does not know
(country entities of the tnet datasets, say) are ignored.

  precision = true pairs predicted / pairs predicted
  recall    = true pairs predicted / true pairs
  F1        = their harmonic mean

Pairs are counted from cluster sizes, never listed, so one giant predicted cluster costs no
memory. peers.py uses score() for fixed clusters and sweep() for every threshold of a list of
scored pairs at once (pairs accepted in descending score, joined by union-find).
"""

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict


def read_clusters(path):
    """record id -> cluster id, from the first two columns of a CSV with a header."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows, None)
        return {row[0]: row[1] for row in rows if len(row) >= 2}


def pairs_in(sizes):
    return sum(n * (n - 1) // 2 for n in sizes)


def prf(tp, predicted, true):
    p = tp / predicted if predicted else 1.0
    r = tp / true if true else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "true_positive_pairs": tp, "predicted_pairs": predicted, "true_pairs": true}


def score(pred, truth):
    """Pairwise scores of predicted clusters (record -> cluster) against truth (record -> cluster)."""
    known = {r: c for r, c in pred.items() if r in truth}
    # Records missing from pred are their own clusters.
    predicted_sizes = Counter(known.values())
    both = Counter((c, truth[r]) for r, c in known.items())
    true_sizes = Counter(truth.values())
    result = prf(pairs_in(both.values()), pairs_in(predicted_sizes.values()), pairs_in(true_sizes.values()))
    result["largest_cluster"] = max(predicted_sizes.values(), default=1)
    return result


def sweep(scored_pairs, truth, thresholds):
    """Scores at each threshold for pairs (a, b, score): a pair is accepted when score >= t, and
    clusters are the connected components of accepted pairs. Returns {t: prf dict}."""
    parent = {}
    members = {}  # root -> Counter of true cluster ids

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r, c in truth.items():
        parent[r] = r
        members[r] = Counter({c: 1})
    sizes = {r: 1 for r in truth}
    true_pairs = pairs_in(Counter(truth.values()).values())
    tp = predicted = 0
    largest = 1
    ordered = sorted(((s, a, b) for a, b, s in scored_pairs if a in truth and b in truth), reverse=True)
    results = {}
    i = 0
    for t in sorted(thresholds, reverse=True):
        while i < len(ordered) and ordered[i][0] >= t:
            _, a, b = ordered[i]
            i += 1
            ra, rb = find(a), find(b)
            if ra == rb:
                continue
            if sizes[ra] < sizes[rb]:
                ra, rb = rb, ra
            predicted += sizes[ra] * sizes[rb]
            big, small = members[ra], members[rb]
            for c, n in small.items():
                tp += n * big.get(c, 0)
            for c, n in small.items():
                big[c] += n
            parent[rb] = ra
            sizes[ra] += sizes.pop(rb)
            largest = max(largest, sizes[ra])
            del members[rb]
        results[t] = dict(prf(tp, predicted, true_pairs), largest_cluster=largest)
    return results


def components(pairs, ids):
    """record -> cluster id: connected components of the given pairs over ids."""
    parent = {r: r for r in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    return {r: find(r) for r in ids}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred")
    ap.add_argument("truth")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a line of text")
    args = ap.parse_args()
    result = score(read_clusters(args.pred), read_clusters(args.truth))
    if args.json:
        json.dump(result, sys.stdout, indent=1)
        print()
    else:
        print("precision %.4f  recall %.4f  F1 %.4f  (%d of %d predicted pairs true; %d true pairs)"
              % (result["precision"], result["recall"], result["f1"], result["true_positive_pairs"],
                 result["predicted_pairs"], result["true_pairs"]))


if __name__ == "__main__":
    main()
