from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    receipts_root: Path = Path("/srv/receipts")
    page_size: int = 50


settings = Settings()
