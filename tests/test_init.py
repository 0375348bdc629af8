"""`congkhai init DIR`: a complete starter site, written outside the repository, that validates and builds strictly;
a folder in use, a missing or wrong answer leave nothing behind; questions in a terminal ask a wrong answer again."""

from __future__ import annotations

import html
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

import terminal
from conftest import ROOT, TODAY
from generator.catalog.load import load_catalog
from generator.catalog.owners import codeowners
from generator.text.vietnamese import slug

ID = "ubnd-tinh-thu"
NAME = "Ủy ban nhân dân tỉnh Thử"
REPO = "https://github.com/tinh-thu/congkhai"
ENV = dict(os.environ, CONGKHAI_TODAY=TODAY, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT), PYTHONUTF8="1")
FILES = [
    ".github/CODEOWNERS", ".github/dependabot.yml", ".github/workflows/publish.yml", ".github/workflows/pull-request.yml", ".gitignore",
    ".pre-commit-config.yaml", ".vscode/settings.json", "README.md", "catalog/fields.yaml", "catalog/site.yaml",
    "catalog/synonyms.yaml", f"catalog/units/{ID}.yaml", "content/gioi-thieu.md", "content/huong-dan-dong-gop.md",
    "content/index.md", "content/phan-anh-kien-nghi.md", "mkdocs.yml",
    *(f"schemas/{kind}.schema.json" for kind in ("fields", "internal", "plan", "procedure", "site", "synonyms", "unit",
                                                 "petitions", "scores", "report")),
]
BUILT = ["index.html", "thu-tuc/index.html", f"don-vi/{ID}/index.html", f"don-vi/{ID}/niem-yet-phan-anh/index.html",
         "phan-anh-kien-nghi/index.html", "gioi-thieu/index.html", "huong-dan-dong-gop/index.html", "linh-vuc/ho-tich/index.html",
         "tim-kiem/index.html", "tim-kiem/chi-muc.json", "tim-kiem/chi-muc/muc/0.json", "ban-dung.json", "assets/congkhai.css",
         "assets/congkhai.js"]


def _congkhai(*args: str, cwd: Path | None = None, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=ENV, stdin=stdin, capture_output=True, text=True)


def _build(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=site, env=ENV, capture_output=True, text=True)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _one_line(text: str) -> str:
    assert text.strip() and "\n" not in text.strip() and "Traceback" not in text, text
    return text.strip()


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """A site made with options, without a terminal and without a site address: the illustrative one is written."""
    site = tmp_path_factory.mktemp("outside") / "tinh-thu"
    result = _congkhai("init", str(site), "--authority-id", ID, "--authority-name", NAME, "--repo-url", REPO + "/")
    assert result.returncode == 0, result.stderr
    return site, result


@pytest.fixture(scope="module")
def built(made) -> Path:
    site = made[0]
    result = _build(site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site / "site"


def test_every_starter_file_is_written_and_filled(made):
    site, result = made
    assert not str(site.resolve()).startswith(str(ROOT.resolve()))
    assert sorted(_files(site)) == sorted(FILES)
    for name, data in _files(site).items():
        assert b"@@" not in data, name
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(config)["site_url"] == "https://congkhai.example/"
    assert "congkhai.example/" in result.stderr and "minh họa" in result.stderr


def test_mkdocs_yml_is_the_minimal_configuration(made):
    config = yaml.safe_load((made[0] / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == [{"congkhai": {"catalog": "catalog"}}]
    assert config["theme"]["name"] == "material" and config["theme"]["language"] == "vi" and config["theme"]["font"] is False
    assert "custom_dir" not in config["theme"] and config["docs_dir"] == "content" and config["strict"] is True
    assert config["repo_url"] == REPO and config["edit_uri"] == "edit/main/content/"
    sample = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["nav"] == sample["nav"] and config["markdown_extensions"] == sample["markdown_extensions"]
    assert config["theme"]["features"] == sample["theme"]["features"] and config["theme"]["palette"] == sample["theme"]["palette"]


def test_the_new_catalog_validates_without_warnings(made):
    result = _congkhai("validate", cwd=made[0])
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert _one_line(result.stderr) == "Danh mục hợp lệ: 0 thủ tục, 0 thủ tục nội bộ, 1 đơn vị, 0 kế hoạch."


def test_the_catalog_names_the_authority_and_shows_no_sample_notice(made):
    catalog = load_catalog(made[0] / "catalog", made[0])
    assert catalog.site.authority == ID and catalog.site.notice is None and catalog.site.popular == ()
    unit = catalog.units[ID]
    assert (unit.name, unit.kind, unit.level) == (NAME, "ubnd-tinh", "tinh")
    assert unit.phones == () and unit.email is None and unit.petition is None  # no invented contact
    assert (made[0] / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == codeowners(catalog)


def test_the_fields_are_the_common_national_ones_with_slug_ids(made):
    fields = yaml.safe_load((made[0] / "catalog" / "fields.yaml").read_text(encoding="utf-8"))["fields"]
    assert len(fields) >= 30
    assert all(field["id"] == slug(field["name"]) and field["sector"] for field in fields)
    names = {field["name"] for field in fields}
    for needed in ("Hộ tịch", "Chứng thực", "Đất đai", "Hoạt động xây dựng", "Đăng ký hộ kinh doanh", "Bảo trợ xã hội",
                   "Người có công", "Thuế", "Hải quan", "Cư trú", "Căn cước", "Nghĩa vụ quân sự"):
        assert needed in names, needed


def test_the_site_builds_strictly(built, made):
    for page in BUILT:
        assert (built / page).is_file(), page
    # a counter screen and the notice-board list need procedures at the unit: a fresh site has none yet
    assert not (built / "man-hinh").exists() and not (built / "don-vi" / ID / "niem-yet").exists()
    unit = BeautifulSoup((built / "don-vi" / ID / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert unit.select_one(".ck-edit a")["href"] == f"{REPO}/edit/main/catalog/units/{ID}.yaml"
    home = (built / "index.html").read_text(encoding="utf-8")
    assert NAME in home and "DỮ LIỆU MẪU" not in home and "Hải Phòng" not in home
    guide = BeautifulSoup((built / "huong-dan-dong-gop" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert f"--owner {ID}" in guide.get_text() and "ubnd-tp-hai-phong" not in guide.get_text()


@pytest.mark.parametrize("authority, kind", [(ID, "ubnd-tinh"), ("ubnd-xa-an-binh", "ubnd-xa")])  # the second: the guide's own example
def test_the_guide_examples_work_for_the_new_authority(tmp_path, authority, kind):
    site = tmp_path / "moi"
    assert _congkhai("init", str(site), "--authority-id", authority, "--authority-name", NAME, "--authority-kind", kind).returncode == 0
    guide = (site / "content" / "huong-dan-dong-gop.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", guide, re.S)
    commands = [shlex.split(line) for block in blocks for line in block.replace("\\\n", " ").splitlines() if "congkhai new" in line]
    assert [command[:3] for command in commands] == [["congkhai", "new", "unit"], ["congkhai", "new", "procedure"]]
    for command in commands:
        result = _congkhai(*command[1:], cwd=site)
        assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "catalog" / "procedures" / authority / "1.000656.yaml").is_file() and len(list(site.glob("catalog/units/*"))) == 2
    result = _congkhai("validate", "--no-review", cwd=site)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_workflows_keep_their_expressions_and_install_congkhai(made):
    folder = made[0] / ".github" / "workflows"
    pull, publish = ((folder / name).read_text(encoding="utf-8") for name in ("pull-request.yml", "publish.yml"))
    assert 'BASE_REF: ${{ github.base_ref }}' in pull and 'congkhai validate --changed "origin/$BASE_REF" --format github' in pull
    assert "url: ${{ steps.deployment.outputs.page_url }}" in publish
    for text in (pull, publish):
        assert "run: python -m pip install congkhai\n" in text and "pytest" not in text and "mkdocs build --strict" in text
    pytest.importorskip("check_jsonschema")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(folder / "pull-request.yml"), str(folder / "publish.yml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_and_editor_settings(made):
    site = made[0]
    hook = yaml.safe_load((site / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    assert (hook["entry"], hook["language"], hook["files"]) == ("congkhai validate --no-review", "system", "^catalog/")
    schemas = json.loads((site / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert schemas["./schemas/unit.schema.json"] == "catalog/units/*.yaml"
    assert all((site / path).is_file() for path in schemas)
    assert (site / ".gitignore").read_text(encoding="utf-8").split() == ["site/", ".site-*/", "__pycache__/"]


def test_a_folder_in_use_is_refused_and_left_as_it_was(tmp_path):
    (tmp_path / "ghi-chu.txt").write_text("đã có", encoding="utf-8")
    before = _files(tmp_path)
    result = _congkhai("init", str(tmp_path), "--authority-id", ID, "--authority-name", NAME)
    assert result.returncode == 2 and "đã có dữ liệu" in _one_line(result.stderr)
    assert _files(tmp_path) == before
    result = _congkhai("init", str(tmp_path / "ghi-chu.txt"), "--authority-id", ID, "--authority-name", NAME)
    assert result.returncode == 2 and "đã có một tệp" in _one_line(result.stderr)
    assert _files(tmp_path) == before


def test_a_fresh_git_repository_is_an_empty_folder(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path / "moi")], check=True)
    result = _congkhai("init", str(tmp_path / "moi"), "--authority-id", ID, "--authority-name", NAME)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "moi" / "mkdocs.yml").is_file() and (tmp_path / "moi" / ".git" / "HEAD").is_file()


@pytest.mark.parametrize("options, missing", [
    (["--authority-id", ID], "--authority-name"),
    ([], "--authority-id, --authority-name"),
])
def test_missing_answers_without_a_terminal_write_nothing(tmp_path, options, missing):
    result = _congkhai("init", str(tmp_path / "moi"), *options)
    assert result.returncode == 2
    assert _one_line(result.stderr).startswith(f"thiếu {missing} — ")
    assert not (tmp_path / "moi").exists()


@pytest.mark.parametrize("options, message", [
    (["--authority-id", "UBND Tỉnh Thử"], 'mã cơ quan "UBND Tỉnh Thử" không hợp lệ — chỉ dùng chữ thường không dấu'),
    (["--authority-id", "ubnd-tinh-thu-"], "không hợp lệ"),
    (["--authority-name", "Ủy ban nhân dân\ntỉnh Thử"], "tên cơ quan: có ký tự điều khiển hoặc ký tự ẩn"),
    (["--authority-kind", "tinh"], 'loại cơ quan "tinh" không có — chỉ dùng một trong: ubnd-tinh'),
    (["--site-url", "congkhai.tinhthu.example"], 'địa chỉ trang "congkhai.tinhthu.example" không hợp lệ'),
    (["--site-url", "ftp://congkhai.example/"], "không hợp lệ — hãy ghi đầy đủ địa chỉ, bắt đầu bằng https://"),
    (["--site-url", 'https://congkhai.example/"><script>'], "không hợp lệ"),
    (["--repo-url", "https://github.com/tinh thu"], 'địa chỉ kho mã "https://github.com/tinh thu" không hợp lệ'),
])
def test_a_wrong_answer_is_refused_in_one_line(tmp_path, options, message):
    answers = {"--authority-id": ID, "--authority-name": NAME}
    answers.update(dict(zip(options[::2], options[1::2])))
    result = _congkhai("init", str(tmp_path / "moi"), *(part for pair in answers.items() for part in pair))
    assert result.returncode == 2
    assert message in _one_line(result.stderr)
    assert not (tmp_path / "moi").exists()


def test_an_awkward_name_round_trips_quoted_and_escaped(tmp_path):
    name = 'Ủy ban nhân dân tỉnh "Thử" \\ nghiệm: #1 <b>&'
    title = f"Công khai thủ tục hành chính — {name}"
    site = tmp_path / "la"
    result = _congkhai("init", str(site), "--authority-id", ID, "--authority-name", name, "--authority-kind", "ubnd-xa",
                       "--site-url", "https://congkhai.tinhthu.example")
    assert result.returncode == 0, result.stderr
    assert "minh họa" not in result.stderr
    catalog = load_catalog(site / "catalog", site)
    assert catalog.site.title == title and catalog.units[ID].name == name and catalog.units[ID].level == "xa"
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == html.escape(title) and config["site_url"] == "https://congkhai.tinhthu.example/"
    build = _build(site)
    assert build.returncode == 0, build.stderr
    home = BeautifulSoup((site / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.title.get_text() == title
    assert home.select_one(".md-header__button.md-logo")["aria-label"] == title
    assert name in home.select_one("article").get_text() and home.select("article b") == []
    unit = BeautifulSoup((site / "site" / "don-vi" / ID / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert unit.title.get_text() == f"{name} - {title}" and unit.select_one("article h1").get_text() == name
    about = BeautifulSoup((site / "site" / "gioi-thieu" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert f"Trang này do {name} công khai" in about.select_one("article").get_text()


QUESTIONS = ["Mã cơ quan công bố (", "Tên đầy đủ của cơ quan (", "Loại cơ quan: ", "Địa chỉ công khai của trang, ", "Địa chỉ kho mã, "]


def _converse(args: list[str], answers: list[tuple[str, int, str]]) -> tuple[int, str]:
    return terminal.converse(args, answers, ENV)


def test_questions_in_a_terminal_ask_a_wrong_answer_again(tmp_path):
    site = tmp_path / "tinh-thu"
    site.mkdir()  # an empty folder is fine
    code, output = _converse(["init", str(site)], [
        (QUESTIONS[0], 1, "UBND tỉnh Thử"), (QUESTIONS[0], 2, ID), (QUESTIONS[1], 1, NAME), (QUESTIONS[2], 1, ""),
        (QUESTIONS[3], 1, "https://congkhai.tinhthu.example"), (QUESTIONS[4], 1, ""),
    ])
    assert code == 0, output
    assert [output.count(question) for question in QUESTIONS] == [2, 1, 1, 1, 1]
    assert output.count("không hợp lệ") == 1 and 'có thể dùng "ubnd-tinh-thu"' in output
    assert sorted(_files(site)) == sorted(FILES)
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == "https://congkhai.tinhthu.example/" and "repo_url" not in config
    unit = load_catalog(site / "catalog", site).units[ID]
    assert (unit.name, unit.kind) == (NAME, "ubnd-tinh")


def test_end_of_input_at_a_question_writes_nothing(tmp_path):
    code, output = _converse(["init", str(tmp_path / "moi"), "--authority-id", ID], [(QUESTIONS[1], 1, "\x04")])  # Ctrl-D
    assert code == 2 and "Đã dừng — chưa viết tệp nào." in output and "Traceback" not in output
    assert QUESTIONS[0] not in output  # given as an option: not asked
    assert not (tmp_path / "moi").exists()
