"""Forges: GitHub and GitLab clients and posting (comments, checks, labels, reviewers)."""
