import hashlib


class LogoStore:
    def __init__(self, bucket: str):
        self.bucket = bucket
        self._objects: dict[str, tuple[bytes, str]] = {}

    async def save(self, merchant_id: int, data: bytes, content_type: str) -> str:
        digest = hashlib.sha256(data).hexdigest()[:16]
        key = f"{self.bucket}/{merchant_id}/{digest}"
        self._objects[key] = (data, content_type)
        return key
