class Money:
    def __init__(self, c):
        self.c = c

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.c + other.c)
        return NotImplemented


print((Money(1) + Money(2)).c)
total = Money(1) + 5
