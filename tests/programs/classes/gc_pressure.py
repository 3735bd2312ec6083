# Many short-lived objects, reference cycles between instances, fresh objects
# produced by user iterators and special methods while collections run.
class Node:
    def __init__(self, v):
        self.v = v
        self.peer = None
        self.items = [v, str(v), (v, v)]


def make_cycle(n):
    nodes = [Node(i) for i in range(n)]
    for i in range(n):
        nodes[i].peer = nodes[(i + 1) % n]
    return nodes[0]


total = 0
for round_ in range(30):
    head = make_cycle(20)
    cur = head
    for _ in range(25):
        total += cur.v
        cur = cur.peer
print(total)


class Gen:
    """Each __next__ returns a freshly allocated object."""

    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return Node(self.i * 10)


vals = list(Gen(50))
print(len(vals), vals[0].v, vals[-1].items, sum([n.v for n in Gen(40)]))
a, b, c = Gen(3)
print(a.v, b.v, c.v, sorted(Gen(5), key=lambda n: -n.v)[0].v)
print(any(Gen(3)), all(Gen(4)), max(Gen(6), key=lambda n: n.v % 7).v)


class Box:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Box([self.v, o.v])

    def __eq__(self, o):
        return isinstance(o, Box) and str(self.v) == str(o.v)

    def __hash__(self):
        return hash(str(self.v))

    def __repr__(self):
        return "Box(" + repr(self.v) + ")"

    def __lt__(self, o):
        return str(self.v) < str(o.v)


acc = Box(0)
for i in range(20):
    acc = acc + Box(i)
print(repr(acc)[:60])
d = {}
for i in range(100):
    d[Box(i % 10)] = d.get(Box(i % 10), 0) + 1
print(sorted(d.items())[:3], len(d))
boxes = [Box(str(i * 7 % 13)) for i in range(40)]
print(sorted(boxes)[:4], Box("3") in boxes, boxes.index(Box("5")))
print([Box(1), Box([2])], str([Box(x) for x in range(3)]))


def closures(n):
    out = []
    for i in range(n):
        obj = Node(i)
        out.append(lambda o=obj: o.v * 2)
    return out


print(sum([f() for f in closures(60)]))


class Wrapper:
    def __init__(self, items):
        self.items = items

    def __getitem__(self, i):
        return Node(self.items[i])

    def __len__(self):
        return len(self.items)


w = Wrapper(list(range(30)))
print(sum([n.v for n in w]), len(w), w[5].items)
