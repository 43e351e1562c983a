"""`python -m abletonosc_client` is `abletonosc`."""
import sys

from .cli import main

sys.exit(main())
