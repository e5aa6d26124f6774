# A Barrier with an action: the last of the three threads to arrive runs it, once a round, before any of them
# goes on (so each round's line says all three had arrived). A second barrier's action fails: the thread that
# ran it gets the program's own Oops, the other one a BrokenBarrierError, as in CPython. Only the action and the main
# thread print: CPython's own threads can print into each other's lines.
import threading

rounds = 0
arrived = []


def tell():
    global rounds
    rounds += 1
    print("round", rounds, "done after", len(arrived), "arrivals")


barrier = threading.Barrier(3, action=tell)


def worker(name):
    for r in range(2):
        arrived.append(name)
        barrier.wait()


class Oops(Exception):
    pass


def fail():
    raise Oops("no")


broken = threading.Barrier(2, action=fail)
results = []


def unlucky():
    try:
        broken.wait()
        results.append("passed")
    except threading.BrokenBarrierError:
        results.append("BrokenBarrierError")
    except Oops as e:
        results.append("Oops " + str(e))


threads = [threading.Thread(target=worker, args=(n,)) for n in "ABC"]
threads += [threading.Thread(target=unlucky) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("rounds", rounds, "broken", broken.broken, sorted(results))
