# 'int' object is not subscriptable.
data = [10, 20, 30]
print(data[0], data[1])
nested = [[1, 2], 3, [4]]
for item in nested:
    print(item)
print(nested[0][1], nested[2][0])
n = data[2]
print(n)
print(nested[1][0])
