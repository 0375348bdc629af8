"""Work done in a second process (the search index, the counter screens).

A job runs from `start()`: under `mkdocs build` while MkDocs writes the
pages, under `mkdocs serve` once they are written, so that the page being
edited is served again sooner. Where fork is not available the work is done
in this process, when it is waited for. Under `mkdocs serve`, a job still
running from the previous build is stopped: its data is older.
"""

from __future__ import annotations

import multiprocessing

_RUNNING: dict[str, multiprocessing.Process] = {}


class Background:
    def __init__(self, name: str, failure: str, target, *args):
        self.failure, self.target, self.args = failure, target, args
        self.name, self.process = name, None

    def start(self) -> Background:
        previous = _RUNNING.get(self.name)
        if previous is not None and previous.is_alive():
            previous.kill()
        if "fork" in multiprocessing.get_all_start_methods():
            self.process = multiprocessing.get_context("fork").Process(target=self.target, args=self.args, daemon=True)
            self.process.start()
            _RUNNING[self.name] = self.process
        return self

    @property
    def forked(self) -> bool:
        return self.process is not None

    def wait(self) -> None:
        """Finish the work; raises RuntimeError with the Vietnamese *failure* message if it failed."""
        if self.process is None:
            self.target(*self.args)
            return
        self.process.join()
        if self.process.exitcode != 0:
            raise RuntimeError(f"{self.failure} (mã thoát {self.process.exitcode})")

    def stop(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()
