import sys


def f():
    sys.setrecursionlimit(3)


f()
