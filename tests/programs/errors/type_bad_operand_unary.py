# bad operand type for unary -: 'str'.
x = 5
print(-x, +x, ~x)
y = -2.5
print(-y, +y, abs(y))
print(-True, not x, -(-x))
s = "five"
print(s, len(s))
print(s * 2)
print(-s)
