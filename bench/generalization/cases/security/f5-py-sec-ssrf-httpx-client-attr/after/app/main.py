import httpx
from fastapi import Depends, FastAPI, File, UploadFile

from pydantic import BaseModel

from .logos import LogoFetcher, LogoStore

app = FastAPI(title="merchant-branding")
_client = httpx.AsyncClient(timeout=5.0)


def get_store() -> LogoStore:
    return LogoStore(bucket="merchant-logos")


def get_fetcher() -> LogoFetcher:
    return LogoFetcher(_client)


class LogoImport(BaseModel):
    logo_url: str


@app.post("/v1/merchants/{merchant_id}/logo")
async def upload_logo(merchant_id: int, file: UploadFile = File(...),
                      store: LogoStore = Depends(get_store)):
    data = await file.read()
    key = await store.save(merchant_id, data, file.content_type or "image/png")
    return {"key": key}


@app.post("/v1/merchants/{merchant_id}/logo/import")
async def import_logo(merchant_id: int, body: LogoImport,
                      store: LogoStore = Depends(get_store),
                      fetcher: LogoFetcher = Depends(get_fetcher)):
    data, content_type = await fetcher.fetch(body.logo_url)
    key = await store.save(merchant_id, data, content_type)
    return {"key": key, "source": body.logo_url}
