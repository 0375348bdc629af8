"""Work in a second process: forked when this process has no other thread, done here otherwise."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import warnings

from conftest import ROOT
from generator.background import Background


def _pid_and_sum(numbers):
    return os.getpid(), sum(numbers)


FORK = """
import os
from generator.background import Background
job = Background("test-fork", "không làm được", lambda numbers: (os.getpid(), sum(numbers)), [1, 2, 3]).start()
pid, total = job.wait()
print(job.forked, pid != os.getpid(), total)
"""


def test_a_job_runs_in_a_second_process_when_this_one_has_no_other_thread():
    # in a process of its own: this one may run a browser's or a server's threads
    result = subprocess.run([sys.executable, "-W", "error", "-c", FORK], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "6"]


def test_no_fork_while_another_thread_runs(recwarn):
    """A preview server runs threads: Python 3.12+ warns that fork() may deadlock them, so the job is done here."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            job = Background("test-thread", "không làm được", _pid_and_sum, [4, 5]).start()
            assert not job.forked
            assert job.wait() == (os.getpid(), 9)
    finally:
        stop.set()
        thread.join()
