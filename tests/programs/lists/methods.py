# append, pop, insert, extend, index, reverse.
a = []
for i in range(6):
    a.append(i * i)
    print(a)
print(a.pop(), a)
print(a.pop(0), a)
print(a.pop(-2), a)
print(a.pop(1), a)
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before-last")
a.insert(-100, "very-first")
a.insert(2, 2.5)
print(a)
a.extend([7, 8])
a.extend((9,))
a.extend("ab")
a.extend(range(2))
a.extend([])
print(a)
print(a.index("first"), a.index(7), a.index("a"), a.index(0), a.index(0, 6))
a.reverse()
print(a)
b = [3, 1, 2]
r = b.append(4)
print(r, b.reverse(), b, b.insert(0, 0), b)
stack = []
for ch in "((a)(b(c)))":
    if ch == "(":
        stack.append(len(stack))
    elif ch == ")":
        print("close", stack.pop(), stack)
print(stack, len(stack) == 0)
queue = [1, 2, 3]
while queue:
    x = queue.pop(0)
    if x < 10:
        queue.append(x * 4)
    print(x, queue)
