"""``python3 -m generator validate``: the congkhai command without a script on PATH."""

import sys

from generator.cli.main import main

sys.exit(main())
