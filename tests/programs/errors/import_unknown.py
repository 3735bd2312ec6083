import math
print("before")
import nosuchmodule
print("after")
