class BankError(Exception):
    pass


class BankTimeout(BankError):
    pass
