"""A command driven through a pseudo-terminal, as a clerk types: for the questions congkhai asks."""

from __future__ import annotations

import os
import select
import subprocess
import sys


def converse(args: list[str], answers: list[tuple[str, int, str]], env: dict, cwd=None) -> tuple[int, str]:
    """Run congkhai on a pseudo-terminal; type each answer once its prompt has been shown that many times.
    Returns the exit code and everything the terminal showed (line ends as LF)."""
    leader, follower = os.openpty()
    process = subprocess.Popen([sys.executable, "-m", "generator", *args], stdin=follower, stdout=follower, stderr=follower,
                               cwd=cwd, env=env, close_fds=True)
    os.close(follower)
    data = bytearray()

    def read() -> bool:
        assert select.select([leader], [], [], 30)[0], f"no output; so far: {data.decode(errors='replace')!r}"
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the command ended and closed the terminal
            return False
        data.extend(chunk)
        return bool(chunk)

    try:
        for prompt, times, typed in answers:
            while data.decode(errors="replace").count(prompt) < times:
                assert read(), f"{prompt!r} was not shown {times} times: {data.decode(errors='replace')!r}"
            os.write(leader, typed.encode("utf-8") + b"\n")
        while read():
            pass
    except BaseException:
        process.kill()
        raise
    finally:
        process.wait(timeout=60)
        os.close(leader)
    return process.returncode, data.decode(errors="replace").replace("\r\n", "\n")
