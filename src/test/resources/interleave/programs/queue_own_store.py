# A queue that stores its items its own way (a set): the engine keeps a queue's order, so the run says so.
import queue


class SetQueue(queue.Queue):
    def _init(self, maxsize):
        self.queue = set()

    def _put(self, item):
        self.queue.add(item)

    def _get(self):
        return self.queue.pop()


q = SetQueue()
