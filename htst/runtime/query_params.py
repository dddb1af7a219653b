"""`st.query_params`: the page URL's query string as a dict, kept in the URL as it changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping
from typing import Any
from urllib.parse import urlencode

from ..errors import HtstAPIException

# How the page is shown, not the app's data: hidden from st.query_params, kept in the URL.
RESERVED = ("embed", "embed_options")


class QueryParamsState:
    """The session's query parameters; `dirty` tells the server to update the URL."""

    def __init__(self) -> None:
        self.params: dict[str, list[str]] = {}
        self.dirty = False
        self.bound: set[str] = set()  # keys of widgets with bind="query-params"
        self.reserved: list[tuple[str, str]] = []

    def load(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.params = {}
        self.reserved = []
        for key, value in pairs:
            if key.startswith("_htst"):
                continue
            if key in RESERVED:
                self.reserved.append((key, value))
                continue
            self.params.setdefault(key, []).append(value)
        self.dirty = False

    def query_string(self) -> str:
        pairs = [(k, v) for k, values in self.params.items() for v in values]
        return urlencode(pairs + self.reserved)

    def replace(self, params: Any) -> None:
        """The query a page switch lands with (`st.switch_page(query_params=)`): these only."""
        reserved = self.reserved
        self.load(pairs_of(params))
        self.reserved = reserved
        self.dirty = True


def pairs_of(params: Any) -> list[tuple[str, str]]:
    """A dict (values: one value, or a list of them) or pairs, as (key, str(value)) pairs."""
    items = params.items() if hasattr(params, "items") else params
    pairs = []
    for key, value in items:
        for one in value if isinstance(value, (list, tuple)) else [value]:
            pairs.append((str(key), str(one)))
    return pairs


def encode(params: Any) -> str:
    """`query_params` of a page link, as a query string."""
    return urlencode(pairs_of(params))


class QueryParams(MutableMapping):
    """What `st.query_params` is: a proxy to the current session's QueryParamsState."""

    def __init__(self, get_state: Callable[[], QueryParamsState]):
        object.__setattr__(self, "_get", get_state)

    def __getitem__(self, key: str) -> str:
        values = self._get().params.get(key)
        if not values:
            raise KeyError(f'st.query_params has no key "{key}".')
        return values[-1]

    def __setitem__(self, key: str, value: Any) -> None:
        if key in RESERVED:
            raise HtstAPIException(f"Query param `{key}` cannot be set with st.query_params.")
        state = self._get()
        _not_bound(state, key)
        if isinstance(value, (list, tuple)):
            state.params[key] = [str(v) for v in value]
        else:
            state.params[key] = [str(value)]
        state.dirty = True

    def __delitem__(self, key: str) -> None:
        state = self._get()
        _not_bound(state, key)
        if key not in state.params:
            raise KeyError(f'st.query_params has no key "{key}".')
        del state.params[key]
        state.dirty = True

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._get().params))

    def __len__(self) -> int:
        return len(self._get().params)

    def __getattr__(self, key: str) -> str:
        try:
            return self[key]
        except KeyError as exc:
            raise AttributeError(str(exc)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError as exc:
            raise AttributeError(str(exc)) from None

    def get_all(self, key: str) -> list[str]:
        return list(self._get().params.get(key, []))

    def clear(self) -> None:
        state = self._get()
        state.params.clear()
        state.dirty = True

    def to_dict(self) -> dict[str, str]:
        return {k: v[-1] for k, v in self._get().params.items() if v}

    def from_dict(self, params: dict[str, Any]) -> None:
        state = self._get()
        state.params = {}
        for key, value in params.items():
            self[key] = value
        state.dirty = True

    def __repr__(self) -> str:
        return repr(self.to_dict())


def _not_bound(state: QueryParamsState, key: str) -> None:
    if key in state.bound:
        raise HtstAPIException(
            f"The query param `{key}` is bound to a widget (`bind=\"query-params\"`): change it "
            f"through `st.session_state[{key!r}]`, not `st.query_params`."
        )
