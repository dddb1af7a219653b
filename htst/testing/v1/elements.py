"""What AppTest hands out: elements, widgets and blocks read from a run's node tree."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, Sequence

from ...runtime.nodes import Node

if TYPE_CHECKING:
    from .app_test import AppTest


class Element:
    """A drawn element. `.value` is its main content (body for text, message for errors)."""

    def __init__(self, node: Node, at: AppTest):
        self._node = node
        self._at = at

    @property
    def type(self) -> str:
        return self._node.type

    @property
    def props(self) -> dict[str, Any]:
        return self._node.props

    @property
    def value(self) -> Any:
        return self._node.props.get("body")

    def __getattr__(self, name: str) -> Any:
        props = self.__dict__.get("_node").props if "_node" in self.__dict__ else {}
        if name in props and not name.startswith("_"):
            return props[name]
        raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")

    def run(self, *, timeout: float | None = None) -> AppTest:
        return self._at.run(timeout=timeout)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(type={self.type!r}, value={self.value!r})"


class ExceptionElement(Element):
    @property
    def value(self) -> str:
        return self._node.props["message"]

    @property
    def message(self) -> str:
        return self._node.props["message"]

    @property
    def type(self) -> str:  # the exception's class name, as the issue tracker asks
        return self._node.props["type"]

    @property
    def stack_trace(self) -> list[str]:
        return self._node.props["stack_trace"]


class Metric(Element):
    @property
    def value(self) -> str:
        return self._node.props["value"]


class Dataframe(Element):
    """st.dataframe and st.table: `.value` is the whole data as a pandas DataFrame."""

    @property
    def value(self) -> Any:
        return self._node.props["_data"].copy()


class Progress(Element):
    """st.progress: `.value` is the percentage 0-100 (a float 0.25 is 25, as in Streamlit), `.text` its label."""

    @property
    def value(self) -> int:
        return self._node.props["value"]

    @property
    def text(self) -> str:
        return self._node.props.get("text") or ""


class Toast(Element):
    """st.toast: `.value` is the message, `.icon` its icon."""

    @property
    def icon(self) -> str | None:
        return self._node.props.get("icon")


class Spinner(Element):
    """st.spinner, seen only while its block runs: `.value` is its text."""

    @property
    def value(self) -> str:
        return self._node.props["text"]


class Widget(Element):
    """An input widget; actions record a value that the next `run()` sends."""

    @property
    def id(self) -> str:
        return self._node.props["wid"]

    @property
    def key(self) -> str | None:
        return self._node.props.get("key")

    @property
    def value(self) -> Any:
        if self.id in self._at._pending:
            return self._at._pending[self.id]
        return self._node.props.get("_value")

    def set_value(self, value: Any) -> Widget:
        self._at._pending[self.id] = value
        return self


class Button(Widget):
    def click(self) -> Button:
        return self.set_value(True)  # type: ignore[return-value]


class Checkbox(Widget):
    def check(self) -> Checkbox:
        return self.set_value(True)  # type: ignore[return-value]

    def uncheck(self) -> Checkbox:
        return self.set_value(False)  # type: ignore[return-value]


class Selection(Widget):
    """radio and selectbox: `.options` are the displayed strings, `.index` the selection."""

    @property
    def index(self) -> int | None:
        return self._node.props.get("index")

    def select(self, value: Any) -> Selection:
        return self.set_value(value)  # type: ignore[return-value]

    def select_index(self, index: int) -> Selection:
        meta = self._at._session.state.widget_meta(self.id)
        return self.set_value(meta.parse(str(index)) if meta else None)  # type: ignore[return-value]


class NumberInput(Widget):
    def _step(self, direction: int) -> NumberInput:
        from ...elements.numeric import stepped

        meta = self._at._session.state.widget_meta(self.id)
        return self.set_value(stepped(meta.extra, self.value, direction))  # type: ignore[return-value]

    def increment(self) -> NumberInput:
        return self._step(+1)

    def decrement(self) -> NumberInput:
        return self._step(-1)


class TextInput(Widget):
    def input(self, value: str) -> TextInput:
        max_chars = self._node.props.get("max_chars")
        if max_chars and len(value) > max_chars:
            return self  # as Streamlit's AppTest: a text too long to type is not entered
        return self.set_value(value)  # type: ignore[return-value]


class TimeInput(Widget):
    """time_input: `increment()` / `decrement()` move the time by the widget's step."""

    def _step(self, direction: int) -> TimeInput:
        import datetime as dt

        value = self.value
        if value is None:
            return self
        moved = dt.datetime.combine(dt.date.today(), value) + direction * dt.timedelta(seconds=self._node.props["step"])
        return self.set_value(moved.timetz())  # type: ignore[return-value]

    def increment(self) -> TimeInput:
        return self._step(+1)

    def decrement(self) -> TimeInput:
        return self._step(-1)


class ColorPicker(Widget):
    def pick(self, value: str) -> ColorPicker:
        """Set a hex colour; the "#" may be left out, as in Streamlit."""
        return self.set_value(value if value.startswith("#") else "#" + value)  # type: ignore[return-value]


class Slider(Widget):
    """slider and select_slider: `set_range(low, high)` for a range slider."""

    def set_range(self, lower: Any, upper: Any) -> Slider:
        return self.set_value((lower, upper))  # type: ignore[return-value]


class Multiselect(Widget):
    """`.options` are the displayed strings, `.indices` the selected positions."""

    @property
    def options(self) -> list[str]:
        return list(self._node.props["options"])

    @property
    def indices(self) -> list[int]:
        meta = self._at._session.state.widget_meta(self.id)
        if meta is None or self.id not in self._at._pending:
            return list(self._node.props["indices"])
        return [int(r) for r in meta.serialize(self.value) if r.isdigit()]

    def select(self, value: Any) -> Multiselect:
        current = list(self.value or [])
        return self.set_value(current if value in current else current + [value])  # type: ignore[return-value]

    def unselect(self, value: Any) -> Multiselect:
        return self.set_value([v for v in (self.value or []) if v != value])  # type: ignore[return-value]


WIDGET_CLASSES: dict[str, type[Element]] = {
    "button": Button,
    "form_submit_button": Button,
    "checkbox": Checkbox,
    "toggle": Checkbox,
    "radio": Selection,
    "selectbox": Selection,
    "slider": Slider,
    "select_slider": Slider,
    "multiselect": Multiselect,
    "pills": Widget,
    "segmented_control": Widget,
    "feedback": Widget,
    "number_input": NumberInput,
    "text_input": TextInput,
    "text_area": TextInput,
    "date_input": Widget,
    "time_input": TimeInput,
    "color_picker": ColorPicker,
    "download_button": Button,
    "chat_input": Widget,
    "file_uploader": Widget,
    "exception": ExceptionElement,
    "metric": Metric,
    "progress": Progress,
    "toast": Toast,
    "spinner": Spinner,
    "dataframe": Dataframe,
    "table": Dataframe,
}


def wrap(node: Node, at: AppTest) -> Element:
    if node.is_container:
        return Block(node, at)
    return WIDGET_CLASSES.get(node.type, Element)(node, at)


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


# Streamlit's AppTest groups pills and segmented controls as `button_group`.
# A form's submit button "shows up just like a button" (cheat sheet).
_ALIASES = {"button_group": ("pills", "segmented_control"), "button": ("button", "form_submit_button")}


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
        if name.startswith("_"):
            raise AttributeError(name)
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
    """A container (column, tab, expander…): has the same lookups as AppTest."""

    def _nodes(self) -> list[Node]:
        return [self._node]

    def _at_ref(self) -> AppTest:
        return self._at

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
