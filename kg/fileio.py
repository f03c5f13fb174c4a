"""Writing outputs whole or not at all."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from kg.errors import OutputError


def write_atomically(path: Path, data: bytes, what: str = "output") -> None:
    """Write a temporary file next to ``path``, then rename it over ``path``:
    a failed or interrupted run leaves the previous file as it was."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        # "x": never another's file, and the usual umask-derived mode (mkstemp gives 0600)
        handle = open(temporary, "xb")
    except OSError as error:
        raise _output_error(what, path, error) from error
    try:
        try:
            with handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except OSError as error:
        raise _output_error(what, path, error) from error


def _output_error(what: str, path: Path, error: OSError) -> OutputError:
    return OutputError(f"cannot write the {what}", str(path), error.strerror or str(error))
