"""Write files so that an interrupted write leaves the old file intact.

The data goes to a temporary file in the target's directory (same file system), is flushed to
disk, and is then renamed over the target in one step (`os.replace` is atomic on POSIX and on
Windows). A crash, a full disk or Ctrl-C at any point leaves either the old file or the new one,
never half of one, and no temporary file behind. A symbolic link is written through (its target
is replaced, the link stays), and the old file's permission bits are kept.

A character device or a pipe (`/dev/null`, `/dev/stdout`, a named pipe) is written to as it is:
renaming over it would put a regular file in its place. Other kinds of file (a block device, a
socket) are refused.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Replace the file at `path` with `data` atomically (see the module docstring)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None  # no such file yet (or none reachable): the rename below says what is wrong
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        with open(path, "wb") as f:
            f.write(data)
        return
    if mode is not None and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise OSError(errno.EINVAL, "not a regular file, a character device or a pipe", str(path))
    target = Path(os.path.realpath(path))
    directory = target.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_directory(directory)


def write_text_atomic(path: str | Path, text: str) -> None:
    """`write_bytes_atomic` of `text` in UTF-8."""
    write_bytes_atomic(path, text.encode("utf-8"))


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable; not every platform or file system allows it."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
