# sys.exit(True) is sys.exit(1); sys.exit(False) would be 0.
import sys
print("bool")
sys.exit(True)
