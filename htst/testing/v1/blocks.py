"""AppTest's containers and lookups: `at.button`, `block.children`, `x.get(type)`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from ...render.assets import TEMPLATES_DIR
from ...runtime.nodes import Node
from .elements import ELEMENT_CLASSES, Element
from .widgets import WIDGET_CLASSES, Widget

if TYPE_CHECKING:
    from .app_test import AppTest


def wrap(node: Node, at: AppTest) -> Element:
    if node.is_container:
        return WidgetBlock(node, at) if node.props.get("wid") is not None else Block(node, at)
    if node.props.get("wid") is not None:
        meta = at._session.state.widget_meta(node.props["wid"])
        if meta is not None:
            return WIDGET_CLASSES[meta.spec.testing](node, at)
        return Widget(node, at)
    return ELEMENT_CLASSES.get(node.type, Element)(node, at)


class ElementList(Sequence):
    """A sequence of elements in display order; call it with a key to find a widget."""

    def __init__(self, items: list[Element]):
        self._items = items

    def __getitem__(self, index):  # type: ignore[override]
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Element]:
        return iter(self._items)

    def __call__(self, key: str) -> Element:
        for item in self._items:
            if getattr(item, "key", None) == key:
                return item
        raise KeyError(f"No widget with key {key!r}")

    @property
    def values(self) -> list[Any]:
        return [item.value for item in self._items]

    def __repr__(self) -> str:
        return f"ElementList({self._items!r})"


# Streamlit's AppTest names that group several node types: pills and segmented controls
# are a `button_group`; a form's submit button "shows up just like a button" (cheat sheet).
_ALIASES = {
    "button_group": ("pills", "segmented_control"),
    "button": ("button", "form_submit_button"),
    "imgs": ("image",),  # Streamlit's AppTest name for st.image
    "arrow_vega_lite_chart": ("vega_lite_chart",),  # Streamlit's AppTest name for every Vega-Lite chart
}


@cache
def element_types() -> frozenset[str]:
    """Every element type the API draws: each has its template (and the aliases above)."""
    return frozenset(path.stem for path in (TEMPLATES_DIR / "elements").glob("*.html")) | frozenset(_ALIASES)


class Queryable:
    """Element lookups shared by AppTest and blocks: `x.button`, `x.markdown`, `x.get(type)`."""

    def _nodes(self) -> list[Node]:
        raise NotImplementedError

    def _at_ref(self) -> AppTest:
        raise NotImplementedError

    def get(self, element_type: str) -> ElementList:
        at = self._at_ref()
        types = _ALIASES.get(element_type, (element_type,))
        found = []
        for root in self._nodes():
            for node in root.walk():
                if node is not root and node.type in types:
                    found.append(wrap(node, at))
        return ElementList(found)

    def __getattr__(self, name: str) -> ElementList:
        if name.startswith("_") or name not in element_types():
            raise AttributeError(f"{type(self).__name__!r} has no attribute {name!r} (no element type {name!r})")
        return self.get(name)

    @property
    def columns(self) -> ElementList:
        return self.get("column")

    @property
    def tabs(self) -> ElementList:
        return self.get("tab")

    @property
    def expander(self) -> ElementList:
        return self.get("expander")


class Block(Queryable, Element):
    """A container (the main area, the sidebar, a column, tab, expander…).

    `children` maps each child's position to its element, as Streamlit's AppTest does;
    a block also has the same lookups as AppTest (`block.button`, `block.get(type)`).
    """

    def _nodes(self) -> list[Node]:
        return [self._node]

    def _at_ref(self) -> AppTest:
        return self._at

    @property
    def children(self) -> dict[int, Element]:
        return {index: wrap(child, self._at) for index, child in enumerate(self._node.children or ())}

    def __len__(self) -> int:
        return len(self._node.children or ())

    def __iter__(self) -> Iterator[Element]:
        return iter(self.children.values())

    def __getitem__(self, index: int) -> Element:
        return self.children[index]

    @property
    def label(self) -> str | None:
        return self._node.props.get("label")

    @property
    def value(self) -> Any:
        return None

    def __getattr__(self, name: str) -> Any:
        if name in self._node.props and not name.startswith("_"):
            return self._node.props[name]
        return Queryable.__getattr__(self, name)


class WidgetBlock(Widget, Block):
    """A container that is a widget too (an expander or tabs with `on_change`): its
    elements, and `value` / `set_value()` (the expanded bool, the active tab's label)."""
