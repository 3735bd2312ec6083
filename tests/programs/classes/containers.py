# Container protocol: __len__, __getitem__, __setitem__, __delitem__, __contains__,
# slices, and truth through __bool__ / __len__.
class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = [0] * (w * h)

    def __len__(self):
        return self.w * self.h

    def __getitem__(self, pos):
        x, y = pos
        return self.cells[y * self.w + x]

    def __setitem__(self, pos, v):
        x, y = pos
        self.cells[y * self.w + x] = v

    def __delitem__(self, pos):
        x, y = pos
        self.cells[y * self.w + x] = 0

    def __contains__(self, v):
        return v in self.cells


g = Grid(3, 2)
g[1, 1] = 5
g[2, 0] = 7
g[0, 0] += 1
print(len(g), g[1, 1], g[2, 0], g[0, 0], 5 in g, 9 in g, 9 not in g)
del g[1, 1]
print(g.cells, bool(g), len(Grid(0, 5)), bool(Grid(0, 5)))


class Seq:
    def __init__(self, data):
        self.data = data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Seq(self.data[i])
        return self.data[i]

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            self.data[i] = v
        else:
            self.data[i] = v

    def __delitem__(self, i):
        del self.data[i]

    def __repr__(self):
        return f"Seq({self.data})"


s = Seq([10, 20, 30, 40, 50])
print(s[0], s[-1], s[1:3], s[::2], s[::-1], len(s))
s[1:3] = [1, 2, 3]
print(s)
del s[0]
del s[1:3]
print(s, 40 in s, 41 in s)  # `in` falls back to __getitem__ iteration
print(list(s), sorted(s), [x * 2 for x in s])
a, b, c = Seq([1, 2, 3])
print(a, b, c)


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v > 0


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class NoTruth:
    pass


for o in [Truthy(1), Truthy(-1), Sized(0), Sized(3), NoTruth()]:
    print(type(o).__name__, bool(o), not o, "yes" if o else "no", (o and 1) is o, (o or 2) is o)

n = 0
t = Truthy(5)
while t:
    t.v -= 1
    n += 1
print(n, all([Truthy(1), Sized(2)]), any([Truthy(0), Sized(0)]))


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __len__(self):
        return len(self.rows)


m = Matrix([[1, 2], [3, 4]])
tr = 0
for i in range(len(m)):
    tr += m[i, i]
print(tr, m[0, 1] + m[1, 0])
