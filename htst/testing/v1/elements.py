"""What AppTest hands out for drawn elements: text, metrics, data, exceptions, progress.

Widgets are in `widgets.py`, containers and lookups in `blocks.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
    def type(self) -> str:  # the exception's class name, as Streamlit's AppTest gives it
        return self._node.props["type"]

    @property
    def stack_trace(self) -> list[str]:
        return list(self._node.props["stack_trace"])


class Metric(Element):
    @property
    def value(self) -> str:
        return self._node.props["value"]


class Dataframe(Element):
    """st.dataframe and st.table: `.value` is the whole data as a pandas DataFrame."""

    @property
    def value(self) -> Any:
        return self._node.data[0].copy()


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


class ImageElement(Element):
    """st.image (Streamlit's AppTest: `at.get("imgs")`): `.captions` and `.alts` of its images."""

    @property
    def captions(self) -> list[str | None]:
        return [caption for _, _, caption, _ in self._node.props["images"]]

    @property
    def alts(self) -> list[str | None]:
        return [alt for _, _, _, alt in self._node.props["images"]]


class ChartView:
    """What a Vega-Lite chart shows (Streamlit's AppTest: `at.get("arrow_vega_lite_chart")`):
    `.spec` (its datasets by name), `.datasets` (name -> DataFrame or rows), `.data` (the
    main dataset), `.svg` (the server's drawing)."""

    _node: Node

    @property
    def spec(self) -> dict[str, Any]:
        return self._node.props["chart"].prepared.spec

    @property
    def datasets(self) -> dict[str, Any]:
        return dict(self._node.props["chart"].prepared.frames)

    @property
    def data(self) -> Any:
        frames = self.datasets
        return frames.get("data", next(iter(frames.values()), None))

    @property
    def svg(self) -> str | None:
        return self._node.props["drawing"].svg


class VegaLiteChart(ChartView, Element):
    pass


# Classes for elements other than widgets, by node type.
ELEMENT_CLASSES: dict[str, type[Element]] = {
    "exception": ExceptionElement,
    "metric": Metric,
    "progress": Progress,
    "toast": Toast,
    "spinner": Spinner,
    "dataframe": Dataframe,
    "table": Dataframe,
    "image": ImageElement,
    "vega_lite_chart": VegaLiteChart,
}
