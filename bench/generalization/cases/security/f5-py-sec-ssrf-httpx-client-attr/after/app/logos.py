import hashlib

import httpx


class LogoStore:
    def __init__(self, bucket: str):
        self.bucket = bucket
        self._objects: dict[str, tuple[bytes, str]] = {}

    async def save(self, merchant_id: int, data: bytes, content_type: str) -> str:
        digest = hashlib.sha256(data).hexdigest()[:16]
        key = f"{self.bucket}/{merchant_id}/{digest}"
        self._objects[key] = (data, content_type)
        return key


class LogoFetcher:
    """Pulls a merchant logo from wherever the merchant hosts it."""

    def __init__(self, client: httpx.AsyncClient):
        self.client = client

    async def fetch(self, url: str) -> tuple[bytes, str]:
        resp = await self.client.get(url, follow_redirects=True)
        resp.raise_for_status()
        return resp.content, resp.headers.get("content-type", "application/octet-stream")
