class GatewayError(Exception):
    pass


class _Client:
    def capture(self, authorization_id: str, amount_cents: int) -> None:
        if not authorization_id:
            raise GatewayError("missing authorization")


client = _Client()
