"""Work in a second process: forked when this process has no other thread, done here otherwise."""

from __future__ import annotations

import os
import threading
import warnings

from generator.background import Background


def _pid_and_sum(numbers):
    return os.getpid(), sum(numbers)


def test_a_job_runs_in_a_second_process_when_this_one_has_no_other_thread():
    job = Background("test-fork", "không làm được", _pid_and_sum, [1, 2, 3]).start()
    assert job.forked
    pid, total = job.wait()
    assert total == 6 and pid != os.getpid()


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
