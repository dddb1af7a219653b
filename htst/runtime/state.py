"""Session State: user keys and widget values in one place, with the documented rules.

The rules (seeds: session state API, widget behavior):
- a widget with a key mirrors its value into `st.session_state[key]`;
- a key written by user code is detached from widget clean-up and, if its widget has
  not been drawn yet in this run, becomes that widget's value;
- writing a key after its widget was drawn in this run raises;
- a widget not drawn in a run that reached the end of the script is forgotten, its
  key with it (a run ended by st.stop, st.rerun or an error forgets nothing).
"""

from __future__ import annotations

import pickle
from collections.abc import MutableMapping
from typing import Any, Callable, Iterator

from ..errors import DuplicateWidgetID, HtstAPIException, UnserializableSessionStateError
from .widget_spec import WidgetMeta

PRESET_WARNING = (
    'The widget with key "{key}" was created with a default value but also had its '
    "value set via the Session State API."
)


class SessionState(MutableMapping):
    def __init__(self, enforce_serializable: Callable[[], bool] = lambda: False):
        self._values: dict[str, Any] = {}
        self._widgets: dict[str, Any] = {}
        self._meta: dict[str, WidgetMeta] = {}
        self._key_owner: dict[str, str] = {}
        self._user_set: set[str] = set()
        self._drawn: set[str] = set()
        # widget id -> (posted field, why) for fields the last post could not apply
        self._refused: dict[str, tuple[Any, str | None]] = {}
        self._enforce_serializable = enforce_serializable

    # -- mapping API (what st.session_state shows) --------------------------------
    def __getitem__(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            raise KeyError(_missing(key)) from None

    def __setitem__(self, key: str, value: Any) -> None:
        owner = self._key_owner.get(key)
        if owner is not None and owner in self._drawn:
            raise HtstAPIException(
                f"`st.session_state.{key}` cannot be modified after the widget with key "
                f"`{key}` is instantiated."
            )
        if self._enforce_serializable():
            check_serializable(key, value)
        self._values[key] = value
        self._user_set.add(key)

    def __delitem__(self, key: str) -> None:
        try:
            del self._values[key]
        except KeyError:
            raise KeyError(_missing(key)) from None
        self._user_set.discard(key)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._values))

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def keys(self):  # a snapshot, so the documented `for k in keys(): del state[k]` works
        return dict.fromkeys(self._values).keys()

    def to_dict(self) -> dict[str, Any]:
        return dict(self._values)

    def __repr__(self) -> str:
        return repr(self._values)

    # -- widgets ------------------------------------------------------------------
    def widget_meta(self, wid: str) -> WidgetMeta | None:
        return self._meta.get(wid)

    def widget_for_key(self, key: str) -> WidgetMeta | None:
        """The widget a user key is attached to, if any."""
        owner = self._key_owner.get(key)
        return self._meta.get(owner) if owner else None

    def widget_value(self, wid: str) -> Any:
        return self._widgets[wid]

    def register(self, meta: WidgetMeta, default: Any, default_given: bool) -> tuple[Any, str | None]:
        """Attach a widget drawn in this run; return its value and a warning, if any."""
        wid, key = meta.id, meta.key
        self._drawn.add(wid)
        is_new = wid not in self._widgets
        warning = None
        if key is None:
            value = default if is_new else self._widgets[wid]
        else:
            owner = self._key_owner.get(key)
            if owner is not None and owner != wid and owner in self._drawn:
                raise DuplicateWidgetID(
                    f"There are multiple widgets with the same `key='{key}'`. To fix this, "
                    "please make sure that the `key` argument is unique for each widget you "
                    "create."
                )
            set_by_user = key in self._user_set and key in self._values
            preset = meta.spec.preset
            if set_by_user and preset == "refuse":
                raise HtstAPIException(
                    f"Values for the widget with key '{key}' cannot be set using "
                    "st.session_state. (st.button, st.download_button and "
                    "st.file_uploader cannot be set through Session State.)"
                )
            free_key = key in self._values and (owner is None or owner == wid or owner not in self._widgets)
            # chat_input ignores a value written to its key (as in Streamlit): it holds
            # only what was just submitted.
            if preset == "use" and (set_by_user or (is_new and free_key)):
                value = self._values[key]
                if is_new and default_given and owner != wid:
                    warning = PRESET_WARNING.format(key=key)
            elif not is_new:
                value = self._widgets[wid]
            else:
                value = default
            self._values[key] = value
            self._key_owner[key] = wid
            self._user_set.discard(key)
        self._widgets[wid] = value
        self._meta[wid] = meta
        return value, warning

    def snapshot(self) -> tuple:
        """What drawing widgets changes, so that a tentative draw can be undone (a cached
        function reads its widgets' values to find its entry, then draws them for real)."""
        return (dict(self._values), dict(self._widgets), dict(self._meta), dict(self._key_owner),
                set(self._user_set), set(self._drawn))

    def restore(self, snapshot: tuple) -> None:
        self._values, self._widgets, self._meta, self._key_owner, self._user_set, self._drawn = snapshot

    def set_widget_value(self, wid: str, value: Any) -> None:
        """A value arrived from the client (or AppTest): it goes into state before callbacks."""
        self._widgets[wid] = value
        meta = self._meta[wid]
        if meta.key is not None and self._key_owner.get(meta.key) == wid:
            self._values[meta.key] = value

    def refuse(self, refused: dict[str, tuple[Any, str | None]]) -> None:
        """Fields a post could not apply (`runtime.apply`): the next run that draws each
        widget shows what was posted and why, while its value stays as it was. Each post
        replaces the last one's (runs of a tab may still be going while a post is read,
        so they are not tied to the end of a run)."""
        self._refused = dict(refused)

    def take_refusal(self, wid: str) -> tuple[Any, str | None] | None:
        return self._refused.pop(wid, None)

    def run_callback(self, wid: str) -> None:
        meta = self._meta.get(wid)
        if meta is not None and meta.callback is not None:
            meta.callback(*meta.args, **(meta.kwargs or {}))

    # -- end of a run -------------------------------------------------------------
    def reset_triggers(self) -> None:
        for wid, meta in self._meta.items():
            spec = meta.spec
            if spec.trigger and self._widgets.get(wid):
                # Buttons go back to False, chat_input back to None.
                self.set_widget_value(wid, spec.reset)

    def interrupted_run(self) -> None:
        """A run ended early (st.stop, st.rerun, an error, a newer run): keep every widget.

        Buttons go back to False; keys the script wrote stay marked, so they still win
        over their widgets' values in the next run.
        """
        self.reset_triggers()
        self._drawn.clear()

    def finished_run(self, fragment: str | None = None, page: str = "") -> None:
        """A run reached the end of the script: forget widgets it did not draw.

        After a fragment's rerun only that fragment's widgets can have gone. Widgets with
        `persist_state` stay: "session" ones always, "page" ones while the run showed
        their page (`page`: the key of the page it showed).
        """
        gone = [w for w in self._widgets if w not in self._drawn and not _persists(self._meta[w], page)]
        if fragment is not None:
            gone = [w for w in gone if self._meta[w].fragment == fragment]
        for wid in gone:
            del self._widgets[wid]
            meta = self._meta.pop(wid)
            key = meta.key
            if key is not None and self._key_owner.get(key) == wid:
                del self._key_owner[key]
                if key not in self._user_set:
                    self._values.pop(key, None)
        self.reset_triggers()
        self._drawn.clear()
        if fragment is None:
            # After a fragment rerun, keys it wrote for widgets outside it still wait for
            # the run that draws those widgets.
            self._user_set.clear()

    def check_serializable_if_enforced(self) -> None:
        """At the end of a script: with `runner.enforceSerializableSessionState`, every
        value must pickle — keys, widget values, and objects mutated after they were set.
        """
        if not self._enforce_serializable():
            return
        for key, value in list(self._values.items()):
            check_serializable(key, value)
        keyed = set(self._key_owner.values())
        for wid, value in list(self._widgets.items()):
            if wid not in keyed:
                check_serializable(wid, value)

    def known_widgets(self) -> list[WidgetMeta]:
        """Every widget the session remembers, in the order they were first drawn."""
        return list(self._meta.values())



def _persists(meta: WidgetMeta, page: str) -> bool:
    keeping = meta.keeping
    if keeping is None or keeping.persist is None:
        return False
    return keeping.persist == "session" or meta.page in ("", page)


def check_serializable(key: str, value: Any) -> None:
    try:
        pickle.dumps(value)
    except Exception as exc:
        raise UnserializableSessionStateError(
            f"Cannot serialize the value (of type `{type(value)}`) of '{key}' in "
            "st.session_state. htst has been configured to use pickle to serialize "
            "session_state values (`runner.enforceSerializableSessionState`). Please "
            "convert the value to a pickle-serializable type."
        ) from exc


def _missing(key: str) -> str:
    return (
        f'st.session_state has no key "{key}". Did you forget to initialize it? '
        "(Set it first, e.g. `if key not in st.session_state: st.session_state[key] = ...`.)"
    )


class SessionStateProxy(MutableMapping):
    """`st.session_state`: the current run's SessionState, with attribute access too."""

    def __init__(self, get_state: Callable[[], SessionState]):
        object.__setattr__(self, "_get", get_state)

    def __getitem__(self, key: str) -> Any:
        return self._get()[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._get()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._get()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())

    def __contains__(self, key: object) -> bool:
        return key in self._get()

    def keys(self):
        return self._get().keys()

    def to_dict(self) -> dict[str, Any]:
        return self._get().to_dict()

    def __getattr__(self, key: str) -> Any:
        try:
            return self._get()[key]
        except KeyError:
            raise AttributeError(
                f'st.session_state has no attribute "{key}". Did you forget to initialize it?'
            ) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self._get()[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self._get()[key]
        except KeyError:
            raise AttributeError(f'st.session_state has no attribute "{key}".') from None

    def __repr__(self) -> str:
        return repr(self._get())
