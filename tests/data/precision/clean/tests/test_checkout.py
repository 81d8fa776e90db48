from shop.messages import cache_key

PASSWORD = "hunter2"


def test_cache_key_is_stable():
    assert cache_key("1") == cache_key("1")
    assert cache_key("1") != cache_key("2")
    assert cache_key("3").startswith("order:")


def test_query_helper():
    query = f"SELECT * FROM orders WHERE id = {1}"
    assert query.startswith(("SELECT", "select"))
