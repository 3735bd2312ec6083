def phase21(n):
    a24 = a2
print(phase21(0))
