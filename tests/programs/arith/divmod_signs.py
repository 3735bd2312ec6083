# divmod with ints and floats of every sign, checking the invariant.
nums = [17, -17, 5, -5, 0, 1, -1, 2 ** 65, -(2 ** 65)]
dens = [5, -5, 3, -3, 1, -1, 2 ** 33]
for n in nums:
    for d in dens:
        q, r = divmod(n, d)
        ok = q * d + r == n
        print(n, d, q, r, ok)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(-7.5, -2))
print(divmod(1, 0.25), divmod(0.0, 3), divmod(-0.0, 3), divmod(5, 2.5))
