# Globals read and written in hot loops, from module level and from functions.
counter = 0
total = 0
scale = 3

def tick(n):
    global counter
    counter += n
    return counter

def read_scale(x):
    return x * scale

for i in range(8000):
    t = tick(i % 4)
    total += read_scale(t % 100)
    if i % 1000 == 0:
        print(i, counter, total)
    if i == 5000:
        scale = 5
print("counter", counter, "total", total)

# A global written at module level inside the loop and read by a function.
limit = 10
def under(v):
    return v < limit

hits = 0
for i in range(6000):
    if under(i % 50):
        hits += 1
    if i % 1000 == 999:
        limit += 5
        print(i, limit, hits)
print("hits", hits)

# Two functions updating the same global in turn.
state = 1
def grow():
    global state
    state = state * 3 % 1000003

def shrink():
    global state
    state = state - state // 4

for i in range(7000):
    if i % 5 == 0:
        shrink()
    else:
        grow()
    if i % 1000 == 0:
        print(i, state)
print("state", state)
