"""``python -m livesim``: serve a Live set with a remote script (see livesim/cli.py)."""
import sys

from livesim.cli import main

sys.exit(main())
