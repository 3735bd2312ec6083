text = "hello"
print(text.index("l"))
print(text.index("z"))
