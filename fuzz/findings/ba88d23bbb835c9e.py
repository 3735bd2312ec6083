a1 = 0
n3 = 0
n4 = True
f5 = 1e16
b6 = False
s7 = ''
L8 = [0]
M9 = [0]
D10 = {0: 0, 0: 0, 0: 0, 0: 0}
def gen17(n, p):
    try:
        (yield n)
    except Exception as e:
        pass
    finally:
        D10[0] += len(D10)
a2 = next(gen17(0, 0), 0)
print(a1, a2, n3, n4, f5, b6, s7, L8, M9, D10)
