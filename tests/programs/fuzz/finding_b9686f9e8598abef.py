f5 = 1e300
M9 = [(f5 ** 2) for e18 in [0]]
