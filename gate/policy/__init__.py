"""The policy: configuration, rule packs, where the policy comes from, and its marks on findings."""
