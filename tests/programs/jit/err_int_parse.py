# ValueError from int() on a bad token after thousands of good ones.
tokens = []
for i in range(8000):
    tokens.append(str(i * 3) if i != 6000 else "12x")
print(len(tokens), tokens[5999], tokens[6000], tokens[6001])

total = 0
count = 0
for t in tokens:
    total += int(t) + int(t[-1])
    count += 1
    if count % 1000 == 0:
        print(count, total)
print("unreachable", total)
