"""The turns of a loop (gevent's hub, asyncio's event loop) for a program under Interleave: written once for both."""
import collections


class Hub:
    """One loop's turns (gevent's hub, asyncio's event loop): exactly one of its participants runs, the others wait
    for their turn on their own Event, and the turn goes to them in the order they became ready, as both loops run
    their ready callbacks first in, first out. The engine schedules the threads; this only says whose turn it is.
    A participant has a name and an Event _go; whatever runs outside one (MainThread) joins as a _Main."""

    class _Main:
        def __init__(self, name, go):
            self.name = name
            self._go = go

    def __init__(self, Thread, new_event, current_thread, real_lock):
        self.Thread, self.new_event, self.current_thread, self.lock = Thread, new_event, current_thread, real_lock
        self.ready = collections.deque()
        self.holder = None  # whose turn it is (None: nobody's, the next to become ready runs)
        self.by_thread = {}
        self.started = []  # every participant started, for a wait for all

    def current(self):
        t = self.current_thread()
        p = self.by_thread.get(t)
        if p is None:
            p = self.by_thread[t] = Hub._Main(t.name, self.new_event("\u25b6 " + t.name))
            with self.lock:
                if self.holder is None:
                    self.holder = p  # the program starts running: it has the turn
        return p

    def start(self, p, body):
        """p runs body on a thread of its own once it has the turn: queued in the order of starting (whichever
        thread the engine starts first), or at once if nobody has the turn."""
        self.current()  # the starter holds the turn from now on if nobody does
        self.started.append(p)
        with self.lock:
            first = self.holder is None
            if first:
                self.holder = p
            else:
                self.ready.append(p)

        def run():
            self.by_thread[self.current_thread()] = p
            p._go.wait()
            p._go.clear()
            body()
        self.Thread(target=run, name=p.name, daemon=True).start()
        if first:
            p._go.set()

    def take(self, p):
        """p waits for its turn (at once if nobody has it)."""
        with self.lock:
            if self.holder is None:
                self.holder = p
                return
            self.ready.append(p)
        p._go.wait()
        p._go.clear()

    def give(self, me=None):
        """The turn to the next ready one; with me, me goes to the end of the queue first, in the same step (so
        that nobody can find the queue without it), and waits for its turn again."""
        with self.lock:
            if me is not None:
                self.ready.append(me)
            nxt = self.ready.popleft() if self.ready else None
            self.holder = nxt
        if nxt is me:
            return  # nobody else was ready: the loop comes straight back
        if nxt is not None:
            nxt._go.set()
        if me is not None:
            me._go.wait()
            me._go.clear()

    def sleep(self, seconds, sleep):
        me = self.current()
        if seconds and seconds > 0:
            self.give()
            sleep(seconds)
            self.take(me)
        else:
            self.give(me)

    def wait_done(self, done_events, timeout, clock):
        """Until each event is set (one deadline for all), letting the others run meanwhile."""
        me = self.current()
        self.give()
        deadline = None if timeout is None else clock() + timeout
        for done in done_events:
            done.wait(None if deadline is None else max(0.0, deadline - clock()))
        self.take(me)
