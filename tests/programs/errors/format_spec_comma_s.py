print(format(1234, ","))
print(format("abc", ",s"))
