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
