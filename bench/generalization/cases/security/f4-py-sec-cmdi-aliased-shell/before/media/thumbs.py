import logging
from pathlib import Path

log = logging.getLogger(__name__)

THUMB_DIR = Path("/srv/media/thumbs")


def thumb_path(name: str) -> Path:
    return THUMB_DIR / f"{Path(name).stem}.jpg"
