"""Evidence: a signed, chained in-toto record of every run, and the auditor's period report."""
