"""Which files of the catalog folder are read, which are refused, and which are reported as not read.

Only real files inside the catalog folder are read: a symbolic link, to a
file of the repository or to one outside it (the CI runner's own files), is
refused without being opened, so its target's content is never published
nor echoed. File and folder names are ASCII, so a look-alike name
("２.００９９６２.yaml") cannot make a second address for the same procedure.
A file the loader does not read is reported, never passed over in silence.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from generator.text.vietnamese import slug

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*", re.ASCII)
_BACKUP = re.compile(r"(~|\.swp|\.swo|\.swx|\.bak|\.orig|\.rej|\.tmp)$|^#.*#$|^\.~lock\.|^~\$", re.I)
_SYSTEM = {".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep", ".keep"}
MEDIA = "media"  # files kept beside the catalog (videos, captions, images): not catalog entries


def refuse(path: Path, name: str, folder: bool = False) -> str | None:
    """Why *path* may not be read at all, or None."""
    what = "thư mục" if folder else "tệp"
    if path.is_symlink():
        return (f"{what} này là liên kết tượng trưng (symlink) trỏ tới chỗ khác — danh mục chỉ đọc {what} thật nằm trong "
                f"thư mục catalog; hãy xóa liên kết và đặt vào đây {what} thật")
    if name in _SYSTEM or _BACKUP.search(name) or (folder and name.startswith(".")):
        return None
    stem = name[: -len(".yaml")] if not folder and name.lower().endswith(".yaml") else name
    if not _NAME.fullmatch(stem):
        return (f"tên {what} chỉ dùng chữ cái không dấu, chữ số, dấu chấm và dấu gạch ngang "
                f"(không dấu cách, không chữ có dấu, không chữ số toàn khổ){_rename(name, folder)}")
    return None


def skipped(parts: tuple[str, ...]) -> tuple[bool, str] | None:
    """For a file that is not read: (whether this is only a warning, what to do); None for a catalog file.
    Files that are meant to be skipped (a .gitkeep, media) give (True, "")."""
    name = parts[-1]
    if parts[0] == MEDIA and len(parts) > 1 or name in (".gitkeep", ".keep"):
        return True, ""
    if name.endswith(".yaml"):
        return None
    if name.lower().endswith((".yaml", ".yml")):
        right = re.sub(r"\.(yaml|yml)$", ".yaml", name, flags=re.I)
        return False, f'tệp danh mục phải có đuôi ".yaml" viết thường — hãy đổi tên thành "{right}"; tệp chưa được đọc'
    if re.search(r"\.ya?ml\.", name, re.I) and not _BACKUP.search(name):
        right = re.sub(r"(\.ya?ml)\..*$", ".yaml", name, flags=re.I)
        return False, f'tên tệp có đuôi thừa sau ".yaml" (thường do trình soạn thảo tự thêm) — hãy đổi tên thành "{right}"; tệp chưa được đọc'
    if _BACKUP.search(name) or name in _SYSTEM:
        return True, "tệp sao lưu hoặc tệp tạm của trình soạn thảo, không được đọc — hãy xóa tệp này khỏi kho"
    return True, 'tệp này không được đọc: danh mục chỉ đọc các tệp ".yaml" — nếu đây là tài liệu đính kèm, hãy để ở ngoài thư mục catalog'


def _rename(name: str, folder: bool) -> str:
    folded = unicodedata.normalize("NFKC", name)
    if not folder and folded.lower().endswith(".yaml"):
        stem = folded[: -len(".yaml")]
        candidate = stem if _NAME.fullmatch(stem) else slug(stem)
        return f' — hãy đổi tên thành "{candidate}.yaml"' if candidate else ""
    candidate = folded if _NAME.fullmatch(folded) else slug(folded)
    return f' — hãy đổi tên thành "{candidate}"' if candidate else ""
