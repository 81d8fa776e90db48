import logging
from pathlib import Path
from subprocess import check_output as _sh

log = logging.getLogger(__name__)

THUMB_DIR = Path("/srv/media/thumbs")


def thumb_path(name: str) -> Path:
    return THUMB_DIR / f"{Path(name).stem}.jpg"


def make_thumbnail(upload_name: str, size: int = 256) -> Path:
    src = Path("/srv/media/uploads") / upload_name
    dst = thumb_path(upload_name)
    cmd = f"convert '{src}' -resize {size}x{size} '{dst}'"
    _sh(cmd, shell=True, timeout=30)
    log.info("thumbnail written to %s", dst)
    return dst
