"""Who may change what: a unit's folders belong to its maintainers, and a unit publishes only under its own name.

``codeowners`` writes GitHub's CODEOWNERS from the maintainers listed in each
unit file, so that a pull request touching a unit's files asks that unit's
maintainers for review. ``lineage`` gives a unit and its parents, which the
ownership checks use.
"""

from __future__ import annotations

HEADER = """# Sinh tự động bởi `congkhai codeowners` từ danh sách maintainers trong catalog/units/*.yaml.
# Đừng sửa tay: hãy sửa maintainers của đơn vị rồi chạy lại lệnh.
"""


def lineage(unit_id: str, units: dict) -> list[str]:
    """The unit and its parents, nearest first; stops at a unit that is missing or seen twice."""
    chain: list[str] = []
    while unit_id in units and unit_id not in chain:
        chain.append(unit_id)
        unit_id = units[unit_id].parent
    return chain


def codeowners(catalog) -> str:
    lines = [HEADER]
    authority = catalog.units.get(catalog.site.authority)
    if authority is not None and authority.maintainers:
        owners = " ".join(authority.maintainers)
        lines += [f"/catalog/ {owners}", f"/schemas/ {owners}", ""]
    for unit in sorted(catalog.units.values(), key=lambda u: u.id):
        if not unit.maintainers:
            continue
        owners = " ".join(unit.maintainers)
        lines.append(f"/catalog/units/{unit.id}.yaml {owners}")
        for folder in ("procedures", "internal", "plans", "reports"):
            lines.append(f"/catalog/{folder}/{unit.id}/ {owners}")
        lines += [f"/catalog/petitions/{unit.id}.yaml {owners}", f"/catalog/scores/{unit.id}.yaml {owners}"]
    return "\n".join(lines).rstrip("\n") + "\n"
