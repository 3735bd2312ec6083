# The exit status keeps the low 8 bits of the code, like C's exit().
import sys
print("exit 258")
sys.exit(258)
