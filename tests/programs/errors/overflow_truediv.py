# Overflow in int / int true division when the result is too big.
print(10 ** 300 / 10)
print(10 ** 400 / 10 ** 100)
print((2 ** 2000) / (2 ** 1990))
print(1 / 10 ** 400)
small = 10 ** 400
print(small / small)
print(3 / 2, -7 / 2)
print(small // 10 ** 10 > 10 ** 300)
print((10 ** 400) / (10 ** 10))
print("unreachable")
