// Parley's charts: small SVG drawings from JSON embedded in the page (data-points).
// No library and nothing fetched. A chart is a <div class="chart" data-chart="goldstein|bars">.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function svg(box, width, height) {
    return el("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img" }, box);
  }

  // Mean Goldstein score per period on a -10..+10 axis; each point links to its events.
  function goldstein(box, points) {
    var w = 720, h = 260, pad = 36;
    var s = svg(box, w, h);
    s.setAttribute("aria-label", "cooperation-conflict chart");
    var y = function (v) { return pad + (10 - v) * (h - 2 * pad) / 20; };
    var x = function (i) { return points.length < 2 ? w / 2 : pad + i * (w - 2 * pad) / (points.length - 1); };
    el("line", { x1: pad, x2: w - pad, y1: y(0), y2: y(0), stroke: "#999", "stroke-dasharray": "4 3" }, s);
    [10, -10].forEach(function (v) {
      el("text", { x: 4, y: y(v) + 4, "font-size": 11, fill: "#666" }, s).textContent = (v > 0 ? "+" : "") + v;
    });
    var scored = points.map(function (p, i) { return { p: p, i: i }; }).filter(function (d) { return d.p.goldstein !== null; });
    if (scored.length > 1) {
      el("polyline", {
        points: scored.map(function (d) { return x(d.i) + "," + y(d.p.goldstein); }).join(" "),
        fill: "none", stroke: "#23395d", "stroke-width": 2, "class": "series"
      }, s);
    }
    scored.forEach(function (d) {
      var link = el("a", { href: "#period-" + d.p.period }, s);
      var dot = el("circle", { cx: x(d.i), cy: y(d.p.goldstein), r: 3 + Math.min(d.p.count, 6),
        fill: d.p.goldstein < 0 ? "#d33" : "#16a34a", "class": "point" }, link);
      el("title", {}, dot).textContent = d.p.period + ": " + d.p.goldstein + " (" + d.p.count + " events)";
      el("text", { x: x(d.i), y: h - 8, "font-size": 10, "text-anchor": "middle", fill: "#666" }, s).textContent = d.p.period;
    });
  }

  // Counts per period as bars.
  function bars(box, points) {
    var w = 720, h = 160, pad = 24;
    var s = svg(box, w, h);
    var max = Math.max.apply(null, points.map(function (p) { return p.count; }).concat([1]));
    var bw = (w - 2 * pad) / Math.max(points.length, 1);
    points.forEach(function (p, i) {
      var bh = (h - 2 * pad) * p.count / max;
      var bar = el("rect", { x: pad + i * bw + 2, y: h - pad - bh, width: Math.max(bw - 4, 2), height: bh, fill: "#23395d", "class": "bar" }, s);
      el("title", {}, bar).textContent = p.period + ": " + p.count;
      el("text", { x: pad + i * bw + bw / 2, y: h - 6, "font-size": 10, "text-anchor": "middle", fill: "#666" }, s).textContent = p.period;
    });
  }

  function draw() {
    document.querySelectorAll("[data-chart]").forEach(function (box) {
      var points;
      try { points = JSON.parse(box.getAttribute("data-points") || "[]"); } catch (e) { return; }
      if (!points.length) { box.textContent = "No data yet."; return; }
      (box.getAttribute("data-chart") === "bars" ? bars : goldstein)(box, points);
      box.setAttribute("data-rendered", "true");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
