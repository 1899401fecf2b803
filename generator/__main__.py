"""python3 -m generator ARGS: the table generator (winerr_gen.main)."""

import sys

from .winerr_gen import main

sys.exit(main())
