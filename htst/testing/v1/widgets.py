"""AppTest's widgets, read from a run's node tree.

A widget action does not set a value directly: it records the form fields a browser
would post for it (a field, a click, a stepper), and the next `run()` sends them
through `runtime.apply`, exactly as the server does with a real post.
"""

from __future__ import annotations

from typing import Any

from ...errors import InvalidWidgetValue
from ...runtime.apply import CLICK, REMOVE, STEP
from ...runtime.widget_spec import PostedFile, WidgetMeta
from .elements import ChartView, Element


class Widget(Element):
    """An input widget; actions record the fields a browser would post on the next `run()`."""

    @property
    def id(self) -> str:
        return self._node.props["wid"]

    @property
    def key(self) -> str | None:
        return self._node.props.get("key")

    @property
    def disabled(self) -> bool:
        return bool(self._node.props.get("disabled"))

    @property
    def value(self) -> Any:
        pending = self._at._pending.get(self.id)
        return pending[0] if pending is not None else self._node.data

    def set_value(self, value: Any) -> Widget:
        """Set the value the widget's field posts on the next run."""
        meta = self._meta()
        raw = self._raw(meta, value)
        entries = raw if meta.spec.multi else [raw]
        if meta.spec.multi:
            entries = ["", *entries]  # the template's empty entry, as a browser posts it
        return self._post(meta.parse(raw), [(self.id, entry) for entry in entries])

    def _raw(self, meta: WidgetMeta, value: Any) -> Any:
        return meta.serialize(value)

    def _meta(self) -> WidgetMeta:
        meta = self._at._session.state.widget_meta(self.id)
        if meta is None:
            raise ValueError(f"The {self.type} {self.key or self.id} is no longer on the page.")
        return meta

    def _post(self, shown: Any, fields: list[tuple[str, str]]) -> Widget:
        self._at._pending[self.id] = (shown, fields)
        return self


class Button(Widget):
    """button, form_submit_button, download_button: `click()` posts `_htst_click=<id>`."""

    def click(self) -> Button:
        return self._post(True, [(CLICK, self.id)])  # type: ignore[return-value]

    def set_value(self, value: Any) -> Button:
        if value:
            return self.click()
        self._at._pending.pop(self.id, None)
        return self


class ChatInput(Widget):
    """chat_input: `set_value(text)` sends a message on the next run."""


class Checkbox(Widget):
    def check(self) -> Checkbox:
        return self.set_value(True)  # type: ignore[return-value]

    def uncheck(self) -> Checkbox:
        return self.set_value(False)  # type: ignore[return-value]


class OptionsWidget(Widget):
    """Widgets with options: a value may be an option or its displayed text (`format_func`
    applied), as with Streamlit's AppTest: `select("Color.RED")` picks `Color.RED`."""

    @property
    def options(self) -> list[str]:
        return list(self._node.props["options"])

    def _raw(self, meta: WidgetMeta, value: Any) -> Any:
        if meta.spec.multi and isinstance(value, (list, tuple)):
            return [self._one_raw(meta, v) for v in value]
        return self._one_raw(meta, value)

    def _one_raw(self, meta: WidgetMeta, value: Any) -> Any:
        try:
            raw = meta.serialize([value] if meta.spec.multi else value)
            return raw[0] if meta.spec.multi else raw
        except InvalidWidgetValue:
            labels = self.options
            if isinstance(value, str) and value in labels:
                return str(labels.index(value))
            raise


class Selection(OptionsWidget):
    """radio and selectbox: `.options` are the displayed strings, `.index` the selection."""

    @property
    def index(self) -> int | None:
        if self.id in self._at._pending:
            raw = self._meta().serialize(self.value)
            return None if raw == "" else int(raw)
        return self._node.props.get("index")

    def select(self, value: Any) -> Selection:
        return self.set_value(value)  # type: ignore[return-value]

    def select_index(self, index: int | None) -> Selection:
        meta = self._meta()
        raw = "" if index is None else str(index)
        return self._post(meta.parse(raw), [(self.id, raw)])  # type: ignore[return-value]


class Multiselect(OptionsWidget):
    """`.options` are the displayed strings, `.indices` the selected positions."""

    @property
    def indices(self) -> list[int]:
        if self.id not in self._at._pending:
            return list(self._node.props["indices"])
        return [int(r) for r in self._meta().serialize(self.value) if r.isdigit()]

    def select(self, value: Any) -> Multiselect:
        current = list(self.value or [])
        chosen = self._chosen(value)
        return self.set_value(current if any(v is chosen or v == chosen for v in current) else current + [chosen])  # type: ignore[return-value]

    def unselect(self, value: Any) -> Multiselect:
        chosen = self._chosen(value)
        return self.set_value([v for v in (self.value or []) if not (v is chosen or v == chosen)])  # type: ignore[return-value]

    def _chosen(self, value: Any) -> Any:
        """The option `value` names (the option itself, or its displayed text)."""
        meta = self._meta()
        return meta.parse([self._one_raw(meta, value)])[0]


class ButtonGroup(Multiselect):
    """pills and segmented_control: `select`/`unselect` in "multi" mode, `set_value` always."""

    @property
    def options(self) -> list[str]:
        return [text for _, text, _ in self._node.props["buttons"]]

    @property
    def indices(self) -> list[int]:
        if self.id not in self._at._pending:
            return list(self._node.props["selected"])
        raw = self._meta().serialize(self.value)
        return [int(r) for r in (raw if isinstance(raw, list) else [raw]) if r != ""]

    def select(self, value: Any) -> ButtonGroup:
        if not self._meta().spec.multi:
            return self.set_value(value)  # type: ignore[return-value]
        return super().select(value)  # type: ignore[return-value]

    def unselect(self, value: Any) -> ButtonGroup:
        if not self._meta().spec.multi:
            return self.set_value(None)  # type: ignore[return-value]
        return super().unselect(value)  # type: ignore[return-value]

    def _chosen(self, value: Any) -> Any:
        meta = self._meta()
        return meta.parse([self._one_raw(meta, value)])[0]


class NumberInput(Widget):
    """number_input: `increment()` / `decrement()` press its steppers."""

    def _step(self, direction: int) -> NumberInput:
        meta = self._meta()
        pending = self._at._pending.get(self.id)
        fields = list(pending[1]) if pending else []
        fields.append((STEP, f"{self.id}:{direction:+d}"))
        return self._post(meta.spec.step(self.value, direction), fields)  # type: ignore[return-value]

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


class Slider(OptionsWidget):
    """slider and select_slider: `set_range(low, high)` for a range slider."""

    @property
    def options(self) -> list[str]:
        return list(self._node.props.get("options", ()))

    def set_range(self, lower: Any, upper: Any) -> Slider:
        return self.set_value((lower, upper))  # type: ignore[return-value]


# Classes a widget spec can name (`WidgetSpec.testing`), and those of other elements.
class FileInput(Widget):
    """file_uploader, camera_input, audio_input: `upload(data, name, type)` posts a file
    as a browser does (checked by the widget); `clear()` removes what it holds."""

    def upload(self, data: bytes, name: str = "file", type: str | None = None) -> FileInput:
        posted = PostedFile(name, type, bytes(data))
        return self._post(None, [(self.id, posted)])  # type: ignore[return-value,list-item]

    def clear(self) -> FileInput:
        held = self._node.data
        files = held if isinstance(held, list) else [held] if held is not None else []
        return self._post(None, [(REMOVE, f"{self.id}:{f.file_id}") for f in files])  # type: ignore[return-value]


class PlotlyWidget(Widget):
    """A plotly chart with `on_select`: `.select(points=[...], box=[...], lasso=[...])`
    posts a selection as plotly.js's events do."""

    def select(self, points: list | None = None, box: list | None = None, lasso: list | None = None) -> PlotlyWidget:
        return self.set_value({"selection": {"points": points or [], "box": box or [], "lasso": lasso or []}})  # type: ignore[return-value]


class ChartWidget(ChartView, Widget):
    """A chart with `on_select`: `.value` is its VegaLiteState; `.select(param=…)` posts a
    selection as the live view does (point: a list of dicts; interval: {field: [min, max]})."""

    def select(self, **selection: Any) -> ChartWidget:
        return self.set_value({"selection": selection})  # type: ignore[return-value]


WIDGET_CLASSES: dict[str, type[Widget]] = {
    cls.__name__: cls
    for cls in (Widget, Button, ChatInput, Checkbox, Selection, Multiselect, ButtonGroup,
                NumberInput, TextInput, TimeInput, ColorPicker, Slider, ChartWidget, FileInput, PlotlyWidget)
}
