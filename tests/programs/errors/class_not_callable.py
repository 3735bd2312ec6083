class Thing:
    pass


t = Thing()
print(callable(t))
t()
