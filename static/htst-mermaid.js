// htst-mermaid.js: st.mermaid_chart in the browser. Loaded on pages with a diagram after
// their first paint; it loads the vendored mermaid and replaces each diagram's text
// definition with its drawing (again when a rerun changes the text).
(function () {
  "use strict";
  if (window.htstMermaid) return;
  var count = 0, initialized = false;

  function loadMermaid() {
    return htst.library("mermaid-11.17.2.min.js").then(function () {
      if (!initialized) {
        var dark = (document.documentElement.getAttribute("data-theme") || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "")) === "dark";
        window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default" });
        initialized = true;
      }
      return window.mermaid;
    });
  }

  function draw(fig) {
    var source = fig.querySelector(".htst-mermaid-source");
    if (!source || source.hidden) return;
    var text = source.textContent;
    loadMermaid().then(function (mermaid) {
      return mermaid.render("htst-mermaid-" + (++count), text);
    }).then(function (out) {
      if (!source.isConnected || source.textContent !== text) return;
      var drawing = fig.querySelector(".htst-mermaid-drawing") || document.createElement("div");
      drawing.className = "htst-mermaid-drawing";
      drawing.innerHTML = out.svg;
      fig.appendChild(drawing);
      source.hidden = true; // still there for a rerun's morph to compare
    }).catch(function (err) {
      console.error("htst mermaid:", err);
      source.setAttribute("data-htst-error", String(err && err.message || err));
    });
  }

  function drawAll() { document.querySelectorAll(".htst-mermaid").forEach(draw); }
  document.addEventListener("htmx:after:swap", drawAll);
  window.htstMermaid = drawAll;
  drawAll();
})();
