def lookup_key(prefix):
    return None
