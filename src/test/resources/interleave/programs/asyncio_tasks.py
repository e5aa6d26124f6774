# asyncio's tasks, sleeps and gather as CPython runs them: every line here is the same whatever the schedule.
import asyncio
import time


async def worker(name, delay):
    print(name, "starts")
    await asyncio.sleep(delay)
    print(name, "done after", delay)
    return name.upper()


async def fails():
    await asyncio.sleep(0)
    raise ValueError("oops")


async def main():
    t0 = time.monotonic()
    results = await asyncio.gather(worker("a", 0.2), worker("b", 0.1), worker("c", 0.3))
    print("gather", results)
    task = asyncio.create_task(worker("d", 0.1))
    print("task created, not started yet")
    await asyncio.sleep(0)
    print("after one yield")
    print("task result", await task)
    print("return_exceptions", await asyncio.gather(fails(), worker("e", 0), return_exceptions=True))
    try:
        await asyncio.gather(fails())
    except ValueError as e:
        print("raised", e)
    print("took at least 0.4 s:", time.monotonic() - t0 >= 0.399)
    return 42


print("run returns", asyncio.run(main()))
