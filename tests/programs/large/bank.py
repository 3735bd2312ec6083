# A bank-account simulation: account classes with inheritance, custom
# exceptions for overdrafts and frozen accounts, a ledger and a transfer log.
import random


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        BankError.__init__(self, "%s: cannot withdraw %d, balance %d" % (account.owner, amount, account.balance))
        self.amount = amount


class AccountFrozen(BankError):
    pass


class Account:
    next_id = 1

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.frozen = False
        self.history = []
        self.id = Account.next_id
        Account.next_id += 1

    def check(self):
        if self.frozen:
            raise AccountFrozen(self.owner + " is frozen")

    def deposit(self, amount):
        self.check()
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        self.check()
        if amount > self.limit():
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("wd", amount))

    def limit(self):
        return self.balance

    def month_end(self):
        pass

    def __repr__(self):
        return "%s(#%d %s %d)" % (type(self).__name__, self.id, self.owner, self.balance)


class Savings(Account):
    rate = 0.02

    def month_end(self):
        interest = int(self.balance * self.rate / 12)
        self.balance += interest
        self.history.append(("int", interest))


class Checking(Account):
    def __init__(self, owner, balance=0, overdraft=500):
        Account.__init__(self, owner, balance)
        self.overdraft = overdraft

    def limit(self):
        return self.balance + self.overdraft

    def month_end(self):
        if self.balance < 0:
            fee = 25
            self.balance -= fee
            self.history.append(("fee", fee))


class Bank:
    def __init__(self):
        self.accounts = {}
        self.failures = {}
        self.log = []

    def open(self, cls, owner, *args):
        acct = cls(owner, *args)
        self.accounts[acct.id] = acct
        return acct

    def transfer(self, src, dst, amount):
        try:
            src.withdraw(amount)
            try:
                dst.deposit(amount)
            except BankError:
                src.deposit(amount)
                raise
        except InsufficientFunds as e:
            self.failures["funds"] = self.failures.get("funds", 0) + 1
            self.log.append("FAIL " + str(e))
            return False
        except AccountFrozen as e:
            self.failures["frozen"] = self.failures.get("frozen", 0) + 1
            self.log.append("FROZEN " + str(e))
            return False
        else:
            self.log.append("ok %d -> %d: %d" % (src.id, dst.id, amount))
            return True
        finally:
            self.transfers = getattr(self, "transfers", 0) + 1

    def total(self):
        return sum(a.balance for a in self.accounts.values())


random.seed(2024)
bank = Bank()
names = ["ann", "bob", "cid", "dee", "eve", "fay"]
for i, name in enumerate(names):
    if i % 2:
        bank.open(Savings, name, 1000 * (i + 1))
    else:
        bank.open(Checking, name, 200 * i, 300)
accts = list(bank.accounts.values())
print(accts)
ok = 0
for month in range(6):
    for step in range(40):
        a, b = random.sample(accts, 2)
        amount = random.randint(1, 12) * 25
        if bank.transfer(a, b, amount):
            ok += 1
    if month == 2:
        accts[1].frozen = True
    if month == 4:
        accts[1].frozen = False
    for acct in accts:
        acct.month_end()
    print("month", month, "total", bank.total(), "ok", ok)
print(accts)
print(sorted(bank.failures.items()), bank.transfers)
for line in bank.log[:8]:
    print(line)
try:
    accts[0].deposit(-5)
except ValueError as e:
    print("ValueError:", e)
print(max(accts, key=lambda a: len(a.history)).owner, [len(a.history) for a in accts])
