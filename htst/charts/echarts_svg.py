"""ECharts options drawn as SVG on the server, so an ECharts chart shows with JavaScript
off, in curl's answer and in print, as Vega charts do.

echarts draws itself without a DOM (`renderToSVGString`, its server-side mode); the
vendored echarts runs in an embedded V8 (`mini-racer`, the `echarts` extra: ~20 MB,
so not a core dependency). Without it the page shows the chart's data until the
browser draws it. Text takes the page's colour (currentColor), so one drawing serves
the light and the dark theme. The engine starts on the first ECharts chart a process
draws (~0.15 s); drawings are cached by option, size and look.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from typing import Any

from ..render.assets import STATIC_DIR

_log = logging.getLogger("htst")
ECHARTS_JS = STATIC_DIR / "echarts-6.1.0.min.js"
CACHE_ENTRIES = 256  # drawings kept (an SVG is tens of KB)
DRAW_SECONDS = 5  # an option echarts cannot finish drawing is left to the browser
INSTALL_HINT = 'install htst\'s "echarts" extra (pip install "htst[echarts]") for a server drawing'

# Text and axes in the page's colour; series colours stay the option's.
_TEXT_IN_PAGE_COLOUR = """
(function () {
  var text = { color: "currentColor" }, label = { axisLabel: text, nameTextStyle: text };
  echarts.registerTheme("htst-page", {
    textStyle: text, title: { textStyle: text, subtextStyle: text }, legend: { textStyle: text },
    categoryAxis: label, valueAxis: label, logAxis: label, timeAxis: label,
  });
})();
function htstDraw(text, width, height) {
  var chart = echarts.init(null, "htst-page", { renderer: "svg", ssr: true, width: width, height: height });
  try {
    chart.setOption(JSON.parse(text));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
"""


class Drawing:
    """One option's SVG at one size, drawn when first read; `svg` is None when the server
    cannot draw it (`error` says why). Equal drawings (same digest) compare equal, so a
    rerun that does not change the chart sends nothing."""

    __slots__ = ("_source", "_svg", "digest", "error")

    def __init__(self, digest: str, option_json: str, width: int, height: int):
        self.digest = digest
        self._source: tuple[str, int, int] | None = (option_json, width, height)
        self._svg: str | None = None
        self.error: str | None = None

    @property
    def svg(self) -> str | None:
        if self._source is not None:
            with _engine_lock:
                if self._source is not None:
                    self._svg, self.error = _draw(*self._source)
                    self._source = None
        return self._svg

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Drawing) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)

    def __repr__(self) -> str:
        return f"echarts Drawing({self.digest})"


_cache: OrderedDict[str, Drawing] = OrderedDict()
_lock = threading.Lock()
_engine_lock = threading.Lock()  # one V8 context, one drawing at a time
_engine: Any = None
_engine_missing: str | None = None


def draw(option_json: str, width: int, height: int) -> Drawing:
    """The drawing of an ECharts option (JSON text) at `width` × `height` pixels."""
    digest = hashlib.blake2b(f"{width}x{height}\0{option_json}".encode(), digest_size=12).hexdigest()
    with _lock:
        found = _cache.get(digest)
        if found is not None:
            _cache.move_to_end(digest)
            return found
        drawing = _cache[digest] = Drawing(digest, option_json, width, height)
        if len(_cache) > CACHE_ENTRIES:
            _cache.popitem(last=False)
    return drawing


def _draw(option_json: str, width: int, height: int) -> tuple[str | None, str | None]:
    """(SVG, None) or (None, why not); the caller holds the engine lock."""
    engine = _started()
    if engine is None:
        return None, _engine_missing
    from py_mini_racer import JSEvalException

    try:
        svg = engine.call("htstDraw", option_json, width, height, timeout_sec=DRAW_SECONDS)
    except JSEvalException as exc:  # the option names what echarts cannot draw
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        _log.info("st.echarts_chart: the server could not draw this option (%s); the browser will.", reason)
        return None, reason
    if not isinstance(svg, str) or not svg.startswith("<svg"):
        return None, "echarts drew no SVG"
    # The SVG scales with its box (CSS sets the width; its viewBox keeps the shape).
    return svg.replace("<svg ", '<svg focusable="false" aria-hidden="true" ', 1), None


def _started() -> Any:
    global _engine, _engine_missing
    if _engine is None and _engine_missing is None:
        try:
            from py_mini_racer import MiniRacer
        except ImportError:
            _engine_missing = f"the server has no JavaScript engine: {INSTALL_HINT}"
            _log.info("st.echarts_chart: %s; until then the browser draws ECharts charts.", _engine_missing)
            return None
        engine = MiniRacer()
        engine.eval(ECHARTS_JS.read_text(encoding="utf-8"))
        engine.eval(_TEXT_IN_PAGE_COLOUR)
        _engine = engine
    return _engine


def option_text(option: dict[str, Any]) -> str:
    return json.dumps(option, separators=(",", ":"), allow_nan=False)


def clear() -> None:
    with _lock:
        _cache.clear()
