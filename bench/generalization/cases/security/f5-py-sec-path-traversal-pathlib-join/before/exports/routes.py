from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import FileResponse

from .auth import current_merchant
from .db import export_record

EXPORT_ROOT = Path("/var/lib/payments/exports")
router = APIRouter(prefix="/v1/exports")


@router.get("/{export_id}")
def download_export(export_id: int, merchant=Depends(current_merchant)):
    record = export_record(export_id, merchant_id=merchant.id)
    if record is None:
        raise HTTPException(status_code=404)
    return FileResponse(EXPORT_ROOT / record.stored_name, media_type="text/csv")
