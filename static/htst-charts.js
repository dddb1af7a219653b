// htst-charts.js: a chart's live view. The server draws every chart as SVG; this file
// (loaded by htst.js the first time a pointer or focus reaches a chart) replaces that
// drawing with Vega's own view of the same compiled spec, for tooltips, zoom and pan,
// and selections, which it posts as the chart widget's field.
(function () {
  "use strict";
  if (window.htstCharts) return;
  var tip = null;
  // A "stretch" chart follows its box's width once live.
  var resizer = window.ResizeObserver ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var fig = entry.target.closest("[data-htst-chart]"), width = fig && fig.htstView && stretchWidth(fig, entry.target);
      if (width && width !== fig.htstView.width()) fig.htstView.width(width).runAsync();
    });
  }) : null;

  function loadVega() {
    return htst.library("vega-6.2.0.min.js").then(function () { return window.vega; });
  }

  // Vega's tooltip handler: the hovered item's fields in a small table near the pointer.
  function tooltip(handler, event, item, value) {
    if (!tip) {
      tip = document.body.appendChild(document.createElement("div"));
      tip.className = "htst-chart-tip";
      tip.setAttribute("role", "tooltip");
    }
    if (value == null || value === "") { tip.hidden = true; return; }
    var rows = typeof value === "object" ? Object.keys(value).map(function (k) { return [k, value[k]]; }) : [["", value]];
    tip.replaceChildren.apply(tip, rows.map(function (row) {
      var line = document.createElement("div"), name = document.createElement("b");
      name.textContent = row[0] ? row[0] + " " : "";
      line.append(name, String(row[1]));
      return line;
    }));
    tip.hidden = false;
    var x = event.clientX + 12, y = event.clientY + 12;
    tip.style.left = Math.min(x, innerWidth - tip.offsetWidth - 4) + "px";
    tip.style.top = (y + tip.offsetHeight > innerHeight ? event.clientY - tip.offsetHeight - 8 : y) + "px";
  }

  function stretchWidth(fig, box) {
    return fig.getAttribute("data-width") === "stretch" ? Math.max(50, Math.floor(box.clientWidth)) : null;
  }

  function live(fig) {
    var url = fig && fig.getAttribute("data-htst-chart");
    if (!url || fig.htstUrl === url) return;
    fig.htstUrl = url;
    Promise.all([loadVega(), fetch(url).then(function (r) {
      if (!r.ok) throw new Error("chart spec " + r.status);
      return r.json();
    })]).then(function (got) {
      if (fig.getAttribute("data-htst-chart") !== url || !fig.isConnected) return;
      var box = fig.querySelector(".htst-chart-view"), holder = document.createElement("div");
      var view = new got[0].View(got[0].parse(got[1]), { renderer: "svg", container: holder, hover: true, tooltip: tooltip });
      var width = stretchWidth(fig, box);
      if (width) view.width(width);
      return view.runAsync().then(function () {
        if (fig.htstView) fig.htstView.finalize();
        fig.htstView = view;
        box.replaceChildren(holder);
        box.setAttribute("hx-morph-skip", ""); // a rerun's morph keeps the live view
        box.removeAttribute("data-htst-static");
        if (resizer) resizer.observe(box);
        watchSelections(fig, view);
      });
    }).catch(function (err) {
      fig.htstUrl = null;
      console.error("htst chart:", err);
    });
  }

  // A selection store's tuple as [field, value] pairs: {fields, values} arrays, or the
  // fields as keys (Vega-Lite 6 point selections).
  function entries(t) {
    if (Array.isArray(t.fields) && Array.isArray(t.values)) return t.fields.map(function (f, i) { return [f.field, t.values[i]]; });
    return Object.keys(t).filter(function (k) { return k !== "unit"; }).map(function (k) { return [k, t[k]]; });
  }

  // Selections: each selection parameter's store, read after it settles, posted as JSON.
  function watchSelections(fig, view) {
    var kinds = JSON.parse(fig.getAttribute("data-htst-select") || "null");
    var input = fig.querySelector("input[type=hidden]");
    if (!kinds || !input) return;
    var picked = {}, timer = null;
    ["click", "dblclick", "pointerover", "pointerdown"].forEach(function (type) {
      view.addEventListener(type, function (e, item) { // the datum a point selection picked by its row id
        if (item && item.datum && item.datum._vgsid_ != null) picked[item.datum._vgsid_] = item.datum;
      });
    });
    Object.keys(kinds).forEach(function (name) {
      try { view.addDataListener(name + "_store", function () { clearTimeout(timer); timer = setTimeout(post, 120); }); } catch (err) { /* not in this view */ }
    });
    function post() {
      var out = {};
      Object.keys(kinds).forEach(function (name) {
        var store = [];
        try { store = view.data(name + "_store") || []; } catch (err) { /* no store yet */ }
        if (kinds[name] === "interval") {
          var ranges = {};
          store.forEach(function (t) { entries(t).forEach(function (e) { ranges[e[0]] = e[1]; }); });
          out[name] = ranges;
        } else {
          out[name] = store.map(function (t) {
            var point = {};
            entries(t).forEach(function (e) {
              var datum = e[0] === "_vgsid_" ? picked[e[1]] : null;
              if (!datum) { point[e[0]] = e[1]; return; }
              Object.keys(datum).forEach(function (k) { if (k.indexOf("_vg") !== 0) point[k] = datum[k]; });
            });
            return point;
          });
        }
      });
      htst.set(input, JSON.stringify(out));
    }
  }

  function reach(e) {
    var fig = e.target.closest && e.target.closest("[data-htst-chart]");
    if (fig) live(fig);
  }
  document.addEventListener("pointerover", reach);
  document.addEventListener("focusin", reach);
  // Rows add_rows sent alone: inserted into the live view that shows the chart they grow,
  // else the chart comes live from its new spec (which holds every row).
  function grow() {
    document.querySelectorAll("template[data-htst-rows]").forEach(function (t) {
      var fig = t.closest("[data-htst-chart]"), from = t.getAttribute("data-from"), url = t.getAttribute("data-url");
      t.remove();
      if (!fig) return;
      fig.setAttribute("data-htst-chart", url);
      if (fig.htstView && fig.htstUrl === from) {
        fig.htstUrl = url;
        fig.htstView.insert(t.getAttribute("data-dataset"), JSON.parse(t.content.textContent)).runAsync();
      } else live(fig);
    });
  }
  // A rerun that changed a live chart (a new spec address) brings its new drawing live too.
  document.addEventListener("htmx:after:swap", function () {
    grow();
    document.querySelectorAll("[data-htst-chart]").forEach(function (fig) {
      if (fig.htstView && fig.htstUrl !== fig.getAttribute("data-htst-chart")) live(fig);
    });
  });
  window.htstCharts = live;
  grow(); // rows that came before this script did
})();
