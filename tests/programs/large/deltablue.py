# A small DeltaBlue-like incremental constraint solver: variables with
# walkabout strengths, equality / scale / stay / edit constraints, and plan
# execution over chains and projections.

REQUIRED, STRONG, PREFERRED, NORMAL, WEAK, WEAKEST = 0, 1, 2, 3, 4, 5
NAMES = ["required", "strong", "preferred", "normal", "weak", "weakest"]


def stronger(a, b):
    return a < b


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.walk_strength = WEAKEST
        self.stay = True
        self.mark = 0

    def __repr__(self):
        return "%s=%s" % (self.name, self.value)


class Constraint:
    def __init__(self, strength):
        self.strength = strength

    def add(self, planner):
        for v in self.inputs() + self.outputs_all():
            v.constraints.append(self)
        planner.incremental_add(self)

    def is_input(self):
        return False


class Stay(Constraint):
    def __init__(self, v, strength, planner):
        Constraint.__init__(self, strength)
        self.v = v
        self.satisfied = False
        self.add(planner)

    def inputs(self):
        return []

    def outputs_all(self):
        return [self.v]

    def choose(self, mark):
        self.satisfied = self.v.mark != mark and stronger(self.strength, self.v.walk_strength)
        return self.v if self.satisfied else None

    def execute(self):
        pass

    def recalculate(self):
        self.v.walk_strength = self.strength
        self.v.stay = True


class Edit(Stay):
    def is_input(self):
        return True


class Equal(Constraint):
    def __init__(self, a, b, strength, planner):
        Constraint.__init__(self, strength)
        self.a = a
        self.b = b
        self.out = None
        self.add(planner)

    def inputs(self):
        return []

    def outputs_all(self):
        return [self.a, self.b]

    def choose(self, mark):
        a, b = self.a, self.b
        if a.mark == mark:
            self.out = b if b.mark != mark and stronger(self.strength, b.walk_strength) else None
        elif b.mark == mark:
            self.out = a if stronger(self.strength, a.walk_strength) else None
        elif a.walk_strength > b.walk_strength:
            self.out = a if stronger(self.strength, a.walk_strength) else None
        else:
            self.out = b if stronger(self.strength, b.walk_strength) else None
        return self.out

    def source(self):
        return self.b if self.out is self.a else self.a

    def execute(self):
        self.out.value = self.transform(self.source().value)

    def transform(self, x):
        return x

    def recalculate(self):
        src = self.source()
        self.out.walk_strength = max(self.strength, src.walk_strength)
        self.out.stay = src.stay
        if self.out.stay:
            self.execute()


class Scale(Equal):
    def __init__(self, a, b, factor, offset, strength, planner):
        self.factor = factor
        self.offset = offset
        Equal.__init__(self, a, b, strength, planner)

    def execute(self):
        if self.out is self.b:
            self.b.value = self.a.value * self.factor + self.offset
        else:
            self.a.value = (self.b.value - self.offset) // self.factor


class Planner:
    def __init__(self):
        self.mark = 0
        self.constraints = []

    def incremental_add(self, c):
        self.constraints.append(c)
        self.solve()

    def solve(self):
        for v in self.all_vars():
            v.walk_strength = WEAKEST
            v.determined_by = None
        order = sorted(range(len(self.constraints)), key=lambda i: (self.constraints[i].strength, i))
        self.mark += 1
        plan = []
        for i in order:
            c = self.constraints[i]
            out = c.choose(self.mark)
            if out is not None:
                out.mark = self.mark
                out.determined_by = c
                plan.append(c)
        for c in plan:
            c.recalculate()
        self.plan = plan
        return plan

    def all_vars(self):
        seen = {}
        for c in self.constraints:
            for v in c.inputs() + c.outputs_all():
                seen[v.name] = v
        return [seen[k] for k in sorted(seen)]

    def run(self):
        for c in self.plan:
            c.execute()


def chain_test(n):
    planner = Planner()
    vars_ = [Variable("v%03d" % i) for i in range(n + 1)]
    for i in range(n):
        Equal(vars_[i], vars_[i + 1], REQUIRED, planner)
    Stay(vars_[-1], STRONG, planner)
    edit = Edit(vars_[0], PREFERRED, planner)
    planner.solve()
    results = []
    for val in range(1, 8):
        vars_[0].value = val * 7
        planner.run()
        results.append(vars_[-1].value)
    return results, len(planner.plan)


def projection_test(n):
    planner = Planner()
    src = [Variable("s%02d" % i, i) for i in range(n)]
    dst = [Variable("d%02d" % i, i) for i in range(n)]
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    for i in range(n):
        Stay(src[i], NORMAL, planner)
        Scale(src[i], dst[i], 10, 1000, REQUIRED, planner)
    planner.solve()
    planner.run()
    total = sum(d.value for d in dst)
    for i in range(n):
        src[i].value = i * 3
    planner.run()
    return total, sum(d.value for d in dst), dst[:3]


print(chain_test(20))
print(chain_test(60))
print(projection_test(15))
print([NAMES[s] for s in (REQUIRED, WEAKEST)])
