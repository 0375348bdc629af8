"""Shared fixtures: paths, golden files, and no unasserted warnings."""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).parent / "fixtures"
TODAY = "2026-11-01"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


def check_golden(path: Path, actual: str, update: bool) -> None:
    """Compare *actual* with the golden file; with --update-goldens, rewrite it."""
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"golden file {path} did not exist; written — review it and run again")
        return
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path} (rerun with --update-goldens and review the diff)"


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is absent)")
    return path


@pytest.fixture(autouse=True)
def no_unasserted_warnings(caplog):
    """Fail a test that logged a warning it did not assert (and clear) itself."""
    caplog.set_level(logging.WARNING)
    yield
    left = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    if left:
        pytest.fail("warnings logged and not asserted: " + "; ".join(r.getMessage() for r in left))


HOSTS = ("mkdocs", "properdocs")  # the hosts congkhai supports: MkDocs 1.6 and its maintained fork


def build_site(tmp: Path, catalog: Path, *, strict: bool = True, copy_config: bool = True,
               host: str = "mkdocs", build_id: str | None = None) -> subprocess.CompletedProcess:
    """Copy the project's site configuration next to *catalog* and run ``mkdocs build`` (or *host*'s)."""
    if copy_config:
        shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    for name in ("content", "overrides"):
        if not (tmp / name).exists():
            shutil.copytree(ROOT / name, tmp / name)
    if catalog.resolve() != (tmp / "catalog").resolve():
        shutil.copytree(catalog, tmp / "catalog", dirs_exist_ok=True)
    env = dict(os.environ, CONGKHAI_TODAY=TODAY, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    if build_id:
        env["CONGKHAI_BUILD_ID"] = build_id
    command = [sys.executable, "-m", host, "build", "-f", str(tmp / "mkdocs.yml")]
    if strict:
        command.append("--strict")
    return subprocess.run(command, cwd=tmp, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample catalog in catalog/, built once with ``mkdocs build --strict``."""
    tmp = tmp_path_factory.mktemp("sample")
    result = build_site(tmp, ROOT / "catalog")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("mini")
    result = build_site(tmp, FIXTURES / "mini")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


CHROMIUM = Path(os.environ.get("CONGKHAI_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="session")
def serve():
    """Serve a built site on 127.0.0.1; returns a function site_dir → base URL."""
    import functools
    import http.server
    import threading

    servers = []

    class Quiet(http.server.SimpleHTTPRequestHandler):
        """As web hosts do: quiet, and with byte ranges (HTTP 206), without which a video cannot be sought."""

        def log_message(self, *args):
            pass

        def send_head(self):
            wanted = re.fullmatch(r"bytes=(\d+)-(\d*)", self.headers.get("Range", ""))
            path = Path(self.translate_path(self.path))
            if not wanted or not path.is_file():
                return super().send_head()
            data = path.read_bytes()
            start, end = int(wanted[1]), int(wanted[2] or len(data) - 1)
            self.send_response(206)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
            self.send_header("Content-Length", str(end - start + 1))
            self.send_header("Accept-Ranges", "bytes")
            self.end_headers()
            return io.BytesIO(data[start:end + 1])

    def start(site: Path) -> str:
        handler = functools.partial(Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/"

    yield start
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; skipped where either is missing."""
    if os.environ.get("CI") != "true" and not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium here (CI installs it)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A page whose every request to another host fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    foreign: list[str] = []
    errors: list[str] = []

    def route(route):
        host = route.request.url.split("/")[2] if "://" in route.request.url else ""
        if host.startswith("127.0.0.1"):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert foreign == [], f"requests to another host: {foreign}"
    assert errors == [], f"script errors: {errors}"
