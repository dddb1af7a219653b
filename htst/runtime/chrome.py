"""The page around the app (st.set_page_config, st.logo, a page's title and icon), per session.

A run writes what it sets into `ctx.chrome`; at its end `settle` makes the session's
`Chrome`: the layout, the sidebar's first state and the menu items last for the session
(a later call changes what it names), the title, favicon and logo are the run's own
(a page's title and icon unless st.set_page_config names others).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_KEPT = ("layout", "sidebar")


@dataclass(frozen=True)
class Chrome:
    title: str | None = None  # None: the script's name
    icon: str | None = None  # the favicon's address
    layout: str = "centered"
    sidebar: str | int = "auto"  # "auto", "expanded", "collapsed", "locked" or pixels
    menu: tuple[tuple[str, str], ...] = ()  # ("get_help" | "report_a_bug" | "about", URL or markdown)
    logo: tuple[str, str | None, str, str | None] | None = None  # (image, icon image, size, link)


def settle(kept: dict[str, Any], run: dict[str, Any]) -> Chrome:
    """The session's chrome after a full run that set `run`; `kept` is updated in place."""
    for key in _KEPT:
        if key in run:
            kept[key] = run[key]
    if "menu" in run:
        kept["menu"] = {**kept.get("menu", {}), **run["menu"]}
    menu = tuple((name, value) for name, value in kept.get("menu", {}).items() if value is not None)
    return Chrome(
        title=run.get("title") or run.get("page_title"),
        icon=run.get("icon") or run.get("page_icon"),
        layout=kept.get("layout", "centered"),
        sidebar=kept.get("sidebar", "auto"),
        menu=menu,
        logo=run.get("logo"),
    )
