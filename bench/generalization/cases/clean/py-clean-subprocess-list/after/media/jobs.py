import logging
import subprocess

log = logging.getLogger(__name__)


def thumbnail(src: str, dst: str, width: int) -> None:
    subprocess.run(
        ["convert", src, "-resize", f"{width}x", dst],
        check=True,
        timeout=60,
        capture_output=True,
    )
    log.info("thumbnail written to %s", dst)
