import logging

PASSWORD_FIELD = "password"
SECRET_FIELDS = frozenset({PASSWORD_FIELD, "new_password", "client_secret", "api_token"})
REDACTED = "[redacted]"


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        params = getattr(record, "params", None)
        if isinstance(params, dict):
            record.params = {k: (REDACTED if k in SECRET_FIELDS else v) for k, v in params.items()}
        return True
