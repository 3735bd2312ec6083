# Passing assert statements with and without messages.
def check_sorted(seq):
    for i in range(len(seq) - 1):
        assert seq[i] <= seq[i + 1], "out of order at " + str(i)
    return True
print(check_sorted([1, 2, 3]), check_sorted([]), check_sorted(["a", "b"]))
x = 5
assert x == 5
assert x > 0, "positive"
assert [1], "non-empty list"
assert "s"
assert not None
total = 0
for i in range(10):
    total += i
    assert total >= i
print("total", total)
assert total == 45, f"expected 45 got {total}"
print("all asserts passed")
