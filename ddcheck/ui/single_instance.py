"""One app per workspace: a second start hands its files to the running app, which comes forward."""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLockFile, QObject, QTimer, Signal

if TYPE_CHECKING:  # QtNetwork loads when it serves or hands over: after the first paint
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = 256 * 1024  # what a second start may send: a list of file paths
MAX_FILES = 200
MAX_PATH_CHARS = 4096
ACK = b"ok\n"


def server_name(data_root: Path) -> str:
    """Return the local-socket name of the app open on `data_root` (one per user and workspace)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment
        user = ""
    key = f"{user}\0{data_root.expanduser().resolve()}".encode()
    return "ddcheck-" + hashlib.sha256(key).hexdigest()[:24]


def encode_files(files: Sequence[Path]) -> bytes:
    """Return the message a second start sends: its files as absolute paths, one JSON line."""
    paths = [str(Path(f).expanduser().absolute()) for f in files]
    return json.dumps({"files": paths}).encode() + b"\n"


def decode_files(message: bytes) -> list[Path] | None:
    """Return the files in a received message, or None when it is not one ddcheck would send."""
    if len(message) > MAX_MESSAGE_BYTES:
        return None
    try:
        body = json.loads(message.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    files = body.get("files") if isinstance(body, dict) else None
    if not isinstance(files, list) or len(files) > MAX_FILES:
        return None
    if not all(isinstance(f, str) and 0 < len(f) <= MAX_PATH_CHARS for f in files):
        return None
    paths = [Path(f) for f in files]
    return paths if all(p.is_absolute() and "\0" not in str(p) for p in paths) else None


class SingleInstance(QObject):
    """Hold the workspace's app lock, or hand files to the app that holds it."""

    opened = Signal(list)  # list[Path]: a later start (or the desktop) asked to open these

    def __init__(self, lock_path: Path, data_root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = QLockFile(str(lock_path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._name = server_name(data_root)
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """Take the lock; False only when another live ddcheck has this workspace open.

        A lock that cannot be written (a read-only data folder) is no reason to refuse: the
        workspace itself then says what is wrong.
        """
        if self._lock.tryLock(100):
            return True
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            log.warning(
                "cannot take the app lock %s: %s", self._lock.fileName(), self._lock.error()
            )
            return True
        return False

    def holder(self) -> int | None:
        """Return the process id of the app holding the lock, if it can be read."""
        info = self._lock.getLockInfo()
        return int(info[0]) if info and info[0] else None

    def hand_over(self, files: Sequence[Path], wait_s: float = 5.0) -> bool:
        """Send `files` to the running app (it also comes forward); True when it took them."""
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + wait_s
        while True:  # the other app may still be starting: its server follows its lock
            socket = QLocalSocket()
            socket.connectToServer(self._name)
            if socket.waitForConnected(500):
                socket.write(QByteArray(encode_files(files)))
                socket.waitForBytesWritten(1000)
                answer = b""
                while len(answer) < len(ACK):
                    if not socket.bytesAvailable() and not socket.waitForReadyRead(
                        int(wait_s * 1000)
                    ):
                        break
                    answer += bytes(socket.readAll().data())
                socket.disconnectFromServer()
                return answer.startswith(ACK)
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.2)

    def listen(self) -> bool:
        """Serve later starts of ddcheck on this workspace; False when the socket cannot be made.

        A later start that comes before this keeps trying for a few seconds (`hand_over`).
        """
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self._name)  # a socket left by a crashed app (we hold the lock)
        if not server.listen(self._name):
            log.warning("cannot listen for later starts: %s", server.errorString())
            return False
        server.newConnection.connect(lambda: self._accept(server))
        self._server = server
        return True

    def release(self) -> None:
        """Stop serving and give up the lock (on quit)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _accept(self, server: QLocalServer) -> None:
        """Read one message from each new connection, with a size and time bound."""
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            _Reader(socket, self._take, parent=self)

    def _take(self, files: list[Path]) -> None:
        self.opened.emit(files)


class _Reader(QObject):
    """Read one newline-ended message from a socket, answer, and close it."""

    def __init__(
        self, socket: QLocalSocket, take: Callable[[list[Path]], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._socket: QLocalSocket | None = socket
        self._take = take
        self._buffer = b""
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self._forget)
        QTimer.singleShot(5000, self, self._drop)  # a client that never finishes is dropped

    def _read(self) -> None:
        socket = self._socket
        if socket is None:
            return
        self._buffer += bytes(socket.readAll().data())
        if len(self._buffer) > MAX_MESSAGE_BYTES:
            log.warning("a later start sent more than %d bytes; ignored", MAX_MESSAGE_BYTES)
            self._drop()
        elif b"\n" in self._buffer:
            files = decode_files(self._buffer.split(b"\n", 1)[0])
            if files is None:
                log.warning("a later start sent a message ddcheck does not understand; ignored")
                self._drop()
                return
            socket.write(QByteArray(ACK))
            socket.disconnectFromServer()  # after the answer is written; then `disconnected`
            self._take(files)

    def _drop(self) -> None:
        """Close the connection at once (too big, not understood, or too slow)."""
        if self._socket is not None:
            self._socket.abort()
            self._forget()

    def _forget(self) -> None:
        if self._socket is not None:
            socket, self._socket = self._socket, None
            socket.deleteLater()
            self.deleteLater()
