import httpx
from fastapi import Depends, FastAPI, File, UploadFile

from .logos import LogoStore

app = FastAPI(title="merchant-branding")
_client = httpx.AsyncClient(timeout=5.0)


def get_store() -> LogoStore:
    return LogoStore(bucket="merchant-logos")


@app.post("/v1/merchants/{merchant_id}/logo")
async def upload_logo(merchant_id: int, file: UploadFile = File(...),
                      store: LogoStore = Depends(get_store)):
    data = await file.read()
    key = await store.save(merchant_id, data, file.content_type or "image/png")
    return {"key": key}
