# Augmented assignment with every operator on names, list items and dict values.
x = 100
x += 5
print(x)
x -= 20
print(x)
x *= 3
print(x)
x //= 7
print(x)
x %= 10
print(x)
x **= 5
print(x)
x <<= 70
print(x)
x >>= 66
print(x)
x &= 0xfff
print(x)
x |= 0x10000
print(x)
x ^= 0x1ffff
print(x)
x /= 4
print(x)
f = 2.5
f *= 4
f -= 0.5
f **= 2
f //= 7
f %= 3
print(f)
lst = [1, 2, 3, 4]
lst[0] += 10
lst[1] *= 5
lst[-1] **= 3
lst[2] -= 9
lst[1] //= 3
print(lst)
d = {"a": 1, "b": 2}
d["a"] += 100
d["b"] <<= 4
d["b"] ^= 1
print(d)
s = "ab"
s += "cd"
s *= 3
print(s)
t = (1, 2)
t += (3,)
t *= 2
print(t)
l2 = [1]
alias = l2
l2 += [2, 3]
l2 *= 2
print(l2, alias, alias == l2)
n = -7
n //= 2
print(n)
n %= -3
print(n)
