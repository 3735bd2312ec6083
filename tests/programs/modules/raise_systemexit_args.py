# SystemExit with several arguments: the args tuple is printed, status 1.
print("two args")
raise SystemExit(5, "five")
