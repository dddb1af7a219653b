"""Layout: containers, columns, tabs, expanders, empty slots and the sidebar.

Expanders and tabs are plain blocks that open and switch in the browser, unless they get
an `on_change` ("rerun" or a callback): then they are widgets too, whose value (the
expanded bool, the active tab's label) is in Session State under their key, and opening
or switching reruns the script.
"""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Real
from typing import Any, Callable, Sequence

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.context import current
from ..runtime.nodes import Node
from ..runtime.widget_spec import WidgetSpec, shared
from ..runtime.widgets import draw_widget, drawable_value, register_widget
from . import icons, input_params, sizing
from . import layout_checks as checks
from .block import Block, add_container, public

sidebar = Block(root="sidebar")
bottom = Block(root="bottom")  # st.bottom: stays at the bottom of the main area

SECTION_TYPES = ("default", "compact", "step")


class Section(Block):
    """An expander or a tab: `open` is None when it opens in the browser only, else
    whether it is open (the expanded expander, the active tab) in this run."""

    __slots__ = ("open",)

    def __init__(self, node: Node, open: bool | None = None):
        super().__init__(node)
        self.open = open


@public
def container(
    *,
    border: bool | None = None,
    key: str | None = None,
    width: Any = "stretch",
    height: Any = "content",
    horizontal: bool = False,
    wrap: bool = True,
    horizontal_alignment: str = "left",
    vertical_alignment: str = "top",
    gap: str | int | None = "small",
    autoscroll: bool | None = None,
) -> Block:
    """A group of elements that can be filled out of order: stacked, or in a row
    (`horizontal=True`) that wraps unless `wrap=False` (then it scrolls sideways).

    A fixed `height` scrolls; with `autoscroll` (by default when it holds chat
    messages) it keeps the newest content in view. `key` adds the CSS class
    `st-key-<key>`.
    """
    gap_css = checks.gap(gap)
    halign = checks.choice("horizontal_alignment", horizontal_alignment, checks.HORIZONTAL)
    valign = checks.choice("vertical_alignment", vertical_alignment, checks.VERTICAL)
    if wrap is False and not horizontal:
        raise HtstAPIException(
            "`wrap=False` and `horizontal=False` cannot be used together. A vertical container "
            "has no horizontal row of elements to keep in a single, scrolling row. Set "
            "`horizontal=True` to use `wrap=False`, or remove the `wrap` argument."
        )
    width = sizing.width(width)
    height = sizing.height(height, allow=("stretch", "content"))
    fixed = isinstance(height, int)
    scroll = None
    if fixed and autoscroll is not False:
        scroll = "auto" if autoscroll is None else "on"
    props = {
        "border": bool(border) if border is not None else fixed,
        "key": checks.key_class(checks.claim_key(current(), key)),
        "width": width,
        "height": height,
        "horizontal": bool(horizontal),
        "wrap": bool(wrap),
        "halign": halign,
        "valign": valign,
        "gap": gap_css,
        "autoscroll": scroll,
    }
    _, block = add_container("container", props)
    return block


@public
def columns(
    spec: int | Sequence[Real],
    *,
    gap: str | int | None = "small",
    vertical_alignment: str = "top",
    border: bool = False,
    width: Any = "stretch",
    wrap: bool = True,
) -> list[Block]:
    """Side-by-side containers; `spec` is a count or a list of relative widths.

    On a narrow screen (640 px or less) they stack, unless `wrap=False`: then they stay
    in one row, which scrolls sideways once they reach their minimum width.
    """
    if isinstance(spec, Real) and not isinstance(spec, bool):
        if int(spec) != spec or spec < 1:
            raise HtstAPIException("The input argument to st.columns must be either a positive integer or a list of positive numeric weights.")
        weights: list[float] = [1] * int(spec)
    else:
        weights = list(spec) if spec is not None else []
        if not weights or any(isinstance(w, bool) or not isinstance(w, Real) or w <= 0 for w in weights):
            raise HtstAPIException("The input argument to st.columns must be either a positive integer or a list of positive numeric weights. See the docs for more information.")
    checks.strict_bool("wrap", wrap)
    align = checks.choice("vertical_alignment", vertical_alignment, ("top", "center", "bottom"))
    gap_css = checks.gap(gap)
    width = sizing.width(width, allow=("stretch",))
    row, row_block = add_container("columns", {"gap": gap_css, "align": align, "wrap": wrap, "width": width})
    blocks = []
    with row_block:
        for weight in weights:
            _, block = add_container("column", {"weight": float(weight), "border": bool(border), "gap": gap_css})
            blocks.append(block)
    return blocks


# -- tabs ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TabsSpec(WidgetSpec):
    """Tabs with `on_change`: the value is the active tab's label."""

    kind = "tabs"
    labels: tuple[str, ...] = ()

    def parse(self, raw: Any) -> str:
        if raw not in self.labels:
            raise InvalidWidgetValue(f"{raw!r} is not one of the tabs")
        return raw

    def serialize(self, value: Any) -> str:
        if not isinstance(value, str) or value not in self.labels:
            raise InvalidWidgetValue(f"{value!r} is not one of the tabs")
        return value


@public
def tabs(
    tabs: Sequence[str],
    *,
    width: Any = "stretch",
    height: Any = "content",
    default: str | None = None,
    key: str | int | None = None,
    on_change: str | Callable[..., Any] = "ignore",
    args: Any = None,
    kwargs: Any = None,
    bind: str | None = None,
) -> tuple[Section, ...]:
    """Tabs whose contents are all drawn.

    By default switching tabs happens in the browser, without a rerun. With `on_change`
    ("rerun" or a callback) the active tab's label is a widget value (in
    `st.session_state[key]`), switching reruns the app, and each tab's `.open` says
    whether it is the active one. `default` is the label of the tab shown first.
    `bind="query-params"` (needs `key`): the active tab's label is also in the URL's query
    (without `on_change`, a switch still needs no rerun; the server learns it with the next).
    """
    labels = list(tabs) if tabs is not None else []
    if not labels:
        raise HtstAPIException("The `tabs` parameter is required. Provide at least one tab label.")
    for label in labels:
        if not isinstance(label, str):
            raise HtstAPIException(
                "Invalid `tabs` type. Expected one of: a string for each tab label. "
                f"Provided type: {type(label).__name__}."
            )
    if default not in (None, "") and default not in labels:
        raise HtstAPIException(
            "Invalid `default` value. Supported values: a tab label from `tabs`. "
            f"`{default}` is not in the list of tabs."
        )
    first = default or labels[0]
    width = sizing.width(width, allow=("stretch",))
    height = sizing.height(height, allow=("stretch", "content"))
    mode = checks.section_mode(on_change)
    keeping = input_params.keeping(key, bind, None, on_change)
    props: dict[str, Any] = {"labels": tuple(labels), "width": width, "height": height}
    if mode is None and bind is None:
        ctx = current()
        props.update(active=labels.index(first), key=checks.key_class(checks.claim_key(ctx, key)))
        _, group = add_container("tabs", props)
        opens: list[bool | None] = [None] * len(labels)
        active = labels.index(first)
    else:
        ctx, meta, value = register_widget(
            shared(TabsSpec(tuple(labels))),
            key=key,
            keeping=keeping,
            identity=() if key is not None else (tuple(labels), first),
            default=first,
            callback=on_change if callable(on_change) else None,
            args=args,
            kwargs=kwargs,
        )
        value, _ = drawable_value(ctx, meta, value, first)
        active = labels.index(value)
        props.update(wid=meta.id, active=active, key=checks.key_class(meta.key), bind=meta.key if bind else None, ignore=mode is None)
        group = Block(draw_widget(ctx, meta, value, props, container=True))
        opens = [label == value for label in labels]
    sections = []
    with group:
        for index, label in enumerate(labels):
            node, _ = add_container("tab", {"label": label, "index": index, "active": index == active})
            sections.append(Section(node, opens[index]))
    return tuple(sections)


# -- expander --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExpanderSpec(WidgetSpec):
    """An expander with `on_change`: the value is whether it is expanded."""

    kind = "expander"

    def parse(self, raw: Any) -> bool:
        if raw not in ("true", "false"):
            raise InvalidWidgetValue(f"expected true or false, got {raw!r}")
        return raw == "true"

    def serialize(self, value: Any) -> str:
        return "true" if value else "false"


@public
def expander(
    label: str,
    expanded: bool = False,
    *,
    key: str | int | None = None,
    icon: str | None = None,
    type: str = "default",
    width: Any = "stretch",
    on_change: str | Callable[..., Any] = "ignore",
    args: Any = None,
    kwargs: Any = None,
    bind: str | None = None,
) -> Section:
    """A container the user can open and close (a <details> element).

    By default it opens and closes in the browser, without a rerun. With `on_change`
    ("rerun" or a callback) whether it is expanded is a widget value (in
    `st.session_state[key]`, and `.open`), and opening or closing reruns the app.
    `type`: "default" (bordered), "compact" (an inline toggle) or "step" (a step of a
    timeline that consecutive steps join).
    `bind="query-params"` (needs `key`): whether it is expanded is also in the URL's query
    (without `on_change`, opening it still needs no rerun; the server learns it with the next).
    """
    if label is None:
        raise HtstAPIException("The `label` parameter is required.")
    mode = checks.section_mode(on_change)
    if type not in SECTION_TYPES:
        raise HtstAPIException("Invalid `type` value. Supported values: 'default', 'compact', 'step'.")
    props: dict[str, Any] = {
        "label": str(label),
        "icon": icons.icon(icon),
        "type": type,
        "width": sizing.width(width, allow=("stretch",)),
    }
    keeping = input_params.keeping(key, bind, None, on_change)
    if mode is None and bind is None:
        props.update(expanded=bool(expanded), key=checks.key_class(checks.claim_key(current(), key)))
        node, _ = add_container("expander", props)
        return Section(node)
    ctx, meta, value = register_widget(
        shared(ExpanderSpec()),
        key=key,
        keeping=keeping,
        identity=() if key is not None else (str(label),),
        default=bool(expanded),
        callback=on_change if callable(on_change) else None,
        args=args,
        kwargs=kwargs,
    )
    value = bool(value)
    props.update(wid=meta.id, expanded=value, key=checks.key_class(meta.key), bind=meta.key if bind else None, ignore=mode is None)
    return Section(draw_widget(ctx, meta, value, props, container=True), value)


@public
def empty() -> Block:
    """A slot that holds one element: each write replaces what was there."""
    _, block = add_container("empty", {})
    return block
