// htst.js: the only hand-written script. htmx does the requests and the swaps; this file
// decides when the app form is sent and which fields go with it.
(function () {
  "use strict";

  // Fields the user changed since the last send. Only these travel with a request, so a
  // queued request never carries a stale copy of a value the script has since changed.
  var dirty = new Set();
  var inFlight = 0;
  var activeTabs = new Map();
  var extra = null; // fields a send adds: a fragment timer's id
  var latestRun = 0; // the newest run the server told us about; older ones never paint

  document.documentElement.classList.add("htst-js"); // CSS shows filter boxes only with this script

  function form() { return document.getElementById("htst-form"); }
  function root() { return document.getElementById("htst-root"); }

  function send(submitter, fields) {
    var f = form();
    var box = submitter && submitter.closest && submitter.closest("[data-htst-submit]") && submitter.closest("[data-htst-form]");
    if (!f || (box && !Array.from(box.querySelectorAll("[data-htst-required],[data-htst-pattern]")).map(check).every(Boolean))) return;
    var event = new CustomEvent("htst:send");
    event.submitter = submitter || null;
    extra = fields || null;
    f.dispatchEvent(event);
    extra = null;
  }

  // A field inside an st.form waits for that form's submit button.
  function formOf(el) {
    var box = el && el.closest && el.closest("[data-htst-form]");
    return box ? box.getAttribute("data-htst-form") : null;
  }

  function submitButtonOf(el) {
    var box = el.closest("[data-htst-form]");
    return box && box.querySelector("[data-htst-submit] button[name=_htst_click]:not([disabled])");
  }

  function isTextEntry(el) {
    return el.matches && el.matches("input[type=text], input[type=password], input[type=number], input[type=email], input[type=search], input[type=url], input[type=tel]");
  }

  document.addEventListener("input", function (e) {
    var el = e.target;
    if (el.hasAttribute("data-htst-filter")) return filterOptions(el);
    if (!el.name || !el.closest("#htst-form")) return;
    dirty.add(el.name);
    if (el.type === "range") showSlider(el.closest(".htst-slider"));
    if (el.hasAttribute("data-htst-live")) { // text_input(live=…): sent after a pause in typing
      clearTimeout(el.htstLive);
      el.htstLive = setTimeout(commit, Number(el.getAttribute("data-htst-live")), el);
    }
  });

  // required / validate (WidgetSpec.refuse on the server, for posts without this script):
  // a field that fails is not sent, and says why.
  function check(box) {
    var fields = Array.from(box.querySelectorAll("input:not([type=hidden]):not([data-htst-filter]):not([data-htst-clear-on-send]),select,textarea")).filter(function (f) { return !f.disabled; });
    if (!fields.length) return true; // a disabled widget is not sent, so not checked
    var typed = box.querySelector("[data-htst-clear-on-send]"); // a selectbox's new option
    var pattern = box.getAttribute("data-htst-pattern"), why = "";
    if (!(typed && typed.value.trim()) && fields.some(function (f) { return !f.value.trim(); })) why = box.hasAttribute("data-htst-required") ? "This field is required." : "";
    else if (pattern) try { if (!new RegExp(pattern, "us").test(fields[0].value)) why = box.getAttribute("data-htst-message"); } catch (err) { why = "Invalid validate regex: " + pattern + ". Error: " + err.message; }
    var out = box.querySelector(".htst-field-error");
    if (!out && why) { out = box.appendChild(document.createElement("p")); out.className = "htst-field-error"; out.setAttribute("role", "alert"); }
    if (out) { out.textContent = why; out.hidden = !why; }
    return !why;
  }

  // A field outside st.form commits its value: it is sent, unless its checks refuse it.
  function commit(el) {
    var keep = el.closest("[data-htst-bind],[data-htst-ignore]");
    if (keep && keep.hasAttribute("data-htst-bind")) showBound(keep, el.name);
    if (keep && keep.hasAttribute("data-htst-ignore")) return; // on_change="ignore": it waits, dirty, for the next send
    var box = el.closest("[data-htst-required],[data-htst-pattern]");
    if (el.closest("[data-submit-mode]") && root().matches("[aria-busy],[data-htst-running]")) return; // chat_input(submit_mode=…)
    if (box && !check(box)) dirty.delete(el.name);
    else if (dirty.has(el.name)) send(null);
  }

  // bind="query-params": the address bar shows a change at once (the server's answer then
  // drops the parameter at the default). Its value is the field as the form posts it.
  function showBound(keep, name) {
    var key = keep.getAttribute("data-htst-bind"), labels = JSON.parse(keep.getAttribute("data-htst-bind-labels") || "[]");
    var url = new URL(location.href), values = new FormData(form()).getAll(name).filter(function (v) { return v !== ""; });
    if (labels.length) values = values.map(function (v) { return labels[v] === undefined ? v : labels[v]; }); // options show their labels
    url.searchParams.delete(key);
    values.forEach(function (v) { url.searchParams.append(key, v); });
    history.replaceState(history.state, "", url);
  }

  // filter_mode: a filter box hides the options of its select that do not match (selected
  // ones stay); returns the first match not selected yet.
  function filterOptions(box) {
    var q = box.value.trim().toLowerCase(), mode = box.getAttribute("data-htst-filter"), first = null;
    Array.from(document.getElementById(box.getAttribute("aria-controls")).options).forEach(function (o) {
      var t = o.text.toLowerCase(), at = 0;
      var hit = mode === "prefix" ? !t.indexOf(q) : mode === "contains" ? t.indexOf(q) >= 0
        : Array.from(q).every(function (c) { return (at = t.indexOf(c, at) + 1); }); // fuzzy: letters in order
      o.hidden = !(o.selected || !q || (o.value && hit));
      if (!o.hidden && !o.selected && o.value && !first) first = o;
    });
    return first;
  }

  function picked(select) { // options chosen here count as the user's
    select.dispatchEvent(new Event("input", { bubbles: true }));
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  // While a slider is dragged its readout follows: option labels for a select_slider,
  // dates and times formatted as the server would, the number itself for plain sliders.
  // Anything it cannot spell keeps the server's text until the rerun redraws it.
  function showSlider(slider) {
    if (!slider) return;
    var out = slider.querySelector("output.htst-slider-value");
    var labels = slider.hasAttribute("data-htst-labels") ? JSON.parse(slider.getAttribute("data-htst-labels")) : null;
    var parts = [];
    var inputs = slider.querySelectorAll("input[type=range]");
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      var text = null;
      if (labels) text = labels[Number(input.value)];
      else if (slider.hasAttribute("data-htst-numeric")) text = input.value;
      else if (slider.hasAttribute("data-htst-kind")) text = formatTime(slider.getAttribute("data-htst-kind"), slider.getAttribute("data-htst-format") || "", Number(input.value));
      if (text == null && input.value === input.defaultValue) text = input.getAttribute("aria-valuetext");
      if (text == null) return;
      if (input.hasAttribute("aria-valuetext") || labels) input.setAttribute("aria-valuetext", text);
      parts.push(text);
    }
    if (out) out.textContent = parts.join(" \u2013 ");
  }

  // Sliders carry dates as day ordinals (0001-01-01 is 1), times as microseconds since
  // midnight, naive datetimes as microseconds since 1970; the format uses YYYY MM DD HH mm
  // ss or their strftime codes. Returns null for anything else (the server spells it).
  function formatTime(kind, format, value) {
    var ms = kind === "date" ? (value - 719163) * 864e5 : value / 1000;
    if (!isFinite(ms) || ["date", "time", "datetime"].indexOf(kind) < 0) return null;
    var d = new Date(ms);
    var pad = function (n, w) { return String(n).padStart(w || 2, "0"); };
    var fields = { YYYY: pad(d.getUTCFullYear(), 4), MM: pad(d.getUTCMonth() + 1), DD: pad(d.getUTCDate()),
      HH: pad(d.getUTCHours()), mm: pad(d.getUTCMinutes()), ss: pad(d.getUTCSeconds()) };
    var codes = { "%Y": "YYYY", "%m": "MM", "%d": "DD", "%H": "HH", "%M": "mm", "%S": "ss" };
    var text = format.replace(/%[a-zA-Z%]|YYYY|MM|DD|HH|mm|ss/g, function (token) {
      if (token[0] !== "%") return fields[token];
      return codes[token] ? fields[codes[token]] : "\u0000";
    });
    return text.indexOf("\u0000") < 0 ? text : null;
  }

  document.addEventListener("change", function (e) {
    var el = e.target;
    if (!el.name || !el.closest("#htst-form") || !dirty.has(el.name) || formOf(el)) return;
    commit(el);
  });
  document.addEventListener("search", function (e) { // a search field's clear button commits ""
    if (e.target.name && !e.target.value && !formOf(e.target)) commit(e.target);
  }, true);

  // Enter (Ctrl/⌘+Enter in a text area) in a form's field submits that form, unless the
  // form was made with enter_to_submit=False.
  function commitField(el) {
    if (!formOf(el)) { commit(el); return; }
    var box = el.closest("[data-htst-form]");
    var button = box.hasAttribute("data-htst-enter-submits") && submitButtonOf(el);
    if (button) send(button);
  }

  document.addEventListener("keydown", function (e) {
    var el = e.target;
    // The open menu (WAI-ARIA menu button): arrows move between items, Escape closes it.
    var menu = el.closest && el.closest("[role=menu]");
    if (menu && /^(ArrowDown|ArrowUp|Escape)$/.test(e.key)) {
      e.preventDefault();
      var items = Array.from(menu.querySelectorAll("[role=menuitem]")), i = items.indexOf(el);
      if (e.key === "Escape") { closeMenu(); document.querySelector(".htst-main-menu").focus(); }
      else items[(i + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length].focus();
      return;
    }
    if (e.key === "Enter" && el.hasAttribute && el.hasAttribute("data-htst-filter")) { // picks the first match
      e.preventDefault();
      var first = filterOptions(el);
      if (first) { first.selected = true; picked(first.parentNode); }
      return;
    }
    if (e.key === "Enter" && isTextEntry(el) && el.closest("#htst-form")) {
      e.preventDefault(); // no implicit form submission: Enter commits this field only
      commitField(el);
      return;
    }
    // In a textarea Enter is a newline; Ctrl+Enter / ⌘+Enter commits the field.
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && el.tagName === "TEXTAREA" && el.closest("#htst-form")) {
      e.preventDefault();
      commitField(el);
      return;
    }
    // A button's keyboard shortcut clicks it while no field has the focus.
    var hit = !isTyping(document.activeElement) && document.querySelector('#htst-form [data-htst-shortcut="' + CSS.escape(combo(e)) + '"]:not(:disabled):not([aria-disabled])');
    if (hit) { e.preventDefault(); hit.click(); return; }
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(document.activeElement)) return;
    if (e.key === "r" || e.key === "R") {
      var rerun = document.querySelector("#htst-form [name=_htst_rerun]");
      if (rerun) { e.preventDefault(); send(rerun); }
    }
    if (e.key === "c" || e.key === "C") {
      var clear = document.querySelector("#htst-form [name=_htst_clear_cache]");
      if (clear) { e.preventDefault(); send(clear); }
    }
  });

  // Help tooltips show on hover and on focus (htst-tooltip.css); Escape hides the one shown
  // until the focus or the pointer moves on (WAI-ARIA tooltip pattern).
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") document.querySelectorAll(".htst-tooltip").forEach(function (t) { if (t.offsetParent) { t.hidden = true; e.preventDefault(); } });
  });
  ["focusin", "mouseout"].forEach(function (type) {
    document.addEventListener(type, function () { document.querySelectorAll(".htst-tooltip[hidden]").forEach(function (t) { t.hidden = false; }); });
  });

  // A key press as htst/elements/shortcuts.py spells it (Cmd counts as Ctrl).
  function combo(e) {
    var code = /^(?:Key|Digit)(.)$/.exec(e.code || "");
    var key = code ? code[1].toLowerCase() : e.key === " " ? "space" : String(e.key).replace(/^Arrow/, "").toLowerCase();
    return [(e.ctrlKey || e.metaKey) && "ctrl", e.altKey && "alt", e.shiftKey && "shift", key].filter(Boolean).join("+");
  }

  function isTyping(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  document.addEventListener("submit", function (e) {
    if (e.target.id !== "htst-form" || !window.htmx) return;
    e.preventDefault();
    // A widget's own button (pagination, menu_button) puts its value in the widget's field.
    var picks = e.submitter && e.submitter.closest("[data-htst-picks]");
    if (picks) {
      var field = picks.querySelector("input[type=hidden]"), menu = picks.querySelector("details");
      field.value = e.submitter.value;
      dirty.add(field.name);
      if (menu) menu.open = false;
      picks.querySelectorAll("[aria-current]").forEach(function (b) { b.removeAttribute("aria-current"); });
      var page = picks.querySelector('button[value="' + field.value + '"]:not([aria-label],[role])'); // a page's own button
      if (page) page.setAttribute("aria-current", "page");
      return formOf(field) ? null : commit(field);
    }
    var submitter = e.submitter && e.submitter.name && e.submitter.value !== "" ? e.submitter : null;
    closeMenu();
    send(submitter);
  });

  // What a request carries: the fields the user changed, except those of a form that is
  // not being submitted (they stay dirty and wait for their own submit button). A timer
  // tick carries no field at all.
  document.addEventListener("htmx:config:request", function (e) {
    var request = e.detail.ctx.request;
    var body = request.body;
    if (!body || !body.keys) return;
    var f = form();
    var submitted = request.submitter ? formOf(request.submitter) : null;
    var tick = extra && extra._htst_fragment;
    Array.from(new Set(body.keys())).forEach(function (name) {
      if (name.indexOf("_htst") === 0) return;
      var field = f && f.elements.namedItem(name);
      var fieldForm = formOf(field && field.length !== undefined && !field.tagName ? field[0] : field);
      if (tick || !dirty.has(name) || (fieldForm && fieldForm !== submitted)) body.delete(name);
      else dirty.delete(name);
    });
    if (extra) Object.keys(extra).forEach(function (k) { body.set(k, extra[k]); });
    // st.context: what only the browser knows (server/request_info.py reads it). The theme
    // shown is <html data-theme>, which applyTheme keeps; without it, the system's.
    var theme = document.documentElement.getAttribute("data-theme") || (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
    body.set("_htst_ctx", JSON.stringify([Intl.DateTimeFormat().resolvedOptions().timeZone, new Date().getTimezoneOffset(), navigator.language, theme]));
    var attach = document.querySelector("[data-htst-attach]");
    if (attach) attach.remove(); // follow the first run once
  });

  document.addEventListener("htmx:before:request", function () {
    inFlight++;
    var r = root();
    if (r) r.setAttribute("aria-busy", "true");
  });

  document.addEventListener("htmx:finally:request", function () {
    inFlight = Math.max(0, inFlight - 1);
    var r = root();
    if (r && inFlight === 0) r.removeAttribute("aria-busy");
    restoreTabs();
  });

  document.addEventListener("htmx:after:swap", function () {
    restoreTabs();
    syncPage();
    syncChrome();
  });

  // -- Live runs: a long run streams; the page shows it is running, with a Stop button.
  function setRunning(number, on) {
    var r = root();
    if (!r || number < latestRun) return; // an older run's news
    latestRun = number;
    if (on) r.setAttribute("data-htst-running", "");
    else r.removeAttribute("data-htst-running");
  }
  // hx-sse keeps one connection per element, and a stream that ends closes the element's
  // connection: every request comes from the app's form, so an older stream ending just
  // after a newer one began would abort the newer one. Each stream is ended by the
  // server, so the form keeps none.
  document.addEventListener("htmx:sse:after:connection", function (e) {
    var own = e.target && e.target._htmx;
    if (own && own.sse === e.detail.connection) own.sse = null;
  });
  document.addEventListener("htst:running", function (e) { setRunning(Number(e.detail.data), true); });
  document.addEventListener("htst:done", function (e) { setRunning(Number(e.detail.data), false); });
  document.addEventListener("htst:url", function (e) { history.replaceState(history.state, "", e.detail.data); });
  document.addEventListener("htst:push-url", function (e) { history.pushState({ htmx: true }, "", e.detail.data); });

  // -- Pages: the menu and page links switch pages inside the session (its state kept);
  // the server pushes the page's URL. Back and Forward switch the same way, without a push.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-htst-page]");
    if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    send(null, { _htst_page: a.getAttribute("data-htst-page"), _htst_query: a.getAttribute("data-htst-query") || "" });
  });
  document.addEventListener("htmx:before:history:restore", function (e) {
    var r = root();
    if (!r) return;
    e.preventDefault();
    var base = r.getAttribute("data-htst-base") || "/";
    var path = location.pathname.indexOf(base) === 0 ? decodeURIComponent(location.pathname.slice(base.length)) : "";
    send(null, { _htst_page: path, _htst_query: location.search.slice(1), _htst_history: "1" });
  });
  document.addEventListener("htmx:after:request", function (e) {
    var run = e.detail.ctx.response && e.detail.ctx.response.headers.get("X-Htst-Run");
    if (run) setRunning(Number(run), false); // answered in one response: finished
  });

  // A file of static/, beside htst.css (with its version query).
  function staticUrl(file) { return document.querySelector('link[href*="/htst.css"]').href.replace("htst.css", file); }

  // What element scripts (htst-charts.js…) share: a vendored library loaded once, and a
  // field changed as if the user had changed it (committed like any widget's).
  var libraries = {};
  window.htst = {
    library: function (file) {
      return (libraries[file] = libraries[file] || new Promise(function (ok, fail) {
        var script = document.head.appendChild(document.createElement("script"));
        script.onload = ok;
        script.onerror = function () { delete libraries[file]; fail(Error(file)); };
        script.src = staticUrl(file);
      }));
    },
    changed: picked,
    set: function (field, value) { if (field.value !== value) { field.value = value; picked(field); } }
  };

  // -- After every swap: fragment timers, dialogs, status boxes.
  var timers = new Map(); // fragment id -> [interval ms, timer]
  function syncPage() {
    var seen = new Set();
    // Stylesheets of some elements load with the first of them a swap brings in.
    [["widgets", ".htst-checkbox,.htst-radio,.htst-number,.htst-slider,.htst-textarea,.htst-date-input,.htst-date-display,.htst-multiselect,.htst-button-group,.htst-filter"], ["layout", ".htst-columns,.htst-tabs,.htst-expander,.htst-container"], ["code", ".htst-code"], ["pages", ".htst-nav,.htst-page-link"], ["chat", ".htst-chat-message,.htst-chat-input"],
      ["toast", ".htst-toast"], ["metric", ".htst-metric"], ["files", ".htst-file-uploader"], ["color", ".htst-color-picker"], ["dialog", ".htst-dialog"],
      ["progress", ".htst-progress"], ["celebration", ".htst-celebration"], ["media", ".htst-image,.htst-audio,.htst-video,.htst-pdf"], ["help", ".htst-help-box"], ["placeholders", ".htst-space,.htst-skeleton"], ["popover", ".htst-popover"], ["status", ".htst-status"], ["bottom", "#hb>*"], ["table", ".htst-df"], ["charts", ".htst-chart"], ["grid", ".htst-grid"], ["menus", "[data-htst-picks]"], ["tooltip", ".htst-tooltip"]].forEach(function (sheet) {
      if (document.querySelector("[data-htst-" + sheet[0] + "-css]") || !document.querySelector(sheet[1])) return;
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = staticUrl("htst-" + sheet[0] + ".css");
      css.setAttribute("data-htst-" + sheet[0] + "-css", "");
      document.head.appendChild(css);
    });
    // Scripts of some elements (camera and microphone inputs, charts) load with the first of
    // them (htst-capture.js brings its stylesheet along).
    document.querySelectorAll("[data-htst-script]").forEach(function (el) {
      var name = el.getAttribute("data-htst-script");
      if (document.querySelector("script[data-htst-" + name + "]")) return;
      var script = document.createElement("script");
      script.src = staticUrl("htst-" + name + ".js");
      script.setAttribute("data-htst-" + name, "");
      document.head.appendChild(script);
    });
    document.querySelectorAll("[data-htst-filter]").forEach(function (box) { if (box.value) filterOptions(box); });
    document.querySelectorAll("[data-htst-run-every]").forEach(function (el) {
      var every = Number(el.getAttribute("data-htst-run-every"));
      seen.add(el.id);
      var timer = timers.get(el.id);
      if (timer && timer[0] === every) return;
      if (timer) clearInterval(timer[1]);
      timers.set(el.id, [every, setInterval(function () { send(null, { _htst_fragment: el.id }); }, every)]);
    });
    timers.forEach(function (timer, id) {
      if (!seen.has(id)) { clearInterval(timer[1]); timers.delete(id); } // no longer called
    });
    document.querySelectorAll("dialog[data-htst-dialog]").forEach(function (d) {
      if (d.htstShown) return;
      d.htstShown = true;
      if (d.open && !d.matches(":modal")) { d.close(); d.showModal(); }
    });
    // st.spinner(show_time=True): seconds since the spinner appeared.
    document.querySelectorAll("[data-htst-timer]").forEach(function (el) {
      if (el.htstTimer) return;
      var began = Date.now();
      var out = el.querySelector("[data-htst-timer-output]");
      el.htstTimer = setInterval(function () {
        if (!el.isConnected) { clearInterval(el.htstTimer); return; }
        if (out) out.textContent = "(" + ((Date.now() - began) / 1000).toFixed(1) + " seconds)";
      }, 100);
    });
    document.querySelectorAll("details[data-htst-expanded]").forEach(function (el) {
      var want = el.getAttribute("data-htst-expanded");
      if (el.htstExpanded !== want) { el.htstExpanded = want; el.open = want === "true"; }
    });
  }

  // -- Toasts outlive the run that drew them, as in Streamlit: one a later run no longer
  // draws (so the swap removed it) stays, as a ghost this script owns, until its time is
  // up. One updated in place (`msg.toast(...)`, same data-htst-call) is not kept.
  var toastShown = new WeakMap(); // toast element -> when it appeared (ms)
  function noteToasts(node) {
    if (node.nodeType !== 1) return;
    var found = node.matches(".htst-toast") ? [node] : node.querySelectorAll(".htst-toast");
    found.forEach(function (t) { if (!toastShown.has(t)) toastShown.set(t, Date.now()); });
  }
  function keepToast(t) {
    if (t.isConnected || !toastShown.has(t)) return; // moved, or never seen
    if (t.querySelector(".htst-toast-close input:checked")) return; // closed by the user
    var call = t.getAttribute("data-htst-call");
    if (call && document.querySelector('.htst-toast[data-htst-call="' + call + '"]')) return;
    var duration = Number(t.getAttribute("data-htst-duration"));
    var left = duration ? duration - (Date.now() - toastShown.get(t)) / 1000 : Infinity;
    if (left <= 0) return;
    var slot = document.createElement("div");
    slot.className = "htst-toast-slot htst-toast-ghost";
    var ghost = t.cloneNode(true);
    ghost.removeAttribute("id");
    ghost.removeAttribute("data-htst-call");
    if (isFinite(left)) ghost.style.setProperty("--htst-toast-left", left.toFixed(2) + "s");
    slot.appendChild(ghost);
    ghost.addEventListener("animationend", function () { slot.remove(); stackToasts(); });
    ghost.addEventListener("change", function () { slot.remove(); stackToasts(); }); // closed
    document.body.appendChild(slot);
  }
  // Ghosts stack above the toasts the page draws (which the server numbers from 0).
  function stackToasts() {
    var next = 0;
    document.querySelectorAll(".htst-toast-slot:not(.htst-toast-ghost)").forEach(function (s) {
      next = Math.max(next, Number(s.style.getPropertyValue("--htst-toast-index") || 0) + 1);
    });
    document.querySelectorAll(".htst-toast-ghost").forEach(function (s, i) {
      s.style.setProperty("--htst-toast-index", String(next + i));
    });
  }
  new MutationObserver(function (records) {
    var removed = [];
    records.forEach(function (r) {
      r.addedNodes.forEach(noteToasts);
      r.removedNodes.forEach(function (n) {
        if (n.nodeType !== 1) return;
        if (n.matches(".htst-toast")) removed.push(n);
        else n.querySelectorAll(".htst-toast").forEach(function (t) { removed.push(t); });
      });
    });
    removed.forEach(keepToast);
    if (removed.length) stackToasts();
  }).observe(document.documentElement, { childList: true, subtree: true });
  noteToasts(document.documentElement);

  document.addEventListener("click", function (e) {
    var close = e.target.closest && e.target.closest("[data-htst-close-dialog]");
    if (!close) return;
    var d = close.closest("dialog");
    d.close();
    if (d.hasAttribute("data-htst-rerun-on-dismiss")) send(document.querySelector("#htst-form [name=_htst_rerun]"));
  });
  // An expander with on_change posts whether it is open (its hidden field); the
  // server's answer (data-htst-expanded) then opens or closes it.
  document.addEventListener("toggle", function (e) {
    var d = e.target, field = d.querySelector && d.querySelector(":scope>summary>[data-htst-open]");
    if (!field) return;
    var open = d.open ? "true" : "false";
    d.htstExpanded = open;
    if (field.value === open) return;
    field.value = open;
    dirty.add(field.name);
    if (!formOf(field)) commit(field);
  }, true);
  document.addEventListener("cancel", function (e) {
    if (e.target.matches && e.target.matches("dialog[data-htst-undismissible]")) e.preventDefault();
  }, true);

  function start() {
    syncPage();
    // The page came while its first run was still going: follow the rest of it.
    if (document.querySelector("[data-htst-attach]")) send(null);
  }
  // After htmx has set the page up (it does so on DOMContentLoaded, and loads first).
  if (document.readyState === "complete") start();
  else document.addEventListener("DOMContentLoaded", function () { setTimeout(start, 0); });

  // Tabs switch in the browser; the choice survives swaps of the tab group. Tabs with
  // on_change are submit buttons (without JS too): the click posts the label, and the
  // server's answer says which tab is active.
  document.addEventListener("click", function (e) {
    var tab = e.target.closest && e.target.closest("[data-htst-tabs] [role=tab]");
    if (tab && tab.name) {
      e.preventDefault();
      if (tab.getAttribute("aria-selected") === "true") return;
      var group = tab.closest("[data-htst-tabs]"), held = group.querySelector(":scope > [data-htst-tab-value]");
      selectTab(group, tab.id);
      if (held) { held.value = tab.value; dirty.add(held.name); commit(held); return; } // bound, on_change="ignore"
      if (!formOf(tab)) { dirty.add(tab.name); send(tab); }
      return;
    }
    if (tab) { selectTab(tab.closest("[data-htst-tabs]"), tab.id); return; }
    var menuButton = e.target.closest && e.target.closest(".htst-main-menu");
    if (menuButton) { toggleMenu(menuButton); return; }
    var action = e.target.closest && e.target.closest("[data-htst-action]");
    if (action) { runAction(action.getAttribute("data-htst-action")); closeMenu(); return; }
    if (!(e.target.closest && e.target.closest(".htst-menu"))) closeMenu();
    document.querySelectorAll("details.htst-popover[open]").forEach(function (p) { if (!p.contains(e.target)) p.open = false; }); // a click elsewhere closes a popover
  });

  function selectTab(group, tabId) {
    if (!group) return;
    if (!group.hasAttribute("data-htst-tabs-widget")) activeTabs.set(group.id, tabId);
    group.querySelectorAll(":scope > [role=tablist] > [role=tab]").forEach(function (tab) {
      var on = tab.id === tabId;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      var panel = document.getElementById(tab.getAttribute("aria-controls"));
      if (panel) panel.hidden = !on;
    });
  }

  function restoreTabs() {
    activeTabs.forEach(function (tabId, groupId) {
      var group = document.getElementById(groupId);
      if (group && document.getElementById(tabId)) selectTab(group, tabId);
    });
  }

  function toggleMenu(button) {
    var list = document.getElementById(button.getAttribute("aria-controls"));
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (list) list.hidden = !open;
    if (open && list) { var first = list.querySelector("[role=menuitem]"); if (first) first.focus(); }
  }

  function closeMenu() {
    document.querySelectorAll(".htst-main-menu[aria-expanded=true]").forEach(toggleMenu);
  }

  // -- Settings (menu → Settings): the base theme ("light", "dark" or "system") and wide
  // mode, kept in this browser. Without a choice, the configured base, else the system's.
  function stored(key) { try { return localStorage.getItem(key); } catch (err) { return null; } }
  function store(key, value) { try { localStorage.setItem(key, value); } catch (err) { /* private mode */ } }
  function themeChoice() { return stored("htst-theme") || document.documentElement.getAttribute("data-theme") || "system"; }
  function applyTheme(choice) {
    var dark = choice === "dark" || (choice === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.setAttribute("data-theme", dark ? "dark" : "light");
  }
  if (stored("htst-theme")) applyTheme(stored("htst-theme"));
  document.addEventListener("change", function (e) {
    var f = e.target.form;
    if (!f || f.className !== "htst-settings") return;
    if (e.target.name === "wide") { store("htst-wide", f.wide.checked ? "1" : ""); syncChrome(); }
    if (e.target.name === "theme") { store("htst-theme", f.theme.value); applyTheme(f.theme.value); }
  });

  function runAction(name) {
    if (name === "print") window.print();
    if (name === "about") document.getElementById("htst-about").showModal();
    if (/-sidebar$/.test(name)) root().toggleAttribute("data-sidebar-collapsed", name === "close-sidebar");
    if (name === "settings") {
      var dialog = document.getElementById("htst-settings"), f = dialog.querySelector("form");
      f.theme.value = themeChoice();
      f.wide.checked = document.documentElement.classList.contains("htst-wide");
      dialog.showModal();
    }
  }

  // -- The page around the app: the title, favicon and layout follow the runs (a page's
  // title, st.set_page_config); the wide-mode setting, once chosen, wins over the layout.
  function syncChrome() {
    var c = document.getElementById("htst-chrome"), icon = document.querySelector("link[rel=icon]"), wide = null;
    if (!c) return;
    if (c.textContent && document.title !== c.textContent) document.title = c.textContent;
    if (icon && c.dataset.icon && icon.getAttribute("href") !== c.dataset.icon) icon.setAttribute("href", c.dataset.icon);
    wide = stored("htst-wide");
    document.documentElement.classList.toggle("htst-wide", wide === null ? c.dataset.layout === "wide" : !!wide);
  }
  syncChrome();
  var address = root() && root().getAttribute("data-htst-address");
  if (address) history.replaceState(history.state, "", address); // "Page not found": the default page's URL
  // The sidebar starts collapsed when asked, and on narrow screens unless "expanded".
  var sidebarState = root() && root().getAttribute("data-sidebar");
  if (sidebarState === "collapsed" || (sidebarState !== "expanded" && window.matchMedia("(max-width: 48rem)").matches)) {
    root().setAttribute("data-sidebar-collapsed", "");
  }

  // A closed tab frees its server session at once instead of waiting for the idle timeout.
  window.addEventListener("pagehide", function () {
    var f = form();
    if (!f || !navigator.sendBeacon) return;
    var data = new FormData();
    data.append("_htst_tab", f.querySelector("[name=_htst_tab]").value);
    navigator.sendBeacon(f.getAttribute("data-close-url"), data);
  });

  // htmx is told the form is multipart (hx-encoding); a body goes multipart only when
  // it carries a file. Boxes that empty on send (chat_input) and file pickers (the
  // server keeps the files) are cleared once their value is in the body.
  document.addEventListener("htmx:config:request", function (e) {
    var request = e.detail.ctx.request;
    var body = request.body;
    var f = form();
    if (!body || !body.entries || !f) return;
    var hasFile = Array.from(body.values()).some(function (v) { return v instanceof File; });
    f.querySelectorAll("[data-htst-clear-on-send], input[type=file]").forEach(function (el) {
      if (el.name && body.has(el.name)) el.value = "";
    });
    if (!hasFile) request.body = new URLSearchParams(body);
  });

  // A multiselect's "Select all" selects the options its filter shows (without this
  // script, its click selects them all on the server).
  document.addEventListener("click", function (e) {
    var all = e.target.closest && e.target.closest("[data-htst-select-all]");
    if (!all || !window.htmx) return;
    e.preventDefault();
    var select = document.getElementById(all.getAttribute("data-htst-select-all"));
    Array.from(select.options).forEach(function (o) { o.selected = o.selected || !o.hidden; });
    picked(select);
  });

  // Download buttons fetch their file directly, link buttons that rerun open their page;
  // the click itself is an ordinary rerun.
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("[data-htst-download],[data-htst-href]");
    if (!button || button.disabled || !window.htmx) return;
    e.preventDefault();
    var href = button.getAttribute("data-htst-href");
    if (href) { window.open(href, "_blank", "noopener"); send(button); return; }
    var link = document.createElement("a");
    link.href = button.getAttribute("data-htst-download");
    link.download = button.getAttribute("data-htst-filename") || "";
    document.body.appendChild(link);
    link.click();
    link.remove();
    if (button.hasAttribute("data-htst-rerun")) send(button);
  });

  // Pills and segmented controls in single mode: clicking the selected option clears it,
  // as in Streamlit (a native radio cannot be unchecked by clicking it).
  var wasChecked = null;
  document.addEventListener("pointerdown", function (e) {
    var radio = e.target.closest && e.target.closest(".htst-button-group:not([data-required]) label");
    var input = radio && radio.querySelector("input[type=radio]");
    wasChecked = input && input.checked ? input : null;
  });
  document.addEventListener("click", function (e) {
    var input = wasChecked;
    if (!input || e.target !== input) return; // a label's click is forwarded to its input: act on that
    wasChecked = null;
    if (!input.closest("#htst-form")) return;
    input.checked = false;
    dirty.add(input.name);
    commit(input);
  });
})();
