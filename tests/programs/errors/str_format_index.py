print("{} and {}".format("a", "b"))
print("{} and {}".format("a"))
