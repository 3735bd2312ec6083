class Stack:
    def __init__(self):
        self.items = []

    def pop(self):
        if not self.items:
            raise IndexError("pop from empty stack")
        return self.items.pop()


s = Stack()
s.items.append(1)
print(s.pop())
s.pop()
