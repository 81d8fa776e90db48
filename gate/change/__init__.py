"""The change: what a diff, a push, a commit or a CI event says changed."""
