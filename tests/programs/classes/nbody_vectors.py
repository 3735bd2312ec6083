# A small n-body simulation with a vector class: hot loops over instances,
# attribute reads and writes, operator methods.
class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def __repr__(self):
        return "Vec(%.6f, %.6f, %.6f)" % (self.x, self.y, self.z)


class Body:
    def __init__(self, pos, vel, mass):
        self.pos = pos
        self.vel = vel
        self.mass = mass

    def kinetic(self):
        return 0.5 * self.mass * self.vel.dot(self.vel)


def energy(bodies):
    e = 0.0
    for i in range(len(bodies)):
        b = bodies[i]
        e += b.kinetic()
        for j in range(i + 1, len(bodies)):
            d = b.pos - bodies[j].pos
            e -= b.mass * bodies[j].mass / d.dot(d) ** 0.5
    return e


def advance(bodies, dt, steps):
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            bi = bodies[i]
            for j in range(i + 1, n):
                bj = bodies[j]
                d = bi.pos - bj.pos
                dist2 = d.dot(d)
                mag = dt / (dist2 * dist2 ** 0.5)
                bi.vel = bi.vel - d * (bj.mass * mag)
                bj.vel = bj.vel + d * (bi.mass * mag)
        for b in bodies:
            b.pos = b.pos + dt * b.vel


bodies = [
    Body(Vec(0.0, 0.0, 0.0), Vec(0.0, 0.0, 0.0), 40.0),
    Body(Vec(4.8, -1.1, -0.1), Vec(0.6, 2.8, -0.02), 0.04),
    Body(Vec(8.3, 4.1, -0.4), Vec(-1.0, 1.8, 0.008), 0.01),
    Body(Vec(12.9, -15.1, -0.2), Vec(1.1, 0.87, -0.01), 0.0017),
]
print("%.9f" % energy(bodies))
advance(bodies, 0.01, 60)
print("%.9f" % energy(bodies))
for b in bodies:
    print(b.pos)
