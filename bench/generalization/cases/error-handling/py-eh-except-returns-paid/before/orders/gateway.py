class GatewayError(Exception):
    pass


gateway = None
