print("{0}{1}".format(1, 2))
print("{0}{}".format(1, 2))
