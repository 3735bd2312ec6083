# return outside of a function.
print("never printed")
def ok():
    return 1
total = 0
for i in range(3):
    total += ok()
print(total)
return total
print("after")
