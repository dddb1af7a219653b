"""Figures from the user's own chart libraries, drawn on the server as inline SVG:
st.pyplot (matplotlib) and st.graphviz_chart (Graphviz's `dot`).

Like Streamlit, htst does not depend on these libraries; a missing one is named in the
error. The SVG is part of the page (it shows without JavaScript and in curl's HTML).
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import threading
from collections import OrderedDict
from typing import Any

from markupsafe import Markup

from ..errors import HtstAPIException
from . import sizing
from .block import Block, add_element, public

_GRAPHS: OrderedDict[str, str] = OrderedDict()  # DOT digest -> SVG
_GRAPHS_LIMIT = 256
_graphs_lock = threading.Lock()
_XML_HEAD = re.compile(r"^\s*(<\?xml[^>]*\?>)?\s*(<!DOCTYPE[^>]*>)?\s*(<!--.*?-->\s*)*", re.DOTALL)


@public
def pyplot(fig: Any, clear_figure: bool = False, *, width: Any = "stretch", use_container_width: bool | None = None, alt: str | None = None, **kwargs: Any) -> Block:
    """Display a matplotlib figure, drawn as SVG (text stays text); `clear_figure=True`
    clears it afterwards. `kwargs` go to `Figure.savefig` (e.g. `dpi`, `bbox_inches`)."""
    try:
        import matplotlib
    except ImportError:
        raise HtstAPIException("st.pyplot needs matplotlib: `pip install matplotlib`.") from None
    if not hasattr(fig, "savefig"):
        raise HtstAPIException(f"st.pyplot takes a matplotlib Figure, got {type(fig).__name__}.")
    size = sizing.width(sizing.container_width(width, use_container_width))
    out = io.StringIO()
    kwargs.setdefault("bbox_inches", "tight")
    kwargs["format"] = "svg"
    # Text as text (small, selectable); ids salted per figure, so two figures on one page
    # do not share clip paths.
    salt = f"{id(fig):x}{len(fig.axes)}"
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt}):
        fig.savefig(out, **kwargs)
    if clear_figure:
        fig.clf()
    svg = _XML_HEAD.sub("", out.getvalue(), count=1)
    return add_element("pyplot", {"svg": Markup(svg), "width": size, "alt": alt})


@public
def graphviz_chart(figure_or_dot: Any, use_container_width: bool | None = None, *, width: Any = "content", height: Any = "content", alt: str | None = None) -> Block:
    """Display a graph: a `graphviz` Graph or Digraph, or DOT source text, drawn by
    Graphviz's `dot` as SVG."""
    if hasattr(figure_or_dot, "source"):
        dot = str(figure_or_dot.source)
    elif isinstance(figure_or_dot, str):
        dot = figure_or_dot
    else:
        raise HtstAPIException(
            f"st.graphviz_chart takes a graphviz Graph/Digraph or DOT source text, got {type(figure_or_dot).__name__}."
        )
    size = sizing.width(sizing.container_width(width, use_container_width))
    tall = sizing.height(height, allow=("content", "stretch"))
    return add_element("graphviz_chart", {"svg": Markup(_graph_svg(dot)), "width": size, "height": tall, "alt": alt})


def _graph_svg(dot: str) -> str:
    digest = hashlib.blake2b(dot.encode(), digest_size=12).hexdigest()
    with _graphs_lock:
        found = _GRAPHS.get(digest)
        if found is not None:
            _GRAPHS.move_to_end(digest)
            return found
    program = shutil.which("dot")
    if program is None:
        raise HtstAPIException(
            "st.graphviz_chart draws graphs with Graphviz's `dot` program, which is not "
            "installed: install Graphviz (`apt-get install graphviz`, `brew install graphviz`)."
        )
    try:
        done = subprocess.run([program, "-Tsvg"], input=dot.encode(), capture_output=True, timeout=30, check=False)
    except subprocess.TimeoutExpired:
        raise HtstAPIException("Graphviz took longer than 30 s to draw this graph.") from None
    if done.returncode != 0:
        why = done.stderr.decode(errors="replace").strip().splitlines()
        raise HtstAPIException(f"Graphviz could not draw this graph: {why[0] if why else 'unknown error'}")
    svg = _XML_HEAD.sub("", done.stdout.decode(errors="replace"), count=1)
    with _graphs_lock:
        _GRAPHS[digest] = svg
        while len(_GRAPHS) > _GRAPHS_LIMIT:
            _GRAPHS.popitem(last=False)
    return svg
