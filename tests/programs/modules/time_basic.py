# time: clocks move forward, sleep sleeps; nothing timing-dependent is printed.
import time
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
c0 = time.process_time()
n0 = time.perf_counter_ns()
time.sleep(0.02)
time.sleep(0)
acc = 0
for i in range(20000):
    acc += i * i
t1 = time.time()
p1 = time.perf_counter()
m1 = time.monotonic()
c1 = time.process_time()
n1 = time.perf_counter_ns()
print(acc)
print(t1 >= t0, t0 > 1.6e9, p1 - p0 >= 0.02, m1 - m0 >= 0.02, c1 >= c0, n1 - n0 >= 20000000)
print(type(t0).__name__, type(n0).__name__, type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__)
print(abs(time.time_ns() / 1e9 - time.time()) < 5)
