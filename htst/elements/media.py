"""st.image, st.audio, st.video: media served from the media store (or linked by URL).

A node keeps each item's media id (or URL): the same picture drawn in every run and
every session is one entry in the store and one shared set of props. Audio and video
files given by path are streamed from disk with range requests (seeking), never read
whole.
"""

from __future__ import annotations

import io
import mimetypes
import re
import wave
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import HtstAPIException
from ..runtime.context import current
from ..runtime.durations import to_seconds
from . import sizing
from .block import Block, add_element, public
from .images import image_bytes


@public
def image(
    image: Any,
    caption: str | list[str] | None = None,
    width: Any = "content",
    clamp: bool = False,
    channels: str = "RGB",
    output_format: str = "auto",
    *,
    use_container_width: bool | None = None,
    link: str | None = None,
    use_column_width: Any = None,
    alt: str | Sequence[str | None] | None = None,
) -> Block:
    """Display an image, or a list of images side by side, with optional captions.

    `image`: a URL, a path, an SVG string, bytes, a file-like object, a PIL image or a
    numpy array (`channels="BGR"` for OpenCV's order; `clamp` clips out-of-range values),
    or a list of them. `width`: "content" (the image's own width, at most the
    container's), "stretch" or pixels. `link`: where a click on the image goes (else the
    image opens full size).
    """
    ctx = current()
    pictures = list(image) if isinstance(image, (list, tuple)) else [image]
    if not pictures:
        raise HtstAPIException("`st.image` needs at least one image.")
    captions = _per_image("caption", caption, len(pictures))
    alts = _per_image("alt", alt, len(pictures))
    if use_column_width is not None:
        width = "stretch" if use_column_width in (True, "always") else "content"
    size = sizing.width(sizing.container_width(width, use_container_width), allow=("content", "stretch"))
    if link is not None and not str(link).startswith(("http://", "https://", "mailto:", "/")):
        raise HtstAPIException(f'Invalid `link` value: "{link}". Use an "http://" or "https://" URL.')
    shown = []
    for picture, text, alt_text in zip(pictures, captions, alts):
        if isinstance(picture, str) and picture.startswith(("http://", "https://", "data:image/")):
            source = ("url", picture)
        else:
            data, mimetype = image_bytes(picture, "image", output_format=output_format, channels=channels, clamp=clamp)
            source = ("media", ctx.app.media.add(data, mimetype))
        shown.append((*source, None if text is None else str(text), None if alt_text is None else str(alt_text)))
    return add_element("image", {"images": tuple(shown), "width": size, "link": link})


def _per_image(name: str, value: Any, count: int) -> list[Any]:
    """A caption (or alt text) for each image: one string for one image, or a list."""
    if value is None:
        return [None] * count
    values = [value] if isinstance(value, str) else list(value)
    if len(values) != count:
        raise HtstAPIException(f"Cannot pair {len(values)} {name}s with {count} images.")
    return values


@public
def audio(
    data: Any,
    format: str = "audio/wav",
    start_time: Any = 0,
    *,
    sample_rate: int | None = None,
    end_time: Any = None,
    loop: bool = False,
    autoplay: bool = False,
    alt: str | None = None,
    width: Any = "stretch",
) -> Block:
    """An audio player: a URL, a path, bytes, a file-like object, or a numpy array of
    samples (mono, or channels × samples) with its `sample_rate` (played as WAV)."""
    ctx = current()
    if type(data).__module__ == "numpy" and hasattr(data, "shape"):
        if sample_rate is None:
            raise HtstAPIException("`sample_rate` must be specified when `data` is a numpy array.")
        data, format = _wav(data, sample_rate), "audio/wav"
    elif sample_rate is not None:
        raise HtstAPIException("`sample_rate` can only be specified when `data` is a numpy array.")
    props = _player(ctx, data, format, start_time, end_time, loop, autoplay, alt, width)
    return add_element("audio", props)


@public
def video(
    data: Any,
    format: str = "video/mp4",
    start_time: Any = 0,
    *,
    subtitles: Any = None,
    end_time: Any = None,
    loop: bool = False,
    autoplay: bool = False,
    muted: bool = False,
    alt: str | None = None,
    width: Any = "stretch",
) -> Block:
    """A video player: a URL, a path, bytes or a file-like object. `subtitles`: a file
    (path, text or bytes; SRT or WebVTT) or a dict of labels to files."""
    ctx = current()
    props = _player(ctx, data, format, start_time, end_time, loop, autoplay, alt, width)
    props.update(muted=bool(muted), tracks=_subtitles(ctx, subtitles))
    return add_element("video", props)


def _player(ctx: Any, data: Any, format: str, start_time: Any, end_time: Any, loop: bool, autoplay: bool, alt: str | None, width: Any) -> dict[str, Any]:
    start, end = _media_time("start_time", start_time), _media_time("end_time", end_time)
    if end is not None and end <= (start or 0):
        raise HtstAPIException("`end_time` must be later than `start_time`.")
    source = media_source(ctx, data, format, "media")
    # A media fragment (#t=start,end) makes the browser start, and stop, there.
    fragment = "" if not start and end is None else f"#t={start or 0:g}" + (f",{end:g}" if end is not None else "")
    return {
        "source": source, "fragment": fragment, "loop": bool(loop), "autoplay": bool(autoplay),
        "alt": alt, "width": sizing.width(width, allow=("stretch",)),
    }


def media_source(ctx: Any, data: Any, mimetype: str, what: str, *, guess_type: bool = True) -> tuple[str, str]:
    """("url", address) or ("media", id) for what a media command was given: a URL (played
    from where it is), a path (streamed from disk), bytes or a file-like object.
    `guess_type`: a path's extension may say better than `mimetype` what it holds."""
    if isinstance(data, str) and data.startswith(("http://", "https://")):
        return ("url", data)
    if isinstance(data, (str, Path)):
        path = Path(data)
        if not path.is_file():
            raise HtstAPIException(f"The {what} file `{data}` could not be found.")
        guessed = mimetypes.guess_type(path.name)[0] if guess_type else None
        return ("media", ctx.app.media.add_file(path, guessed or mimetype))
    if isinstance(data, (bytes, bytearray, memoryview)) or hasattr(data, "read"):
        raw = data.read() if hasattr(data, "read") else bytes(data)
        return ("media", ctx.app.media.add(raw, mimetype))
    if data is None:
        raise HtstAPIException(f"{what.capitalize()} data is missing: pass a URL, a path, bytes or a file.")
    raise HtstAPIException(f"Invalid {what} data type: {type(data).__name__}. Pass a URL, a path, bytes or a file.")


def _media_time(name: str, value: Any) -> float | None:
    if value is None:
        return None
    seconds = to_seconds(value)
    if seconds is None or seconds < 0:
        raise HtstAPIException(f"Invalid `{name}` value: {value!r}. Use seconds, a timedelta, or text such as \"2 minute\" or \"1m14s\".")
    return float(int(seconds))  # Streamlit rounds down to whole seconds


def _wav(samples: Any, sample_rate: int) -> bytes:
    """numpy samples as 16-bit PCM WAV, scaled to the loudest sample (as Streamlit)."""
    import numpy as np

    data = np.asarray(samples, dtype=float)
    if data.ndim == 1:
        data = data[np.newaxis, :]
    if data.ndim != 2:
        raise HtstAPIException("Audio arrays must be 1-D (mono) or 2-D (channels × samples).")
    peak = np.max(np.abs(data)) if data.size else 0
    scaled = (data / peak * 32767 if peak else data).astype("<i2")
    out = io.BytesIO()
    with wave.open(out, "wb") as file:
        file.setnchannels(scaled.shape[0])
        file.setsampwidth(2)
        file.setframerate(int(sample_rate))
        file.writeframes(scaled.T.tobytes())
    return out.getvalue()


_SRT_TIME = re.compile(r"(\d{2}:\d{2}:\d{2}),(\d{3})")


def _subtitles(ctx: Any, subtitles: Any) -> tuple[tuple[str, str], ...]:
    """(label, media id) of each subtitle track, as WebVTT."""
    if subtitles is None:
        return ()
    items = subtitles.items() if isinstance(subtitles, dict) else [("default", subtitles)]
    tracks = []
    for label, source in items:
        if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and Path(source).suffix.lower() in (".srt", ".vtt")):
            path = Path(source)
            if not path.is_file():
                raise HtstAPIException(f"The subtitle file `{source}` could not be found.")
            text = path.read_text(encoding="utf-8")
        elif isinstance(source, (bytes, bytearray)):
            text = bytes(source).decode("utf-8")
        elif isinstance(source, str):
            text = source
        elif hasattr(source, "read"):
            raw = source.read()
            text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        else:
            raise HtstAPIException(f"Invalid subtitles type: {type(source).__name__}. Use a path, text, bytes or a dict of them.")
        tracks.append((str(label), ctx.app.media.add(_webvtt(text).encode("utf-8"), "text/vtt")))
    return tuple(tracks)


def _webvtt(text: str) -> str:
    """SRT becomes WebVTT (a header, and a dot before the milliseconds); WebVTT stays."""
    text = text.lstrip("\ufeff")
    if text.startswith("WEBVTT"):
        return text
    return "WEBVTT\n\n" + _SRT_TIME.sub(r"\1.\2", text.replace("\r\n", "\n"))
