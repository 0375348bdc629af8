"""congkhai as a product: the wheel, installed in a fresh environment, makes a new site with `congkhai init`
outside this repository, which both hosts build strictly into a working site."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, HOSTS, ROOT, TODAY

AUTHORITY = "ubnd-tinh-thu"
SHOTS = Path(__file__).parent / "screenshots"
CODE = "1.001193"
ENV = dict(os.environ, CONGKHAI_TODAY=TODAY, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
ENV.pop("PYTHONDONTWRITEBYTECODE", None)  # setuptools warns that it cannot byte-compile


def _run(command, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, env=ENV, stdin=subprocess.DEVNULL, **kwargs)


def _copy_working_tree(target: Path) -> None:
    """The repository's files as they are now, tracked or new (not ignored): what a clean clone would hold."""
    listed = _run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT).stdout.split("\n")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> tuple[Path, str]:
    """The wheel, built from a copy of the working tree (nothing written into the repository)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    _copy_working_tree(source)
    result = _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(work / "dist"), str(source)])
    assert result.returncode == 0, result.stderr
    return next((work / "dist").glob("congkhai-*.whl")), result.stdout + result.stderr


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel and ProperDocs installed, and nothing of this repository."""
    folder = tmp_path_factory.mktemp("venv") / "env"
    assert _run([sys.executable, "-m", "venv", str(folder)]).returncode == 0
    result = _run([str(folder / "bin" / "python"), "-m", "pip", "install", "-q", f"{wheel[0]}[properdocs]"])
    assert result.returncode == 0, result.stderr
    return folder / "bin"


@pytest.fixture(scope="module")
def new_site(venv, tmp_path_factory) -> Path:
    """A site made by `congkhai init` outside the repository, with one procedure added as a clerk would."""
    folder = tmp_path_factory.mktemp("outside") / "tinh-thu"
    result = _run([str(venv / "congkhai"), "init", str(folder), "--authority-id", AUTHORITY,
                   "--authority-name", "Ủy ban nhân dân tỉnh Thử", "--site-url", "https://congkhai.example/"], cwd=folder.parent)
    assert result.returncode == 0, result.stderr
    result = _run([str(venv / "congkhai"), "new", "procedure", "--code", CODE, "--name", "Thủ tục đăng ký khai sinh",
                   "--owner", AUTHORITY, "--field", "ho-tich", "--level", "tinh", "--step", "Nộp hồ sơ tại Bộ phận Một cửa",
                   "--channel", "truc-tiep | Ngay trong ngày | Miễn lệ phí", "--result", "Giấy khai sinh",
                   "--document", "Tờ khai đăng ký khai sinh | 1 | 0", "--requirements", "Không có yêu cầu, điều kiện.",
                   "--legal-basis", "Luật Hộ tịch số 60/2014/QH13"], cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder


def test_the_wheel_builds_without_warnings_and_carries_what_a_site_needs(wheel):
    path, output = wheel
    assert not re.search(r"(?i)warning", output), output
    import zipfile

    names = set(zipfile.ZipFile(path).namelist())
    for needed in ("generator/theme/main.html", "generator/theme/404.html", "generator/theme/partials/languages/vi.html",
                   "generator/theme/assets/congkhai.css", "generator/theme/assets/congkhai.js", "generator/theme/assets/kiosk.js",
                   "generator/theme/assets/vendor/qrcode-generator/qrcode.js", "generator/pages/templates/procedure.html",
                   "generator/schemas/procedure.schema.json", "generator/starter/mkdocs.yml",
                   "generator/catalog/popular_names.yaml"):
        assert needed in names, needed
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)


def test_the_installed_command_knows_its_version(venv):
    from generator import __version__

    assert _run([str(venv / "congkhai"), "--version"]).stdout.strip() == f"congkhai {__version__}"


@pytest.mark.parametrize("host", HOSTS)
def test_a_new_site_builds_strictly_under_each_host(venv, new_site, tmp_path, host):
    shutil.copytree(new_site, tmp_path / "site-src")
    result = _run([str(venv / host), "build", "--strict"], cwd=tmp_path / "site-src")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site-src" / "site"
    for page in ("index.html", "thu-tuc/index.html", f"thu-tuc/{CODE}/index.html", "don-vi/index.html",
                 f"don-vi/{AUTHORITY}/index.html", f"don-vi/{AUTHORITY}/niem-yet/index.html",
                 f"don-vi/{AUTHORITY}/niem-yet-phan-anh/index.html", "linh-vuc/index.html", "linh-vuc/ho-tich/index.html",
                 "cap/tinh/index.html", "ke-hoach/index.html", "thu-tuc-noi-bo/index.html", "phan-anh-kien-nghi/index.html",
                 "tim-kiem/index.html", "gioi-thieu/index.html", "huong-dan-dong-gop/index.html", "404.html",
                 f"man-hinh/{AUTHORITY}/index.html", "tim-kiem/chi-muc.json", "ban-dung.json"):
        assert (site / page).is_file(), page
    assert _missing_references(site) == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Ủy ban nhân dân tỉnh Thử" in home and "DỮ LIỆU MẪU" not in home and "Hải Phòng" not in home
    assert "Trang được dựng bằng congkhai" in home  # the packaged footer: this site has no layer of its own


def _missing_references(site: Path) -> list[str]:
    """Every file a page of the site references (scripts, styles, images, links) that is not in the site."""
    missing = set()
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        base = "/" + page.relative_to(site).as_posix()
        for tag in soup.find_all(["script", "link", "img", "a", "source", "track"]):
            reference = tag.get("src") or tag.get("href")
            if not reference or re.match(r"[a-z][a-z0-9+.-]*:|#|//", reference):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(base), urllib.parse.unquote(reference.split("#")[0].split("?")[0])))
            path = site / target.lstrip("/")
            if not (path.is_file() or (path / "index.html").is_file()):
                missing.add(f"{base} → {reference}")
    return sorted(missing)


@pytest.fixture(scope="module")
def new_site_url(venv, new_site, serve, tmp_path_factory):
    work = tmp_path_factory.mktemp("built") / "site-src"
    shutil.copytree(new_site, work)
    assert _run([str(venv / "properdocs"), "build", "--strict"], cwd=work).returncode == 0
    return serve(work / "site")


@pytest.mark.parametrize("width", [360, 1280])
def test_the_new_site_at_phone_and_desktop_widths(page, new_site_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    SHOTS.mkdir(exist_ok=True)
    for name, url in (("trang-chu", ""), ("thu-tuc", f"thu-tuc/{CODE}/"), ("don-vi", f"don-vi/{AUTHORITY}/")):
        page.goto(new_site_url + url)
        page.screenshot(path=str(SHOTS / f"init-{name}-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (name, width)
    assert "tỉnh Thử" in page.title()


def test_search_answers_on_the_new_site(page, new_site_url):
    page.goto(new_site_url)
    page.click("#ck-search-input")
    page.keyboard.type("dang ky khai sinh")
    page.wait_for_selector(f'#ck-search-list [data-href*="{CODE}"]')
    assert page.evaluate("async () => (await congkhai.search('dang ky khai sinh')).results.map(r => r.code)")[:1] == [CODE]
    assert page.evaluate(f"async () => (await congkhai.search('{AUTHORITY.replace('-', ' ')}')).results.map(r => r.url)")


def test_the_counter_screen_of_the_new_site_rotates(page, new_site_url):
    page.clock.install()
    page.goto(new_site_url + f"man-hinh/{AUTHORITY}/?giay=10")
    state = "congkhaiKiosk.current"
    assert page.evaluate(state) == 0
    page.clock.run_for(10500)
    assert page.evaluate(state) == 1
    assert page.locator(f'[data-slide][data-code="{CODE}"]').count() == 1
    assert page.locator("[data-slide]:not([hidden])").count() == 1


def test_pre_commit_tries_the_validate_hook_from_this_repository(tmp_path):
    """`pre-commit try-repo` installs congkhai in pre-commit's own environment and runs the hook."""
    mirror = tmp_path / "congkhai"
    _copy_working_tree(mirror)
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "mini", site / "catalog")
    for folder in (mirror, site):
        for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "x"]):
            assert _run(git + command, cwd=folder).returncode == 0
    env = dict(ENV, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"))
    hook = ["pre-commit", "try-repo", str(mirror), "congkhai-validate", "--all-files"]
    good = subprocess.run(hook, cwd=site, env=env, capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    (site / "catalog" / "units" / "so-tu-phap.yaml").write_text("id: [\n", encoding="utf-8")
    _run(git + ["add", "-A"], cwd=site)
    bad = subprocess.run(hook, cwd=site, env=env, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "catalog/units/so-tu-phap.yaml:" in bad.stdout and "Traceback" not in bad.stdout
