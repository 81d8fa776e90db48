import os

from fastapi import APIRouter, Depends

from app.auth import current_customer
from app.settings import settings

router = APIRouter(prefix="/receipts")


@router.get("")
def list_receipts(customer=Depends(current_customer)):
    folder = settings.receipts_root / str(customer.id)
    names = sorted(os.listdir(folder)) if folder.exists() else []
    return {"items": names[: settings.page_size]}
