"""st.badge, st.pdf, st.help and st.write_stream (Streamlit 1.67's signatures)."""

from __future__ import annotations

import asyncio
import inspect
import sys
import threading
from collections.abc import AsyncIterator, Iterable
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import current
from . import icons, layout_checks, sizing, text
from .block import Block, add_element, public, public_running
from .media import media_source

_htst = sys.modules[__name__.split(".")[0]]  # `st.help()` describes htst itself
_BADGE_COLORS = ("red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary")


@public
def badge(label: str, *, icon: str | None = None, color: str = "blue", width: Any = "content", help: str | None = None) -> Block:
    """A small coloured label (as the markdown `:blue-badge[...]` directive draws one)."""
    if color not in _BADGE_COLORS:
        raise HtstAPIException(f"Invalid `color` value: {color!r}. Supported values: {', '.join(map(repr, _BADGE_COLORS))}.")
    props = {
        "label": str(label), "icon": icons.icon(icon), "color": "gray" if color == "grey" else color,
        "width": sizing.width(width), "help": help,
    }
    return add_element("badge", props)


@public
def pdf(data: Any, *, height: Any = 500, key: str | None = None, alt: str | None = None) -> Block:
    """A PDF shown in the page (the browser's own viewer), from a URL, a path, bytes or a file."""
    ctx = current()
    size = sizing.height(height, allow=("stretch",))
    source = media_source(ctx, data, "application/pdf", "PDF", guess_type=False)
    props = {"source": source, "height": size, "alt": alt, "key": layout_checks.key_class(layout_checks.claim_key(ctx, key))}
    return add_element("pdf", props)


@public
def help(obj: Any = _htst, *, width: Any = "stretch") -> Block:
    """What an object is: its name, type, signature, docstring and public members
    (by default, of htst itself)."""
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    try:
        signature = str(inspect.signature(obj)) if callable(obj) else None
    except (TypeError, ValueError):
        signature = None
    members = []
    if not isinstance(obj, (str, int, float, bool, bytes)):
        for member in sorted(dir(obj)):
            if member.startswith("_"):
                continue
            try:
                value = getattr(obj, member)
            except Exception:  # noqa: BLE001, S112 -- a property that fails: leave it out
                continue
            doc = (inspect.getdoc(value) or "").split("\n", 1)[0] if callable(value) else ""
            members.append((member, type(value).__name__, doc if callable(value) else _short(repr(value))))
    props = {
        "name": name, "type": type(obj).__name__, "signature": signature,
        "doc": inspect.getdoc(obj) if not isinstance(obj, (str, int, float, bool, bytes)) or name else None,
        "value": None if callable(obj) or inspect.ismodule(obj) else _short(repr(obj)),
        "members": tuple(members[:200]), "width": sizing.width(width, allow=("stretch",)),
    }
    return add_element("help", props)


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@public_running
def write_stream(stream: Any, *, cursor: str | None = None) -> list[Any] | str:
    """Write what a generator (or iterable, callable, async generator, OpenAI or LangChain
    stream) yields as it comes: text chunks grow one markdown element (with `cursor` at
    its end while streaming), anything else is written with st.write. Returns the whole
    text, or a list of everything written if it was not all text."""
    from .layout import empty
    from .write import write

    written: list[Any] = []
    text_so_far = ""
    slot = None
    for chunk in _chunks(stream):
        if isinstance(chunk, str):
            if slot is None:
                slot = empty()
                text_so_far = ""
            text_so_far += chunk
            with slot:
                text.markdown(text_so_far + (cursor or ""))
            continue
        if slot is not None:
            _finish(slot, text_so_far, written)
            slot = None
        write(chunk)
        written.append(chunk)
    if slot is not None:
        _finish(slot, text_so_far, written)
    if all(isinstance(item, str) for item in written):
        return "".join(written)
    return written


def _finish(slot: Block, text_so_far: str, written: list[Any]) -> None:
    """The text written so far, without the cursor."""
    with slot:
        text.markdown(text_so_far)
    written.append(text_so_far)


def _chunks(stream: Any) -> Iterable[Any]:
    """What a stream yields, as plain chunks (text where an LLM library wraps it)."""
    if callable(stream) and not inspect.isgenerator(stream) and not hasattr(stream, "__iter__") and not hasattr(stream, "__aiter__"):
        stream = stream()
    if hasattr(stream, "__aiter__"):
        stream = _sync(stream)
    if isinstance(stream, (str, bytes)) or not hasattr(stream, "__iter__"):
        raise HtstAPIException(f"st.write_stream expects a generator or an iterable, got {type(stream).__name__}.")
    for chunk in stream:
        yield _text_of(chunk)


def _text_of(chunk: Any) -> Any:
    """OpenAI chunks (chat completions: choices[0].delta.content; responses: delta text
    events) and LangChain messages (.content) give their text; None is nothing."""
    choices = getattr(chunk, "choices", None)
    if choices:
        delta = getattr(choices[0], "delta", None)
        return getattr(delta, "content", None) or ""
    if getattr(chunk, "type", None) == "response.output_text.delta":
        return getattr(chunk, "delta", "") or ""
    content = getattr(chunk, "content", None)
    if isinstance(content, str) and type(chunk).__module__.startswith(("langchain", "langchain_core")):
        return content
    return "" if chunk is None else chunk


def _sync(stream: AsyncIterator[Any]) -> Iterable[Any]:
    """An async generator, iterated on an event loop of its own thread (the script's
    thread may already run a loop: AppTest under an async test, a notebook)."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="htst-write-stream", daemon=True)
    thread.start()
    iterator = stream.__aiter__()

    async def step() -> Any:
        return await iterator.__anext__()

    try:
        while True:
            try:
                yield asyncio.run_coroutine_threadsafe(step(), loop).result()
            except StopAsyncIteration:
                return
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()


