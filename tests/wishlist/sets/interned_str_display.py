# A set display of constant strs: CPython re-creates the frozenset constant when
# one of the strs was already interned (here "value" and "name", which CPython
# interns at startup), which can change the iteration order.
print({"cherry", "banana", "value", "name"})
