/// The explorable page's script and its styles: plain JavaScript, no library, inlined and admitted
/// by the page's Content-Security-Policy through their SHA-256 hashes.
///
/// The script reads the embedded data (``PageData``) with `JSON.parse` and draws it as SVG at
/// Graphviz's positions. Every text it shows is set with `textContent` (never `innerHTML`).
/// Visibility follows tnet's filters exactly: an entity is shown when its kind is ticked, its
/// grade passes the confidence bar (both ranks at least as good; ungraded fails any bar) and its
/// period covers the date(s) asked; a link when both ends are shown, its family is ticked and it
/// passes the same tests (`DatasetFilter`). Routes are found in the page by breadth-first search
/// over the shown links read either way (iterative, a queue).
enum PageScript {
    static let css = #"""
    main.explore{max-width:1400px}
    #explorer{border:1px solid #c9d3dc;border-radius:6px;background:#fbfcfd;margin:.6em 0 1em}
    .tabs{display:flex;gap:2px;border-bottom:1px solid #c9d3dc;padding:4px 6px 0}
    .tabs button{border:1px solid #c9d3dc;border-bottom:none;background:#eef2f5;padding:.3em .9em;border-radius:5px 5px 0 0;font:inherit;cursor:pointer}
    .tabs button[aria-selected=true]{background:#fff;font-weight:600}
    .toolbar{display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center;padding:.5em .7em;border-bottom:1px solid #e1e6ea;font-size:.9em}
    .toolbar label{white-space:nowrap}.toolbar input[type=search]{width:16em;font:inherit;padding:.2em .4em}
    .toolbar select,.toolbar input[type=date]{font:inherit}
    .toolbar fieldset{border:1px solid #d6dde3;border-radius:4px;padding:.1em .5em .3em;margin:0}
    .toolbar legend{font-size:.85em;color:#445}
    .stage{display:flex;min-height:420px;height:72vh}
    .canvas{position:relative;flex:1;min-width:0}
    #net{width:100%;height:100%;display:block;background:#fff;cursor:grab;touch-action:none}
    #net:focus{outline:3px solid #0072B2;outline-offset:-3px}
    #net.dragging{cursor:grabbing}
    #panel{width:360px;max-width:45%;overflow:auto;border-left:1px solid #e1e6ea;padding:.6em .8em;font-size:.88em;background:#fff}
    #panel h3{margin:.1em 0 .3em;font-size:1.15em}#panel h4{margin:.9em 0 .2em;font-size:.95em;color:#234}
    #panel dl{display:grid;grid-template-columns:max-content 1fr;gap:.1em .6em;margin:.2em 0}#panel dt{color:#556}#panel dd{margin:0;word-break:break-word}
    #panel ul{margin:.2em 0;padding-left:1.1em}#panel li{margin:.35em 0}
    .grade{display:inline-block;font-family:Menlo,Consolas,monospace;font-weight:700;background:#eef4f9;border:1px solid #b9cfe0;border-radius:3px;padding:0 .25em;font-size:.92em}
    button.ref{font:inherit;color:#0a58a3;background:none;border:none;padding:0;text-decoration:underline;cursor:pointer;text-align:left}
    button.ref:focus{outline:2px solid #0072B2}
    .small{font-size:.85em;color:#555}.muted{color:#777}
    #results{position:absolute;z-index:5;background:#fff;border:1px solid #aab;max-height:16em;overflow:auto;margin:0;padding:0;list-style:none;min-width:18em;box-shadow:0 2px 6px #0002}
    #results li button{display:block;width:100%;text-align:left;font:inherit;background:none;border:none;padding:.25em .5em;cursor:pointer}
    #results li button:hover,#results li button:focus{background:#e7f0f8}
    .status{font-size:.85em;color:#333;padding:.35em .7em;border-top:1px solid #e1e6ea;display:flex;gap:1em;flex-wrap:wrap}
    .zoomctl{position:absolute;right:8px;top:8px;display:flex;flex-direction:column;gap:3px}
    .zoomctl button{width:30px;height:30px;font-size:18px;line-height:1;border:1px solid #99a;background:#fff;border-radius:4px;cursor:pointer}
    .legend{position:absolute;left:8px;bottom:8px;background:#ffffffe8;border:1px solid #ccd;border-radius:4px;padding:.3em .5em;font-size:.78em;max-width:60%}
    .legend span.item{white-space:nowrap}.legend span.sw{display:inline-block;width:.9em;height:.9em;border:1px solid #555;vertical-align:-.1em;margin:0 .25em 0 .5em}
    .legend span.ln{display:inline-block;width:1.6em;height:0;border-top:3px solid;vertical-align:.25em;margin:0 .25em 0 .5em}
    g.node{cursor:pointer}g.node:focus{outline:none}g.node:focus .shape,g.node.sel .shape{stroke:#000;stroke-width:3}
    g.node.route .shape{stroke:#CC0000;stroke-width:4}
    path.tie{fill:none}path.tie.hl{stroke:#000 !important;opacity:1;stroke-width:2px;vector-effect:non-scaling-stroke}path.tie.route{stroke:#CC0000 !important;opacity:1;stroke-width:4px;stroke-dasharray:none;vector-effect:non-scaling-stroke}
    text.lab{font-family:Helvetica,Arial,sans-serif;pointer-events:none;text-anchor:middle;dominant-baseline:central}
    svg.nolabels text.lab{display:none}svg.moving text.lab{display:none}svg.moving path.tie{stroke-dasharray:none}svg.moving{shape-rendering:optimizeSpeed}
    text.pin{font-family:Helvetica,Arial,sans-serif;font-weight:700;pointer-events:none;text-anchor:middle;paint-order:stroke;stroke:#fff;stroke-linejoin:round}
    svg.dimmed g.node:not(.sel):not(.nb):not(.route){opacity:.25}svg.dimmed path.tie:not(.hl):not(.route){opacity:.12}
    rect.cluster{fill:#F5F5F5;stroke:#AAAAAA}text.clab{font-family:Helvetica,Arial,sans-serif;fill:#666}
    g.comm{cursor:pointer}g.comm circle{fill:#9ec5e6;stroke:#235;stroke-width:1.5}g.comm text{font-family:Helvetica,Arial,sans-serif;text-anchor:middle;paint-order:stroke;stroke:#fff}
    line.cl{stroke:#889}
    .view svg{display:block;width:100%;height:auto}
    """#

    static let js = #"""
    (function () {
    'use strict';
    var D = JSON.parse(document.getElementById('tnet-data').textContent);
    var NS = 'http://www.w3.org/2000/svg';
    var E = D.entities, L = D.links, T = D.ties;
    var $ = function (id) { return document.getElementById(id); };
    function el(tag, cls, text) { var x = document.createElement(tag); if (cls) x.className = cls; if (text != null) x.textContent = text; return x; }
    function sv(tag, attrs) { var x = document.createElementNS(NS, tag); for (var k in attrs) x.setAttribute(k, attrs[k]); return x; }
    function label(i) { return E[i].name || E[i].id; }
    var REL = 'ABCDFE', CRED = '123465';
    var FACTOR = {A: 1, B: .8, C: .6, D: .4, E: .2, F: .3};
    var RMEAN = {A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable', D: 'not usually reliable', E: 'unreliable', F: 'reliability cannot be judged'};
    var CMEAN = {'1': 'confirmed by other sources', '2': 'probably true', '3': 'possibly true', '4': 'doubtful', '5': 'improbable', '6': 'truth cannot be judged'};
    var srcById = {}; D.sources.forEach(function (s) { srcById[s.id] = s; });
    var famOf = {}; D.families.forEach(function (f) { f.kinds.forEach(function (k) { famOf[k] = f.name; }); });
    var adj = E.map(function () { return []; });
    L.forEach(function (l, i) { adj[l.s].push(i); if (l.t !== l.s) adj[l.t].push(i); });
    var tieLinks = T.map(function () { return []; });
    L.forEach(function (l, i) { if (l.tie != null) tieLinks[l.tie].push(i); });
    var pinned = {};
    D.findings.forEach(function (f) { f.parts.forEach(function (p) { if (p.e != null) pinned[p.e] = true; }); });

    // ---- filters (the semantics of tnet's DatasetFilter) ----
    var kinds = []; E.forEach(function (e) { if (kinds.indexOf(e.kind) < 0) kinds.push(e.kind); }); kinds.sort();
    var st = { kinds: {}, fams: {}, rel: null, cred: null, from: '', to: '', asOf: null, sel: -1, routeA: -1, routeB: -1, route: null };
    kinds.forEach(function (k) { st.kinds[k] = true; });
    D.families.forEach(function (f) { st.fams[f.name] = true; });
    var visE = new Uint8Array(E.length), visL = new Uint8Array(L.length);
    function confOK(r) {
      if (st.rel == null && st.cred == null) return true;
      if (r.rr == null) return false;
      return r.rr <= (st.rel == null ? 5 : st.rel) && r.cr <= (st.cred == null ? 5 : st.cred);
    }
    function dateOK(r) {
      if (st.asOf && ((r.from && r.from > st.asOf) || (r.to && r.to < st.asOf))) return false;
      if (st.to && r.from && r.from > st.to) return false;
      if (st.from && r.to && r.to < st.from) return false;
      return true;
    }
    function computeVisible() {
      var ne = 0, nl = 0, i;
      for (i = 0; i < E.length; i++) { var e = E[i]; visE[i] = st.kinds[e.kind] && confOK(e) && dateOK(e) ? 1 : 0; ne += visE[i]; }
      for (i = 0; i < L.length; i++) { var l = L[i]; visL[i] = visE[l.s] && visE[l.t] && st.fams[l.family] && confOK(l) && dateOK(l) ? 1 : 0; nl += visL[i]; }
      return [ne, nl];
    }

    // ---- drawing at Graphviz's positions ----
    var svg = $('net'), vp = sv('g', {}), lay = {};
    ['clusters', 'ties', 'nodes', 'labels', 'pins', 'overview'].forEach(function (n) { lay[n] = sv('g', {'class': 'layer-' + n}); vp.appendChild(lay[n]); });
    svg.appendChild(vp);
    // A large network opens on its overview: its entity layers (tens of thousands of elements)
    // are kept out of the document, and so out of the first style and layout, until the view is
    // first zoomed in. Hidden with display:none they still cost two thirds of the first render.
    var detached = E.length > D.overviewThreshold;
    if (detached) { vp.removeChild(lay.ties); vp.removeChild(lay.nodes); vp.removeChild(lay.labels); }
    function attachLayers() {
      if (!detached) return;
      detached = false;
      vp.insertBefore(lay.ties, lay.pins); vp.insertBefore(lay.nodes, lay.pins); vp.insertBefore(lay.labels, lay.pins);
    }
    D.clusters.forEach(function (c) {
      var b = c.box;
      lay.clusters.appendChild(sv('rect', {'class': 'cluster', x: b[0], y: b[1], width: b[2] - b[0], height: b[3] - b[1], rx: 6}));
      var t = sv('text', {'class': 'clab', x: b[0] + 6, y: b[1] + 15, 'font-size': 13}); t.textContent = c.label; lay.clusters.appendChild(t);
    });
    var tieEl = T.map(function (t, k) {
      var p = t.pts;
      if (p.length < 4) { var none = sv('path', {'class': 'tie', d: 'M0,0'}); none.style.display = 'none'; lay.ties.appendChild(none); return none; }
      var d = 'M' + p[0] + ',' + p[1];
      if (p.length >= 8 && (p.length - 2) % 6 === 0) { for (var i = 2; i < p.length; i += 6) d += 'C' + p.slice(i, i + 6).join(','); }
      else { for (var j = 2; j < p.length; j += 2) d += 'L' + p[j] + ',' + p[j + 1]; }
      if (t.arrow) d += 'L' + t.arrow[0] + ',' + t.arrow[1];
      var a = {'class': 'tie', d: d, stroke: t.color, 'stroke-width': t.width};
      if (t.style === 'dashed') a['stroke-dasharray'] = '6,3'; else if (t.style === 'dotted') a['stroke-dasharray'] = '1.5,3';
      var x = sv('path', a); x.dataset.tie = k; lay.ties.appendChild(x); return x;
    });
    function shapeFor(e) {
      var x = e.x, y = e.y, w = e.w / 2, h = e.h / 2, s = e.shape || 'ellipse', pts;
      if (s === 'box' || s === 'rect' || s === 'rectangle' || s === 'square' || s === 'folder' || s === 'tab' || s === 'note' || s === 'box3d' || s === 'component' || s === 'cylinder')
        return sv('rect', {x: x - w, y: y - h, width: 2 * w, height: 2 * h, rx: s === 'cylinder' ? 8 : 2});
      if (s === 'diamond') pts = [[x, y - h], [x + w, y], [x, y + h], [x - w, y]];
      else if (s === 'hexagon') pts = [[x - w, y], [x - w / 2, y - h], [x + w / 2, y - h], [x + w, y], [x + w / 2, y + h], [x - w / 2, y + h]];
      else if (s === 'octagon' || s === 'doubleoctagon') pts = [[x - w, y - h / 2], [x - w / 2, y - h], [x + w / 2, y - h], [x + w, y - h / 2], [x + w, y + h / 2], [x + w / 2, y + h], [x - w / 2, y + h], [x - w, y + h / 2]];
      else if (s === 'triangle' || s === 'invtriangle') pts = s === 'triangle' ? [[x, y - h], [x + w, y + h], [x - w, y + h]] : [[x - w, y - h], [x + w, y - h], [x, y + h]];
      else if (s === 'house' || s === 'invhouse') pts = [[x, y - h], [x + w, y - h / 3], [x + w, y + h], [x - w, y + h], [x - w, y - h / 3]];
      else if (s === 'parallelogram') pts = [[x - w + w / 3, y - h], [x + w, y - h], [x + w - w / 3, y + h], [x - w, y + h]];
      else if (s === 'pentagon') pts = [[x, y - h], [x + w, y - h / 4], [x + w * .6, y + h], [x - w * .6, y + h], [x - w, y - h / 4]];
      if (pts) return sv('polygon', {points: pts.map(function (q) { return q[0] + ',' + q[1]; }).join(' ')});
      return sv('ellipse', {cx: x, cy: y, rx: w, ry: h});
    }
    function short(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }
    var nodeEl = E.map(function (e, i) {
      if (e.x == null) return null;
      var g = sv('g', {'class': 'node', tabindex: '-1', role: 'button'});
      g.dataset.i = i; g.dataset.id = e.id;
      g.setAttribute('aria-label', label(i) + ', ' + e.kind + (e.role ? ', ' + e.role : ''));
      var s = shapeFor(e); s.setAttribute('class', 'shape'); s.setAttribute('fill', e.fill || '#ddd'); s.setAttribute('stroke', '#333'); s.setAttribute('stroke-width', '0.8');
      var tt = sv('title', {}); tt.textContent = label(i) + ' (' + e.kind + (e.role ? ', ' + e.role : '') + ')' + (e.grade ? ' [' + e.grade + ']' : '');
      g.appendChild(tt); g.appendChild(s); lay.nodes.appendChild(g);
      return g;
    });
    // Labels as Graphviz wraps them (about 22 characters a line), at its font size, three lines at most.
    function wrap(text, width) {
      var words = text.split(/\s+/), lines = [], cur = '';
      words.forEach(function (w) { if (cur && (cur + ' ' + w).length > width) { lines.push(cur); cur = w; } else cur = cur ? cur + ' ' + w : w; });
      if (cur) lines.push(cur);
      if (lines.length > 3) { lines = lines.slice(0, 3); lines[2] = short(lines[2] + '…', width + 1); }
      return lines.map(function (l) { return short(l, width + 4); });
    }
    var labEl = E.map(function (e, i) {
      if (e.x == null) return null;
      var lines = wrap(label(i), 22), fs = 10;
      if (e.role && (e.kind === 'person' || e.prot)) lines.push('(' + e.role + ')');
      var t = sv('text', {'class': 'lab', x: e.x, y: e.y - (lines.length - 1) * fs * 0.6, 'font-size': fs});
      lines.forEach(function (l, k) { var ts = sv('tspan', {x: e.x, dy: k ? fs * 1.2 : 0}); ts.textContent = l; t.appendChild(ts); });
      lay.labels.appendChild(t); return t;
    });
    var selPin = sv('text', {'class': 'pin'});
    var pinEl = {}, pinOrder = [];
    D.findings.forEach(function (f) { f.parts.forEach(function (p) { if (p.e != null && E[p.e].x != null && pinOrder.indexOf(p.e) < 0) pinOrder.push(p.e); }); });
    Object.keys(pinned).forEach(function (k) {
      var e = E[k]; if (e.x == null) return;
      var t = sv('text', {'class': 'pin', x: e.x, y: e.y - e.h / 2 - 2}); t.textContent = short(label(+k), 30); lay.pins.appendChild(t); pinEl[k] = t;
    });

    selPin.style.display = 'none';
    vp.appendChild(selPin);  // the selected entity's name, above everything

    // ---- community overview for large networks ----
    var big = E.length > D.overviewThreshold, commEl = [], commLines = [];
    function buildOverview() {
      while (lay.overview.firstChild) lay.overview.removeChild(lay.overview.firstChild);
      commEl = []; if (!big) return;
      var n = D.communities, sx = new Float64Array(n), sy = new Float64Array(n), cnt = new Int32Array(n), best = new Int32Array(n).fill(-1), bdeg = new Int32Array(n);
      for (var i = 0; i < E.length; i++) {
        var e = E[i]; if (!visE[i] || e.x == null) continue;
        var c = e.comm; sx[c] += e.x; sy[c] += e.y; cnt[c]++;
        if (adj[i].length > bdeg[c] || best[c] < 0) { bdeg[c] = adj[i].length; best[c] = i; }
      }
      var pair = {};
      for (var j = 0; j < L.length; j++) { if (!visL[j]) continue; var a = E[L[j].s].comm, b = E[L[j].t].comm; if (a === b) continue; var key = a < b ? a + ' ' + b : b + ' ' + a; pair[key] = (pair[key] || 0) + 1; }
      var maxc = 1; for (var q = 0; q < n; q++) maxc = Math.max(maxc, cnt[q]);
      Object.keys(pair).forEach(function (key) {
        var ab = key.split(' '), a = +ab[0], b = +ab[1]; if (!cnt[a] || !cnt[b]) return;
        lay.overview.appendChild(sv('line', {'class': 'cl', x1: sx[a] / cnt[a], y1: sy[a] / cnt[a], x2: sx[b] / cnt[b], y2: sy[b] / cnt[b], 'stroke-width': Math.min(12, 1 + Math.log(pair[key]) * 2)}));
      });
      for (var c2 = 0; c2 < n; c2++) {
        if (!cnt[c2]) continue;
        var g = sv('g', {'class': 'comm', tabindex: '-1', role: 'button'}), r = 20 + 140 * Math.sqrt(cnt[c2] / maxc), cx = sx[c2] / cnt[c2], cy = sy[c2] / cnt[c2];
        g.setAttribute('aria-label', 'community ' + c2 + ': ' + cnt[c2] + ' entities, around ' + label(best[c2]));
        g.appendChild(sv('circle', {cx: cx, cy: cy, r: r}));
        var t = sv('text', {x: cx, y: cy, 'font-size': 30, 'stroke-width': 6}); t.textContent = cnt[c2] + ' around ' + short(label(best[c2]), 22); g.appendChild(t);
        g.dataset.cx = cx; g.dataset.cy = cy;
        g.dataset.n = cnt[c2];
        lay.overview.appendChild(g); commEl.push(g);
      }
      commEl.sort(function (a, b) { return b.dataset.n - a.dataset.n; });
    }

    // ---- view: pan and zoom ----
    var view = {k: 1, x: 0, y: 0}, fitK = 1, raf = 0, movingTimer = 0;
    function size() { var r = svg.getBoundingClientRect(); return [r.width || 800, r.height || 500]; }
    // Fitted above the legend, which sits over the drawing's lower left corner.
    function fit() {
      var s = size(), lg = $('legend'), h = Math.max(s[1] / 2, s[1] - (lg ? lg.offsetHeight + 12 : 0));
      fitK = Math.min(s[0] / (D.width + 20), h / (D.height + 20)); view.k = fitK; view.x = (s[0] - D.width * fitK) / 2; view.y = (h - D.height * fitK) / 2; apply();
    }
    function overviewOn() { return big && view.k < fitK * 4; }
    function apply() {
      if (raf) return;
      raf = requestAnimationFrame(function () {
        raf = 0;
        vp.setAttribute('transform', 'translate(' + view.x + ',' + view.y + ') scale(' + view.k + ')');
        svg.classList.toggle('nolabels', view.k * 10 < 6);
        // While the view moves, a large drawing drops dashes and labels (drawn again 150 ms after).
        if (big) { svg.classList.add('moving'); clearTimeout(movingTimer); movingTimer = setTimeout(function () { svg.classList.remove('moving'); }, 150); }
        var ov = overviewOn();
        if (culling && !ov) cull(false);
        lay.overview.style.display = ov ? '' : 'none';
        if (!ov) attachLayers();
        lay.nodes.style.display = lay.ties.style.display = lay.labels.style.display = ov ? 'none' : '';
        var fs = 13 / view.k;
        // Findings' entities stay named while the other labels are too small to read.
        lay.pins.style.display = ov || view.k * 10 >= 6 ? 'none' : '';
        // Pinned names at a fixed screen size; one that would overlap an earlier finding's is left out.
        var placed = [];
        if (st.sel >= 0 && E[st.sel].x != null && !ov) {
          var se = E[st.sel];
          selPin.textContent = short(label(st.sel), 30);
          selPin.setAttribute('x', se.x); selPin.setAttribute('y', se.y - se.h / 2 - 2);
          selPin.setAttribute('font-size', fs); selPin.setAttribute('stroke-width', 3 / view.k);
          selPin.style.display = view.k * 10 >= 6 ? 'none' : '';
          var sw = selPin.textContent.length * 7.2, sx = se.x * view.k + view.x, sy = (se.y - se.h / 2) * view.k + view.y;
          if (view.k * 10 < 6) placed.push([sx - sw / 2, sy - 16, sx + sw / 2, sy]);
        } else selPin.style.display = 'none';
        pinOrder.forEach(function (k) {
          if (k === st.sel) { pinEl[k].style.visibility = 'hidden'; return; }
          var t = pinEl[k], e = E[k];
          t.setAttribute('font-size', fs); t.setAttribute('stroke-width', 3 / view.k);
          var w = t.textContent.length * 7.2, x = e.x * view.k + view.x, y = (e.y - e.h / 2) * view.k + view.y;
          var box = [x - w / 2, y - 16, x + w / 2, y];
          var free = visE[k] && placed.every(function (b) { return box[2] < b[0] || box[0] > b[2] || box[3] < b[1] || box[1] > b[3]; });
          t.style.visibility = free ? '' : 'hidden';
          if (free) placed.push(box);
        });
        if (ov) {
          var taken = [];  // the largest communities named first; a name that would overlap one is left out
          commEl.forEach(function (g) {
            var t = g.lastChild; t.setAttribute('font-size', 12 / view.k); t.setAttribute('stroke-width', 3 / view.k);
            var w = t.textContent.length * 6.6, x = +g.dataset.cx * view.k + view.x, y = +g.dataset.cy * view.k + view.y;
            var box = [x - w / 2, y - 8, x + w / 2, y + 8];
            var free = taken.every(function (b) { return box[2] < b[0] || box[0] > b[2] || box[3] < b[1] || box[1] > b[3]; });
            t.style.visibility = free ? '' : 'hidden';
            if (free) taken.push(box);
          });
        }
        $('zoomlevel').textContent = Math.round(view.k / fitK * 100) + ' %' + (big ? (ov ? ' · overview of communities (zoom in past 400 % for entities)' : ' · entities') : '');
      });
    }
    function zoomAt(f, cx, cy) {
      var k = Math.max(fitK * 0.5, Math.min(fitK * 200, view.k * f)); f = k / view.k;
      view.x = cx - (cx - view.x) * f; view.y = cy - (cy - view.y) * f; view.k = k; apply();
    }
    function centreOn(x, y, k) { var s = size(); view.k = Math.max(view.k, k || 0); view.x = s[0] / 2 - x * view.k; view.y = s[1] / 2 - y * view.k; apply(); }
    svg.addEventListener('wheel', function (ev) { ev.preventDefault(); var r = svg.getBoundingClientRect(); zoomAt(Math.pow(1.0015, -ev.deltaY), ev.clientX - r.left, ev.clientY - r.top); }, {passive: false});
    var drag = null;
    svg.addEventListener('pointerdown', function (ev) { if (ev.button !== 0) return; drag = {x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false}; });
    window.addEventListener('pointermove', function (ev) {
      if (!drag) return; var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; svg.classList.add('dragging'); }
      view.x = drag.vx + dx; view.y = drag.vy + dy; apply();
    });
    window.addEventListener('pointerup', function () { if (drag) { svg.classList.remove('dragging'); setTimeout(function () { drag = null; }, 0); } });
    svg.addEventListener('keydown', function (ev) {
      var s = size(), step = 60;
      switch (ev.key) {
        case '+': case '=': zoomAt(1.25, s[0] / 2, s[1] / 2); break;
        case '-': case '_': zoomAt(0.8, s[0] / 2, s[1] / 2); break;
        case 'ArrowLeft': view.x += step; apply(); break;
        case 'ArrowRight': view.x -= step; apply(); break;
        case 'ArrowUp': view.y += step; apply(); break;
        case 'ArrowDown': view.y -= step; apply(); break;
        case '0': fit(); break;
        case 'Enter': case ' ':
          var g = document.activeElement && document.activeElement.closest ? document.activeElement.closest('g.node') : null;
          if (g) select(+g.dataset.i, false); else return;
          break;
        default: return;
      }
      ev.preventDefault();
    });
    svg.addEventListener('click', function (ev) {
      if (drag && drag.moved) return;
      var g = ev.target.closest('g.node');
      if (g) { select(+g.dataset.i, false); return; }
      var c = ev.target.closest('g.comm');
      if (c) centreOn(+c.dataset.cx, +c.dataset.cy, fitK * 5);
    });
    $('zin').addEventListener('click', function () { var s = size(); zoomAt(1.4, s[0] / 2, s[1] / 2); });
    $('zout').addEventListener('click', function () { var s = size(); zoomAt(1 / 1.4, s[0] / 2, s[1] / 2); });
    $('zfit').addEventListener('click', fit);

    // ---- visibility on screen: what the filters keep and, in a large network, what lies in view ----
    var visT = new Uint8Array(T.length), shownE = new Int8Array(E.length).fill(-1), shownT = new Int8Array(T.length).fill(-1);
    var tieBox = T.map(function (t) {
      var b = [Infinity, Infinity, -Infinity, -Infinity], p = t.pts.concat(t.arrow || []);
      for (var i = 0; i + 1 < p.length; i += 2) { b[0] = Math.min(b[0], p[i]); b[1] = Math.min(b[1], p[i + 1]); b[2] = Math.max(b[2], p[i]); b[3] = Math.max(b[3], p[i + 1]); }
      return b;
    });
    var culling = E.length > 1000;
    function cull(all) {
      var s = size(), m = 200 / view.k, x0 = -view.x / view.k - m, y0 = -view.y / view.k - m, x1 = (s[0] - view.x) / view.k + m, y1 = (s[1] - view.y) / view.k + m;
      for (var i = 0; i < E.length; i++) {
        var e = E[i], on = visE[i] && (!culling || (e.x >= x0 && e.x <= x1 && e.y >= y0 && e.y <= y1)) ? 1 : 0;
        if (on === shownE[i] && !all) continue;
        shownE[i] = on; var d = on ? '' : 'none';
        if (nodeEl[i]) { nodeEl[i].style.display = d; labEl[i].style.display = d; }
        if (pinEl[i]) pinEl[i].style.display = visE[i] ? '' : 'none';
      }
      for (var k = 0; k < T.length; k++) {
        var b = tieBox[k], ton = visT[k] && (!culling || (b[2] >= x0 && b[0] <= x1 && b[3] >= y0 && b[1] <= y1)) ? 1 : 0;
        if (ton === shownT[k] && !all) continue;
        shownT[k] = ton; tieEl[k].style.display = ton ? '' : 'none';
      }
    }
    function refresh() {
      var n = computeVisible(), i;
      for (var k = 0; k < T.length; k++) { var on = 0, ls = tieLinks[k]; for (var j = 0; j < ls.length; j++) if (visL[ls[j]]) { on = 1; break; } visT[k] = on; }
      cull(true);
      buildOverview();
      var stt = $('status-counts');
      stt.textContent = n[0] + ' of ' + E.length + ' entities and ' + n[1] + ' of ' + L.length + ' links shown';
      stt.dataset.entities = n[0]; stt.dataset.links = n[1];
      if (st.route) route();
      apply();
    }

    // ---- panel ----
    var panel = $('panel');
    function clear(x) { while (x.firstChild) x.removeChild(x.firstChild); }
    function gradeEl(g) {
      if (!g) return el('span', 'muted', 'ungraded');
      var s = el('span', 'grade', g); s.title = 'source ' + (RMEAN[g[0]] || '') + ', information ' + (CMEAN[g[1]] || '') + ' (value ' + (FACTOR[g[0]] * [1, .8, .6, .4, .2, .3][+g[1] - 1]).toFixed(2) + ')';
      return s;
    }
    function gradeLong(g) {
      var span = el('span'); span.appendChild(gradeEl(g));
      if (g) span.appendChild(el('span', 'small', ' source ' + (RMEAN[g[0]] || '?') + ', information ' + (CMEAN[g[1]] || '?')));
      return span;
    }
    function entRef(i) { var b = el('button', 'ref', label(i)); b.type = 'button'; b.addEventListener('click', function () { select(i, true, true); }); b.setAttribute('aria-label', 'open ' + label(i)); return b; }
    function sourcesEl(ids) {
      var ul = el('ul', 'sources');
      if (!ids.length) ul.appendChild(el('li', 'muted', 'cites no source'));
      ids.forEach(function (id) {
        var li = el('li'), s = srcById[id];
        li.appendChild(el('code', null, id));
        if (s) {
          li.appendChild(document.createTextNode(' '));
          if (s.url) { var a = el('a', null, s.title || s.url); a.href = s.url; a.rel = 'noopener noreferrer'; li.appendChild(a); }
          else li.appendChild(document.createTextNode(s.title || ''));
          var meta = [s.publisher, s.date].filter(Boolean).join(', ');
          if (meta) li.appendChild(el('span', 'small', ' (' + meta + ')'));
        } else li.appendChild(el('span', 'muted', ' (not listed among the sources)'));
        ul.appendChild(li);
      });
      return ul;
    }
    function period(r) { return r.from || r.to ? (r.from || '…') + ' – ' + (r.to || '…') : 'undated'; }
    function dl(rows) { var d = el('dl'); rows.forEach(function (r) { if (r[1] == null || r[1] === '') return; d.appendChild(el('dt', null, r[0])); var dd = el('dd'); if (typeof r[1] === 'string') dd.textContent = r[1]; else dd.appendChild(r[1]); d.appendChild(dd); }); return d; }
    function linkItem(li, j, from) {
      var l = L[j], out = l.s === from, other = out ? l.t : l.s;
      var head = el('div');
      head.appendChild(el('strong', null, (out ? '→ ' : '← ') + l.kind + ' '));
      head.appendChild(entRef(other));
      head.appendChild(document.createTextNode(' '));
      if (!D.plain) head.appendChild(gradeEl(l.grade));
      if (!visL[j]) head.appendChild(el('span', 'small muted', ' (hidden by the filters)'));
      li.appendChild(head);
      li.appendChild(el('div', 'small', 'family ' + l.family + ' · ' + period(l) + (l.agreement ? ' · agreement ' + l.agreement : '') + (l.weight != null ? ' · weight ' + l.weight : '')));
      l.attrs.forEach(function (a) { li.appendChild(el('div', 'small', a[0] + ': ' + a[1])); });
      if (!D.plain) li.appendChild(sourcesEl(l.sources));
    }
    function showLink(j) {
      var l = L[j]; clear(panel);
      panel.appendChild(el('h3', null, l.kind));
      var p = el('p'); p.appendChild(entRef(l.s)); p.appendChild(document.createTextNode(' → ')); p.appendChild(entRef(l.t)); panel.appendChild(p);
      panel.appendChild(dl([['grade', gradeEl(l.grade)], ['family', l.family], ['period', period(l)], ['agreement', l.agreement || '']]));
      panel.appendChild(el('h4', null, 'Sources'));
      panel.appendChild(sourcesEl(l.sources));
      markSel(-1); tieEl.forEach(function (t) { t.classList.remove('hl'); });
      if (l.tie != null) tieEl[l.tie].classList.add('hl');
      var a = E[l.s], b = E[l.t];
      if (a.x != null && b.x != null) centreOn((a.x + b.x) / 2, (a.y + b.y) / 2, fitK * (big ? 6 : 2));
    }
    function markSel(i) {
      // Searched in the layers, which may not be in the document yet.
      lay.nodes.querySelectorAll('g.node.sel,g.node.nb').forEach(function (g) { g.classList.remove('sel'); g.classList.remove('nb'); });
      lay.ties.querySelectorAll('path.tie.hl').forEach(function (t) { t.classList.remove('hl'); });
      st.sel = i;
      svg.classList.toggle('dimmed', i >= 0);
      apply();
      if (i < 0) return;
      if (nodeEl[i]) nodeEl[i].classList.add('sel');
      adj[i].forEach(function (j) { var o = L[j].s === i ? L[j].t : L[j].s; if (nodeEl[o]) nodeEl[o].classList.add('nb'); if (L[j].tie != null) tieEl[L[j].tie].classList.add('hl'); });
    }
    function select(i, centre, focus) {
      var e = E[i]; clear(panel);
      var h = el('h3', null, label(i)); panel.appendChild(h);
      panel.appendChild(dl([['id', e.id], ['kind', e.kind], ['role', e.role ? e.role + (e.prot ? ' (protected: never a target)' : '') : ''],
                            ['country', e.country || ''], ['grade', D.plain ? '' : gradeLong(e.grade)], ['period', period(e)],
                            ['aliases', e.aliases.join('; ')], ['community', String(e.comm)]]));
      if (!visE[i]) panel.appendChild(el('p', 'small muted', 'Hidden by the filters.'));
      if (e.attrs.length) { panel.appendChild(el('h4', null, 'Attributes')); panel.appendChild(dl(e.attrs.map(function (a) { return [a[0], a[1]]; }))); }
      if (!D.plain) { panel.appendChild(el('h4', null, 'Sources')); panel.appendChild(sourcesEl(e.sources)); }
      var rb = el('p'); var b1 = el('button', null, 'Route from here'), b2 = el('button', null, 'Route to here');
      b1.type = b2.type = 'button';
      b1.addEventListener('click', function () { st.routeA = i; route(); }); b2.addEventListener('click', function () { st.routeB = i; route(); });
      rb.appendChild(b1); rb.appendChild(document.createTextNode(' ')); rb.appendChild(b2); panel.appendChild(rb);
      panel.appendChild(el('h4', null, 'Links (' + adj[i].length + ')'));
      var ul = el('ul', 'links');
      adj[i].forEach(function (j) { var li = el('li'); linkItem(li, j, i); ul.appendChild(li); });
      panel.appendChild(ul);
      markSel(i);
      if (e.x != null && (centre || !inView(e))) centreOn(e.x, e.y, Math.max(fitK * (big ? 6 : 2), 1.1));
      if (nodeEl[i] && focus) {
        // In a large network the entity's layer may not be in the document yet, nor the entity
        // shown (culled): focus it once the view has been applied.
        attachLayers();
        requestAnimationFrame(function () { requestAnimationFrame(function () { nodeEl[i].focus({preventScroll: true}); }); });
      }
    }
    function inView(e) { var s = size(), x = e.x * view.k + view.x, y = e.y * view.k + view.y; return x > 0 && y > 0 && x < s[0] && y < s[1] && !overviewOn(); }

    // ---- route: breadth-first search over shown links, either way ----
    function route() {
      var out = $('route-out'); clear(out);
      [lay.nodes, lay.ties, lay.labels, lay.pins].forEach(function (l) { l.querySelectorAll('.route').forEach(function (x) { x.classList.remove('route'); }); });
      var a = st.routeA, b = st.routeB;
      out.appendChild(document.createTextNode('Route: '));
      out.appendChild(a >= 0 ? entRef(a) : el('span', 'muted', 'choose a start (panel)'));
      out.appendChild(document.createTextNode(' → '));
      out.appendChild(b >= 0 ? entRef(b) : el('span', 'muted', 'choose an end (panel)'));
      st.route = null;
      if (a < 0 || b < 0) return;
      var prev = new Int32Array(E.length).fill(-2), via = new Int32Array(E.length).fill(-1), q = new Int32Array(E.length), h = 0, t = 0;
      if (visE[a]) { prev[a] = -1; q[t++] = a; }
      while (h < t && prev[b] === -2) {
        var u = q[h++], ls = adj[u];
        for (var k = 0; k < ls.length; k++) { var j = ls[k]; if (!visL[j]) continue; var v = L[j].s === u ? L[j].t : L[j].s; if (prev[v] !== -2) continue; prev[v] = u; via[v] = j; q[t++] = v; }
      }
      if (prev[b] === -2) { out.appendChild(el('span', 'muted', ' — no route over the links shown')); return; }
      var path = [b]; while (prev[path[path.length - 1]] >= 0) path.push(prev[path[path.length - 1]]);
      path.reverse(); st.route = path;
      out.appendChild(document.createTextNode(' — ' + (path.length - 1) + ' links: '));
      path.forEach(function (n, idx) {
        if (nodeEl[n]) nodeEl[n].classList.add('route');
        if (idx > 0) { var j = via[n]; if (L[j].tie != null) tieEl[L[j].tie].classList.add('route'); var along = L[j].s === path[idx - 1]; out.appendChild(document.createTextNode(along ? ' —' : ' ←')); var lb = el('button', 'ref', L[j].kind + (L[j].grade ? ' [' + L[j].grade + ']' : '')); lb.type = 'button'; lb.addEventListener('click', function () { showLink(j); }); out.appendChild(lb); out.appendChild(document.createTextNode(along ? '→ ' : '— ')); }
        out.appendChild(entRef(n));
      });
      var cl = el('button', null, 'clear'); cl.type = 'button'; cl.addEventListener('click', function () { st.routeA = st.routeB = -1; route(); }); out.appendChild(document.createTextNode(' ')); out.appendChild(cl);
    }

    // ---- search by name, id or alias ----
    function fold(s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
    var keys = E.map(function (e) { return [fold(e.name || ''), fold(e.id)].concat(e.aliases.map(fold)); });
    var search = $('search'), results = $('results');
    function matches(qs) {
      var q = fold(qs.trim()); if (!q) return [];
      var exact = [], pre = [], sub = [];
      for (var i = 0; i < E.length; i++) {
        var ks = keys[i], m = 0;
        for (var k = 0; k < ks.length; k++) { if (!ks[k]) continue; if (ks[k] === q) { m = 3; break; } if (ks[k].indexOf(q) === 0) m = Math.max(m, 2); else if (ks[k].indexOf(q) > 0) m = Math.max(m, 1); }
        if (m === 3) exact.push(i); else if (m === 2) pre.push(i); else if (m === 1) sub.push(i);
      }
      return {exact: exact, all: exact.concat(pre, sub)};
    }
    function showResults(list) {
      clear(results); results.hidden = !list.length;
      list.slice(0, 30).forEach(function (i) {
        var li = el('li'); li.setAttribute('role', 'option'); var b = el('button', null, label(i) + ' (' + E[i].kind + ')'); b.type = 'button';
        b.addEventListener('click', function () { results.hidden = true; select(i, true, true); }); li.appendChild(b); results.appendChild(li);
      });
    }
    search.addEventListener('input', function () {
      var m = matches(search.value); if (!m.all) { showResults([]); return; }
      showResults(m.all);
      // One exact match is selected; the other matches stay listed ("Tarlac" the province,
      // and the compound and company whose names hold it).
      if (m.all.length === 1) results.hidden = true;
      if (m.exact.length === 1 || (m.all.length === 1)) select(m.exact.length === 1 ? m.exact[0] : m.all[0], true, false);
    });
    search.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') { var m = matches(search.value); if (m.all && m.all.length) { results.hidden = true; select(m.all[0], true, true); } ev.preventDefault(); }
      else if (ev.key === 'ArrowDown') { var b = results.querySelector('button'); if (b) { b.focus(); ev.preventDefault(); } }
      else if (ev.key === 'Escape') results.hidden = true;
    });
    results.addEventListener('keydown', function (ev) {
      var li = ev.target.closest('li'); if (!li) return;
      if (ev.key === 'ArrowDown' && li.nextSibling) { li.nextSibling.firstChild.focus(); ev.preventDefault(); }
      if (ev.key === 'ArrowUp') { (li.previousSibling ? li.previousSibling.firstChild : search).focus(); ev.preventDefault(); }
    });

    // ---- filter controls ----
    var kbox = $('f-kinds');
    kinds.forEach(function (k) {
      var lb = el('label'), cb = el('input'); cb.type = 'checkbox'; cb.checked = true; cb.value = k; cb.className = 'f-kind';
      cb.addEventListener('change', function () { st.kinds[k] = cb.checked; refresh(); });
      lb.appendChild(cb); lb.appendChild(document.createTextNode(' ' + k + ' ')); kbox.appendChild(lb);
    });
    var fbox = $('f-fams');
    D.families.forEach(function (f) {
      if (!L.some(function (l) { return l.family === f.name; })) return;
      var lb = el('label'), cb = el('input'); cb.type = 'checkbox'; cb.checked = true; cb.value = f.name; cb.className = 'f-fam';
      cb.addEventListener('change', function () { st.fams[f.name] = cb.checked; refresh(); });
      var sw = el('span', 'ln'); sw.style.borderColor = f.color;
      lb.appendChild(cb); lb.appendChild(sw); lb.appendChild(document.createTextNode(f.name + ' ')); fbox.appendChild(lb);
    });
    function fillSel(id, order, mean) {
      var s = $(id), o = el('option', null, 'any'); o.value = ''; s.appendChild(o);
      order.split('').forEach(function (c, r) { var x = el('option', null, c + ' or better (' + mean[c] + ')'); x.value = String(r); s.appendChild(x); });
      return s;
    }
    var relSel = $('f-rel') ? fillSel('f-rel', REL, RMEAN) : el('select'), credSel = $('f-cred') ? fillSel('f-cred', CRED, CMEAN) : el('select');
    relSel.addEventListener('change', function () { st.rel = relSel.value === '' ? null : +relSel.value; refresh(); });
    credSel.addEventListener('change', function () { st.cred = credSel.value === '' ? null : +credSel.value; refresh(); });
    $('f-from').addEventListener('change', function () { st.from = $('f-from').value; refresh(); });
    $('f-to').addEventListener('change', function () { st.to = $('f-to').value; refresh(); });
    // the date slider: the network as of a day (tnet --as-of DAY)
    var days = [];
    function addDay(s) { if (s) days.push(s); }
    E.forEach(function (e) { addDay(e.from); addDay(e.to); }); L.forEach(function (l) { addDay(l.from); addDay(l.to); });
    days.sort();
    var uniq = days.filter(function (d, i) { return i === 0 || d !== days[i - 1]; });
    var slider = $('asof'), asofOn = $('asof-on'), asofOut = $('asof-out');
    function dayNum(s) { return Math.round(Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 864e5); }
    function numDay(n) { return new Date(n * 864e5).toISOString().slice(0, 10); }
    if (uniq.length) {
      slider.min = dayNum(uniq[0]); slider.max = dayNum(uniq[uniq.length - 1]); slider.value = slider.max;
      asofOut.textContent = numDay(+slider.value);
      var setAsOf = function () { asofOut.textContent = numDay(+slider.value); st.asOf = asofOn.checked ? numDay(+slider.value) : null; refresh(); };
      slider.addEventListener('input', function () { if (!asofOn.checked) asofOn.checked = true; setAsOf(); });
      asofOn.addEventListener('change', setAsOf);
    } else { $('asof-box').hidden = true; }
    $('f-reset').addEventListener('click', function () {
      kinds.forEach(function (k) { st.kinds[k] = true; }); D.families.forEach(function (f) { st.fams[f.name] = true; });
      document.querySelectorAll('.f-kind,.f-fam').forEach(function (c) { c.checked = true; });
      relSel.value = credSel.value = ''; st.rel = st.cred = null; $('f-from').value = $('f-to').value = ''; st.from = st.to = ''; asofOn.checked = false; st.asOf = null; refresh();
    });

    // ---- findings: each piece of evidence opens in the panel ----
    document.querySelectorAll('button.ref[data-e]').forEach(function (b) { b.addEventListener('click', function () { $('explorer').scrollIntoView(); select(+b.dataset.e, true, true); }); });
    document.querySelectorAll('button.ref[data-l]').forEach(function (b) { b.addEventListener('click', function () { $('explorer').scrollIntoView(); showLink(+b.dataset.l); }); });

    // ---- tabs (timeline and map, when the page carries them) ----
    var tabs = document.querySelectorAll('.tabs button');
    function openTab(t) {
      tabs.forEach(function (u) { var on = u === t; u.setAttribute('aria-selected', on ? 'true' : 'false'); u.tabIndex = on ? 0 : -1; $(u.getAttribute('aria-controls')).hidden = !on; });
    }
    tabs.forEach(function (t, k) {
      t.tabIndex = t.getAttribute('aria-selected') === 'true' ? 0 : -1;
      t.addEventListener('click', function () { openTab(t); });
      // The tab pattern of WAI-ARIA: left and right arrows (and Home, End) move between tabs.
      t.addEventListener('keydown', function (ev) {
        var to = ev.key === 'ArrowRight' ? (k + 1) % tabs.length : ev.key === 'ArrowLeft' ? (k + tabs.length - 1) % tabs.length
               : ev.key === 'Home' ? 0 : ev.key === 'End' ? tabs.length - 1 : -1;
        if (to < 0) return;
        ev.preventDefault(); openTab(tabs[to]); tabs[to].focus();
      });
    });

    // ---- legend ----
    var leg = $('legend'), seenK = {};
    E.forEach(function (e) { if (!seenK[e.kind] && e.fill) seenK[e.kind] = e.fill; });
    Object.keys(seenK).sort().forEach(function (k) { var it = el('span', 'item'), s = el('span', 'sw'); s.style.background = seenK[k]; it.appendChild(s); it.appendChild(document.createTextNode(k)); leg.appendChild(it); leg.appendChild(document.createTextNode(' ')); });
    leg.appendChild(el('div', 'small', 'Lines: solid A/B, dashed C/D, dotted E/F. Labels appear as you zoom in; key findings stay labelled.'));

    $('explorer-help').insertBefore(document.createTextNode(D.layoutNote + ' '), $('explorer-help').firstChild);
    window.tnetPage = {entities: E.length, links: L.length, select: select, showLink: showLink, refresh: refresh, state: st, view: view,
                       zoomAt: zoomAt, fit: fit, counts: function () { var n = computeVisible(); return {entities: n[0], links: n[1]}; }};
    refresh(); fit();
    window.addEventListener('resize', fit);
    document.body.dataset.ready = 'true';
    })();
    """#
}
