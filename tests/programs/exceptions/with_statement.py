class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow

with Ctx("a") as c:
    print("body", c.name)
with Ctx("b", True):
    raise ValueError("swallowed")
print("after b")
try:
    with Ctx("c"), Ctx("d"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))

def f():
    for i in range(3):
        with Ctx(str(i)):
            if i == 1:
                continue
            if i == 2:
                return "ret"
    return None
print(f())

class Timer:
    count = 0
    def __enter__(self):
        Timer.count += 1
    def __exit__(self, *args):
        return False
def hot(n):
    t = Timer()
    s = 0
    for i in range(n):
        with t:
            s += i
    return s, Timer.count
print(hot(3000))
with Ctx("e"):
    1 / 0
