"""The commands: the `gate` CLI (click), the GitHub Action steps, demo and init.

Only this package touches argv, the environment and the terminal. Kept free of imports so
that `python -m gate.commands.action prep` runs on a bare runner before gate is installed.
"""
