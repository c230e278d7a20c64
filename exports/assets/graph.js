/* migkg network page. Every string from the graph is written with textContent:
   labels, quotes and names are data, never markup. */
(function () {
  "use strict";
  performance.mark("migkg:start");
  var D = JSON.parse(document.getElementById("migkg-data").textContent);
  performance.mark("migkg:parsed");
  var $ = function (id) { return document.getElementById(id); };
  var SVGNS = "http://www.w3.org/2000/svg";
  var DIM = "#e3e6ea", DIM_FONT = "#c2c8cf";
  var big = D.nodes.length > 2000;
  // "doc/" when migkg serve or migkg site publish this page beside the entity pages; "" in a build folder
  var pagesMeta = document.querySelector('meta[name="migkg-entity-pages"]');
  var PAGES = pagesMeta ? pagesMeta.getAttribute("content") : "";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function plural(n, one, many) { return n.toLocaleString("en") + " " + (n === 1 ? one : many); }

  /* ---- data ---- */
  var classStyle = {};
  D.classes.forEach(function (c) { classStyle[c.name] = c; });
  var relColor = {};
  D.relations.forEach(function (r) { relColor[r.name] = r.color; });
  var byId = {};
  var FALLBACK = { color: "#999999", shape: "dot" };
  D.nodes.forEach(function (n) {
    var st = classStyle[n.cls] || FALLBACK, info = D.info[n.id];
    n.baseColor = st.color;
    n.group = classStyle[n.cls] ? n.cls : "_other";  // shape and colour come from the group
    // n.font comes sized by degree: vis-network skips small names when zoomed out, so an
    // overview shows the hubs' names and zooming in reveals the rest.
    n.title = info.label + "\n" + n.cls + " · " + plural(n.deg, "link", "links");
    byId[n.id] = n;
  });
  var edgeById = {}, linksOf = {};
  D.edges.forEach(function (e, i) {
    (linksOf[e.from] = linksOf[e.from] || []).push(e);
    if (e.to !== e.from) (linksOf[e.to] = linksOf[e.to] || []).push(e);
    e.id = "e" + i;
    if (!big) e.label = e.prop;  // on large graphs only the selected node's links are labelled
    e.baseColor = relColor[e.prop] || "#9e9e9e";
    e.color = e.baseColor;
    edgeById[e.id] = e;
  });
  function nodeColor(c) {
    return { background: c, border: shade(c, -0.25), highlight: { background: c, border: "#111" },
             hover: { background: c, border: "#111" } };
  }
  function shade(hex, f) {
    var n = parseInt(hex.slice(1), 16), r = n >> 16, g = (n >> 8) & 255, b = n & 255;
    var m = function (v) { return Math.max(0, Math.min(255, Math.round(f < 0 ? v * (1 + f) : v + (255 - v) * f))); };
    return "#" + ((1 << 24) + (m(r) << 16) + (m(g) << 8) + m(b)).toString(16).slice(1);
  }

  /* ---- header ---- */
  $("title").textContent = D.title;
  document.title = D.title.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "") + " — network";  /* the tab cannot isolate */
  $("counts").textContent = plural(D.nodes.length, "entity", "entities") + " · " +
    plural(D.edges.length, "link", "links") + " · " + plural(D.docs.length, "document", "documents") +
    " · " + plural(D.classes.length, "type", "types");

  /* ---- network ---- */
  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var classOn = {}, relOn = {};
  D.classes.forEach(function (c) { classOn[c.name] = true; });
  D.relations.forEach(function (r) { relOn[r.name] = true; });
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return classOn[n.cls]; } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return relOn[e.prop]; } });
  var options = D.options;
  options.groups = { _other: { shape: FALLBACK.shape, color: nodeColor(FALLBACK.color) } };
  D.classes.forEach(function (c) { options.groups[c.name] = { shape: c.shape, color: nodeColor(c.color) }; });
  performance.mark("migkg:datasets");
  var network = new vis.Network($("network"), { nodes: nodeView, edges: edgeView }, options);
  performance.mark("migkg:network");
  if (!D.nodes.length) {
    var empty = el("p", "empty", "This graph has no entities: nothing was extracted from the documents.");
    $("network").appendChild(empty);
  }
  var readyMarked = false;
  fitSensibly(false);  // before the first frame, so that frame is the finished view
  network.once("afterDrawing", function () {
    if (network.getScale() > 1.1) network.moveTo({ scale: 1.1 });
    readyMarked = true;
    performance.mark("migkg:drawn");
    window.__migkgReady = performance.now();
    document.body.setAttribute("data-ready", "1");
  });

  function fitSensibly(animate) {
    network.fit({ animation: animate ? { duration: 300 } : false });
    // Never start so far out that nothing is readable on a small graph, nor zoomed in past 1:1.
    var s = network.getScale();
    if (s > 1.1) network.moveTo({ scale: 1.1 });
  }

  /* ---- physics toggle ---- */
  var physicsBox = $("physics");
  physicsBox.checked = !!D.physics;
  if (!D.physicsAllowed) {
    physicsBox.disabled = true;
    $("physics-label").className = "disabled";
    $("physics-label").title = "Too many nodes for live physics; the layout was computed in advance.";
  }
  function setPhysics(on) {
    physicsBox.checked = on;
    network.setOptions({ physics: { enabled: on } });
  }
  physicsBox.addEventListener("change", function () { setPhysics(physicsBox.checked); });

  /* ---- legend and filters ---- */
  function swatch(shape, color) {
    var s = document.createElementNS(SVGNS, "svg");
    s.setAttribute("width", "16"); s.setAttribute("height", "16"); s.setAttribute("viewBox", "0 0 16 16");
    var p;
    var poly = function (pts) { p = document.createElementNS(SVGNS, "polygon"); p.setAttribute("points", pts); };
    if (shape === "square") { p = document.createElementNS(SVGNS, "rect"); p.setAttribute("x", "2"); p.setAttribute("y", "2"); p.setAttribute("width", "12"); p.setAttribute("height", "12"); }
    else if (shape === "diamond") poly("8,1 15,8 8,15 1,8");
    else if (shape === "triangle") poly("8,1.5 15,14 1,14");
    else if (shape === "triangleDown") poly("1,2 15,2 8,14.5");
    else if (shape === "star") poly("8,1 9.8,6 15,6 10.8,9.2 12.4,14.5 8,11.3 3.6,14.5 5.2,9.2 1,6 6.2,6");
    else if (shape === "hexagon") poly("4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8");
    else if (shape === "line") { p = document.createElementNS(SVGNS, "rect"); p.setAttribute("x", "0"); p.setAttribute("y", "6"); p.setAttribute("width", "16"); p.setAttribute("height", "4"); p.setAttribute("rx", "2"); }
    else { p = document.createElementNS(SVGNS, "circle"); p.setAttribute("cx", "8"); p.setAttribute("cy", "8"); p.setAttribute("r", "6.5"); }
    p.setAttribute("fill", color);
    if (shape !== "line") { p.setAttribute("stroke", shade(color, -0.25)); p.setAttribute("stroke-width", "1"); }
    s.appendChild(p);
    return s;
  }
  function humanize(name) {  // "IntergovernmentalOrganization" -> "Intergovernmental org."
    var h = name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/([A-Z])([A-Z][a-z])/g, "$1 $2");
    return h.length > 22 ? h.replace(/ Organization$/, " org.") : h;
  }
  function filterList(listId, items, state, shapeOf, refresh) {
    var ul = $(listId);
    items.forEach(function (it) {
      var li = el("li"), lab = el("label"), box = el("input");
      box.type = "checkbox"; box.checked = true; box.value = it.name;
      box.addEventListener("change", function () { state[it.name] = box.checked; refresh(); });
      lab.appendChild(box);
      lab.appendChild(swatch(shapeOf(it), it.color));
      var name = el("span", "name", listId === "legend" ? humanize(it.name) : it.name);
      name.title = it.name;
      lab.appendChild(name);
      lab.appendChild(el("span", "n", it.count.toLocaleString("en")));
      li.appendChild(lab); ul.appendChild(li);
    });
  }
  filterList("legend", D.classes, classOn, function (c) { return c.shape; }, function () { nodeView.refresh(); });
  filterList("relations", D.relations, relOn, function () { return "line"; }, function () { edgeView.refresh(); });
  document.querySelectorAll("[data-all],[data-none]").forEach(function (b) {
    b.addEventListener("click", function () {
      var id = b.getAttribute("data-all") || b.getAttribute("data-none"), on = b.hasAttribute("data-all");
      var state = id === "legend" ? classOn : relOn;
      $(id).querySelectorAll("input").forEach(function (box) { box.checked = on; state[box.value] = on; });
      (id === "legend" ? nodeView : edgeView).refresh();
    });
  });

  /* ---- neighbourhood highlight ----
     Drawn as an overlay after vis-network's own pass: veil the canvas, then redraw the
     selected node, its neighbours and their links on top. This costs O(neighbourhood)
     per frame, where restyling every node through the DataSet costs seconds at 10k. */
  var focus = null;  // {nodes: [...], edges: [...]}
  function highlight(id) {
    focus = { nodes: [id].concat(network.getConnectedNodes(id)), edges: network.getConnectedEdges(id) };
    network.redraw();
  }
  function unhighlight() {
    if (!focus) return;
    focus = null;
    network.redraw();
  }
  network.on("afterDrawing", function (ctx) {
    if (focus) drawFocus(ctx);
    drawHubLabels(ctx);
  });
  function drawFocus(ctx) {
    var box = $("network").getBoundingClientRect();
    var a = network.DOMtoCanvas({ x: -50, y: -50 }), b = network.DOMtoCanvas({ x: box.width + 50, y: box.height + 50 });
    ctx.save();
    ctx.fillStyle = "rgba(251,252,253,0.86)";
    ctx.fillRect(a.x, a.y, b.x - a.x, b.y - a.y);
    ctx.restore();
    var B = network.body, labels = [];
    focus.edges.forEach(function (eid) { var e = B.edges[eid]; if (e && e.connected) e.draw(ctx); });
    focus.edges.forEach(function (eid) { var e = B.edges[eid]; if (e && e.connected) e.drawArrows(ctx); });
    focus.nodes.forEach(function (nid) {
      var n = B.nodes[nid];
      if (!n) return;  // filtered out of the view
      var r = n.draw(ctx);
      if (r && r.drawExternalLabel) labels.push(r.drawExternalLabel);
    });
    labels.forEach(function (f) { f(); });
    if (big) drawFocusEdgeLabels(ctx, B);
  }
  function drawFocusEdgeLabels(ctx, B) {
    var scale = network.getScale(), fs = 10.5 / scale;
    ctx.save();
    ctx.font = fs + "px system-ui, sans-serif";
    ctx.textAlign = "center"; ctx.textBaseline = "middle";
    ctx.lineWidth = 3 / scale; ctx.lineJoin = "round";
    ctx.strokeStyle = "#ffffff"; ctx.fillStyle = "#4a5560";
    focus.edges.forEach(function (eid) {
      var e = edgeById[eid], a = B.nodes[e.from], b = B.nodes[e.to];
      if (!a || !b || !B.edges[eid]) return;
      if (Math.hypot(a.x - b.x, a.y - b.y) * scale < 90) return;  // too short to carry a label
      var x = (a.x + b.x) / 2, y = (a.y + b.y) / 2;
      ctx.strokeText(e.prop, x, y);
      ctx.fillText(e.prop, x, y);
    });
    ctx.restore();
  }

  /* ---- names of the most connected entities, readable at any zoom ----
     vis-network skips labels that would be tiny; zoomed out, that is all of them. Here the
     hubs' names are drawn at a fixed screen size, biggest first, skipping any that would
     overlap one already placed. */
  var HUBS = D.nodes.filter(function (n) { return n.deg > 1; })
    .sort(function (a, b) { return b.deg - a.deg || (a.id < b.id ? -1 : 1); }).slice(0, 80);
  var THRESHOLD = (options.nodes && options.nodes.scaling && options.nodes.scaling.label.drawThreshold) || 5;
  function drawHubLabels(ctx) {
    var scale = network.getScale(), B = network.body;
    var box = $("network").getBoundingClientRect();
    var tl = network.DOMtoCanvas({ x: 0, y: 0 }), br = network.DOMtoCanvas({ x: box.width, y: box.height });
    var fs = 12.5 / scale, pad = 3 / scale, placed = [], shown = 0;
    var inFocus = {};
    if (focus) focus.nodes.forEach(function (id) { inFocus[id] = true; });
    ctx.save();
    ctx.font = "500 " + fs + "px system-ui, -apple-system, Segoe UI, Roboto, sans-serif";
    ctx.textAlign = "center"; ctx.textBaseline = "top";
    ctx.lineWidth = 4 / scale; ctx.lineJoin = "round";
    ctx.strokeStyle = "rgba(255,255,255,0.92)"; ctx.fillStyle = "#1d2733";
    for (var i = 0; i < HUBS.length && shown < 24; i++) {
      var hub = HUBS[i], bn = B.nodes[hub.id];
      if (!bn || hub.font.size * scale >= THRESHOLD) continue;  // filtered out, or vis draws it
      if (focus && !inFocus[hub.id]) continue;
      var x = bn.x, y = bn.y + hub.size + pad;
      if (x < tl.x || x > br.x || y < tl.y || y > br.y) continue;
      var text = hub.label, w = ctx.measureText(text).width;
      x = Math.min(Math.max(x, tl.x + w / 2 + pad), br.x - w / 2 - pad);  // keep the name on screen
      var r = [x - w / 2 - pad, y - pad, x + w / 2 + pad, y + fs + pad];
      if (placed.some(function (p) { return r[0] < p[2] && r[2] > p[0] && r[1] < p[3] && r[3] > p[1]; })) continue;
      ctx.strokeText(text, x, y);
      ctx.fillText(text, x, y);
      placed.push(r);
      shown++;
    }
    ctx.restore();
  }

  /* ---- selection and panel ---- */
  var panel = $("panel");
  function docCite(ev) {
    var doc = D.docs[ev[0]] || { id: "?", title: "?" };
    return (doc.title || doc.id) + " · " + doc.id + " · characters " + ev[1].toLocaleString("en") + "–" + ev[2].toLocaleString("en");
  }
  function evidenceBlock(parent, evs) {
    evs.forEach(function (ev) {
      parent.appendChild(el("blockquote", "quote", D.quotes[ev[3]]));
      parent.appendChild(el("cite", null, docCite(ev)));
    });
  }
  function nodeLink(id) {
    var a = el("a", "node", (D.info[id] && D.info[id].label) || id);
    a.href = "#node=" + encodeURIComponent(id);
    a.addEventListener("click", function (ev) { ev.preventDefault(); selectNode(id, true); });
    return a;
  }
  function relBadge(prop) {
    var b = el("span", "rel", prop);
    b.style.background = shade(relColor[prop] || "#888888", -0.15);
    return b;
  }
  function panelHeader(kindShape, kindColor, kindText) {
    panel.textContent = "";
    var close = el("button", "close", "×");
    close.type = "button"; close.title = "Close";
    close.addEventListener("click", clearSelection);
    panel.appendChild(close);
    var kind = el("div", "kind");
    kind.appendChild(swatch(kindShape, kindColor));
    kind.appendChild(el("span", null, kindText));
    panel.appendChild(kind);
  }
  function showNode(id) {
    var n = byId[id], info = D.info[id];
    if (!n || !info) return;
    var st = classStyle[n.cls] || { shape: "dot", color: n.baseColor };
    panelHeader(st.shape, n.baseColor, n.cls + " · " + plural(n.deg, "link", "links"));
    panel.appendChild(el("h2", null, info.label));
    if (PAGES) {  // published beside the entity pages (migkg serve / migkg site): link the local page
      var page = el("a", "page", "Entity page");
      page.href = PAGES + id.split("/").map(encodeURIComponent).join("/") + ".html";
      page.title = "What the graph says about this entity, with the evidence";
      panel.appendChild(page);
    }
    var iri = el("a", "iri", D.base + id);
    iri.href = D.base + id; iri.target = "_blank"; iri.rel = "noopener noreferrer";
    iri.title = "Linked-data IRI of this entity";
    panel.appendChild(iri);
    if (info.alt.length || info.attrs.length) {
      panel.appendChild(el("h3", null, "Names and properties"));
      var dl = el("dl");
      if (info.alt.length) { dl.appendChild(el("dt", null, "also called")); dl.appendChild(el("dd", null, info.alt.join(" · "))); }
      info.attrs.forEach(function (a) {
        dl.appendChild(el("dt", null, a[0]));
        var dd = el("dd", null, a[1] + (a[2] && a[2] !== "string" ? "  (" + a[2] + ")" : ""));
        dl.appendChild(dd);
      });
      panel.appendChild(dl);
    }
    var links = (linksOf[id] || []).slice();  // all of them, whatever the filters hide
    links.sort(function (a, b) { return (a.prop < b.prop ? -1 : a.prop > b.prop ? 1 : 0) || (a.from === id ? -1 : 1); });
    panel.appendChild(el("h3", null, "Links (" + links.length + ") and why"));
    var ul = el("ul", "links");
    var limit = 150;
    var render = function (from, to) {
      links.slice(from, to).forEach(function (e) {
        var li = el("li"), line = el("div");
        if (e.from === id) { line.appendChild(el("span", null, "→ ")); line.appendChild(relBadge(e.prop)); line.appendChild(el("span", null, " ")); line.appendChild(nodeLink(e.to)); }
        else { line.appendChild(nodeLink(e.from)); line.appendChild(el("span", null, " ")); line.appendChild(relBadge(e.prop)); line.appendChild(el("span", null, " → this")); }
        li.appendChild(line);
        evidenceBlock(li, e.ev);
        ul.appendChild(li);
      });
    };
    render(0, limit);
    panel.appendChild(ul);
    if (links.length > limit) {
      var more = el("button", "more", "Show all " + links.length + " links");
      more.type = "button";
      more.addEventListener("click", function () { render(limit, links.length); more.remove(); });
      panel.appendChild(more);
    }
    if (info.attrs.some(function (a) { return a[3].length; })) {
      panel.appendChild(el("h3", null, "Where the properties are stated"));
      info.attrs.forEach(function (a) {
        if (!a[3].length) return;
        var d = el("div");
        d.appendChild(el("strong", null, a[0] + ": " + a[1]));
        evidenceBlock(d, a[3]);
        panel.appendChild(d);
      });
    }
    if (info.ev.length) {
      panel.appendChild(el("h3", null, "Named in"));
      evidenceBlock(panel, info.ev);
    }
    panel.hidden = false;
  }
  function showEdge(eid) {
    var e = edgeById[eid];
    if (!e) return;
    focus = { nodes: [e.from, e.to], edges: [eid] };  // the link and its two ends stand out
    network.redraw();
    panelHeader("line", e.baseColor, "relation · " + e.prop);
    var h = el("h2");
    h.appendChild(nodeLink(e.from)); h.appendChild(el("span", null, " ")); h.appendChild(relBadge(e.prop));
    h.appendChild(el("span", null, " ")); h.appendChild(nodeLink(e.to));
    panel.appendChild(h);
    panel.appendChild(el("h3", null, "Evidence (" + e.ev.length + ")"));
    evidenceBlock(panel, e.ev);
    panel.hidden = false;
  }
  function selectNode(id, zoomTo) {
    if (!byId[id]) return false;
    var n = byId[id];
    if (!classOn[n.cls]) {  // make sure the node is visible
      classOn[n.cls] = true;
      $("legend").querySelectorAll("input").forEach(function (b) { if (b.value === n.cls) b.checked = true; });
      nodeView.refresh();
    }
    network.selectNodes([id]);
    highlight(id);
    var opening = panel.hidden;
    showNode(id);
    // The panel narrows the canvas: measure it again now, or the focus lands off-centre.
    if (opening && network.canvas && network.canvas.setSize) network.canvas.setSize();
    if (zoomTo) {
      network.focus(id, { scale: Math.max(network.getScale(), big ? 0.9 : 1.0), animation: big ? false : { duration: 450 } });
    }
    history.replaceState(null, "", "#node=" + encodeURIComponent(id));
    return true;
  }
  function clearSelection() {
    network.unselectAll();
    unhighlight();
    panel.hidden = true;
    panel.textContent = "";
    history.replaceState(null, "", location.pathname + location.search);
  }
  network.on("click", function (p) {
    if (p.nodes.length) selectNode(p.nodes[0], false);
    else if (p.edges.length) showEdge(p.edges[0]);
    else clearSelection();
  });
  $("fit").addEventListener("click", function () { fitSensibly(true); });
  if (D.timeline) {
    var tl = $("timeline-link");
    tl.href = D.timeline;
    tl.hidden = false;
  }
  $("clear").addEventListener("click", clearSelection);

  /* ---- search ---- */
  function fold(s) { return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var index = null;
  function buildIndex() {
    index = D.nodes.map(function (n) {
      var info = D.info[n.id];
      return { id: n.id, names: [info.label].concat(info.alt).map(function (s) { return [s, fold(s)]; }) };
    });
  }
  function search(q) {
    if (!index) buildIndex();
    var fq = fold(q).trim();
    if (!fq) return [];
    var hits = [];
    index.forEach(function (it) {
      var best = 9, via = null;
      it.names.forEach(function (nm, k) {
        var f = nm[1], r = 9;
        if (f === fq) r = 0;
        else if (f.indexOf(fq) === 0) r = 2;
        else if (f.indexOf(" " + fq) >= 0 || f.indexOf("(" + fq) >= 0) r = 3;
        else if (f.indexOf(fq) >= 0) r = 4;
        if (r < 9 && k === 0) r -= 0.5;  // the canonical name beats an alias at equal rank
        if (r < best) { best = r; via = k ? nm[0] : null; }
      });
      if (best < 9) hits.push({ id: it.id, rank: best, via: via, deg: byId[it.id].deg });
    });
    hits.sort(function (a, b) { return a.rank - b.rank || b.deg - a.deg || (a.id < b.id ? -1 : 1); });
    return hits;
  }
  var results = $("results"), searchBox = $("search"), current = [], cursor = 0;
  function showResults() {
    current = search(searchBox.value).slice(0, 15);
    results.textContent = "";
    cursor = 0;
    current.forEach(function (h, i) {
      var li = el("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === 0 ? "true" : "false");
      li.appendChild(swatch((classStyle[byId[h.id].cls] || {}).shape, byId[h.id].baseColor));
      li.appendChild(el("span", null, D.info[h.id].label));
      if (h.via) li.appendChild(el("span", "via", "(" + h.via + ")"));
      li.appendChild(el("span", "cls", byId[h.id].cls));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      results.appendChild(li);
    });
    if (!current.length && searchBox.value.trim()) results.appendChild(el("li", "muted", "No entity matches"));
    results.hidden = !searchBox.value.trim();
  }
  function choose(i) {
    if (!current[i]) return;
    results.hidden = true;
    selectNode(current[i].id, true);
  }
  searchBox.addEventListener("input", showResults);
  searchBox.addEventListener("focus", function () { if (searchBox.value.trim()) showResults(); });
  searchBox.addEventListener("blur", function () { results.hidden = true; });
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); if (results.hidden) showResults(); choose(cursor); }
    else if (ev.key === "Escape") { results.hidden = true; }
    else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!current.length) return;
      cursor = (cursor + (ev.key === "ArrowDown" ? 1 : current.length - 1)) % current.length;
      results.querySelectorAll("li").forEach(function (li, i) { li.setAttribute("aria-selected", i === cursor ? "true" : "false"); });
    }
  });

  /* ---- deep links: graph.html#node=<entity path> (the timeline links here) ---- */
  function fromHash() {
    var m = /^#node=(.+)$/.exec(location.hash);
    if (m) selectNode(decodeURIComponent(m[1]), true);
  }
  window.addEventListener("hashchange", fromHash);
  network.once("afterDrawing", function () { setTimeout(fromHash, 0); });

  window.migkg = { network: network, nodes: nodes, edges: edges, data: D, search: search,
                   selectNode: selectNode, showEdge: showEdge, clearSelection: clearSelection,
                   ready: function () { return readyMarked; } };
})();
