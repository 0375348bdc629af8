"""The baseline for bench/build.py: the same catalog as plain Markdown pages for stock MkDocs + Material.

One Markdown page per procedure (the same parts as congkhai's page), built by
MkDocs with Material and its own search, with only the home page in the
navigation — the fastest way a site like this is usually made.
"""

from __future__ import annotations

from pathlib import Path

from generator.catalog.load import load_catalog
from generator.catalog.kinds import CHANNELS, LEVELS

CONFIG = """site_name: Baseline
docs_dir: docs
theme:
  name: material
  language: vi
  font: false
plugins:
  - search
nav:
  - index.md
validation:
  nav:
    omitted_files: ignore
"""


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def procedure_markdown(p, fields, units) -> str:
    lines = [f"# {p.name}", "", f"**Mã thủ tục:** {p.code} · **Lĩnh vực:** {fields[p.field].name} · "
             f"**Cấp:** {', '.join(LEVELS[level] for level in p.levels)}", "", "## Cơ quan thực hiện", ""]
    lines += [f"- {units[u].name}" for u in p.implementing.units] + [f"- {k}" for k in p.implementing.kinds] + ["", "## Trình tự thực hiện", ""]
    lines += [f"{i}. {step}" for i, step in enumerate(p.steps, 1)] + ["", "## Cách thức thực hiện", "",
              "| Hình thức nộp | Thời hạn giải quyết | Phí, lệ phí |", "|---|---|---|"]
    lines += [f"| {CHANNELS[c.kind]} | {_cell(c.time)} | {_cell(c.fee)} |" for c in p.channels]
    lines += ["", "## Thành phần hồ sơ", "", "| Tên giấy tờ | Bản chính | Bản sao |", "|---|---|---|"]
    lines += [f"| {_cell(d.name)} | {d.originals or ''} | {d.copies or ''} |" for d in p.documents]
    lines += ["", "## Kết quả thực hiện", "", p.result, "", "## Yêu cầu, điều kiện", "", p.requirements or "Không", "",
              "## Căn cứ pháp lý", ""] + [f"- {law}" for law in p.legal_basis]
    return "\n".join(lines) + "\n"


def write_baseline(catalog_dir: Path, out: Path) -> None:
    catalog = load_catalog(catalog_dir)
    docs = out / "docs"
    (docs / "thu-tuc").mkdir(parents=True)
    (out / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Baseline\n", encoding="utf-8")
    for p in catalog.procedures.values():
        (docs / "thu-tuc" / f"{p.code}.md").write_text(procedure_markdown(p, catalog.fields, catalog.units), encoding="utf-8")
