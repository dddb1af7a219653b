// htst-echarts.js: st.echarts_chart in the browser. Loaded on pages with an ECharts chart
// after their first paint; it loads the vendored echarts, draws each chart from its
// option, follows its box's width, and posts selections (series' selected data and
// brush areas, grouped as Streamlit does) as the chart widget's field.
(function () {
  "use strict";
  if (window.htstECharts) return;
  function loadECharts() {
    return htst.library("echarts-6.1.0.min.js").then(function () { return window.echarts; });
  }

  var resizer = window.ResizeObserver ? new ResizeObserver(function (entries) {
    entries.forEach(function (e) { var chart = e.target.htstChart; if (chart) chart.resize(); });
  }) : null;

  function draw(fig) {
    var url = fig.getAttribute("data-htst-echarts");
    if (!url || fig.htstUrl === url) return;
    fig.htstUrl = url;
    Promise.all([loadECharts(), fetch(url).then(function (r) {
      if (!r.ok) throw new Error("echarts option " + r.status);
      return r.json();
    })]).then(function (got) {
      if (fig.getAttribute("data-htst-echarts") !== url || !fig.isConnected) return;
      var view = fig.querySelector(".htst-echarts-view"), chart = view.htstChart;
      if (!chart) {
        view.replaceChildren();
        view.removeAttribute("data-htst-static");
        view.setAttribute("hx-morph-skip", ""); // a rerun's morph keeps the drawn chart
        var dark = (document.documentElement.getAttribute("data-theme") || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "")) === "dark";
        chart = view.htstChart = got[0].init(view, dark ? "dark" : null, { renderer: fig.getAttribute("data-renderer") || "canvas" });
        if (resizer) resizer.observe(view);
        if (fig.hasAttribute("data-htst-select")) watch(fig, chart);
      }
      chart.setOption(got[1], true);
    }).catch(function (err) {
      fig.htstUrl = null;
      console.error("htst echarts:", err);
    });
  }

  function watch(fig, chart) {
    var input = fig.querySelector("input[type=hidden]"), native = {}, brushed = {}, areas = [];
    if (!input) return;
    function key(seriesIndex, dataType) { return seriesIndex + ":" + (dataType || "main"); }
    function post() {
      var groups = {}, series = chart.getOption().series || [];
      [native, brushed].forEach(function (source) {
        Object.keys(source).forEach(function (k) {
          var parts = k.split(":"), i = Number(parts[0]), s = series[i] || {};
          var g = groups[k] = groups[k] || { series_index: i, series_id: s.id != null ? String(s.id) : null, series_name: s.name != null ? String(s.name) : null, data_type: parts[1], data_indices: [] };
          source[k].forEach(function (d) { if (g.data_indices.indexOf(d) < 0) g.data_indices.push(d); });
        });
      });
      var selected = Object.keys(groups).map(function (k) { groups[k].data_indices.sort(function (a, b) { return a - b; }); return groups[k]; })
        .filter(function (g) { return g.data_indices.length; });
      htst.set(input, JSON.stringify({ selected: selected, areas: areas }));
    }
    chart.on("selectchanged", function (e) {
      native = {};
      (e.selected || []).forEach(function (s) { native[key(s.seriesIndex, s.dataType)] = (s.dataIndex || []).slice(); });
      post();
    });
    chart.on("brushEnd", function () { setTimeout(post, 0); });
    chart.on("brushSelected", function (e) {
      brushed = {};
      areas = [];
      (e.batch || []).forEach(function (b) {
        (b.selected || []).forEach(function (s) { brushed[key(s.seriesIndex)] = (s.dataIndex || []).slice(); });
        (b.areas || []).forEach(function (a, i) { if (a.coordRange) areas.push({ brush_index: i, brush_type: a.brushType, coord_range: a.coordRange }); });
      });
    });
    chart.getZr().on("dblclick", function () { // clears point and brush selections
      chart.dispatchAction({ type: "unselect", seriesIndex: (chart.getOption().series || []).map(function (s, i) { return i; }), dataIndex: [] });
      chart.dispatchAction({ type: "brush", areas: [] });
      native = {}; brushed = {}; areas = [];
      post();
    });
  }

  function drawAll() { document.querySelectorAll("[data-htst-echarts]").forEach(draw); }
  document.addEventListener("htmx:after:swap", drawAll);
  window.htstECharts = drawAll;
  drawAll();
})();
