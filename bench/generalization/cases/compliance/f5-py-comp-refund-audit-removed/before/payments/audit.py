import json
import logging
from datetime import datetime, timezone

_log = logging.getLogger("audit")


class AuditTrail:
    def record(self, action: str, **fields):
        entry = {"action": action, "at": datetime.now(timezone.utc).isoformat(), **fields}
        _log.info(json.dumps(entry, sort_keys=True, default=str))
