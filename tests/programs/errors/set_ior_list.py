s = {1}
s |= {2}
print(s)
s |= [3]
