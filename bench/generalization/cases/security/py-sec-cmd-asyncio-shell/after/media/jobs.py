import asyncio
import logging

log = logging.getLogger(__name__)


async def probe(path: str) -> bytes:
    proc = await asyncio.create_subprocess_exec(
        "ffprobe", "-v", "quiet", "-show_format", path,
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    return out


async def thumbnail(upload_name: str, width: int) -> int:
    cmd = f"convert uploads/{upload_name} -resize {width}x thumbs/{upload_name}.png"
    proc = await asyncio.create_subprocess_shell(
        cmd,
        stdout=asyncio.subprocess.DEVNULL,
    )
    rc = await proc.wait()
    log.info("thumbnail %s -> %s", upload_name, rc)
    return rc
