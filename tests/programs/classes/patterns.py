class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(rows)
        self.m = len(rows[0]) if rows else 0

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __matmul__(self, o):
        return Matrix([[sum([self.rows[i][k] * o.rows[k][j] for k in range(self.m)]) for j in range(o.m)] for i in range(self.n)])

    def __mul__(self, k):
        return Matrix([[x * k for x in r] for r in self.rows])

    __rmul__ = __mul__

    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __setitem__(self, ij, v):
        i, j = ij
        self.rows[i][j] = v

    def __iter__(self):
        for r in self.rows:
            pass
        return iter(self.rows)

    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"

    def __len__(self):
        return self.n

    def transpose(self):
        return Matrix([[self.rows[i][j] for i in range(self.n)] for j in range(self.m)])


a = Matrix([[1, 2], [3, 4]])
b = Matrix.identity(2)
print(a @ b == a, a @ a, 2 * a, a * 3, a.transpose(), len(a), list(a))
a[0, 1] = 9
print(a[0, 1], a)
p = Matrix.identity(3)
for _ in range(5):
    p = p @ Matrix([[1, 1, 0], [0, 1, 1], [1, 0, 1]])
print(p)


class Visitor:
    def visit(self, node):
        meth = getattr(self, "visit_" + type(node).__name__, self.generic)
        return meth(node)

    def generic(self, node):
        return "?"


class Num:
    def __init__(self, v): self.v = v
class Add:
    def __init__(self, a, b): self.a, self.b = a, b
class Neg:
    def __init__(self, x): self.x = x


class Evaluator(Visitor):
    def visit_Num(self, n): return n.v
    def visit_Add(self, n): return self.visit(n.a) + self.visit(n.b)
    def visit_Neg(self, n): return -self.visit(n.x)


class Printer(Visitor):
    def visit_Num(self, n): return str(n.v)
    def visit_Add(self, n): return "(" + self.visit(n.a) + " + " + self.visit(n.b) + ")"


t = Add(Num(1), Neg(Add(Num(2), Num(3))))
print(Evaluator().visit(t), Printer().visit(t))


class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
        return self
    def pop(self):
        return self._items.pop()
    def __bool__(self):
        return bool(self._items)
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return f"Stack({self._items})"

s = Stack().push(1).push(2).push(3)
out = []
while s:
    out.append(s.pop())
print(out, s, len(s))
