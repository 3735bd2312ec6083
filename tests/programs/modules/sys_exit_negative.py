# sys.exit(-1) exits with status 255.
import sys
sys.stdout.write("negative\n")
sys.exit(-1)
