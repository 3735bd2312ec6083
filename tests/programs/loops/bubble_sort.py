# Bubble sort and insertion sort on pseudo-random data.
def lcg_list(n, seed):
    out = []
    x = seed
    for i in range(n):
        x = (x * 214013 + 2531011) % 4294967296
        out.append((x >> 16) % 1000 - 500)
    return out
def bubble(a):
    a = a[:]
    n = len(a)
    swaps = 0
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swaps += 1
                swapped = True
        if not swapped:
            break
    return a, swaps
def insertion(a):
    a = a[:]
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
data = lcg_list(200, 42)
print(data[:10])
s1, swaps = bubble(data)
s2 = insertion(data)
print(s1[:10], s1[-10:], swaps)
print(s1 == s2, s1 == sorted(data), data[:3])
