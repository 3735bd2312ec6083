# Integer true division by zero after some output.
values = [10, 5, 2, 1]
for v in values:
    print(v, 100 / v)
d = 3
while d > 0:
    d -= 1
    print("d is now", d)
print("about to divide by", d)
print(100 / d)
print("not reached")
