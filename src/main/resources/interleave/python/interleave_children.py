"""What the program's own child processes (subprocess, os.system) write on the stdout they inherit.

The runtime's fd 1 is its own: where there are no named pipes it is the channel to the engine, and a child's line
there was taken for a request. So the runtime keeps a copy of fd 1 for itself and gives fd 1 a pipe, read as the
children write (a child never blocks on a full pipe). What they wrote becomes the program's output when a thread
of the program has waited for a child (os.waitpid, which subprocess uses, or os.system): that thread writes it
then, through the program's stdout, as a point, so that the same run gives the same trace. CPython shows a child's
lines on the terminal as they come; here they come in one piece when the child is waited for.
"""
import codecs
import os
import select
import sys


class ChildOutput:
    def __init__(self, real_threading):
        if os.name == "nt":  # (no select on a pipe there: the children keep the runtime's stdout, as before)
            self.channel, self._read_end = sys.stdout, None
            return
        self.channel = open(os.dup(1), "w", encoding="utf-8")  # the runtime's own stdout from now on
        read_end, write_end = os.pipe()
        os.dup2(write_end, 1)
        os.close(write_end)
        os.set_blocking(read_end, False)
        self._read_end = read_end
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._text = []
        self._lock = real_threading.Lock()
        real_threading.Thread(target=self._gather, name="interleave-children", daemon=True).start()

    def _gather(self):
        while True:
            select.select([self._read_end], [], [])
            self._read_what_is_there()

    def _read_what_is_there(self):
        with self._lock:
            while True:
                try:
                    chunk = os.read(self._read_end, 1 << 16)
                except BlockingIOError:
                    return
                if not chunk:
                    return
                self._text.append(self._decoder.decode(chunk))

    def take(self):
        """What the children have written since the last take (a child that has ended has written all of its)."""
        if self._read_end is None:
            return ""
        self._read_what_is_there()
        with self._lock:
            text = "".join(self._text)
            self._text.clear()
        return text
