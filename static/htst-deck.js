// htst-deck.js: st.pydeck_chart in the browser. Loaded on pages with a deck after their
// first paint; it loads the vendored deck.gl (and its JSON converter), draws each deck
// from its JSON over the server's drawing, and posts object selections (clicks on
// pickable layers) as the chart widget's field.
(function () {
  "use strict";
  if (window.htstDeck) return;
  var ready = null;

  // deck.gl, then its JSON converter (which reads the global `deck` and replaces it).
  function loadDeck() {
    if (!ready) ready = htst.library("deck.gl-9.4.0.min.js").then(function () {
      var core = window.deck;
      return htst.library("deck.gl-json-9.4.0.min.js").then(function () {
        window.deck = Object.assign({}, core, window.deck);
        var classes = {};
        Object.keys(core).forEach(function (name) { if (/Layer$|View$/.test(name)) classes[name] = core[name]; });
        return { deck: window.deck, converter: new window.deck.JSONConverter({ configuration: new window.deck.JSONConfiguration({ classes: classes }) }) };
      });
    }).catch(function (err) { ready = null; throw err; });
    return ready;
  }

  function tooltipOf(config) {
    if (!config) return null;
    var template = config.html || config.text;
    return function (info) {
      if (!info.object) return null;
      var text = String(template).replace(/\{([^{}]+)\}/g, function (m, k) { return info.object[k] != null ? info.object[k] : ""; });
      return config.html ? { html: text } : { text: text };
    };
  }

  // The deployment's raster tiles (config `map.tileUrl`) under the deck's layers.
  function basemap(deck, tiles) {
    return new deck.TileLayer({
      id: "htst-basemap", data: tiles.url, tileSize: 256, minZoom: 0, maxZoom: 19,
      renderSubLayers: function (props) {
        var box = props.tile.boundingBox;
        return new deck.BitmapLayer(props, { data: null, image: props.data, bounds: [box[0][0], box[0][1], box[1][0], box[1][1]] });
      }
    });
  }

  function credit(view, text) {
    var note = view.querySelector(".htst-deck-credit") || view.appendChild(document.createElement("small"));
    note.className = "htst-deck-credit";
    note.textContent = text;
  }

  function draw(fig) {
    var url = fig.getAttribute("data-htst-deck");
    if (!url || fig.htstUrl === url) return;
    fig.htstUrl = url;
    Promise.all([loadDeck(), fetch(url).then(function (r) {
      if (!r.ok) throw new Error("deck " + r.status);
      return r.json();
    })]).then(function (got) {
      if (fig.getAttribute("data-htst-deck") !== url || !fig.isConnected) return;
      var props = got[0].converter.convert(got[1]), view = fig.querySelector(".htst-deck-view");
      props.getTooltip = tooltipOf(got[1].htstTooltip);
      var tiles = got[1].htstTiles;
      if (tiles) props.layers = [basemap(got[0].deck, tiles)].concat(props.layers || []);
      if (fig.htstDeck) return fig.htstDeck.setProps({ layers: props.layers, getTooltip: props.getTooltip });
      view.replaceChildren();
      view.removeAttribute("data-htst-static");
      view.setAttribute("hx-morph-skip", ""); // a rerun's morph keeps the drawn deck
      view.style.position = "relative";
      props.parent = view;
      props.controller = props.controller === undefined ? true : props.controller;
      var mode = fig.getAttribute("data-htst-mode"), input = fig.querySelector("input[type=hidden]");
      if (mode && input) props.onClick = function (info) { select(input, mode, info); };
      fig.htstDeck = new got[0].deck.Deck(props);
      if (tiles && tiles.attribution) credit(view, tiles.attribution);
    }).catch(function (err) {
      fig.htstUrl = null;
      console.error("htst deck:", err);
    });
  }

  function select(input, mode, info) {
    var now = JSON.parse(input.value || "{}"), indices = now.indices || {}, objects = now.objects || {};
    if (!info.layer || info.index < 0) { indices = {}; objects = {}; } // a click on nothing clears
    else {
      var id = info.layer.id;
      if (mode === "single-object") { indices = {}; objects = {}; }
      var at = (indices[id] || []).indexOf(info.index);
      indices[id] = (indices[id] || []).slice();
      objects[id] = (objects[id] || []).slice();
      if (at >= 0 && mode === "multi-object") { indices[id].splice(at, 1); objects[id].splice(at, 1); }
      else { indices[id].push(info.index); objects[id].push(info.object); }
    }
    htst.set(input, JSON.stringify({ indices: indices, objects: objects }));
  }

  function drawAll() { document.querySelectorAll("[data-htst-deck]").forEach(draw); }
  document.addEventListener("htmx:after:swap", drawAll);
  window.htstDeck = drawAll;
  drawAll();
})();
