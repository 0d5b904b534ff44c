# An error raised inside nested coroutines (an await of what is not
# awaitable, reached through async for and async with) shows every
# coroutine's frame in the traceback, as CPython's.
class Items:
    def __init__(self, values):
        self.values = list(values)

    def __aiter__(self):
        return self

    async def __anext__(self):
        if not self.values:
            raise StopAsyncIteration
        return self.values.pop(0)


class Guard:
    async def __aenter__(self):
        return self

    async def __aexit__(self, et, ev, tb):
        print("exit", et.__name__)


async def wait_for(x):
    return await x


async def double(x):
    return 2 * x


async def main():
    async with Guard():
        async for x in Items([2, 1.5]):
            print(await wait_for(double(x) if x == 2 else x))


try:
    main().send(None)
except StopIteration:
    print("not reached")
