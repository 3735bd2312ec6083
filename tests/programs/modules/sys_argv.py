# sys.argv holds the script path as given on the command line.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0])
print(sys.argv[0].endswith(".py"))
print(__name__)
if __name__ == "__main__":
    print("running as main")
args = sys.argv[1:]
print(args, len(args))
sys.argv.append("extra")
import sys as again
print(again.argv, again is sys)
