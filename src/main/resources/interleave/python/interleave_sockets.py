"""Sockets for a program under Interleave: real sockets on 127.0.0.1 whose waits are the engine's.

A socket's accept, recv (and so makefile().readline()) and a selector's select, which block in CPython, here try
without blocking and, when nothing is there, wait on an Event of the engine named after the socket ("server
socket", "connection 1", "client 1"): the views draw the thread waiting for its client or its data. The other end,
when it is in the same program, sets that Event as it connects, sends or closes, so the scheduler decides every
switch and a run ends as CPython's would. socketserver is CPython's own module, run on these sockets and on the
runtime's threading: ThreadingTCPServer starts one handler thread per connection ("Thread-3
(process_request_thread)"), as the tutorial's ThreadingMixIn does.

The clients must be in the program (sim and cooperative mode): a client from outside cannot wake a waiting
thread, and a wait without a timeout that nothing in the program can end is reported as stuck. Datagram (UDP)
sockets are the same: a datagram sent to a port a socket of the program is bound to wakes it; one sent outside the
program makes its sender's waits CPython's own. In os mode the
threads are CPython's own and sockets are CPython's, unchanged.
"""
import importlib.util
import itertools
import os
import sys


class LazySockets:
    """A finder on sys.meta_path: the first import of socket or socketserver installs the scheduler's sockets
    (most programs never import them, and socketserver takes 10 ms to load)."""

    def __init__(self, new_event, sleep, forking_process_request, os_mode_flush=None):
        def make():
            if os_mode_flush is not None:  # os mode: CPython's own sockets, only flushing before they block
                install_os_flush(os_mode_flush)
                return
            socketserver = install(new_event, sleep)
            socketserver.ForkingMixIn.process_request = forking_process_request
        self.make = make

    def find_spec(self, name, path=None, target=None):
        # (nothing is imported here: an import in a finder asks this finder again, and without site-packages'
        # .pth files having imported importlib.util already, that recursed until RecursionError)
        if name not in ("socket", "socketserver"):
            return None
        sys.meta_path.remove(self)
        self.make()
        # out of sys.modules until this import puts it back: else the import system would run its file again
        module = sys.modules.pop(name)

        class Loader:
            @staticmethod
            def create_module(spec):
                return module

            @staticmethod
            def exec_module(m):
                pass
        return importlib.util.spec_from_loader(name, Loader())


def install_os_flush(flush):
    """os mode: CPython's own sockets and selects, each blocking call after flush() (the thread sends the points it
    has numbered and not sent, so that the others' records need not wait for them while it blocks). Imports socket
    and socketserver, as install does."""
    import select as _select
    import selectors
    import socket as _socket

    def after_flush(call):
        def call_after_flush(*args, **kwargs):
            flush()
            return call(*args, **kwargs)
        return call_after_flush

    for name in ("recv", "recv_into", "recvfrom", "recvfrom_into", "accept", "connect"):
        setattr(_socket.socket, name, after_flush(getattr(_socket.socket, name)))
    _select.select = after_flush(_select.select)
    for name in ("SelectSelector", "PollSelector", "EpollSelector", "DevpollSelector", "KqueueSelector"):
        selector = getattr(selectors, name, None)
        if selector is not None:
            selector.select = after_flush(selector.select)
    import socketserver
    return socketserver


def install(new_event, sleep):
    """Makes socket.socket (and so create_connection, create_server, accept) and socketserver's selector the
    scheduler's. Call after the runtime's threading module is in sys.modules (socketserver imports it)."""
    import select as _select
    import selectors
    import socket as _socket
    real_select = _select.select
    real_socket = _socket.socket
    real_socketpair = _socket.socketpair
    watchers = {}  # fd -> the Events to set when something happens on that socket (a dict: set in a fixed order)
    listening = {}  # port -> the listening socket
    datagrams = {}  # port -> the datagram (UDP) socket of the program bound to it
    by_ends = {}  # (local port, remote port) -> the connected socket
    counts = {"connection": itertools.count(1), "client": itertools.count(1)}

    def notify(sock):
        for event in list(watchers.get(sock.fileno(), ())):
            event.set()

    def notify_peer(sock):
        """The other end, if it is in the program: something happened on this one (data, or the end of it)."""
        if sock._peer is not None:
            notify(sock._peer)

    def link(a, b):
        a._peer, b._peer = b, a

    def readable(fd, write=False):
        r, w, _ = real_select([] if write else [fd], [fd] if write else [], [], 0)
        return bool(r or w)

    class socket(real_socket):  # noqa: N801 -- replaces socket.socket under its own name
        _event = None
        _role = None
        _peer = None  # the other end, where it is in the program (else a wait is CPython's own, blocking)
        _outside = False  # connected to something outside the program: its waits are CPython's own

        def _wait(self):
            """Until something happens on this socket: its Event, set by the other end in the program."""
            if self._event is None:
                role = self._role or "socket"
                self._event = new_event(role)
                watchers.setdefault(self.fileno(), {})[self._event] = None
            return self._event

        def _ends(self):
            try:
                return self.getsockname()[1], self.getpeername()[1]
            except (OSError, IndexError, TypeError):
                return None

        def __deepcopy__(self, memo):
            """A child process's copy (fork): a duplicate of the descriptor, the same connection; the program's
            own deepcopy cannot copy a socket, as in CPython."""
            if memo.get("rebind") is None:
                raise TypeError("cannot pickle 'socket' object")
            copy = self.dup()
            copy._role, copy._outside = self._role, self._outside
            if self._peer is not None:
                link(copy, self._peer)  # the other end's data now wakes the child's copy
            return copy

        def bind(self, address):
            if self.type == _socket.SOCK_STREAM and hasattr(_socket, "SO_REUSEADDR") and os.name != "nt":
                # a run is often run again at once (Reset, a new seed): the port of the last one may still be in
                # TIME_WAIT, which only this lets a server bind again
                self.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
            real_socket.bind(self, address)
            if self.type == _socket.SOCK_DGRAM:
                self._role = self._role or "datagram socket"
                datagrams[self.getsockname()[1]] = self

        def listen(self, backlog=128):
            # at least 128 waiting connections (socketserver asks for 5): a client whose connect found the queue
            # full would wait inside connect() for the kernel's retry a second later, where the scheduler cannot
            # see it; here every client of the program is let in at once, and waits, visibly, for its answer
            real_socket.listen(self, max(backlog, 128))
            self._role = "server socket"
            listening[self.getsockname()[1]] = self

        def _when_ready(self, how):
            """how(), once this socket is ready for it: at once if it is, else after the other end's signal (or
            the socket's own timeout, which raises TimeoutError, as CPython's). A socket whose other end is outside
            the program waits as CPython's does (the stall watchdog names its line)."""
            timeout = self.gettimeout()
            if timeout == 0.0 or self._outside or self.type not in (_socket.SOCK_STREAM, _socket.SOCK_DGRAM):
                return how()
            while True:
                event = self._wait()
                event.clear()
                if readable(self.fileno()):
                    return how()
                if not event.wait(timeout) and timeout is not None:
                    raise _socket.timeout("timed out")

        def accept(self):
            conn, address = self._when_ready(lambda: real_socket.accept(self))
            conn._role = "connection %d" % next(counts["connection"])
            ends = conn._ends()
            client = None if ends is None else by_ends.pop((ends[1], ends[0]), None)
            if client is None:
                conn._outside = True  # a client from outside the program
            else:
                link(conn, client)
            return conn, address

        def connect(self, address):
            real_socket.connect(self, address)
            self._role = "client %d" % next(counts["client"])
            server = listening.get(address[1]) if isinstance(address, tuple) and len(address) > 1 else None
            if server is None:
                self._outside = True  # a server outside the program
                return
            by_ends[self._ends()] = self  # until the server accepts it
            notify(server)

        def connect_ex(self, address):
            try:
                self.connect(address)
                return 0
            except OSError as e:
                return e.errno or 1

        def recv(self, bufsize, flags=0):
            return self._when_ready(lambda: real_socket.recv(self, bufsize, flags))

        def recv_into(self, buffer, nbytes=0, flags=0):
            return self._when_ready(lambda: real_socket.recv_into(self, buffer, nbytes, flags))

        def recvfrom(self, bufsize, flags=0):
            return self._when_ready(lambda: real_socket.recvfrom(self, bufsize, flags))

        def recvfrom_into(self, buffer, nbytes=0, flags=0):
            return self._when_ready(lambda: real_socket.recvfrom_into(self, buffer, nbytes, flags))

        def sendto(self, data, *flags_and_address):
            """A datagram: the socket it goes to, where it is the program's, is woken (its wait is the engine's);
            one sent outside the program makes this socket's waits CPython's own (the answer comes from there)."""
            sent = real_socket.sendto(self, data, *flags_and_address)
            address = flags_and_address[-1]
            if self.type == _socket.SOCK_DGRAM:
                self._role = self._role or "datagram socket"
                datagrams.setdefault(self.getsockname()[1], self)  # (its port is the kernel's choice until now)
                peer = datagrams.get(address[1]) if isinstance(address, tuple) and len(address) > 1 else None
                if peer is None:
                    self._outside = True
                else:
                    notify(peer)
            return sent

        def send(self, data, flags=0):
            while not readable(self.fileno(), write=True):
                sleep(0.001)  # the other end's buffer is full: it has to read first
            sent = real_socket.send(self, data, flags)
            notify_peer(self)
            return sent

        def sendall(self, data, flags=0):
            view = memoryview(data).cast("B")
            while view:
                view = view[self.send(view, flags):]

        def shutdown(self, how):
            real_socket.shutdown(self, how)
            notify_peer(self)

        def close(self):
            was_open = self.fileno() >= 0
            if was_open:
                watchers.pop(self.fileno(), None)
                for ends in [e for e, s in by_ends.items() if s is self]:  # closed before the server accepted
                    del by_ends[ends]
                for port in [p for p, s in listening.items() if s is self]:
                    del listening[port]
            real_socket.close(self)
            if was_open:
                notify_peer(self)

    socket.__module__ = "socket"
    socket.__qualname__ = "socket"

    def socketpair(*args):
        """Two connected sockets, each the other's end."""
        a, b = real_socketpair(*args)
        a._role = b._role = "socketpair"
        link(a, b)
        return a, b

    _socket.socket = socket
    _socket.SocketType = socket
    _socket.socketpair = socketpair

    class Selector:
        """socketserver's selector: select(timeout) waits on one Event set by any of its sockets' other ends."""

        def __init__(self):
            self._keys = {}
            self._event = None
            self._lent_by = None  # the fd of the socket whose own Event this selector waits on

        def register(self, fileobj, events, data=None):
            fd = fileobj if isinstance(fileobj, int) else fileobj.fileno()
            key = selectors.SelectorKey(fileobj, fd, events, data)
            self._keys[fd] = key
            if self._event is None:
                # one socket (socketserver's case): the selector waits on that socket's own Event
                sock = fileobj if isinstance(fileobj, socket) else getattr(fileobj, "socket", None)
                if isinstance(sock, socket):
                    self._event, self._lent_by = sock._wait(), fd
                else:
                    self._event = new_event("select")
            watchers.setdefault(fd, {})[self._event] = None
            return key

        def _stop_watching(self, fd):
            if fd != self._lent_by:  # a socket's own Event stays its own
                watchers.get(fd, {}).pop(self._event, None)

        def unregister(self, fileobj):
            fd = fileobj if isinstance(fileobj, int) else fileobj.fileno()
            self._stop_watching(fd)
            return self._keys.pop(fd)

        def _ready(self):
            reads = [fd for fd, k in self._keys.items() if k.events & selectors.EVENT_READ]
            writes = [fd for fd, k in self._keys.items() if k.events & selectors.EVENT_WRITE]
            r, w, _ = real_select(reads, writes, [], 0)
            return [(self._keys[fd], (selectors.EVENT_READ if fd in r else 0)
                     | (selectors.EVENT_WRITE if fd in w else 0)) for fd in self._keys if fd in r or fd in w]

        def select(self, timeout=None):
            if self._event is None:
                return []
            self._event.clear()
            ready = self._ready()
            if ready or (timeout is not None and timeout <= 0):
                return ready
            self._event.wait(timeout)
            return self._ready()

        def close(self):
            for fd in self._keys:
                self._stop_watching(fd)
            self._keys.clear()

        def get_map(self):
            return dict(self._keys)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.close()

    def select(rlist, wlist, xlist, timeout=None):
        """select.select on the program's sockets: what is ready now, else a wait (with its timeout) for one of
        their other ends; a socket whose other end is outside the program, a pipe or a file wakes nobody here."""
        selector = Selector()
        for f in dict.fromkeys(list(rlist) + list(wlist)):  # in the order given: the same run every time
            selector.register(f, (selectors.EVENT_READ if f in rlist else 0)
                              | (selectors.EVENT_WRITE if f in wlist else 0))
        try:
            ready = selector.select(timeout)
        finally:
            selector.close()
        return ([k.fileobj for k, m in ready if m & selectors.EVENT_READ],
                [k.fileobj for k, m in ready if m & selectors.EVENT_WRITE], [])

    _select.select = select
    import socketserver
    socketserver._ServerSelector = Selector
    return socketserver
