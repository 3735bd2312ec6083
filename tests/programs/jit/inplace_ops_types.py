# In-place | & ^ - on ints compile; the same loop then sees sets (guards fail, the
# interpreter takes over) and ints again.
def run(acc, items):
    for v in items:
        acc |= v
        acc ^= v
        acc -= v
        acc &= v
    return acc
print(run(0, list(range(100))))
print(run(255, [7] * 200))
print(run({1, 2, 3}, [{2, 3, 4}] * 60))
print(run(1000, list(range(50, 150))))
x = 0
y = 10.0
for i in range(300):
    x ^= i * 7
    y -= 0.25
    if i == 200:
        x = {1, 2}
    if i >= 200:
        x = 5
print(x, y)
