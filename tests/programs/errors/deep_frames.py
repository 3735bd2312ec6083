# An error raised four calls deep: the traceback lists every frame.
def level4(x):
    print("level4", x)
    return x[10]
def level3(x):
    print("level3")
    return level4(x) + 1
def level2(x):
    print("level2")
    y = level3(x)
    return y
def level1():
    print("level1")
    return level2([1, 2, 3])
level1()
