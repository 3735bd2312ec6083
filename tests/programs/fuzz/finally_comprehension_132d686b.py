import math
def phase18(n):
    for i20 in range(n):
        print(0)
        try:
            n19 = int('')
        except (IndexError, KeyError) as e:
            continue
        finally:
            f5 = math.sin(sum([0 for e24 in [0]]))
print(phase18(1))
