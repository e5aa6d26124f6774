# Exceptions raised from others, in threads: the traceback shows the whole chain, as CPython's excepthook does.
import threading


def parse():
    try:
        int("abc")
    except ValueError as e:
        raise RuntimeError("cannot parse the amount") from e


def during():
    try:
        {}["missing"]
    except KeyError:
        print(undefined_name)


for work in (parse, during):
    t = threading.Thread(target=work)
    t.start()
    t.join()
print("main goes on")
