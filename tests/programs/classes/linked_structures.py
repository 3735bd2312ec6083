# Linked list and binary search tree with recursion.
class ListNode:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next


class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0

    def push(self, v):
        self.head = ListNode(v, self.head)
        self.size += 1

    def __iter__(self):
        return LinkedIter(self.head)

    def __len__(self):
        return self.size

    def reverse(self):
        prev = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev

    def __repr__(self):
        return " -> ".join([str(v) for v in self]) or "<empty>"


class LinkedIter:
    def __init__(self, node):
        self.node = node

    def __iter__(self):
        return self

    def __next__(self):
        if self.node is None:
            raise StopIteration
        v = self.node.val
        self.node = self.node.next
        return v


ll = LinkedList()
print(ll, len(ll))
for i in range(8):
    ll.push(i * i)
print(ll, len(ll), sum(ll))
ll.reverse()
print(ll, max(ll), 49 in ll)


class Tree:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None

    def insert(self, key):
        if key < self.key:
            if self.left is None:
                self.left = Tree(key)
            else:
                self.left.insert(key)
        elif key > self.key:
            if self.right is None:
                self.right = Tree(key)
            else:
                self.right.insert(key)

    def inorder(self, out):
        if self.left:
            self.left.inorder(out)
        out.append(self.key)
        if self.right:
            self.right.inorder(out)
        return out

    def height(self):
        lh = self.left.height() if self.left else 0
        rh = self.right.height() if self.right else 0
        return 1 + max(lh, rh)

    def __contains__(self, key):
        node = self
        while node is not None:
            if key == node.key:
                return True
            node = node.left if key < node.key else node.right
        return False


keys = [(i * 37) % 101 for i in range(60)]
root = Tree(50)
for k in keys:
    root.insert(k)
print(root.inorder([])[:15], root.height())
print(sum([1 for k in range(101) if k in root]), 37 in root, 200 in root)


# A deep recursive structure: a chain 500 nodes long.
def build(n):
    if n == 0:
        return None
    return ListNode(n, build(n - 1))


def length(node):
    return 0 if node is None else 1 + length(node.next)


chain = build(500)
print(length(chain), chain.val, chain.next.next.val)


# Expression trees with polymorphic eval.
class Num:
    def __init__(self, v):
        self.v = v

    def eval(self):
        return self.v

    def __repr__(self):
        return str(self.v)


class BinOp:
    def __init__(self, op, l, r):
        self.op = op
        self.l = l
        self.r = r

    def eval(self):
        a, b = self.l.eval(), self.r.eval()
        if self.op == "+":
            return a + b
        if self.op == "*":
            return a * b
        return a - b

    def __repr__(self):
        return f"({self.l!r} {self.op} {self.r!r})"


e = BinOp("+", Num(2), BinOp("*", Num(3), BinOp("-", Num(10), Num(4))))
print(e, "=", e.eval())
acc = Num(0)
for i in range(1, 40):
    acc = BinOp("+" if i % 3 else "-", acc, Num(i))
print(acc.eval())
