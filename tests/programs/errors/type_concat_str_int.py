# can only concatenate str (not "int") to str.
name = "tvm"
version = 3
print("name: " + name)
print("version: " + str(version))
print("repeat: " + name * version)
print(f"f-string: {name} {version}")
print("percent: %s %d" % (name, version))
parts = [name, str(version)]
print("-".join(parts))
print("full: " + name + version)
