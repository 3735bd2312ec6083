# sys.exit(n): the exit status is n; output printed before is flushed.
import sys


def finish(code):
    print("finishing with", code)
    sys.exit(code)
    print("never printed")


for i in range(3):
    print("step", i)
finish(3)
print("never printed either")
