# A Richards-like operating-system scheduler simulation: task control blocks,
# packets, a work queue, and device/handler/idle/worker tasks as subclasses.

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
K_DEV, K_WORK = 1000, 1001
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst


class Task:
    def __init__(self, sched, ident, prio, wkq, state):
        self.sched = sched
        self.ident = ident
        self.prio = prio
        self.wkq = wkq
        self.packet_pending = state[0]
        self.waiting = state[1]
        self.held = state[2]
        self.link = sched.task_list
        sched.task_list = self
        sched.table[ident] = self

    def is_held_or_waiting(self):
        return self.held or (not self.packet_pending and self.waiting)

    def add_packet(self, pkt, old):
        if self.wkq is None:
            self.wkq = pkt
            self.packet_pending = True
            if self.prio > old.prio:
                return self
        else:
            self.wkq = pkt.append_to(self.wkq)
        return old

    def run_task(self):
        if self.waiting and self.packet_pending:
            msg = self.wkq
            self.wkq = msg.link
            self.packet_pending = self.wkq is not None
            self.waiting = False
        else:
            msg = None
        return self.fn(msg)


class IdleTask(Task):
    def __init__(self, sched, ident, prio, count):
        Task.__init__(self, sched, ident, prio, None, (False, False, False))
        self.control = 1
        self.count = count

    def fn(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.sched.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class DeviceTask(Task):
    def __init__(self, sched, ident, prio, wkq):
        Task.__init__(self, sched, ident, prio, wkq, (False, True, False))
        self.pending = None

    def fn(self, pkt):
        if pkt is None:
            if self.pending is None:
                return self.sched.wait()
            v = self.pending
            self.pending = None
            return self.sched.queue_packet(v)
        self.pending = pkt
        self.sched.hold_count += 0
        return self.sched.hold_self()


class HandlerTask(Task):
    def __init__(self, sched, ident, prio, wkq):
        Task.__init__(self, sched, ident, prio, wkq, (True, True, False))
        self.work_in = None
        self.device_in = None

    def fn(self, pkt):
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        if self.work_in is not None:
            work = self.work_in
            count = work.datum
            if count >= BUFSIZE:
                self.work_in = work.link
                return self.sched.queue_packet(work)
            if self.device_in is not None:
                dev = self.device_in
                self.device_in = dev.link
                dev.datum = work.data[count]
                work.datum = count + 1
                return self.sched.queue_packet(dev)
        return self.sched.wait()


class WorkerTask(Task):
    def __init__(self, sched, ident, prio, wkq):
        Task.__init__(self, sched, ident, prio, wkq, (True, True, False))
        self.dest = HANDLER_A
        self.count = 0

    def fn(self, pkt):
        if pkt is None:
            return self.sched.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        pkt.ident = self.dest
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = ord("A") + self.count - 1
        return self.sched.queue_packet(pkt)


class Scheduler:
    def __init__(self):
        self.table = [None] * 6
        self.task_list = None
        self.current = None
        self.hold_count = 0
        self.qpkt_count = 0

    def schedule(self):
        self.current = self.task_list
        while self.current is not None:
            if self.current.is_held_or_waiting():
                self.current = self.current.link
            else:
                self.current = self.current.run_task()

    def release(self, ident):
        t = self.table[ident]
        t.held = False
        if t.prio > self.current.prio:
            return t
        return self.current

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.link

    def wait(self):
        self.current.waiting = True
        return self.current

    def queue_packet(self, pkt):
        t = self.table[pkt.ident]
        self.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        return t.add_packet(pkt, self.current)


def run(count):
    s = Scheduler()
    IdleTask(s, IDLE, 0, count)
    wkq = Packet(None, 0, K_WORK)
    wkq = Packet(wkq, 0, K_WORK)
    WorkerTask(s, WORKER, 1000, wkq)
    wkq = Packet(None, DEVICE_A, K_DEV)
    wkq = Packet(wkq, DEVICE_A, K_DEV)
    wkq = Packet(wkq, DEVICE_A, K_DEV)
    HandlerTask(s, HANDLER_A, 2000, wkq)
    wkq = Packet(None, DEVICE_B, K_DEV)
    wkq = Packet(wkq, DEVICE_B, K_DEV)
    wkq = Packet(wkq, DEVICE_B, K_DEV)
    HandlerTask(s, HANDLER_B, 3000, wkq)
    DeviceTask(s, DEVICE_A, 4000, None)
    DeviceTask(s, DEVICE_B, 5000, None)
    s.schedule()
    return s.qpkt_count, s.hold_count


for n in (100, 1000, 5000, 10000):
    q, h = run(n)
    print("count", n, "queued", q, "held", h)
