# TypeError when a value in a hot loop becomes None after thousands of
# iterations (a guard on the type would fail at the same point).
def next_value(i):
    if i == 3500:
        return None
    return i * 2

acc = 0
for i in range(5000):
    v = next_value(i)
    acc = acc + v
    if i % 500 == 0 or i > 3497:
        print(i, v, acc)
print("unreachable", acc)
