"""Both hosts: MkDocs 1.6 and ProperDocs 1.6 build the same site, and preview it with `serve --dirty`."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import FIXTURES, HOSTS, ROOT, TODAY, build_site

GENERATOR_META = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site):
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file() and p.suffix != ".gz"}


def test_properdocs_builds_the_sample_as_mkdocs_does(tmp_path):
    for host in HOSTS:
        (tmp_path / host).mkdir()
        result = build_site(tmp_path / host, ROOT / "catalog", host=host, build_id="same")
        assert result.returncode == 0, result.stderr
    ours, theirs = _files(tmp_path / "mkdocs" / "site"), _files(tmp_path / "properdocs" / "site")
    assert sorted(ours) == sorted(theirs)
    differ = [str(path) for path in ours if GENERATOR_META.sub(b"", ours[path]) != GENERATOR_META.sub(b"", theirs[path])]
    assert differ == []
    assert b"ProperDocs" in theirs[next(iter(p for p in theirs if p.name == "index.html"))]


@pytest.mark.parametrize("host", HOSTS)
def test_a_failed_strict_build_keeps_the_site_under_each_host(tmp_path, host):
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    assert build_site(tmp_path, tmp_path / "catalog", host=host).returncode == 0
    before = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    # a warning only, which strict mode counts after the last event of the build
    (tmp_path / "content" / "gioi-thieu.md").write_text("# Giới thiệu\n\n[hỏng](khong-co-trang-nay.md)\n", encoding="utf-8")
    result = build_site(tmp_path, tmp_path / "catalog", host=host)
    assert result.returncode != 0 and "khong-co-trang-nay.md" in result.stderr
    assert {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-building")] == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, process, what: str, limit: float = 120):
    """Poll until *predicate* holds; the limit only stops a hung server, it measures nothing."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped while waiting for {what}")
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"gave up waiting for {what}")


@pytest.mark.parametrize("host", HOSTS)
def test_serve_dirty_rebuilds_a_changed_procedure(tmp_path, host):
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    port = _free_port()
    env = dict(os.environ, CONGKHAI_TODAY=TODAY, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
               PYTHONWARNINGS="error::DeprecationWarning:multiprocessing.popen_fork")
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", host, "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                               cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/thu-tuc/2.000815/"
    try:
        first = _wait_for(lambda: _get(url), process, "the first build")
        assert "Thủ tục chứng thực bản sao từ bản chính" in first
        procedure = tmp_path / "catalog" / "procedures" / "so-tu-phap" / "2.000815.yaml"
        time.sleep(1)  # the watcher has started
        procedure.write_text(procedure.read_text(encoding="utf-8").replace("Thủ tục chứng thực bản sao từ bản chính",
                                                                           "Chứng thực bản sao (tên mới)"), encoding="utf-8")
        _wait_for(lambda: "Chứng thực bản sao (tên mới)" in (_get(url) or ""), process, "the rebuilt page")
    finally:
        process.terminate()
        process.wait(timeout=30)
    output = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "Aborted" not in output and "Traceback" not in output, output
    assert "DeprecationWarning" not in output and "dirty' build" not in output, output
