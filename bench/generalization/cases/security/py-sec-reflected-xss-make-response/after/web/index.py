def lookup(q):
    return []
