print(str.upper("a"))
print(str.upper(1))
