// htst-dev.js: the development loop (docs 3.6). Loaded on pages of an app whose source
// htst watches (server.fileWatcherType); asks the server now and then whether the
// script, its pages or its local modules changed, and then offers "Rerun" and
// "Always rerun" (remembered in this browser), or reruns at once with server.runOnSave.
(function () {
  "use strict";
  if (window.htstDev) return;
  var root = document.getElementById("htst-root");
  if (!root) return;
  var url = root.getAttribute("data-htst-base") + "_htst/source";
  var seen = Number(root.getAttribute("data-htst-source"));
  var always = "htst-always-rerun:" + location.pathname.replace(/[^/]*$/, "");
  var banner = null;

  function rerun() {
    hide();
    var button = document.querySelector("#htst-form [name=_htst_rerun]");
    if (button) button.click();
  }

  function hide() {
    if (banner) banner.remove();
    banner = null;
  }

  function offer() {
    if (banner) return;
    banner = document.createElement("div");
    banner.className = "htst-source-changed";
    banner.setAttribute("role", "status");
    banner.style.cssText = "position:fixed;top:.5rem;right:3.5rem;z-index:1000;display:flex;gap:.5rem;align-items:center;" +
      "padding:.4rem .75rem;border-radius:.5rem;background:var(--htst-bg2,#f0f2f6);color:var(--htst-text,#31333f);" +
      "box-shadow:0 2px 8px rgba(0,0,0,.15);font-size:.875rem";
    banner.innerHTML = '<span>Source file changed.</span><button type="button" data-act="rerun">Rerun</button>' +
      '<button type="button" data-act="always">Always rerun</button>';
    banner.addEventListener("click", function (e) {
      var act = e.target.getAttribute && e.target.getAttribute("data-act");
      if (act === "always") { try { localStorage.setItem(always, "1"); } catch (err) { /* private mode */ } }
      if (act) rerun();
    });
    document.body.appendChild(banner);
  }

  function look() {
    if (document.visibilityState === "hidden") return;
    fetch(url, { cache: "no-store" }).then(function (r) { return r.ok ? r.json() : null; }).then(function (got) {
      if (!got || got.version === seen) return;
      seen = got.version;
      var auto = got.runOnSave;
      try { auto = auto || localStorage.getItem(always) === "1"; } catch (err) { /* private mode */ }
      if (auto) rerun(); else offer();
    }).catch(function () { /* the server restarts: ask again later */ });
  }

  // Settings gets "Run on save" (as Streamlit's, when developing): the same choice as
  // "Always rerun".
  var settings = document.querySelector("#htst-settings form");
  if (settings && !settings.runOnSave) {
    var label = document.createElement("label");
    label.innerHTML = '<input type="checkbox" name="runOnSave"> Run on save';
    settings.insertBefore(label, settings.querySelector("button"));
    var box = label.firstChild;
    try { box.checked = root.hasAttribute("data-htst-run-on-save") || localStorage.getItem(always) === "1"; } catch (err) { /* private mode */ }
    box.addEventListener("change", function () {
      try { localStorage.setItem(always, box.checked ? "1" : ""); } catch (err) { /* private mode */ }
    });
  }

  window.htstDev = look;
  setInterval(look, 1000);
})();
