#!/usr/bin/env python3
"""The explorable briefing (report.html) in headless Chromium, driven through WebDriver.

Run by ReportPageBrowserTests (Tests/tnetTests/ReportPageBrowserTests.swift); by hand:

    python page_test.py --tnet .build/debug/tnet --root . [--perf] [--screens /tmp]

Checks, on the bundled dataset's page: searching a name selects and centres it; clicking an
entity shows its sources and grade in the panel; the confidence bar B (any credibility) shows as
many entities and links as `tnet info --min-confidence B5`; the date slider shows as many as
`tnet info --as-of DAY`; the console holds no error and no CSP violation. On the `--redact
victims` pages (the bundled dataset and a fixture naming victims) no protected person's name,
id or alias is in the DOM or in any string of the embedded data. With --perf, on a generated
5,000-entity network: first render and pan/zoom frame times, printed, not asserted. Exit status
0 when every check passes; each failure is printed.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

FAILURES = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        FAILURES.append(what)


def tnet(args, binary):
    r = subprocess.run([binary] + args, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"tnet {' '.join(args)} failed: {r.stderr}")
    return r.stdout


def info_counts(binary, dataset, *filters):
    out = json.loads(tnet(["info", dataset, "--format", "json", *filters], binary))
    return out["entities"], out["links"]


def browser(chromedriver, chromium):
    options = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"]:
        options.add_argument(a)
    if chromium:
        options.binary_location = chromium
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(chromedriver), options=options)


def open_page(driver, path):
    driver.get("file://" + os.path.abspath(path))
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))


def console_problems(driver):
    logs = driver.get_log("browser")
    return [l for l in logs if l["level"] in ("SEVERE", "ERROR") or "Content Security Policy" in l["message"] or "Refused" in l["message"]]


def shown(driver):
    s = driver.find_element(By.ID, "status-counts")
    return int(s.get_attribute("data-entities")), int(s.get_attribute("data-links"))


def set_slider(driver, day):
    driver.execute_script(
        "var s=document.getElementById('asof');"
        "s.value=Math.round(Date.UTC(+arguments[0].slice(0,4),+arguments[0].slice(5,7)-1,+arguments[0].slice(8,10))/864e5);"
        "s.dispatchEvent(new Event('input'));", day)


def bundled_page(args, driver, work):
    dataset = os.path.join(args.root, "datasets/mekong-2023.json")
    out = os.path.join(work, "mekong")
    tnet(["report", dataset, "-o", out, "--steps", "3"], args.tnet)
    data = json.load(open(dataset))
    open_page(driver, os.path.join(out, "report.html"))
    check(driver.find_elements(By.CSS_SELECTOR, "h2")[0].text == "Findings", "the page opens with its findings")
    if args.screens:
        driver.save_screenshot(os.path.join(args.screens, "page-top.png"))

    # The cheapest cut the findings state, recomputed with NetworkX when it is there: the maximum
    # flow from the source countries to the compounds over recruitment, transport, employment and
    # control links read either way, one unit per linked pair.
    finding = driver.find_element(By.XPATH, "//li[strong[text()='Cheapest cut.']]").text
    stated = int(finding.split(" compounds is ")[1].split(" tie")[0])
    try:
        import networkx as nx
        operational = {"recruits_from", "recruits_via", "trafficked_to", "transits_through", "employs", "operates", "controls"}
        kind = {e["id"]: e["kind"] for e in data["entities"]}
        sources = {l["source"] for l in data["links"] if l["kind"] == "trafficked_to" and kind[l["source"]] == "country"} \
            | {l["target"] for l in data["links"] if l["kind"] == "recruits_from" and kind[l["target"]] == "country"}
        g = nx.Graph()
        g.add_edges_from((l["source"], l["target"], {"capacity": 1}) for l in data["links"] if l["kind"] in operational and l["source"] != l["target"])
        for c in sources:
            g.add_edge("_S", c)
        for e in data["entities"]:
            if e["kind"] == "compound":
                g.add_edge(e["id"], "_T")
        value = nx.maximum_flow_value(g, "_S", "_T")
        check(value == stated, f"the cheapest cut stated ({stated}) is NetworkX's maximum flow ({value})")
    except ImportError:
        print("skip the cut's NetworkX check: networkx is not installed", flush=True)

    # Search: typing a name selects and centres it.
    target = next(e for e in data["entities"] if e["id"] == "syndicate-b")
    box = driver.find_element(By.ID, "search")
    box.clear()
    box.send_keys(target["name"])
    time.sleep(0.3)
    panel = driver.find_element(By.ID, "panel")
    check(panel.find_element(By.TAG_NAME, "h3").text == target["name"], "search selects " + target["id"])
    node = driver.find_element(By.CSS_SELECTOR, "g.node[data-id='syndicate-b']")
    check("sel" in node.get_attribute("class"), "the found entity is marked in the drawing")
    centred = driver.execute_script(
        "var r=arguments[0].getBoundingClientRect(), s=document.getElementById('net').getBoundingClientRect();"
        "return Math.abs(r.x+r.width/2-(s.x+s.width/2))<40 && Math.abs(r.y+r.height/2-(s.y+s.height/2))<40;", node)
    check(centred, "the found entity is centred")
    driver.execute_script("document.getElementById('explorer').scrollIntoView()")
    if args.screens:
        driver.save_screenshot(os.path.join(args.screens, "page-search.png"))

    # An id typed whole selects its entity and still lists the others whose names hold it.
    if any(e["id"] == "tarlac" for e in data["entities"]):
        box.clear()
        box.send_keys("tarlac")
        time.sleep(0.3)
        listed = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "#results li button")]
        listed_open = driver.execute_script("return !document.getElementById('results').hidden")
        others = [e["name"] for e in data["entities"] if e["id"] != "tarlac" and "tarlac" in (e.get("name") or "").lower()]
        check(listed_open and all(any(o in t for t in listed) for o in others),
              f"typing the id tarlac keeps the {len(others)} other matches listed ({len(listed)} listed)")
        box.send_keys(Keys.ESCAPE)

    # Click an entity: its sources and grade in the panel.
    clicked = next(e for e in data["entities"] if e["id"] == "official-bokeo")
    driver.execute_script("document.getElementById('zfit').click()")
    time.sleep(0.2)
    driver.find_element(By.CSS_SELECTOR, "g.node[data-id='official-bokeo']").click()
    time.sleep(0.2)
    panel = driver.find_element(By.ID, "panel")
    text = panel.text
    check(panel.find_element(By.TAG_NAME, "h3").text == clicked["name"], "a click opens " + clicked["id"])
    check(all(s in text for s in clicked["sources"]), "the panel lists its sources " + ", ".join(clicked["sources"]))
    grades = [g.text for g in panel.find_elements(By.CSS_SELECTOR, ".grade")]
    check(clicked.get("confidence") in grades, "the panel shows its grade " + str(clicked.get("confidence")))
    links = [l for l in data["links"] if "official-bokeo" in (l["source"], l["target"])]
    check(len(panel.find_elements(By.CSS_SELECTOR, "ul.links > li")) == len(links), f"the panel lists its {len(links)} links")
    check(all(l.get("confidence", "") in grades for l in links), "each link's grade is shown")
    if args.screens:
        driver.save_screenshot(os.path.join(args.screens, "page-panel.png"))

    # A finding's evidence opens in the panel.
    driver.find_element(By.CSS_SELECTOR, "button.ref[data-l]").click()
    time.sleep(0.2)
    check(len(driver.find_elements(By.CSS_SELECTOR, "#panel h4")) >= 1, "a finding's link opens in the panel")

    # Confidence bar B (any credibility) = tnet --min-confidence B5 (5 ranks last).
    Select(driver.find_element(By.ID, "f-rel")).select_by_value("1")
    time.sleep(0.2)
    cli = info_counts(args.tnet, dataset, "--min-confidence", "B5")
    check(shown(driver) == cli, f"confidence B: page {shown(driver)}, tnet --min-confidence B5 {cli}")
    Select(driver.find_element(By.ID, "f-cred")).select_by_value("2")
    time.sleep(0.2)
    cli = info_counts(args.tnet, dataset, "--min-confidence", "B3")
    check(shown(driver) == cli, f"confidence B3: page {shown(driver)}, tnet --min-confidence B3 {cli}")
    driver.find_element(By.ID, "f-reset").click()
    check(shown(driver) == (len(data["entities"]), len(data["links"])), "Show all shows everything")

    # The date slider = tnet --as-of DAY.
    for day in ["2018-06-01", "2022-01-01", "2024-03-13", "2024-08-15"]:
        set_slider(driver, day)
        time.sleep(0.2)
        cli = info_counts(args.tnet, dataset, "--as-of", day)
        check(shown(driver) == cli, f"as of {day}: page {shown(driver)}, tnet --as-of {cli}")
    # A date range of one day keeps what that day's --as-of keeps (a period overlapping the range).
    driver.find_element(By.ID, "f-reset").click()
    driver.execute_script(
        "for (const id of ['f-from','f-to']) { const x=document.getElementById(id); x.value='2022-01-01'; x.dispatchEvent(new Event('change')); }")
    time.sleep(0.2)
    cli = info_counts(args.tnet, dataset, "--as-of", "2022-01-01")
    check(shown(driver) == cli, f"date range 2022-01-01 to 2022-01-01: page {shown(driver)}, tnet --as-of {cli}")
    driver.find_element(By.ID, "f-reset").click()

    # Keyboard: the drawing takes focus; + zooms, an arrow pans, 0 fits.
    net = driver.find_element(By.ID, "net")
    driver.execute_script("arguments[0].focus(); tnetPage.fit()", net)
    time.sleep(0.2)
    k0, x0 = driver.execute_script("return [tnetPage.view.k, tnetPage.view.x]")
    net.send_keys("+")
    net.send_keys(Keys.ARROW_LEFT)
    k1, x1 = driver.execute_script("return [tnetPage.view.k, tnetPage.view.x]")
    check(k1 > k0 and x1 != x0, "the keyboard zooms (+) and pans (arrows)")
    labelled = driver.execute_script("return Array.from(document.querySelectorAll('g.node')).every(function (g) { return g.getAttribute('aria-label') && g.getAttribute('role') === 'button'; })")
    check(labelled, "every drawn entity has a role and an ARIA label")
    # The view tabs: the right arrow moves to the next tab and opens it, the left arrow back.
    tabs = driver.find_elements(By.CSS_SELECTOR, ".tabs button")
    if len(tabs) > 1:
        tabs[0].send_keys(Keys.ARROW_RIGHT)
        second = driver.execute_script("var t = document.querySelectorAll('.tabs button')[1]; return [t.getAttribute('aria-selected'), document.activeElement === t, document.getElementById(t.getAttribute('aria-controls')).hidden]")
        tabs[1].send_keys(Keys.ARROW_LEFT)
        first = driver.execute_script("return document.querySelectorAll('.tabs button')[0].getAttribute('aria-selected')")
        check(second == ["true", True, False] and first == "true", f"the arrow keys move between the view tabs ({second}, {first})")

    # A route between two chosen entities.
    driver.execute_script("tnetPage.select(%d, false)" % [e["id"] for e in data["entities"]].index("india"))
    driver.find_element(By.XPATH, "//button[text()='Route from here']").click()
    driver.execute_script("tnetPage.select(%d, false)" % [e["id"] for e in data["entities"]].index("compound-kayin-1"))
    driver.find_element(By.XPATH, "//button[text()='Route to here']").click()
    route = driver.find_element(By.ID, "route-out").text
    check(" links: " in route and len(driver.find_elements(By.CSS_SELECTOR, "g.node.route")) >= 2, "a route is highlighted: " + route[:120])
    if args.screens:
        driver.save_screenshot(os.path.join(args.screens, "page-route.png"))
        driver.execute_script("tnetPage.fit()")
        time.sleep(0.3)
        driver.save_screenshot(os.path.join(args.screens, "page-fit.png"))
    problems = console_problems(driver)
    check(not problems, "no console error or CSP violation" + ("" if not problems else ": " + str(problems[:3])))


def strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for k, v in x.items():
            yield k
            yield from strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from strings(v)


def redacted_page(args, driver, work, dataset, name):
    data = json.load(open(dataset))
    protected = [e for e in data["entities"] if str(e.get("role", "")).strip().lower() in ("victim", "survivor", "witness")]
    secrets = set()
    for e in protected:
        for s in [e.get("name"), e["id"]] + list(e.get("attributes", {}).get("aliases", []) or []):
            if isinstance(s, str) and len(s) >= 4:
                secrets.add(s)
    check(bool(secrets), f"{name}: the dataset names protected persons ({len(secrets)} names, ids and aliases)")
    out = os.path.join(work, name)
    tnet(["report", dataset, "-o", out, "--redact", "victims", "--steps", "3"], args.tnet)
    open_page(driver, os.path.join(out, "report.html"))
    dom = driver.execute_script("return document.documentElement.outerHTML")
    embedded = driver.execute_script("return Array.from(document.querySelectorAll('script[type=\"application/json\"]')).map(function(s){return s.textContent})")
    texts = [dom] + [s for j in embedded for s in strings(json.loads(j))]
    leaks = sorted(s for s in secrets if any(s.lower() in t.lower() for t in texts))
    check(not leaks, f"{name} --redact victims: no protected name in the DOM or the embedded data" + ("" if not leaks else f": {leaks[:3]}"))
    for e in driver.find_elements(By.CSS_SELECTOR, "g.node")[:3]:
        e.get_attribute("aria-label")
    problems = console_problems(driver)
    check(not problems, f"{name}: no console error or CSP violation" + ("" if not problems else ": " + str(problems[:3])))


def alias_search(args, driver, work):
    """Search finds an entity by an alias, in another case and without its diacritics."""
    dataset = os.path.join(work, "aliases.json")
    with open(dataset, "w") as f:
        json.dump({"format": "tnet/1", "sources": [{"id": "s1", "title": "Court record"}],
                   "entities": [{"id": "syn", "kind": "syndicate", "name": "Golden Syndicate", "confidence": "B2", "sources": ["s1"],
                                 "attributes": {"aliases": ["Hội Rồng Vàng", "Dragon Group"]}},
                                {"id": "cmp", "kind": "compound", "name": "Compound K", "sources": ["s1"]}],
                   "links": [{"source": "syn", "target": "cmp", "kind": "operates", "confidence": "C3", "sources": ["s1"]}]}, f)
    out = os.path.join(work, "aliases")
    tnet(["report", dataset, "-o", out, "--steps", "1"], args.tnet)
    open_page(driver, os.path.join(out, "report.html"))
    box = driver.find_element(By.ID, "search")
    box.send_keys("hoi rong vang")
    time.sleep(0.2)
    check(driver.find_element(By.CSS_SELECTOR, "#panel h3").text == "Golden Syndicate", "search by alias (folded) selects Golden Syndicate")


def other_pages(args, driver, work):
    """A plain graph (an edge list of calls) and a network with a self-loop and an undated,
    ungraded entity open without a console error; a plain graph's page offers no confidence bar."""
    odd = os.path.join(work, "odd.json")
    with open(odd, "w") as f:
        json.dump({"format": "tnet/1", "entities": [{"id": "a", "kind": "syndicate"}, {"id": "b", "kind": "company", "name": "B"}],
                   "links": [{"source": "a", "target": "a", "kind": "controls"}, {"source": "a", "target": "b", "kind": "controls", "from": "2020"}]}, f)
    for name, dataset in [("calls", os.path.join(args.root, "Tests/tnetTests/Fixtures/calls.el")), ("odd", odd)]:
        out = os.path.join(work, "other-" + name)
        tnet(["report", dataset, "-o", out, "--steps", "1"], args.tnet)
        open_page(driver, os.path.join(out, "report.html"))
        problems = console_problems(driver)
        check(not problems, f"{name}: the page opens without a console error" + ("" if not problems else ": " + str(problems[:3])))
        n = len(driver.find_elements(By.CSS_SELECTOR, "g.node"))
        check(n > 0, f"{name}: {n} entities drawn")
        if name == "calls":
            check(not driver.find_elements(By.ID, "f-rel"), "a plain graph's page has no confidence bar")


def perf(args, driver, work):
    dataset = os.path.join(work, "g5000.json")
    tnet(["generate", "--nodes", "5000", "--seed", "1", "-o", dataset], args.tnet)
    out = os.path.join(work, "g5000")
    t0 = time.time()
    # The page is what is measured: the analyses sampled coarsely (a debug build is slow at them).
    tnet(["report", dataset, "-o", out, "--steps", "1", "--top", "5", "--exact-limit", "1000", "--epsilon", "0.1"], args.tnet)
    print(f"perf: tnet report on 5,000 entities took {time.time() - t0:.1f} s", flush=True)
    t0 = time.time()
    open_page(driver, os.path.join(out, "report.html"))
    wall = time.time() - t0
    first = driver.execute_script(
        "return new Promise(function(r){requestAnimationFrame(function(){requestAnimationFrame(function(){r(performance.now())})})})")
    print(f"perf: first render (navigation start to the drawing painted) {first:.0f} ms; load as WebDriver saw it {wall * 1000:.0f} ms", flush=True)
    measure = """
    var done = arguments[arguments.length - 1], mode = arguments[0];
    var p = window.tnetPage, s = document.getElementById('net').getBoundingClientRect();
    p.fit();
    if (mode === 'entities') p.zoomAt(6, s.width / 2, s.height / 2);
    var times = [], n = 0, last = 0;
    function frame(t) {
      if (last) times.push(t - last);
      last = t;
      if (n++ >= 40) { times.sort(function (a, b) { return a - b; }); done([times[times.length >> 1], times[Math.floor(times.length * 0.9)]]); return; }
      if (n % 2) { p.view.x += 15; p.view.y += 7; } else { p.zoomAt(1.05, s.width / 2, s.height / 2); }
      if (n % 2) p.zoomAt(1, 0, 0);
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
    """
    for mode in ["overview", "entities"]:
        med, p90 = driver.execute_async_script(measure, mode)
        print(f"perf: pan/zoom frame time ({mode} view) median {med:.1f} ms, 90th percentile {p90:.1f} ms", flush=True)
    if args.screens:
        driver.execute_script("tnetPage.fit(); document.getElementById('explorer').scrollIntoView()")
        time.sleep(0.5)
        driver.save_screenshot(os.path.join(args.screens, "page-5000.png"))
        s = driver.find_element(By.ID, "net").size
        driver.execute_script("tnetPage.zoomAt(8, arguments[0] / 2, arguments[1] / 2)", s["width"], s["height"])
        time.sleep(0.5)
        driver.save_screenshot(os.path.join(args.screens, "page-5000-zoomed.png"))
    # An entity opened from a finding takes the focus, its layer attached first (the page
    # opened on the overview, so the entities were not yet in the document).
    open_page(driver, os.path.join(out, "report.html"))
    driver.execute_script("document.querySelector('button.ref[data-e]').click()")
    time.sleep(0.5)
    focused, shown = driver.execute_script(
        "var a = document.activeElement, h = document.querySelector('#panel h3');"
        "return [a && a.matches && a.matches('g.node') ? a.getAttribute('aria-label') : (a ? a.tagName : null), h ? h.textContent : null]")
    check(bool(focused) and bool(shown) and focused.startswith(shown + ","),
          f"5,000 entities: the entity opened from a finding has the focus ({focused!r}, panel {shown!r})")
    problems = console_problems(driver)
    check(not problems, "5,000 entities: no console error" + ("" if not problems else ": " + str(problems[:3])))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tnet", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    ap.add_argument("--chromium", default=None)
    ap.add_argument("--screens", default=None)
    ap.add_argument("--perf", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="tnet-page-") as work:
        driver = browser(args.chromedriver, args.chromium)
        driver.set_script_timeout(120)
        try:
            bundled_page(args, driver, work)
            alias_search(args, driver, work)
            other_pages(args, driver, work)
            redacted_page(args, driver, work, os.path.join(args.root, "datasets/mekong-2023.json"), "mekong-redacted")
            redacted_page(args, driver, work, os.path.join(args.root, "Tests/tnetTests/Fixtures/victims.json"), "victims-redacted")
            if args.perf:
                perf(args, driver, work)
        finally:
            driver.quit()
    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed", flush=True)
        sys.exit(1)
    print("every check passed", flush=True)


if __name__ == "__main__":
    main()
