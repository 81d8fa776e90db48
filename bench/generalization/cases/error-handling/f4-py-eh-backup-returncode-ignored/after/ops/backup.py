import logging
import subprocess
from datetime import datetime, timezone
from pathlib import Path

log = logging.getLogger(__name__)
BACKUP_DIR = Path("/var/backups/ledger")


def run_backup(dsn: str, registry) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    target = BACKUP_DIR / f"ledger-{stamp}.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", "--file", str(target), dsn],
        capture_output=True,
        timeout=3600,
    )
    registry.record(target, status="completed")
    log.info("backup written to %s", target)
    return target
