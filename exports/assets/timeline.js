/* migkg timeline. Every string from the graph is written with textContent. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("migkg-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  /* [lexical, datatype] -> [first ms, last ms] of the period it names */
  function span(d) {
    var p = d[0].split("-").map(Number);
    if (d[1] === "gYear") return [Date.UTC(p[0], 0, 1), Date.UTC(p[0], 11, 31)];
    if (d[1] === "gYearMonth") return [Date.UTC(p[0], p[1] - 1, 1), Date.UTC(p[0], p[1], 0)];
    var t = Date.UTC(p[0], p[1] - 1, p[2]);
    return [t, t];
  }
  var DAY = 86400000;
  $("title").textContent = D.title;
  document.title = D.title.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "") + " — timeline";  /* the tab cannot isolate */
  var rowsByName = {}, rows = [];
  D.items.forEach(function (it) {
    var s = span(it.start), e = it.end ? span(it.end) : s;
    it.t0 = s[0]; it.t1 = Math.max(e[1], s[0]);
    it.when = it.start[0] + (it.end && it.end[0] !== it.start[0] ? " – " + it.end[0] : "");
    if (!rowsByName[it.row]) { rowsByName[it.row] = { name: it.row, series: it.series, items: [] }; rows.push(rowsByName[it.row]); }
    rowsByName[it.row].items.push(it);
  });
  rows.sort(function (a, b) { return (b.series - a.series) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
  $("counts").textContent = D.items.length + " dated item" + (D.items.length === 1 ? "" : "s") + " in " +
    rows.length + " row" + (rows.length === 1 ? "" : "s") + " · click an item to see it in the network";
  var legend = {};
  D.items.forEach(function (it) { legend[it.cls] = it.color; });
  Object.keys(legend).sort().forEach(function (c) {
    var li = el("li"), dot = el("span", "dot");
    dot.style.background = legend[c];
    li.appendChild(dot); li.appendChild(el("span", null, c));
    $("legend").appendChild(li);
  });
  var main = $("timeline");
  if (!D.items.length) { main.appendChild(el("p", "muted", "No dated events or resolutions in this graph.")); return; }

  var t0 = Math.min.apply(null, D.items.map(function (i) { return i.t0; }));
  var t1 = Math.max.apply(null, D.items.map(function (i) { return i.t1; }));
  var y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear() + 1;
  var start = Date.UTC(y0, 0, 1), end = Date.UTC(y1, 0, 1);
  var years = y1 - y0;
  var avail = Math.max(600, window.innerWidth - 280);
  var width = Math.max(avail, years * (years <= 3 ? 420 : 110));
  var x = function (t) { return (t - start) / (end - start) * width; };

  var grid = el("div", "tl-grid");
  grid.style.width = (width + 280) + "px";
  var axis = el("div", "tl-axis");
  axis.style.width = (width + 260) + "px";
  var ticks = [];
  var stepYears = years > 40 ? 5 : years > 20 ? 2 : 1;
  for (var y = y0; y <= y1; y += stepYears) ticks.push([Date.UTC(y, 0, 1), String(y)]);
  if (years <= 3) {
    for (var yy = y0; yy < y1; yy++) for (var m = 3; m < 12; m += 3) ticks.push([Date.UTC(yy, m, 1), ["", "", "", "Apr", "", "", "Jul", "", "", "Oct"][m]]);
  }
  // The axis spans the row-label column too (its background hides labels scrolling under it).
  ticks.forEach(function (t) { var k = el("div", "tl-tick", t[1]); k.style.left = (260 + x(t[0])) + "px"; axis.appendChild(k); });
  grid.appendChild(axis);

  var measure = document.createElement("canvas").getContext("2d"), right = width, tracks = [];
  measure.font = "12.5px system-ui, sans-serif";
  rows.forEach(function (row) {
    var r = el("div", "tl-row"), label = el("div", "tl-row-label", row.name), track = el("div", "tl-track");
    track.style.width = width + "px";
    ticks.forEach(function (t) { if (t[1].length === 4) { var g = el("div", "tl-gridline"); g.style.left = x(t[0]) + "px"; track.appendChild(g); } });
    row.items.sort(function (a, b) { return a.t0 - b.t0 || (a.label < b.label ? -1 : 1); });
    var lanes = [];
    row.items.forEach(function (it) {
      var left = x(it.t0), barW = Math.max(10, x(it.t1 + DAY) - left);
      var w = barW + 10 + measure.measureText(it.label + "  " + it.when).width + 16;
      var lane = 0;
      while (lane < lanes.length && lanes[lane] > left) lane++;
      lanes[lane] = left + w;
      right = Math.max(right, left + w);
      var item = el("div", "tl-item");
      item.setAttribute("data-id", it.id);
      item.style.left = left + "px";
      item.style.top = (6 + lane * 24) + "px";
      var a = el("a");
      a.href = D.graph + "#node=" + encodeURIComponent(it.id);
      a.title = it.label + "\n" + it.cls + " · " + it.when + "\n" + D.base + it.id;
      var bar = el("span", "tl-bar");
      bar.style.width = barW + "px";
      bar.style.background = it.color;
      a.appendChild(bar);
      a.appendChild(el("span", "tl-label", it.label));
      a.appendChild(el("span", "tl-date", it.when));
      item.appendChild(a);
      track.appendChild(item);
    });
    track.style.height = (lanes.length * 24 + 12) + "px";
    tracks.push(track);
    r.appendChild(label); r.appendChild(track);
    grid.appendChild(r);
  });
  // Labels of the last items run past the axis: widen everything to hold them.
  right = Math.ceil(right + 24);
  tracks.forEach(function (t) { t.style.width = right + "px"; });
  axis.style.width = (right + 260) + "px";
  grid.style.width = (right + 280) + "px";
  main.appendChild(grid);
  document.body.setAttribute("data-ready", "1");
})();
