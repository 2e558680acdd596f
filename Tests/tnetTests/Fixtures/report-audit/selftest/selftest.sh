#!/bin/sh
# Self-test of ../audit.py on hand-made fixtures:
#   dataset.json + report.json        (native dataset; every section worked out by hand / NetworkX)
#   plain.el     + plain-report.json  (edge list; routes, gaps, corruption null; flow null)
# Both must pass; four corruptions of report.json must each fail in the expected section.
# Usage: sh selftest.sh   (PYTHON=... to choose the interpreter; it needs networkx)
set -u
here=$(cd "$(dirname "$0")" && pwd)
audit="$here/../audit.py"
PY=${PYTHON:-python3}
if ! "$PY" -c 'import networkx' 2>/dev/null && [ -x /work/main/.venv-oracle/bin/python ]; then
    PY=/work/main/.venv-oracle/bin/python
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0

expect_pass() {  # DATASET REPORT
    if "$PY" "$audit" "$1" "$2" >"$tmp/out" 2>&1; then
        echo "ok    pass: $(basename "$2")"
    else
        echo "FAIL  expected $(basename "$2") to pass:"; cat "$tmp/out"; bad=1
    fi
}

expect_fail() {  # NAME SECTION PYTHON-STATEMENT-ON-r
    "$PY" - "$here/report.json" "$tmp/bad.json" "$3" <<'PYEOF'
import json, sys
r = json.load(open(sys.argv[1]))
exec(sys.argv[3])
json.dump(r, open(sys.argv[2], "w"))
PYEOF
    "$PY" "$audit" "$here/dataset.json" "$tmp/bad.json" >"$tmp/out" 2>&1
    rc=$?
    if [ $rc -eq 1 ] && grep -q "^FAIL $2:" "$tmp/out"; then
        echo "ok    caught: $1 -> $(grep -m1 "^FAIL $2:" "$tmp/out")"
    else
        echo "FAIL  not caught: $1 (exit $rc)"; cat "$tmp/out"; bad=1
    fi
}

expect_pass "$here/dataset.json" "$here/report.json"
expect_pass "$here/plain.el" "$here/plain-report.json"

# 1. a route step's link with the wrong kind (no such dataset link)
expect_fail "route step link kind" routes \
    "r['routes'][1]['steps'][1]['link']['kind'] = 'operates'"
# 2. a route step's along flipped (the step runs against region-1 -> country-b)
expect_fail "route step along" routes \
    "r['routes'][1]['steps'][1]['along'] = True"
# 3. an agency (never a candidate) added to key_players
expect_fail "agency in key_players" key_players \
    "r['key_players'].append(dict(r['key_players'][-1], id='police-b', kind='agency', name='Borduria Police'))"
# 4. a gap's cooperation changed (Aland -> Borduria is weak: only via Interpol)
expect_fail "gap cooperation" gaps \
    "[g for g in r['gaps'] if g['from'] == 'country-a'][0]['cooperation'] = 'strong'"

if [ $bad -eq 0 ]; then echo "selftest: ok"; else echo "selftest: FAILED"; fi
exit $bad
