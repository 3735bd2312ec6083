# Classes: __init__, methods, instance and class attributes.
class Counter:
    created = 0
    step = 1

    def __init__(self, start):
        self.value = start
        Counter.created += 1

    def bump(self):
        self.value += self.step
        return self.value

    def bump_by(self, n):
        for _ in range(n):
            self.bump()
        return self


a = Counter(10)
b = Counter(100)
print(a.value, b.value, Counter.created)
print(a.bump(), a.bump(), b.bump())
print(a.bump_by(3).value)
b.step = 10  # instance attribute shadows the class attribute
print(b.bump(), a.bump(), Counter.step, b.step)
Counter.step = 2  # visible through instances without their own `step`
print(a.bump(), b.bump())
print(type(a).__name__, type(a) is Counter, a.__class__ is Counter)


class Empty:
    pass


e = Empty()
e.x = 1
e.y = [1, 2]
e.y.append(3)
e.x += 41
print(e.x, e.y)


class Pair:
    def __init__(self, first, second=None):
        self.first = first
        self.second = second if second is not None else first

    def swap(self):
        self.first, self.second = self.second, self.first
        return self

    def total(self):
        return self.first + self.second


p = Pair(1, 2)
print(p.first, p.second, p.swap().first, p.total())
q = Pair("x")
print(q.first, q.second, q.total())
print(Pair(second=5, first=6).total())

# Methods are functions looked up on the class.
f = Pair.total
print(f(p), Pair.total(q))
m = p.total
print(m(), m.__self__ is p, m.__func__ is Pair.total)


class Node:
    def __init__(self, name, children=None):
        self.name = name
        self.children = children or []

    def walk(self, depth=0):
        out = ["  " * depth + self.name]
        for c in self.children:
            out.extend(c.walk(depth + 1))
        return out


tree = Node("root", [Node("a", [Node("a1"), Node("a2")]), Node("b")])
print("\n".join(tree.walk()))
