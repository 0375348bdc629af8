"""Work done in a second process: a share of the catalog to read or of the pages to render, the search
index, the counter screens.

A job runs from `start()` in a forked process; `wait()` gives back what its
target returned (pickled over a pipe), or raises RuntimeError with the job's
Vietnamese failure message and what went wrong. Where fork is not available,
or not safe because this process runs other threads (a preview server: Python
3.12+ warns that a fork may deadlock), the work is done in this process, when
it is waited for. A job still running
under the same name from an earlier build is stopped: its data is older
(`mkdocs serve`).
"""

from __future__ import annotations

import multiprocessing
import threading

_RUNNING: dict[str, multiprocessing.Process] = {}


class JobError(Exception):
    """A failure the job has described itself: its message is shown as it is."""


class Background:
    def __init__(self, name: str, failure: str, target, *args):
        self.failure, self.target, self.args = failure, target, args
        self.name, self.process, self.receive = name, None, None
        self.done, self.result = False, None

    def start(self) -> Background:
        previous = _RUNNING.get(self.name)
        if previous is not None and previous.is_alive():
            previous.kill()
        if _may_fork():
            context = multiprocessing.get_context("fork")
            self.receive, send = context.Pipe(duplex=False)
            # with fork the arguments are not pickled: the child has them already
            self.process = context.Process(target=_run, args=(send, self.target, self.args), daemon=True)
            self.process.start()
            send.close()
            _RUNNING[self.name] = self.process
        return self

    @property
    def forked(self) -> bool:
        return self.process is not None

    def wait(self):
        """What the target returned; the work is done once however often it is asked for."""
        if not self.done:
            outcome, value = self._outcome()
            if outcome == "error":
                raise RuntimeError(f"{self.failure}: {value}")
            self.done, self.result = True, value
        return self.result

    def _outcome(self) -> tuple[str, object]:
        if self.process is None:
            return _attempt(self.target, self.args)
        try:
            outcome = self.receive.recv()  # before join: a large result fills the pipe until it is read
        except EOFError:
            outcome = None
        self.process.join()
        return outcome or ("error", f"tiến trình thứ hai dừng bất thường (mã thoát {self.process.exitcode})")

    def stop(self) -> None:
        if self.process is not None and self.process.is_alive():
            self.process.kill()


def _may_fork() -> bool:
    """Fork copies only the thread that calls it: with other threads running, a lock one of them holds
    stays locked in the child forever."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _run(send, target, args) -> None:
    try:
        send.send(_attempt(target, args))
    except Exception as exc:  # noqa: BLE001 — a result that cannot be sent back
        send.send(("error", _describe(exc)))
    finally:
        send.close()


def _attempt(target, args) -> tuple[str, object]:
    try:
        return "ok", target(*args)
    except Exception as exc:  # noqa: BLE001 — whatever it is, the build must stop and say what it was
        return "error", _describe(exc)


def _describe(exc: Exception) -> str:
    return str(exc) if isinstance(exc, JobError) else f"{type(exc).__name__}: {exc}"
