l = list(range(10))
print(l[1:9:3], l[9:1:-3], l[::-3], l[-3::-1], l[100::-1], l[:-100:-1], l[::2], l[1::2])
l[::2] = "abcde"
print(l)
l = list(range(10))
l[8:2:-2] = [0, 0, 0]
print(l)
l = list(range(10))
l[2:5] = ["x"]
print(l)
l[1:3] = []
print(l)
l[len(l):] = [97, 98]
print(l)
l[:0] = (7,)
print(l)
l[3:1] = ["q"]
print(l)
l[-2:] = range(3)
print(l)
l[:] = l[::-1]
print(l)
l[2:2] = l
print(l)
l = list(range(10))
del l[::3]
print(l)
del l[-2:]
print(l)
del l[10:]
print(l)
del l[::-2]
print(l)
del l[:]
print(l)
t = tuple(range(8))
print(t[::3], t[-2:], t[5:1:-1], "abcdefgh"[::-3], range(20)[3:15:4], list(range(20)[::-5]))
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, [row[1] for row in grid], grid[::-1], [row[::-1] for row in grid])
