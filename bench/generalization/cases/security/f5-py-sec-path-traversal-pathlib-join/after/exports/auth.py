from dataclasses import dataclass

from fastapi import Header, HTTPException


@dataclass
class Merchant:
    id: int


def current_merchant(x_api_key: str = Header(...)) -> Merchant:
    if not x_api_key.startswith("mk_"):
        raise HTTPException(status_code=401)
    return Merchant(id=int(x_api_key.rsplit("_", 1)[-1]))
