from sys import argv
print(len(argv))
from sys import nosuch
