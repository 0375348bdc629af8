"""``python3 -m generator validate``: the congkhai command without a script on PATH."""

import sys

from .cli import main

sys.exit(main())
