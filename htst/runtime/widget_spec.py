"""What a widget declares about itself, and what a session remembers about one.

Each widget kind has a `WidgetSpec` subclass in its own element module: class attributes
for its behaviour (trigger, form rules, Session State rules, its AppTest class) and
hooks for its wire (parse a posted field, serialize a value back into one, read
multi-value fields, steppers, uploaded files, clicks). `apply`, the session and AppTest
read only these, so none of them has a branch per widget.

An instance holds the parameters its hooks need (bounds, options, limits). Specs are
immutable: `shared()` gives every session the same instance for the same parameters.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from ..errors import InvalidWidgetValue
from .nodes import value_type


class _Nothing:
    """Returned by a hook that has nothing to apply (no field, not clickable, ignored)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOTHING"


NOTHING: Any = _Nothing()


class Fields:
    """Posted form fields: name -> every value posted under it, in order.

    What `apply` reads. The server builds it from the request's form, AppTest from the
    fields a browser would post for the test's actions.
    """

    __slots__ = ("values", "files")

    def __init__(self, values: dict[str, list[str]] | None = None, files: dict[str, list[PostedFile]] | None = None):
        self.values = values if values is not None else {}
        self.files = files if files is not None else {}

    def get(self, name: str) -> str | None:
        posted = self.values.get(name)
        return posted[-1] if posted else None

    def getlist(self, name: str) -> list[str]:
        return self.values.get(name, [])

    def names(self) -> list[str]:
        return list(self.values)


class PostedFile:
    """A file posted with the form: its name exactly as the browser sent it, type and bytes."""

    __slots__ = ("filename", "content_type", "data")

    def __init__(self, filename: str, content_type: str | None, data: bytes):
        self.filename = filename
        self.content_type = content_type
        self.data = data


class WidgetSpec:
    """The typed declaration of one kind of widget. Subclass it in the widget's module.

    Class attributes (behaviour shared by every widget of the kind):
    - `kind`: the node type and the `st.*` name.
    - `testing`: the AppTest element class (a name in `htst.testing.v1.elements`).
    - `trigger`: its value lasts only the run its event caused (buttons, chat_input);
      afterwards it goes back to `reset`.
    - `preset`: what a value written to its key through Session State does: "use" it as
      the widget's value, "refuse" it with the documented error (buttons, uploads), or
      "ignore" it (chat_input holds only what was just sent).
    - `in_forms`: may be drawn inside st.form; `submits_form`: is a form's submit button;
      `submits_on_enter`: Enter in its form's text fields presses it (a post without JS).
    - `replayable`: a cached function can draw it again on a hit.
    - `multi`: posts one entry per value under its name (ranges, multiselect); the
      template adds an empty hidden entry so that "nothing selected" is posted too.
    - `attachment`: media a click answers with when posted without JavaScript.
    - `redirect`: the address a click sends the browser to when posted without JavaScript
      (a link button that also reruns: its click posts into a new tab).
    """

    __slots__ = ()

    kind: ClassVar[str]
    testing: ClassVar[str] = "Widget"
    trigger: ClassVar[bool] = False
    reset: ClassVar[Any] = False
    preset: ClassVar[Literal["use", "refuse", "ignore"]] = "use"
    in_forms: ClassVar[bool] = True
    submits_form: ClassVar[bool] = False
    submits_on_enter: bool = False
    replayable: ClassVar[bool] = True
    multi: bool = False
    attachment: str | None = None
    redirect: str | None = None

    # -- value <-> field -----------------------------------------------------------------
    def parse(self, raw: Any) -> Any:
        """A posted field (str, or list of str for `multi`) -> the value; raises InvalidWidgetValue."""
        raise NotImplementedError

    def serialize(self, value: Any) -> Any:
        """A value -> what the field posts back (str, or list of str for `multi`)."""
        raise NotImplementedError

    def shown(self, value: Any) -> Any:
        """What the page's field holds after a run that returned `value` (chat_input: empty)."""
        return self.serialize(value)

    def refuse(self, raw: Any) -> str | None:
        """Why a well-formed posted field may not be committed, or None: a required field
        left empty, a text that fails its pattern. The widget keeps its value and shows the
        message with what was posted; a form holding such a field is not submitted."""
        return None

    # -- hooks for the wire ----------------------------------------------------------------
    def read(self, fields: Fields, name: str) -> Any:
        """The raw value posted under `name`, or NOTHING."""
        if self.multi:
            # One entry per value; the empty hidden entry only keeps the field present.
            return [value for value in fields.getlist(name) if value != ""]
        posted = fields.getlist(name)
        return posted[-1] if posted else NOTHING

    def click(self) -> Any:
        """The value a click (`_htst_click=<id>`) gives it, or NOTHING if it takes none."""
        return NOTHING

    def step(self, value: Any, direction: int) -> Any:
        """The value after pressing a stepper (`_htst_step=<id>:+1|-1`)."""
        raise InvalidWidgetValue("it has no steppers")

    def upload(self, value: Any, files: list[PostedFile]) -> Any:
        """The value after files were posted under its name, or NOTHING if it takes none."""
        return NOTHING

    def remove(self, value: Any, file_id: str) -> Any:
        """The value after the file `file_id` was removed (`_htst_remove=<id>:<file id>`)."""
        raise InvalidWidgetValue("it holds no files")


_SHARED: dict[WidgetSpec, WidgetSpec] = {}
_SHARED_LOCK = threading.Lock()
_SHARED_LIMIT = 50_000


def shared(spec: WidgetSpec) -> WidgetSpec:
    """The one instance equal to `spec` that every session uses (specs are immutable).

    A spec whose parameters are not hashable (options of arbitrary objects) stays its own.
    """
    try:
        found = _SHARED.get(spec)
    except TypeError:
        return spec
    if found is not None:
        return found
    with _SHARED_LOCK:
        if len(_SHARED) >= _SHARED_LIMIT:
            _SHARED.clear()  # only sharing is lost: every holder keeps its instance
        return _SHARED.setdefault(spec, spec)


_BY_ARGS: dict[tuple, WidgetSpec] = {}


def spec_of(cls: type[WidgetSpec], *args: Any) -> WidgetSpec:
    """`shared(cls(*args))`, without building a spec each run: widgets drawn with the
    same arguments run after run look theirs up."""
    key = (cls, args)
    try:
        found = _BY_ARGS.get(key)
    except TypeError:
        return shared(cls(*args))
    if found is None:
        found = shared(cls(*args))
        with _SHARED_LOCK:
            if len(_BY_ARGS) >= _SHARED_LIMIT:
                _BY_ARGS.clear()
            found = _BY_ARGS.setdefault(key, found)
    return found


@value_type
@dataclass(frozen=True, slots=True)
class Keeping:
    """How a keyed widget's value outlives a run (Streamlit 1.67's widget parameters).

    `bind`: the value also lives in the page URL's query, under the key. `persist`:
    "page" or "session", the value is kept while the widget is not drawn (on its page
    only, or across page switches). `ignore` (on_change="ignore"): a change in the browser
    waits for the next rerun instead of causing one.
    """

    bind: bool = False
    persist: str | None = None
    ignore: bool = False
    # Options widgets: the options' labels, which a bound value shows in the URL instead
    # of the field's option indices (`?fruit=pear`, not `?fruit=1`).
    labels: tuple[str, ...] = ()


class WidgetMeta:
    """What the session remembers about a widget drawn in a run."""

    __slots__ = (
        "id", "key", "spec", "callback", "args", "kwargs",
        "raw", "value", "disabled", "form", "fragment", "previous", "keeping", "page",
    )

    def __init__(
        self,
        id: str,
        key: str | None,
        spec: WidgetSpec,
        callback: Any = None,
        args: tuple = (),
        kwargs: dict | None = None,
        form: str | None = None,
        fragment: str | None = None,
    ):
        self.id = id
        self.key = key
        self.spec = spec
        self.callback = callback
        self.args = args
        self.kwargs = kwargs
        self.raw: Any = None  # the field as last drawn; a posted field equal to it is no change
        self.value: Any = None  # the value last drawn
        self.disabled = False
        self.form = form
        self.fragment = fragment
        # Options widgets: (last run's spec, its drawn value, its raw), so that a value from
        # last run's options that equals none of this run's still serializes (docs:
        # custom classes).
        self.previous: tuple[WidgetSpec, Any, Any] | None = None
        self.keeping: Keeping | None = None  # bind / persist_state / on_change="ignore"
        self.page = ""  # the page it was drawn on (persist_state="page")

    @property
    def type(self) -> str:
        return self.spec.kind

    def parse(self, raw: Any) -> Any:
        return self.spec.parse(raw)

    def serialize(self, value: Any) -> Any:
        try:
            return self.spec.serialize(value)
        except InvalidWidgetValue:
            if self.previous is None:
                raise
            spec, drawn, raw = self.previous
            if _same_objects(value, drawn):
                return raw
            return spec.serialize(value)

    def shown(self, value: Any) -> Any:
        """What the page's field holds for `value` (see `WidgetSpec.shown`)."""
        try:
            return self.spec.shown(value)
        except InvalidWidgetValue:
            if self.previous is None:
                raise
            return self.serialize(value)

    def __repr__(self) -> str:
        return f"WidgetMeta({self.spec.kind!r}, id={self.id!r}, key={self.key!r})"


def _same_objects(a: Any, b: Any) -> bool:
    if a is b:
        return True
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b):
        return all(x is y for x, y in zip(a, b))
    return False
