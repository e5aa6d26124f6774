# Annotations as the program wrote them, and the program as module __main__, as CPython runs a script: with
# "from __future__ import annotations" CPython keeps each annotation's text, which dataclasses and typing read
# back from the program's module (a ClassVar is no field). Threads fill a dataclass under a lock.
from __future__ import annotations

import pickle
import threading
import typing
from dataclasses import dataclass, field, fields
from typing import ClassVar

import __main__


@dataclass
class Tally:
    made: ClassVar[int] = 0
    name: str = "tally"
    counts: typing.Dict[str, int] = field(default_factory=dict)


def count(tally: Tally, word: str, times: int) -> None:
    for _ in range(times):
        with lock:
            tally.counts[word] = tally.counts.get(word, 0) + 1


lock = threading.Lock()
tally = Tally()
threads = [threading.Thread(target=count, args=(tally, w, 50)) for w in ("a", "b", "a")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("fields", [f.name for f in fields(Tally)])
print("hints", sorted(typing.get_type_hints(Tally)))
print("annotations", count.__annotations__)
print("counts", sorted(tally.counts.items()))
print("__main__ is the program", __main__.Tally is Tally)
print("pickled", pickle.loads(pickle.dumps(tally)) == tally)
