# sys.stdout.write goes through the same buffer as print; write returns the length.
import sys
from sys import stdout, stderr
n = sys.stdout.write("abc")
print("<-", n)
print(stdout.write("héllo wörld\n"))
stdout.write("no newline, ")
print("then print")
for i in range(5):
    sys.stdout.write(str(i))
    sys.stdout.write(" ")
sys.stdout.write("\n")
sys.stdout.writelines(["one\n", "two\n"])
print("to stdout", file=sys.stdout)
print(stderr.write("an error line\n"))
print("to stderr", 1, 2, file=sys.stderr)
sys.stderr.writelines(["e1\n", "e2\n"])
sys.stdout.flush()
print(sys.stdout.write(""))
print(sys.maxsize, sys.maxsize + 1, -sys.maxsize - 1)
print(sys.version_info[0], sys.version_info[:2] >= (3, 11), sys.version_info >= (3, 8))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.min, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.platform, sys.byteorder, sys.maxunicode)
