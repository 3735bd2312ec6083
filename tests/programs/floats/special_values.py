# inf, -inf, nan and -0.0 behaviour.
inf = float("inf")
ninf = float("-inf")
nan = float("nan")
print(inf, ninf, nan, -inf, repr(inf), str(nan))
print(inf + 1, inf * 2, inf - inf, inf * 0, -inf * -1, 1 / inf, -1 / inf)
print(inf > 10 ** 400, ninf < -(10 ** 400), inf == inf, nan == nan, nan != nan)
print(nan < 1, nan > 1, nan == 1, inf > 1e308, max(1.0, inf), min(1.0, ninf))
print(float("Infinity"), float("-INF"), float("  nan  "), float("+inf"))
z = -0.0
print(z, z == 0.0, 0.0 == -0.0, z + 0.0, z * 1, -z, abs(z), 0.0 * -1)
print(repr(-0.0 * 5), 1.0 % inf, -1.0 % inf, str(-0.0 - 0.0))
print([inf, ninf, nan], (nan,), {"k": inf})
print(round(2.5), round(-0.4), round(-0.5), -0.0 < 0.0)
print(1e308 * 10, -1e308 * 10, 1e-320, 5e-324 / 2, 2.0 ** 1023 * 2)
print(type(inf), isinstance(nan, float), inf / inf)
big = 1.0
n = 0
while big != inf:
    big = big * 16
    n = n + 1
print(n, big)
