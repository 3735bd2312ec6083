import sys
sys.stdout.write("ok\n")
sys.stdout.write(42)
