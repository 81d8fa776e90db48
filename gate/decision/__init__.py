"""The decision: verdict, risk tier, review routing and SLAs, assembled into one Report."""
