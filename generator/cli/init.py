"""A new site in a folder: `congkhai init DIR`.

From a few answers (asked in a terminal, or given as options for scripts) a
complete site is written: mkdocs.yml, a catalog with the authority as its
one unit and the common national fields, the hand-written pages, the checks
on GitHub and before each commit, the editor's schemas. The starter files in
``generator/starter/`` carry ``@@MARK@@`` marks (not Jinja: the workflows'
``${{ }}`` stay); every answer is checked, then written quoted for its place.
"""

from __future__ import annotations

import html
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from generator.catalog import kinds
from generator.catalog.errors import CatalogError
from generator.catalog.jsonschema import FILES, write_schemas
from generator.catalog.load import load_catalog
from generator.catalog.owners import codeowners
from generator.text.vietnamese import nfc, slug

STARTER = Path(__file__).resolve().parent.parent / "starter"
EXAMPLE_URL = "https://congkhai.example/"
DEFAULT_KIND = "ubnd-tinh"
KINDS_HELP = f"loại cơ quan công bố (mặc định {DEFAULT_KIND}): " + ", ".join(kinds.UNIT_KINDS)
# Starter files kept under names without a leading dot (package data skips dotfiles), and the unit's file
DOTTED = {"gitignore": ".gitignore", "pre-commit-config.yaml": ".pre-commit-config.yaml", "github": ".github"}
UNIT_TEMPLATE = "catalog/unit.yaml"
_MARK = re.compile(r"@@([A-Z_]+)@@")
_MARKDOWN = re.compile(r"([\\`*_\[\]{}#])")
_URL_CHARS = re.compile(r"[^\s\"'<>\\^`{}|]+")
MAX_NAME = 200
EXAMPLE_UNITS = [("ubnd-xa-an-binh", "An Bình"), ("ubnd-xa-binh-an", "Bình An")]


class InitError(Exception):
    """Why the site was not written: one line, in Vietnamese."""


@dataclass(frozen=True)
class Answers:
    authority_id: str
    authority_name: str
    site_url: str | None = None  # None: not known yet, the illustrative EXAMPLE_URL is written
    repo_url: str | None = None
    authority_kind: str = DEFAULT_KIND

    @property
    def title(self) -> str:
        return f"Công khai thủ tục hành chính — {self.authority_name}"


def _line(value: str, what: str) -> str | None:
    """The value on one line, NFC, without control or invisible characters; None when blank."""
    value = nfc(value.strip())
    if not value:
        return None
    if not value.isprintable():
        raise InitError(f"{what}: có ký tự điều khiển hoặc ký tự ẩn (xuống dòng, tab…) — hãy gõ lại trên một dòng")
    return value


def check_id(value: str) -> str | None:
    value = _line(value, "mã cơ quan")
    if value is None or re.fullmatch(kinds.SLUG, value):
        return value
    hint = f', có thể dùng "{slug(value)}"' if slug(value) else ""
    raise InitError(f'mã cơ quan "{value}" không hợp lệ — chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, '
                    f'ví dụ "ubnd-tinh-thu"{hint}')


def check_name(value: str) -> str | None:
    value = _line(value, "tên cơ quan")
    if value is not None and len(value) > MAX_NAME:
        raise InitError(f"tên cơ quan dài {len(value)} ký tự — hãy ghi tên không quá {MAX_NAME} ký tự")
    return value


def check_kind(value: str) -> str | None:
    value = _line(value, "loại cơ quan")
    if value is None or value in kinds.UNIT_KINDS:
        return value
    raise InitError(f'loại cơ quan "{value}" không có — chỉ dùng một trong: ' + ", ".join(kinds.UNIT_KINDS))


def _url(value: str, what: str) -> str | None:
    value = _line(value, what)
    try:
        parts = urlsplit(value or "")
        fine = bool(parts.hostname) and parts.scheme in ("http", "https") and not (parts.query or parts.fragment)
    except ValueError:  # a malformed host ("https://[x")
        fine = False
    if value is None or (fine and _URL_CHARS.fullmatch(value)):
        return value
    raise InitError(f'{what} "{value}" không hợp lệ — hãy ghi đầy đủ địa chỉ, bắt đầu bằng https:// (hoặc http://), '
                    'không có dấu cách, dấu nháy, dấu ? hay #')


def check_site_url(value: str) -> str | None:
    value = _url(value, "địa chỉ trang")
    return value if value is None or value.endswith("/") else value + "/"


def check_repo_url(value: str) -> str | None:
    value = _url(value, "địa chỉ kho mã")
    return value.rstrip("/") if value else None


# (answer, question, check, required); an answer's option is --authority-id for authority_id
QUESTIONS = [
    ("authority_id", "Mã cơ quan công bố (chữ thường không dấu, chữ số, dấu gạch ngang; ví dụ ubnd-tinh-thu)", check_id, True),
    ("authority_name", "Tên đầy đủ của cơ quan (ví dụ Ủy ban nhân dân tỉnh Thử)", check_name, True),
    ("authority_kind", f"Loại cơ quan: {', '.join(kinds.UNIT_KINDS)} (Enter: {DEFAULT_KIND})", check_kind, False),
    ("site_url", f"Địa chỉ công khai của trang, bắt đầu bằng https:// (Enter nếu chưa có: dùng địa chỉ minh họa {EXAMPLE_URL})",
     check_site_url, False),
    ("repo_url", "Địa chỉ kho mã, để có liên kết “Đề nghị chỉnh sửa” (Enter nếu chưa có)", check_repo_url, False),
]


def collect(options: dict, interactive: bool, ask=input) -> Answers:
    """The answers: the options given (checked), then, in a terminal, a question for each one missing;
    an invalid answer is asked again. Without a terminal a missing required answer is an InitError."""
    values = {}
    for key, question, check, required in QUESTIONS:
        if options.get(key) is not None:
            values[key] = check(options[key])
        elif interactive:
            values[key] = _ask(question, check, required, ask)
    missing = ["--" + key.replace("_", "-") for key, _, _, required in QUESTIONS if required and values.get(key) is None]
    if missing:
        raise InitError("thiếu " + ", ".join(missing) + " — không có bàn phím để hỏi, hãy ghi các tùy chọn đó; chưa viết tệp nào")
    return Answers(**{key: value for key, value in values.items() if value is not None})


def _ask(question: str, check, required: bool, ask) -> str | None:
    while True:
        try:
            value = check(ask(f"{question}: "))
        except InitError as exc:
            print(f"{exc}. Hãy trả lời lại.", file=sys.stderr)
            continue
        if value is not None or not required:
            return value
        print("Câu này cần trả lời.", file=sys.stderr)


def check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise InitError(f"{target}: đã có một tệp tên này — hãy chọn một thư mục mới hoặc trống; chưa viết tệp nào")
    if target.is_dir() and any(path.name != ".git" for path in target.iterdir()):  # a fresh `git init` is empty
        raise InitError(f"{target}: thư mục đã có dữ liệu — hãy chọn một thư mục mới hoặc trống; chưa viết tệp nào")


def init_site(target: Path, answers: Answers) -> list[Path]:
    """Write the starter site into *target* (absent or empty); returns the files written."""
    check_target(target)
    files = starter_files(answers)
    files[".vscode/settings.json"] = editor_settings()
    written = []
    for relative, text in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    written += write_schemas(target / "schemas")
    owners = target / ".github" / "CODEOWNERS"
    owners.write_text(codeowners(load_catalog(target / "catalog", target)), encoding="utf-8")
    return written + [owners]


def starter_files(answers: Answers) -> dict[str, str]:
    """Relative path in the new site → text, for every file of generator/starter/."""
    values = marks(answers)
    files = {}
    for path in sorted(p for p in STARTER.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        relative = path.relative_to(STARTER).as_posix()
        files[_target_name(relative, answers)] = _MARK.sub(lambda mark: values[mark.group(1)], path.read_text(encoding="utf-8"))
    return files


def _target_name(relative: str, answers: Answers) -> str:
    if relative == UNIT_TEMPLATE:
        return f"catalog/units/{answers.authority_id}.yaml"
    first, _, rest = relative.partition("/")
    return "/".join(filter(None, (DOTTED.get(first, first), rest)))


def marks(a: Answers) -> dict[str, str]:
    """The value of each mark, already quoted for the place it goes (YAML, Markdown)."""
    site_url = a.site_url or EXAMPLE_URL
    example_id, example_name = EXAMPLE_UNITS[a.authority_id == EXAMPLE_UNITS[0][0]]  # the guide's commune: never the authority
    repo = f"repo_url: {yaml_str(a.repo_url)}\n# Nhánh chính không phải main: hãy sửa edit_uri.\nedit_uri: \"edit/main/content/\"\n" if a.repo_url else ""
    return {
        "ID": a.authority_id,
        "NAME": yaml_str(a.authority_name),
        "NAME_MD": markdown_text(a.authority_name),
        "TITLE": yaml_str(a.title),
        # the theme writes site_name into the page without escaping it: it is written here as HTML
        "SITE_NAME": yaml_str(html.escape(a.title, quote=True)),
        "SITE_URL": yaml_str(site_url),
        "SITE_URL_NOTE": "" if a.site_url else " Địa chỉ .example là minh họa: hãy thay bằng địa chỉ thật trước khi đăng.",
        "REPO": repo,
        "KIND": a.authority_kind,
        "KINDS": " | ".join(kinds.UNIT_KINDS),
        "LEVEL": {"ubnd-xa": "xa", "ubnd-huyen": "huyen"}.get(a.authority_kind, "tinh"),
        "EXAMPLE_ID": example_id,
        "EXAMPLE_NAME": example_name,
    }


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's: \\" and \\\\)."""
    return json.dumps(text, ensure_ascii=False)


def markdown_text(text: str) -> str:
    """Text that Markdown shows as typed: its marks escaped, its HTML characters as entities."""
    return html.escape(_MARKDOWN.sub(r"\\\1", text), quote=False)


def editor_settings() -> str:
    """.vscode/settings.json: each catalog file checked against its schema as it is typed."""
    schemas = {f"./schemas/{name}.schema.json": files for name, (_, _, files) in FILES.items()}
    settings = {"yaml.schemas": schemas, "files.encoding": "utf8", "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2}}
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def run_init(args) -> int:
    """`congkhai init DIR`: 0 when the site was written, 2 when nothing was (a folder in use, a wrong answer)."""
    target = Path(args.dir)
    try:
        check_target(target)
        answers = collect({key: getattr(args, key, None) for key, *_ in QUESTIONS}, sys.stdin.isatty())
        written = init_site(target, answers)
    except InitError as exc:
        print(exc, file=sys.stderr)
        return 2
    except (EOFError, KeyboardInterrupt):  # at a question: nothing is written before the last answer
        print("\nĐã dừng — chưa viết tệp nào.", file=sys.stderr)
        return 2
    except CatalogError as exc:  # the starter itself is wrong: a bug of congkhai, said as validate says it
        print(f"Danh mục vừa viết có lỗi:\n{exc.report()}", file=sys.stderr)
        return 1
    _report(target, answers, len(written))
    return 0


def _report(target: Path, answers: Answers, count: int) -> None:
    print(f"Đã tạo trang công khai của {answers.authority_name} trong {target} ({count} tệp).", file=sys.stderr)
    if not answers.site_url:
        print(f"site_url là địa chỉ minh họa {EXAMPLE_URL} — hãy ghi địa chỉ thật của trang vào mkdocs.yml trước khi đăng "
              "(mã QR trên màn hình Bộ phận Một cửa dẫn về đó).", file=sys.stderr)
    print(f"Tiếp theo: điền thông tin liên hệ trong catalog/units/{answers.authority_id}.yaml, thêm thủ tục bằng "
          f"`congkhai new procedure`, rồi dựng trang: cd {target} && python3 -m mkdocs build", file=sys.stderr)
