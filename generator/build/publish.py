"""Publishing a built site atomically: the new site is written beside the old and takes its place only
when the whole build succeeded; a failed build leaves the old site exactly as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


def staging_dir(site_dir: str | os.PathLike) -> str:
    path = Path(site_dir)
    return str(path.parent / f".{path.name}-building")


def discard(site_dir: str | os.PathLike) -> None:
    """Remove what a failed build wrote."""
    shutil.rmtree(staging_dir(site_dir), ignore_errors=True)


def swap(site_dir: str | os.PathLike) -> None:
    """The new site takes the place of the old at once; the old is deleted by a process of its own,
    which goes on after this build has ended (ten thousand pages take seconds to delete)."""
    final = Path(site_dir)
    parent, name = final.parent, final.name
    old = parent / f".{name}-old-{time.time_ns()}"
    if final.exists():
        os.rename(final, old)
    os.rename(staging_dir(final), final)
    leftovers = [str(p) for p in parent.glob(f".{name}-old-*")]
    if leftovers:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys\nfor p in sys.argv[1:]: shutil.rmtree(p, True)", *leftovers],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
