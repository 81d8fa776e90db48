"""The posting fixtures (contract-checked fake GitHub and GitLab) for the adversarial suite."""

from tests.posting.conftest import (  # noqa: F401 - fixtures
    client,
    github,
    gitlab,
    gitlab_client,
    render,
    session,
    sleeps,
)
