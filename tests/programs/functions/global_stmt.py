# Module globals read and written from functions via the global statement.
counter = 0
log = []
def bump(n=1):
    global counter
    counter += n
    log.append(counter)
    return counter
def read_only():
    return counter * 10
for i in range(5):
    bump(i)
print(counter, log, read_only())
def reset():
    global counter, log
    counter = 0
    log = ["reset"]
reset()
print(counter, log)
def make_global():
    global created
    created = "I exist now"
make_global()
print(created)
def shadow():
    counter = 999
    return counter
print(shadow(), counter)
total = 0
def add_all(items):
    global total
    for x in items:
        total = total + x
add_all([1, 2, 3])
add_all(range(10))
print(total)
