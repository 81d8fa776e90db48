"""The GitHub REST client: `RestClient` with GitHub's token header, media type and API version.

Every request gets the API base URL (github.com or GitHub Enterprise
``https://host/api/v3``), ``Authorization: Bearer``, ``Accept: application/vnd.github+json``
and ``X-GitHub-Api-Version: 2022-11-28``; retries, timeouts and token hygiene come from
`gate.forges.rest`.
"""

from __future__ import annotations

import time

import requests

from gate.forges.rest import Clock, RestClient, RetryPolicy, Sleep

__all__ = ["API_VERSION", "GITHUB_API_URL", "GitHubClient"]

GITHUB_API_URL = "https://api.github.com"
API_VERSION = "2022-11-28"


class GitHubClient(RestClient):
    """GitHub REST v3 (github.com or Enterprise Server ``https://host/api/v3``)."""

    service = "GitHub"

    def __init__(
        self,
        session: requests.Session,
        base_url: str = GITHUB_API_URL,
        token: str = "",
        *,
        policy: RetryPolicy | None = None,
        sleep: Sleep = time.sleep,
        clock: Clock = time.time,
    ) -> None:
        super().__init__(session, base_url, token, policy=policy, sleep=sleep, clock=clock)

    def _auth_headers(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"} if token else {}

    def _extra_headers(self) -> dict[str, str]:
        return {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": API_VERSION}
