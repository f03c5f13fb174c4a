"""Writing outputs whole or not at all, and never over what a user protected."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from kg.errors import OutputError


def check_writable(path: str | os.PathLike[str], what: str = "output") -> Path:
    """The file a write to ``path`` would replace (symlinks resolved), after
    checking that it can be written: its directory exists and is writable, and
    it is not a directory or a read-only file.  Commands call this before any
    long work, so a bad ``-o`` fails at once."""
    path = Path(path)
    if _is_stream(path, what):
        return path
    target = Path(os.path.realpath(path))
    parent = target.parent
    if not parent.exists():
        raise OutputError(f"cannot write the {what}", str(path), f"no such directory: {parent}")
    if not parent.is_dir():
        raise OutputError(f"cannot write the {what}", str(path), f"not a directory: {parent}")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write the {what}", str(path), f"directory not writable: {parent}")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return target
    except OSError as error:
        raise _output_error(what, path, error) from error
    if stat.S_ISDIR(mode):
        raise OutputError(f"cannot write the {what}", str(path), "is a directory")
    # The mode bits as well as os.access: for root os.access is always true,
    # and a file someone made read-only is one they mean to keep.
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise OutputError(f"cannot write the {what}", str(path), "file is read-only")
    return target


def _is_stream(path: Path, what: str) -> bool:
    """Whether ``path`` (links followed) is a pipe or a character device such as
    /dev/null or /dev/stdout: written straight through, since renaming a file
    over it would replace the device or pipe itself (and, for root, /dev/null
    for every program).  A block device or a socket is refused."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # missing, or a dangling link: check_writable says what is wrong
    if stat.S_ISBLK(mode):
        raise OutputError(f"cannot write the {what}", str(path), "is a block device")
    if stat.S_ISSOCK(mode):
        raise OutputError(f"cannot write the {what}", str(path), "is a socket")
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def write_atomically(path: str | os.PathLike[str], data: bytes, what: str = "output") -> None:
    """Write a temporary file next to ``path``, then rename it over ``path``:
    a failed or interrupted run leaves the previous file as it was.  A symlink
    is followed, so its target is replaced and the link kept; a replaced file
    keeps its mode; a read-only file is refused.  A pipe or a character device
    (/dev/stdout, /dev/null) is written directly."""
    target = check_writable(path, what)
    if _is_stream(target, what):
        try:
            with open(target, "wb") as handle:
                handle.write(data)
        except OSError as error:
            raise _output_error(what, Path(path), error) from error
        return
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise _output_error(what, Path(path), error) from error
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        # "x": never another's file, and the usual umask-derived mode (mkstemp gives 0600)
        handle = open(temporary, "xb")
    except OSError as error:
        raise _output_error(what, Path(path), error) from error
    try:
        try:
            with handle:
                handle.write(data)
                handle.flush()
                if mode is not None:
                    os.fchmod(handle.fileno(), mode)
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except OSError as error:
        raise _output_error(what, Path(path), error) from error


def _output_error(what: str, path: Path, error: OSError) -> OutputError:
    return OutputError(f"cannot write the {what}", str(path), error.strerror or str(error))
