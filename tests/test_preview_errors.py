"""Under `serve`, a catalog with errors shows a Vietnamese error page in the browser, with every path:line:col
message, until it is fixed; the terminal lists the problems and none of the host's English lines about a failed build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, HOSTS, ROOT, TODAY
from generator.build.site import BuildFailure, Options, SiteBuild
from test_hosts import _free_port, _get, _wait_for

PROCEDURE = Path("catalog/procedures/so-tu-phap/2.000815.yaml")
BROKEN = "catalog/procedures/so-tu-phap/2.000815.yaml:4:8: lỗi cú pháp YAML"


def _site(tmp_path: Path) -> Path:
    for name in ("content", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    return tmp_path


def _break(site: Path) -> str:
    path = site / PROCEDURE
    good = path.read_text(encoding="utf-8")
    assert "field: chung-thuc\n" in good
    path.write_text(good.replace("field: chung-thuc\n", "field: [chung-thuc\n"), encoding="utf-8")
    return good


def _serve(site: Path, host: str, port: int, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, CONGKHAI_TODAY=TODAY, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    log = open(site / "serve.log", "w+", encoding="utf-8")
    return subprocess.Popen([sys.executable, "-m", host, "serve", *extra, "-a", f"127.0.0.1:{port}"],
                            cwd=site, env=env, stdout=log, stderr=subprocess.STDOUT)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=30)


def _terminal(site: Path) -> str:
    output = (site / "serve.log").read_text(encoding="utf-8")
    for english in ("Aborted with a BuildError", "An error happened during the rebuild", "Traceback", "Aborted"):
        assert english not in output, output
    return output


@pytest.mark.parametrize("host", HOSTS)
def test_a_broken_file_shows_the_error_page_until_it_is_fixed(tmp_path, host):
    site = _site(tmp_path)
    port = _free_port()
    process = _serve(site, host, port, "--dirty")
    url = f"http://127.0.0.1:{port}/thu-tuc/2.000815/"
    try:
        _wait_for(lambda: "Thủ tục chứng thực bản sao từ bản chính" in (_get(url) or ""), process, "the first build")
        time.sleep(1)  # the watcher has started
        good = _break(site)
        page = _wait_for(lambda: (text := _get(url)) and "Danh mục có lỗi" in text and text, process, "the error page")
        assert BROKEN in _text(page) and "Thủ tục chứng thực bản sao từ bản chính" not in page
        assert "Bản xem trước chưa được dựng lại" in page and '<html lang="vi"' in page
        assert "Danh mục có lỗi" in (_get(f"http://127.0.0.1:{port}/don-vi/so-tu-phap/") or "")  # every page of the catalog
        (site / PROCEDURE).write_text(good, encoding="utf-8")
        _wait_for(lambda: "Thủ tục chứng thực bản sao từ bản chính" in (_get(url) or ""), process, "the page back")
        assert "Danh mục có lỗi" not in _get(url)
        assert "Danh mục có lỗi" not in (_get(f"http://127.0.0.1:{port}/don-vi/so-tu-phap/") or "")
    finally:
        _stop(process)
    output = _terminal(site)
    assert BROKEN in output and "bản xem trước hiển thị các lỗi này" in output


def test_a_preview_started_on_a_broken_catalog_shows_the_problems_at_every_address(tmp_path):
    site = _site(tmp_path)
    good = _break(site)
    port = _free_port()
    process = _serve(site, "mkdocs", port)  # without --dirty: every build starts from an empty folder
    try:
        home = _wait_for(lambda: _get(f"http://127.0.0.1:{port}/"), process, "the first build")
        assert BROKEN in _text(home) and "Danh mục đang có lỗi" in home  # the notice of the theme says so too
        listing = _get(f"http://127.0.0.1:{port}/thu-tuc/")  # named by the navigation: made even without a good build
        assert listing and BROKEN in _text(listing)
        time.sleep(1)
        missing = _get_error(f"http://127.0.0.1:{port}/thu-tuc/2.000815/")  # not made yet: the 404 page says why
        assert BROKEN in _text(missing) and 'http-equiv="refresh"' in missing
        (site / PROCEDURE).write_text(good, encoding="utf-8")
        url = f"http://127.0.0.1:{port}/thu-tuc/2.000815/"
        _wait_for(lambda: "Thủ tục chứng thực bản sao từ bản chính" in (_get(url) or ""), process, "the page")
    finally:
        _stop(process)
    _terminal(site)


def _text(html: str | None) -> str:
    """What the browser shows: the page's text."""
    from bs4 import BeautifulSoup
    return BeautifulSoup(html or "", "html.parser").get_text()


def _get_error(url: str) -> str:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")


def test_the_story_under_serve_makes_pages_of_the_problems_escaped(tmp_path, capsys):
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    path = tmp_path / PROCEDURE
    path.write_text(path.read_text(encoding="utf-8").replace("field: chung-thuc", 'field: "<script>alert(1)</script>"'),
                    encoding="utf-8")
    options = Options(tmp_path / "catalog", tmp_path, tmp_path / "site", serving=True)
    build = SiteBuild(options)
    assert build.load() == [] and build.failure
    html = build.content(build.specs[0])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert "catalog/procedures/so-tu-phap/2.000815.yaml:4:8:" in capsys.readouterr().err
    with pytest.raises(BuildFailure):  # a build that publishes stops, as before
        SiteBuild(Options(tmp_path / "catalog", tmp_path, tmp_path / "site")).load()
