# UnboundLocalError: a local used before assignment.
total = 5
def read_total():
    return total
def add(n):
    print("adding", n)
    total = total + n
    return total
print(read_total())
add(3)
