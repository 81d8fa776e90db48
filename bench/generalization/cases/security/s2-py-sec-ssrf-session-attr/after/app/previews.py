"""Link previews for the merchant dashboard."""

import re

import requests
from flask import Blueprint, jsonify, request

bp = Blueprint("previews", __name__)
_TITLE = re.compile(r"<title>(.*?)</title>", re.I | re.S)


class PreviewFetcher:
    def __init__(self) -> None:
        self.http = requests.Session()
        self.http.headers["User-Agent"] = "acme-preview/1.0"

    def title_of(self, target: str) -> str:
        page = self.http.get(url=target, timeout=4, allow_redirects=True)
        match = _TITLE.search(page.text)
        return match.group(1).strip() if match else ""


_fetcher = PreviewFetcher()


@bp.post("/api/previews")
def create_preview():
    link = request.get_json(force=True)["link"]
    return jsonify(title=_fetcher.title_of(link))
