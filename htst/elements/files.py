"""st.file_uploader: files posted with the app form, kept in the widget's state.

A browser sends a file once, in the multipart post its selection causes; the server keeps
it in Session State until the user removes it (a per-file remove button posting
`_htst_remove=<widget id>:<file id>`) or the widget goes away. Each run gets the same
`UploadedFile` objects, rewound to their start.
"""

from __future__ import annotations

import io
import mimetypes
import secrets
from dataclasses import dataclass
from typing import Any, Callable, NamedTuple, Sequence

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widget_spec import NOTHING, PostedFile, WidgetSpec, shared
from ..runtime.widgets import base_props, draw_widget, register_widget
from . import input_params, sizing
from .block import public


class UploadedFile(io.BytesIO):
    """An uploaded file: a BytesIO of its content with `file_id`, `name`, `type` and `size`."""

    def __init__(self, data: bytes, name: str, type: str, file_id: str | None = None):
        super().__init__(data)
        self.file_id = file_id or secrets.token_hex(8)
        self.name = name
        self.type = type
        self.size = len(data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadedFile) and other.file_id == self.file_id

    def __hash__(self) -> int:
        return hash(self.file_id)

    def __repr__(self) -> str:
        return f"UploadedFile(file_id={self.file_id!r}, name={self.name!r}, type={self.type!r}, size={self.size})"


class ShownFile(NamedTuple):
    """A held file as the uploader's list shows it."""

    id: str
    name: str
    size: str


def normalize_types(type: str | Sequence[str] | None) -> list[str] | None:
    """Extensions with their dot, lower case; `jpg` and `jpeg` stand for each other."""
    if type is None:
        return None
    items = [type] if isinstance(type, str) else list(type)
    out: list[str] = []
    for item in items:
        ext = "." + str(item).strip().lower().lstrip(".")
        if ext == ".":
            raise HtstAPIException("The type argument to st.file_uploader lists an empty file extension.")
        out.append(ext)
        twin = {".jpg": ".jpeg", ".jpeg": ".jpg"}.get(ext)
        if twin:
            out.append(twin)
    return list(dict.fromkeys(out))


@dataclass(frozen=True, slots=True)
class FileUploaderSpec(WidgetSpec):
    """Files arrive in a multipart post under the widget's name (`upload`); the value
    keeps them until the user removes one (`remove`). The field itself posts nothing."""

    kind = "file_uploader"
    testing = "FileInput"
    preset = "refuse"
    replayable = False
    multiple: bool = False
    types: tuple[str, ...] | None = None
    max_bytes: int | None = None

    def parse(self, raw: Any) -> Any:
        raise InvalidWidgetValue("files are posted as files, not as text")

    def serialize(self, value: Any) -> Any:
        if isinstance(value, list):
            return [f.file_id for f in value]
        return value.file_id if value else ""

    def read(self, fields: Any, name: str) -> Any:
        return NOTHING

    def upload(self, value: Any, files: list[PostedFile]) -> Any:
        posted = [f for f in files if f.filename]  # an empty file input posts filename=""
        if not posted:
            return NOTHING
        if not self.multiple and len(posted) > 1:
            raise InvalidWidgetValue("it takes one file")
        uploads = [self._new_upload(f) for f in posted]
        if self.multiple:
            return list(value or []) + uploads
        return uploads[-1]

    def remove(self, value: Any, file_id: str) -> Any:
        if isinstance(value, list):
            kept = [f for f in value if f.file_id != file_id]
            return kept if len(kept) != len(value) else NOTHING
        if value is not None and value.file_id == file_id:
            return None
        return NOTHING

    def _new_upload(self, posted: PostedFile) -> UploadedFile:
        """An UploadedFile for a posted file, after the widget's checks (InvalidWidgetValue -> 400).

        The name is kept exactly as the browser sent it: it is data, shown escaped, and
        never part of a path.
        """
        name = posted.filename
        ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if self.types is not None and ext not in self.types:
            raise InvalidWidgetValue(f"{ext or name!r} files are not allowed (accepted: {', '.join(self.types)}).")
        if self.max_bytes is not None and len(posted.data) > self.max_bytes:
            raise InvalidWidgetValue(f"{name!r} is over the limit of {self.max_bytes / (1024 * 1024):g} MB per file.")
        mime = posted.content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        return UploadedFile(posted.data, name, mime)


@public
def file_uploader(
    label: str,
    type: str | Sequence[str] | None = None,
    accept_multiple_files: bool | str = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Any = None,
    kwargs: Any = None,
    *,
    max_upload_size: int | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: Any = "stretch",
) -> UploadedFile | list[UploadedFile] | None:
    """A file picker; returns None / an UploadedFile, or a list with `accept_multiple_files`.

    `max_upload_size` (MB) narrows `server.maxUploadSize`, which caps a whole request (413).
    """
    if accept_multiple_files not in (True, False, "directory"):
        raise HtstAPIException('accept_multiple_files must be True, False or "directory".')
    multiple = accept_multiple_files is not False
    types = normalize_types(type)
    on_change = input_params.callback(on_change)
    size = sizing.width(width, allow=("stretch",))
    spec = FileUploaderSpec(
        multiple, None if types is None else tuple(types),
        None if max_upload_size is None else int(max_upload_size * 1024 * 1024),
    )
    ctx, meta, value = register_widget(
        shared(spec), key=key,
        identity=(str(label), tuple(types or ()), str(accept_multiple_files), help, max_upload_size),
        default=[] if multiple else None,
        callback=on_change, args=args, kwargs=kwargs,
    )
    files = value if isinstance(value, list) else ([value] if value is not None else [])
    for f in files:
        f.seek(0)
    limit_mb = max_upload_size or ctx.app.config["server.maxUploadSize"]
    props = base_props(meta, label, help, disabled, label_visibility)
    props.update(
        accept=",".join(types) if types else None,
        multiple=multiple,
        directory=accept_multiple_files == "directory",
        limit=f"{float(limit_mb):g}MB",
        type_names=", ".join(t.lstrip(".").upper() for t in types) if types else None,
        files=tuple(ShownFile(f.file_id, f.name, _size(f.size)) for f in files),
        width=size,
    )
    draw_widget(ctx, meta, value, props)
    return value


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n:g}{unit}" if unit == "B" else f"{n:.1f}{unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n}B"
