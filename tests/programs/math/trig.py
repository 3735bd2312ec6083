# math.sin, cos, atan2 printed both with repr and rounded.
import math
angles = [0, 30, 45, 60, 90, 120, 180, 270, 360, -45]
for deg in angles:
    rad = deg * math.pi / 180
    s = math.sin(rad)
    c = math.cos(rad)
    print(deg, "%.6f %.6f %.6f" % (rad, s, c), round(s * s + c * c, 12))
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.cos(math.pi))
print(math.sin(1), math.cos(1), math.sin(-2.5), math.cos(100))
for y, x in [(1, 1), (1, -1), (-1, -1), (-1, 1), (0, -1), (0, 1), (1, 0), (-1, 0), (0, 0)]:
    a = math.atan2(y, x)
    print(y, x, a, f"{a * 180 / math.pi:.1f}")
print(math.atan2(0.0, -0.0), math.atan2(-0.0, -1.0), math.atan2(math.inf, math.inf))
x = 0.0
steps = 0
while steps < 8:
    x = math.cos(x)
    steps += 1
    print(steps, f"{x:.12f}")
