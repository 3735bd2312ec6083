# Pascal's triangle rows and binomial sums with big ints.
row = [1]
for n in range(1, 121):
    nxt = [1]
    for k in range(1, n):
        nxt.append(row[k - 1] + row[k])
    nxt.append(1)
    row = nxt
    if n <= 10:
        print(row)
print(len(row), max(row), sum(row) == 2 ** 120)
small = [1]
for n in range(15):
    line = ""
    for v in small:
        line += str(v % 2 and "#" or ".")
    print(" " * (15 - n) + line)
    nxt = [1]
    for k in range(1, len(small)):
        nxt.append(small[k - 1] + small[k])
    nxt.append(1)
    small = nxt
