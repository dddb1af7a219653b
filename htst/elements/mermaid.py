"""st.mermaid_chart: a Mermaid diagram, drawn in the browser by the vendored mermaid
(loaded only on pages with a diagram, after the first paint).

Mermaid lays text out with the browser's fonts, so the server does not draw it: the page
holds the diagram's definition as text (what shows without JavaScript, and what curl
and assistive technology read), which the drawing replaces.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from ..errors import HtstAPIException
from . import sizing
from .block import Block, add_element, public

_log = logging.getLogger("htst")
_KINDS = {
    "graph": "flowchart", "flowchart": "flowchart", "sequencediagram": "sequence diagram",
    "classdiagram": "class diagram", "statediagram": "state diagram", "statediagram-v2": "state diagram",
    "erdiagram": "entity relationship diagram", "journey": "user journey", "gantt": "Gantt chart",
    "pie": "pie chart", "quadrantchart": "quadrant chart", "requirementdiagram": "requirement diagram",
    "gitgraph": "Git graph", "mindmap": "mind map", "timeline": "timeline", "sankey-beta": "Sankey diagram",
    "xychart-beta": "XY chart", "block-beta": "block diagram", "packet-beta": "packet diagram",
    "kanban": "Kanban board", "architecture-beta": "architecture diagram", "c4context": "C4 diagram",
}


def diagram_name(body: str) -> str | None:
    """The accessible name from the diagram's type ("Mermaid flowchart"), or None when
    the definition names itself (`accTitle` / `accDescr`)."""
    if re.search(r"^\s*acc(Title|Descr)\b", body, re.MULTILINE):
        return None
    for line in body.splitlines():
        words = line.strip().split()
        if words and not words[0].startswith("%%") and not words[0].startswith("---"):
            return f"Mermaid {_KINDS.get(words[0].lower(), 'diagram')}"
    return "Mermaid diagram"


@public
def mermaid_chart(body: str, *, width: Any = "stretch", alt: str | None = None) -> Block:
    """Display a Mermaid diagram from its text definition (flowcharts, sequence, class
    and state diagrams, Gantt charts…). `alt` names it for assistive technology."""
    if not isinstance(body, str) or not body.strip():
        raise HtstAPIException("st.mermaid_chart needs the diagram's Mermaid definition as text.")
    if alt is not None and not str(alt).strip():
        _log.info("st.mermaid_chart: an empty `alt` is treated as None.")
        alt = None
    return add_element("mermaid_chart", {
        "body": body.strip("\n"),
        "width": sizing.width(width, allow=("stretch", "content")),
        "name": str(alt) if alt is not None else diagram_name(body),
    })
