// htst-capture.js: st.camera_input and st.audio_input in a browser with a camera or a
// microphone. The page holds a file input (what works without this script); this file
// adds a camera preview with "Take photo", or a recorder that encodes 16-bit mono WAV at
// the widget's sample rate, and hands the photo or recording to that file input, so it
// is posted like any upload.
(function () {
  "use strict";
  if (window.htstCapture) return;
  var live = []; // [take box, element that shows it is live, stream or null]

  function button(text) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "htst-button htst-button--secondary";
    b.textContent = text;
    return b;
  }

  function note(take, text) {
    var p = take.querySelector(".htst-capture-note") || take.appendChild(document.createElement("p"));
    p.className = "htst-capture-note";
    p.textContent = text;
    take.classList.remove("htst-capture-live"); // the file input is the way in
  }

  // What this script adds sits in a box with an id of its own: a rerun's morph never
  // reuses it for the server's elements (it removes it instead).
  function controls(take, file) {
    var box = document.createElement("div");
    box.id = file.id + "-live";
    box.className = "htst-capture-controls";
    take.classList.add("htst-capture-live");
    take.prepend(box);
    return box;
  }

  function stop(stream) {
    if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
  }

  function hand(file, blob, name) {
    var dt = new DataTransfer();
    dt.items.add(new File([blob], name, { type: blob.type }));
    file.files = dt.files;
    htst.changed(file);
  }

  function camera(box, take, file) {
    var height = Number(box.getAttribute("data-resolution")) || 0;
    navigator.mediaDevices.getUserMedia({ video: height ? { height: { ideal: height } } : true }).then(function (stream) {
      if (!take.isConnected) return stop(stream);
      var video = document.createElement("video"), shoot = button("Take photo");
      video.autoplay = video.muted = video.playsInline = true;
      video.srcObject = stream;
      video.setAttribute("aria-label", "Camera preview");
      controls(take, file).append(video, shoot);
      live.push([take, video, stream]);
      shoot.addEventListener("click", function () {
        if (!video.videoWidth) return;
        var canvas = document.createElement("canvas");
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        canvas.getContext("2d").drawImage(video, 0, 0);
        shoot.disabled = true;
        canvas.toBlob(function (blob) { stop(stream); hand(file, blob, "image.jpg"); }, "image/jpeg", 0.92);
      });
    }).catch(function () { note(take, "No camera is available here: choose a picture instead."); });
  }

  function microphone(box, take, file) {
    var rate = Number(box.getAttribute("data-sample-rate")) || 0, rec = button("Record"), session = null;
    rec.classList.add("htst-capture-rec");
    controls(take, file).append(rec);
    live.push([take, rec, null]);
    rec.addEventListener("click", function () {
      if (session) return finish();
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
        var ctx = new AudioContext(rate ? { sampleRate: rate } : {});
        var source = ctx.createMediaStreamSource(stream), node = ctx.createScriptProcessor(4096, 1, 1), chunks = [];
        node.onaudioprocess = function (e) { chunks.push(new Float32Array(e.inputBuffer.getChannelData(0))); };
        source.connect(node);
        node.connect(ctx.destination);
        session = { stream: stream, ctx: ctx, node: node, source: source, chunks: chunks };
        live.push([take, rec, stream]);
        rec.textContent = "Stop";
        rec.setAttribute("data-recording", "");
      }).catch(function () { rec.remove(); note(take, "No microphone is available here: choose a WAV file instead."); });
    });
    function finish() {
      var s = session;
      session = null;
      s.node.disconnect();
      s.source.disconnect();
      stop(s.stream);
      var wav = encode(s.chunks, s.ctx.sampleRate);
      s.ctx.close();
      rec.textContent = "Record";
      rec.removeAttribute("data-recording");
      hand(file, new Blob([wav], { type: "audio/wav" }), "audio.wav");
    }
  }

  // Float samples in [-1, 1] -> a 16-bit PCM mono WAV file.
  function encode(chunks, rate) {
    var n = chunks.reduce(function (sum, c) { return sum + c.length; }, 0);
    var view = new DataView(new ArrayBuffer(44 + n * 2)), at = 44;
    function text(offset, s) { for (var i = 0; i < s.length; i++) view.setUint8(offset + i, s.charCodeAt(i)); }
    text(0, "RIFF"); view.setUint32(4, 36 + n * 2, true); text(8, "WAVE");
    text(12, "fmt "); view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
    view.setUint32(24, rate, true); view.setUint32(28, rate * 2, true); view.setUint16(32, 2, true); view.setUint16(34, 16, true);
    text(36, "data"); view.setUint32(40, n * 2, true);
    chunks.forEach(function (c) {
      for (var i = 0; i < c.length; i++, at += 2) {
        var v = Math.max(-1, Math.min(1, c[i]));
        view.setInt16(at, v < 0 ? v * 0x8000 : v * 0x7fff, true);
      }
    });
    return view.buffer;
  }

  function setup() {
    // A rerun that replaced a live part stops its camera or microphone.
    live = live.filter(function (entry) {
      if (entry[1].isConnected) return true;
      stop(entry[2]);
      entry[0].htstReady = false;
      return false;
    });
    document.querySelectorAll("[data-htst-script=capture]").forEach(function (box) {
      var take = box.querySelector(".htst-capture-take"), file = take && take.querySelector("input[type=file]");
      if (!file || take.htstReady || box.hasAttribute("data-disabled")) return;
      take.htstReady = true;
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.DataTransfer) return;
      (box.getAttribute("data-capture") === "camera" ? camera : microphone)(box, take, file);
    });
  }
  document.addEventListener("htmx:after:swap", setup);
  window.htstCapture = setup;
  if (!document.querySelector("[data-htst-capture-css]")) { // a swap brought the first of these widgets
    var css = document.head.appendChild(document.createElement("link"));
    css.rel = "stylesheet";
    css.href = document.currentScript.src.replace(/htst-capture\.js/, "htst-capture.css");
    css.setAttribute("data-htst-capture-css", "");
  }
  setup();
})();
