# sys.exit() with no argument (or None) exits with status 0, no traceback.
import sys
total = 0
for i in range(100):
    total += i
    if total > 1000:
        print("stopping at", i, total)
        sys.exit()
print("not reached")
