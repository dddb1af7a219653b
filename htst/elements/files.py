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
from typing import Any, Callable, Sequence

from ..errors import HtstAPIException, InvalidWidgetValue
from ..runtime.widgets import base_props, draw_widget, register_widget


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


def new_upload(extra: dict, name: str, content_type: str | None, data: bytes) -> UploadedFile:
    """An UploadedFile for a posted file, after the widget's checks (InvalidWidgetValue -> 400)."""
    types = extra.get("types")
    ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if types is not None and ext not in types:
        raise InvalidWidgetValue(f"{ext or name!r} files are not allowed (accepted: {', '.join(types)}).")
    limit = extra.get("max_bytes")
    if limit is not None and len(data) > limit:
        raise InvalidWidgetValue(f"{name!r} is over the limit of {limit / (1024 * 1024):g} MB per file.")
    mime = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return UploadedFile(data, name, mime)


def file_uploader(
    label: str,
    type: str | Sequence[str] | None = None,
    accept_multiple_files: bool | str = False,
    key: str | int | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | None = None,
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
    if on_change == "rerun":
        on_change = None
    ctx, meta, value = register_widget(
        "file_uploader", key=key,
        identity=(str(label), tuple(types or ()), str(accept_multiple_files), help, max_upload_size),
        default=[] if multiple else None,
        parse=lambda raw: raw,  # files never travel as text; the server builds the value
        serialize=lambda v: [f.file_id for f in v] if isinstance(v, list) else (v.file_id if v else ""),
        callback=on_change, args=args, kwargs=kwargs,
        extra={"files": True, "no_state_set": True, "multiple": multiple, "types": types,
               "max_bytes": None if max_upload_size is None else int(max_upload_size * 1024 * 1024)},
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
        files=[{"id": f.file_id, "name": f.name, "size": _size(f.size)} for f in files],
    )
    draw_widget(ctx, meta, value, props)
    return value


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n:g}{unit}" if unit == "B" else f"{n:.1f}{unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n}B"
