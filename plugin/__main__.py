"""``python -m plugin …`` from the repository root: the headless command line (see plugin/core/cli.py)."""

import sys

from .core.cli import main

sys.exit(main())
