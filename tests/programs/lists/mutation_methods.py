a = [3, 1, 2]
a.append(4)
a.insert(0, 9)
a.insert(-1, 8)
a.insert(100, 7)
a.insert(-100, 6)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.extend(range(3))
a.extend("ab")
a.extend((1,))
a.extend({5: 0})
print(a)
b = [1, 2, 3, 2, 1]
print(b.index(2), b.index(2, 2), b.index(1, -1), b.index(3, 0, 3), b.index(1, -100, 100))
print(b.count(1), b.count(5), [[1], [1]].count([1]), [1, 1.0, True].count(1))
b.remove(2)
print(b)
b.reverse()
print(b)
c = b.copy()
c.append(0)
print(b, c, c is b)
c.clear()
print(c, len(c))
l = [1, 2]
l *= 3
print(l)
l *= 0
print(l)
l = [1]
l += (2, 3)
l += "ab"
l += range(2)
l += {9: 1}
print(l)
m = [0]
alias = m
m += [1]
m *= 2
print(m, alias, m is alias)
print([1, 2] * 2, 2 * [0], [] * 5, [1] * -1, [[0] * 2] * 2)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [] < [0], [1, "a"] == [1, "a"])
print([1, [2, 3]] < [1, [2, 4]], [1.0] == [1])
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print(stack.pop(), end=" ")
print()
q = list(range(5))
for _ in range(3):
    q.insert(len(q) // 2, q.pop(0))
    print(q)
while q:
    q.pop(0)
print(q)
