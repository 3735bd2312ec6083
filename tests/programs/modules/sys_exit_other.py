# A non-int, non-str code is printed with str() to stderr; status 1.
import sys
sys.exit([1, 2, "three"])
