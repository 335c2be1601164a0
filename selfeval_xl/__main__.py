"""``python -m selfeval_xl`` runs the CLI."""

from __future__ import annotations

from selfeval_xl.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
