# Unbounded recursion reached through two ordinary frames first.
def walk(node, depth):
    if depth % 250 == 0:
        print("walking at depth", depth)
    return 1 + walk(node + 1, depth + 1)
def start(label):
    print("start", label)
    return walk(0, 1)
def main():
    print("main")
    total = start("tree")
    print("never", total)
main()
