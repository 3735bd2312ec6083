# A small ray tracer: vector and sphere classes, diffuse + specular shading,
# shadows and one reflection bounce. Prints an ASCII rendering and a checksum.
import math


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

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def norm(self):
        n = self.length()
        return Vec(self.x / n, self.y / n, self.z / n)

    def __repr__(self):
        return "Vec(%.3f, %.3f, %.3f)" % (self.x, self.y, self.z)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.norm()

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, reflect):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.reflect = reflect


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        s = math.sqrt(disc)
        t = -b - s
        if t > 1e-6:
            return t
        t = -b + s
        if t > 1e-6:
            return t
        return None

    def normal_at(self, p):
        return (p - self.center).norm()


class Plane(Sphere):
    def __init__(self, y, material):
        self.y = y
        self.material = material

    def intersect(self, ray):
        if abs(ray.direction.y) < 1e-9:
            return None
        t = (self.y - ray.origin.y) / ray.direction.y
        return t if t > 1e-6 else None

    def normal_at(self, p):
        return Vec(0.0, 1.0, 0.0)


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []

    def add(self, obj):
        self.objects.append(obj)
        return self

    def nearest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t, best = t, obj
        return best, best_t

    def shade(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return 0.05 + 0.1 * max(0.0, ray.direction.y)
        p = ray.at(t)
        n = obj.normal_at(p)
        m = obj.material
        total = 0.08 * m.color
        for light, power in self.lights:
            to_light = light - p
            dist = to_light.length()
            ldir = to_light.norm()
            shadow_obj, st = self.nearest(Ray(p, ldir))
            if shadow_obj is not None and st < dist:
                continue
            lam = max(0.0, n.dot(ldir))
            total += power * m.diffuse * lam * m.color
            refl = n * (2 * n.dot(ldir)) - ldir
            spec = max(0.0, refl.dot(ray.direction * -1.0))
            total += power * m.specular * spec ** 20
        if depth > 0 and m.reflect > 0:
            r = ray.direction - n * (2 * ray.direction.dot(n))
            total += m.reflect * self.shade(Ray(p, r), depth - 1)
        return total


def render(scene, width, height):
    eye = Vec(0.0, 1.0, -4.0)
    shades = " .:-=+*#%@"
    rows = []
    checksum = 0.0
    for j in range(height):
        row = []
        for i in range(width):
            x = (i - width / 2) / width * 2.0
            y = (height / 2 - j) / height * 1.5 + 1.0
            ray = Ray(eye, Vec(x, y, 0.0) - eye + Vec(0.0, 0.0, 0.0))
            v = scene.shade(ray, 2)
            checksum += v * (i + 1) * (j + 1)
            k = int(min(0.999, max(0.0, v)) * len(shades))
            row.append(shades[k])
        rows.append("".join(row))
    return rows, checksum


scene = Scene()
scene.add(Sphere(Vec(0.0, 1.0, 3.0), 1.0, Material(0.9, 0.7, 0.5, 0.3)))
scene.add(Sphere(Vec(-2.0, 0.6, 4.0), 0.6, Material(0.6, 0.9, 0.2, 0.0)))
scene.add(Sphere(Vec(1.8, 0.5, 2.2), 0.5, Material(0.8, 0.5, 0.9, 0.5)))
scene.add(Plane(0.0, Material(0.5, 0.8, 0.0, 0.2)))
scene.lights.append((Vec(-3.0, 5.0, -2.0), 0.8))
scene.lights.append((Vec(4.0, 3.0, 0.0), 0.4))

rows, checksum = render(scene, 64, 28)
for r in rows:
    print(r.rstrip())
print("checksum %.6f" % checksum)
print(Vec(1, 2, 3) + Vec(0.5, 0.5, 0.5), (Vec(3, 4, 0)).length())
