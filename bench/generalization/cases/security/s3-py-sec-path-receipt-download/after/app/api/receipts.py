import os

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse

from app.auth import current_customer
from app.settings import settings

router = APIRouter(prefix="/receipts")


@router.get("")
def list_receipts(customer=Depends(current_customer)):
    folder = settings.receipts_root / str(customer.id)
    names = sorted(os.listdir(folder)) if folder.exists() else []
    return {"items": names[: settings.page_size]}


@router.get("/{customer_id}/{filename}")
def download_receipt(customer_id: str, filename: str, customer=Depends(current_customer)):
    path = os.path.join(settings.receipts_root, customer_id, filename)
    return FileResponse(path, media_type="application/pdf", filename=filename)
