try:
    x = list(range(10**12))
except MemoryError:
    print("MemoryError caught")
x = [0] * 10**13
