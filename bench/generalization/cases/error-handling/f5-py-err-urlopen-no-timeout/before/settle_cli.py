"""settle-cli: upload the day's settlement file to the acquirer."""
import argparse
import hashlib
import sys
from pathlib import Path

import requests

ACQUIRER_URL = "https://sftp-gw.acquirer.example/v1/settlements"


def upload(path: Path, merchant: str, api_key: str) -> str:
    body = path.read_bytes()
    resp = requests.post(
        ACQUIRER_URL,
        data=body,
        headers={
            "Authorization": f"Bearer {api_key}",
            "X-Merchant": merchant,
            "Content-SHA256": hashlib.sha256(body).hexdigest(),
        },
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()["batch_id"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="settle-cli")
    ap.add_argument("file", type=Path)
    ap.add_argument("--merchant", required=True)
    ap.add_argument("--api-key-file", type=Path, required=True)
    args = ap.parse_args(argv)
    batch = upload(args.file, args.merchant, args.api_key_file.read_text().strip())
    print(f"uploaded batch {batch}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
