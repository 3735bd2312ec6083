# AssertionError with a message.
balance = 100
history = []
print("opening balance", balance)
for amount in [30, 50, 40]:
    assert amount > 0, "amounts are positive"
    assert balance >= amount, "insufficient funds: " + str(balance) + " < " + str(amount)
    balance -= amount
    history.append(amount)
    print("withdrew", amount, "balance", balance, "history", history)
print("unreachable")
