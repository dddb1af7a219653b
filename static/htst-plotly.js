// htst-plotly.js: st.plotly_chart in the browser. Loaded on pages with a Plotly chart
// after their first paint; it loads the vendored plotly.js, draws each chart from its
// figure's JSON over the server's static drawing, and posts selections (points, box,
// lasso) as the chart widget's field.
(function () {
  "use strict";
  if (window.htstPlotly) return;
  function loadPlotly() {
    return htst.library("plotly-4.1.2.min.js").then(function () { return window.Plotly; });
  }

  function draw(fig) {
    var url = fig.getAttribute("data-htst-plotly");
    if (!url || fig.htstUrl === url) return;
    fig.htstUrl = url;
    Promise.all([loadPlotly(), fetch(url).then(function (r) {
      if (!r.ok) throw new Error("plotly figure " + r.status);
      return r.json();
    })]).then(function (got) {
      if (fig.getAttribute("data-htst-plotly") !== url || !fig.isConnected) return;
      var Plotly = got[0], figure = got[1], view = fig.querySelector(".htst-plotly-view");
      var modes = (fig.getAttribute("data-htst-modes") || "").split(" ").filter(Boolean);
      var config = Object.assign({ responsive: true, displaylogo: false }, figure.config);
      var layout = figure.layout;
      if (modes.length && !layout.dragmode) layout.dragmode = modes.indexOf("box") >= 0 ? "select" : modes.indexOf("lasso") >= 0 ? "lasso" : "zoom";
      if (!fig.htstDrawn) {
        view.replaceChildren();
        view.removeAttribute("data-htst-static");
        view.setAttribute("hx-morph-skip", ""); // a rerun's morph keeps the drawn chart
      }
      return Plotly.react(view, figure.data, layout, config).then(function () {
        if (!fig.htstDrawn && modes.length) watch(fig, view, modes);
        fig.htstDrawn = true;
      });
    }).catch(function (err) {
      fig.htstUrl = null;
      console.error("htst plotly chart:", err);
    });
  }

  function shape(range, kind) {
    if (!range) return [];
    var axes = Object.keys(range), out = { xref: "x", yref: "y" };
    axes.forEach(function (axis) { out[axis.replace(/[0-9]+$/, "")] = range[axis]; });
    return kind === "box" ? [out] : [out];
  }

  function watch(fig, view, modes) {
    var input = fig.querySelector("input[type=hidden]");
    if (!input) return;
    function post(points, box, lasso) {
      htst.set(input, JSON.stringify({
        points: (points || []).map(function (p) {
          var out = { curve_number: p.curveNumber, point_number: p.pointNumber, point_index: p.pointIndex };
          ["x", "y", "z", "lat", "lon", "label", "value"].forEach(function (k) { if (p[k] !== undefined) out[k] = p[k]; });
          return out;
        }),
        box: box || [], lasso: lasso || []
      }));
    }
    view.on("plotly_selected", function (e) {
      if (!e) return post([], [], []);
      post(e.points, e.range ? shape(e.range, "box") : [], e.lassoPoints ? shape(e.lassoPoints, "lasso") : []);
    });
    view.on("plotly_deselect", function () { post([], [], []); });
    if (modes.indexOf("points") >= 0) view.on("plotly_click", function (e) { post(e.points, [], []); });
  }

  function drawAll() { document.querySelectorAll("[data-htst-plotly]").forEach(draw); }
  document.addEventListener("htmx:after:swap", drawAll);
  window.htstPlotly = drawAll;
  drawAll();
})();
