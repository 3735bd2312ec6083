# setrecursionlimit / getrecursionlimit change how deep Python calls may go.
import sys


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


print(sys.getrecursionlimit())
print(depth(900))
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
print(depth(4900))
sys.setrecursionlimit(100)
print(sys.getrecursionlimit(), depth(98))
sys.setrecursionlimit(1000)
total = 0
for i in range(300):
    total += depth(i % 50)
print(total)
