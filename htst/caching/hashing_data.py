"""Hashing numpy, pandas and pyarrow values for cache keys, fast on big data.

A mixin of `hashing._Hasher`: it relies on the hasher's `_put` (a length-prefixed
record), `_items` (a sequence, recursively) and `_value`. The libraries are never
imported here: a value that comes from one means it is already in `sys.modules`.
"""

from __future__ import annotations

import sys
from typing import Any

# Buffers up to this size are hashed byte for byte. Larger ones (a 10M-row float column
# is 80 MB) are summarised: the wrapping uint64 sum of every 2 KiB block, plus a fixed
# sample of 256 blocks of 16 KiB. Any single changed byte or moved block changes the
# digest; only a reordering inside one unsampled 2 KiB block goes unnoticed. Streamlit
# samples 10,000 random rows instead and misses most single-value edits.
_FULL_HASH_LIMIT = 4 * 1024 * 1024
_BLOCK_WORDS = 256
_SAMPLE_BLOCKS = 256
_SAMPLE_BYTES = 16 * 1024

_PANDAS_HASHABLE = frozenset({"string", "bytes", "empty", "integer", "floating", "boolean"})


class DataHashing:
    """Digests of arrays, frames and Arrow tables; mixed into the argument hasher."""

    _put: Any
    _items: Any

    def _library(self, h: Any, value: Any) -> bool:
        """Hash a numpy, pandas or pyarrow value; False if it is none of those handled."""
        name = f"{type(value).__module__}.{type(value).__qualname__}"
        np = sys.modules.get("numpy")
        pd = sys.modules.get("pandas")
        pa = sys.modules.get("pyarrow")
        if np is not None and isinstance(value, np.ndarray):
            self._ndarray(h, value)
        elif np is not None and isinstance(value, np.generic):
            self._ndarray(h, np.asarray(value))
        elif np is not None and isinstance(value, np.dtype):
            self._put(h, str(value).encode())
        elif np is not None and isinstance(value, np.ufunc):
            self._put(h, value.__name__.encode())
        elif name == "numpy._ArrayFunctionDispatcher":
            self._put(h, f"{value.__module__}.{value.__qualname__}".encode())
        elif pd is not None and isinstance(value, pd.DataFrame):
            self._items(h, (value.shape, value.columns, value.index))
            for column in range(value.shape[1]):
                self._pandas_values(h, value.iloc[:, column])
        elif pd is not None and isinstance(value, pd.Series):
            self._items(h, (value.name, value.index))
            self._pandas_values(h, value)
        elif pd is not None and isinstance(value, pd.RangeIndex):
            self._items(h, (value.name, value.start, value.stop, value.step))
        elif pd is not None and isinstance(value, pd.Index):
            self._items(h, (value.names,))
            self._pandas_values(h, value)
        elif pd is not None and isinstance(value, (pd.Timestamp, pd.Timedelta, pd.Period)):
            self._put(h, repr(value).encode())
        elif pd is not None and (value is pd.NaT or value is pd.NA):
            self._put(h, b"")
        elif pd is not None and isinstance(value, pd.api.extensions.ExtensionArray):
            self._pandas_values(h, pd.Series(value, copy=False))
        elif pa is not None and isinstance(value, (pa.Table, pa.RecordBatch)):
            self._arrow(h, value, pa)
        elif pa is not None and isinstance(value, (pa.Array, pa.ChunkedArray)):
            self._arrow(h, pa.table({"": value}), pa)
        else:
            return False
        return True

    def _ndarray(self, h: Any, array: Any) -> None:
        self._items(h, (array.dtype.str, str(array.dtype), array.shape))
        if array.dtype.hasobject:
            self._items(h, array.ravel().tolist())
        else:
            np = sys.modules["numpy"]
            self._buffer(h, np.ascontiguousarray(array).reshape(-1).view(np.uint8), np)

    def _buffer(self, h: Any, data: Any, np: Any) -> None:
        size = data.size
        self._put(h, size.to_bytes(8, "little"))
        if size <= _FULL_HASH_LIMIT:
            h.update(data)
            return
        block = _BLOCK_WORDS * 8
        whole = size // block * block
        sums = data[:whole].view(np.uint64).reshape(-1, _BLOCK_WORDS).sum(axis=1, dtype=np.uint64)
        h.update(sums)
        h.update(data[whole:])
        for start in np.linspace(0, size - _SAMPLE_BYTES, _SAMPLE_BLOCKS).astype(np.int64):
            h.update(data[int(start) : int(start) + _SAMPLE_BYTES])

    def _pandas_values(self, h: Any, values: Any) -> None:
        np = sys.modules["numpy"]
        dtype = values.dtype
        self._put(h, str(dtype).encode())
        if isinstance(dtype, np.dtype) and not dtype.hasobject:
            self._buffer(h, np.ascontiguousarray(values.to_numpy()).reshape(-1).view(np.uint8), np)
            return
        if hasattr(values.array, "_pa_array") and "pyarrow" in sys.modules:
            # Arrow-backed (pandas 3's default `str`, ArrowDtype): hash the Arrow buffers
            # themselves, ~15× faster than hash_pandas_object over every string.
            self._arrow_chunks(h, values.array.__arrow_array__(), np)
            return
        from pandas.api.types import infer_dtype
        from pandas.util import hash_pandas_object

        if dtype == object and infer_dtype(values, skipna=False) not in _PANDAS_HASHABLE:
            # pandas would hash other objects by str(), which for most classes embeds a
            # memory address; mixed columns would make 1 and "1" collide. Hash each item.
            self._items(h, values.tolist())
            return
        hashed = hash_pandas_object(values, index=False).to_numpy()
        self._buffer(h, np.ascontiguousarray(hashed).view(np.uint8), np)

    def _arrow_chunks(self, h: Any, array: Any, np: Any) -> None:
        """A ChunkedArray by its buffers. Each chunk's offset and length say which part of
        its buffers it shows, so equal data chunked or sliced differently may miss, but
        different data never hits."""
        self._put(h, str(array.type).encode())
        for chunk in array.chunks:
            self._items(h, (chunk.offset, len(chunk), chunk.null_count))
            for buffer in chunk.buffers():
                if buffer is None:
                    self._put(h, b"-")
                else:
                    self._buffer(h, np.frombuffer(buffer, dtype=np.uint8), np)

    def _arrow(self, h: Any, table: Any, pa: Any) -> None:
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write(table)
        np = sys.modules.get("numpy")
        data = memoryview(sink.getvalue())
        if np is not None:
            self._buffer(h, np.frombuffer(data, dtype=np.uint8), np)
        else:
            self._put(h, bytes(data))
