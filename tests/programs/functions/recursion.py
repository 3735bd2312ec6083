# Recursion: fibonacci, ackermann (small), power set sizes, hanoi.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
for i in range(20):
    print(i, fib(i))
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
for m in range(3):
    for n in range(4):
        print("ack", m, n, ack(m, n))
print("ack 3 3", ack(3, 3))
moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src)
hanoi(4, "A", "C", "B")
print(len(moves), moves)
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(500))
def gcd(a, b):
    if b == 0:
        return a
    return gcd(b, a % b)
print(gcd(1071, 462), gcd(2 ** 64, 6 ** 20), gcd(17, 5))
