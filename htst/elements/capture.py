"""st.camera_input and st.audio_input: a photo (JPEG) or a recording (WAV) as an
UploadedFile, like st.file_uploader's.

The page holds a file input under the widget's name: without JavaScript (or without a
camera or microphone) the user picks a file there. `htst-capture.js` (loaded on pages
with these widgets) turns it into a camera preview with "Take photo", or a recorder
that encodes 16-bit WAV at `sample_rate`, and hands the result to the same file input,
so it is posted as any upload. A held photo or recording is shown from the media store
with a button that clears it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from collections.abc import Callable

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widget_spec import PostedFile, shared
from ..runtime.widgets import base_props, draw_widget, register_widget
from . import input_params, sizing
from .block import public
from .files import FileUploaderSpec, UploadedFile

RESOLUTIONS = {None: None, "480p": 480, "720p": 720, "1080p": 1080}
SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)
_JPEG, _PNG = b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True, slots=True)
class CameraInputSpec(FileUploaderSpec):
    """One picture, JPEG (the camera) or PNG (a picked file), checked by its bytes."""

    kind = "camera_input"

    def _new_upload(self, posted: PostedFile) -> UploadedFile:
        if posted.data.startswith(_JPEG):
            return UploadedFile(posted.data, posted.filename, "image/jpeg")
        if posted.data.startswith(_PNG):
            return UploadedFile(posted.data, posted.filename, "image/png")
        raise InvalidWidgetValue("a photo is a JPEG or PNG image")


@dataclass(frozen=True, slots=True)
class AudioInputSpec(FileUploaderSpec):
    """One recording, a WAV file (RIFF/WAVE), checked by its bytes."""

    kind = "audio_input"

    def _new_upload(self, posted: PostedFile) -> UploadedFile:
        data = posted.data
        if not (data[:4] == b"RIFF" and data[8:12] == b"WAVE"):
            raise InvalidWidgetValue("a recording is a WAV file")
        if self.max_bytes is not None and len(data) > self.max_bytes:
            raise InvalidWidgetValue(f"the recording is over the limit of {self.max_bytes / (1024 * 1024):g} MB")
        return UploadedFile(data, posted.filename, "audio/wav")


def _capture(spec: FileUploaderSpec, kind: str, label: str, key: Any, help: str | None, on_change: Any, args: Any, kwargs: Any, disabled: bool, label_visibility: str, width: Any, identity: tuple, extra: dict[str, Any]) -> UploadedFile | None:
    callback = input_params.callback(on_change)
    size = sizing.width(width, allow=("stretch",))
    ctx, meta, value = register_widget(
        shared(spec), key=key, identity=(str(label), help, *identity), default=None,
        callback=callback, args=args, kwargs=kwargs,
    )
    if value is not None:
        value.seek(0)
    props = base_props(meta, label, help, disabled, label_visibility)
    props.update(width=size, capture=kind, **extra)
    if value is not None:
        props["held"] = (value.file_id, ctx.app.media.add(value.getvalue(), value.type))
    draw_widget(ctx, meta, value, props)
    return value


@public
def camera_input(
    label: str,
    key: Any = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Any = None,
    kwargs: Any = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    resolution: str | None = None,
    width: Any = "stretch",
) -> UploadedFile | None:
    """Display a camera preview with a "Take photo" button; returns the photo (JPEG) as
    an UploadedFile, or None. Without a camera or JavaScript, a picture file is picked
    instead. `resolution` ("480p", "720p", "1080p") asks the camera for that height."""
    if resolution not in RESOLUTIONS:
        raise HtstAPIException(f'Invalid `resolution` value: {resolution!r}. Supported values: "480p", "720p", "1080p", None.')
    limit = _limit()
    return _capture(
        CameraInputSpec(False, (".jpg", ".jpeg", ".png"), limit), "camera", label, key, help, on_change, args, kwargs,
        disabled, label_visibility, width, (resolution,), {"resolution": RESOLUTIONS[resolution]},
    )


@public
def audio_input(
    label: str,
    *,
    sample_rate: int | None = 16000,
    key: Any = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Any = None,
    kwargs: Any = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "stretch",
) -> UploadedFile | None:
    """Display a microphone recorder; returns the recording as a WAV UploadedFile
    (`audio/wav`, 16-bit mono at `sample_rate` Hz; None: the browser's rate), or None.
    Without a microphone or JavaScript, a WAV file is picked instead."""
    if sample_rate is not None and sample_rate not in SAMPLE_RATES:
        raise HtstAPIException(
            f"Invalid `sample_rate` value: {sample_rate!r}. Supported values: "
            f"{', '.join(map(str, SAMPLE_RATES))}, None."
        )
    return _capture(
        AudioInputSpec(False, (".wav",), _limit()), "microphone", label, key, help, on_change, args, kwargs,
        disabled, label_visibility, width, (sample_rate,), {"sample_rate": sample_rate},
    )


def _limit() -> int:
    from ..runtime.context import current

    return int(float(current().app.config["server.maxUploadSize"]) * 1024 * 1024)
