# A missing colon after an if condition: nothing runs, not even the first print.
print("this line never runs")
def f(x):
    return x + 1
values = [1, 2, 3]
total = 0
for v in values:
    total += f(v)
if total > 5
    print("big")
print(total)
