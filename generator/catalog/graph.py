"""Checks along the catalog's one-way links: a unit's parent, a procedure's replaced_by, a unit's successors.

A unit that has ended hands its work to its successors: what is still
published in its name or its folder is pointed to them. These are warnings,
not errors: they appear by themselves when an end date passes, with no file
changed, and `congkhai validate` must not start failing overnight (a build
with `--strict` still stops on them until the files are moved).

Each link leads to at most one place, so a walk is a plain loop — never
recursion: a chain of a thousand units must not reach Python's recursion
limit — and a cycle is found by coming back to a place the walk has passed.

A cycle is reported once on each file of the cycle, at the link that closes
it, and each message names the whole cycle from that file: any one of its
links may be the wrong one, and whoever keeps any of the files sees it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping

SHOWN = 8  # a longer cycle is shown by its first places, its last one, and how many it has


def cycles(links: Mapping[str, str | None]) -> list[tuple[str, ...]]:
    """Every cycle of *links* (each place to at most one other), once, starting at its smallest place."""
    walked: dict[str, int] = {}  # place -> the walk that passed it
    found = []
    for number, start in enumerate(sorted(links)):
        path, place = [], start
        while place in links and place not in walked:
            walked[place] = number
            path.append(place)
            place = links[place]
        if place is not None and walked.get(place) == number:  # back to a place of this same walk
            cycle = path[path.index(place):]
            first = cycle.index(min(cycle))
            found.append(tuple(cycle[first:] + cycle[:first]))
    return sorted(found)


def walk(start: str, links: Mapping[str, str | None]) -> tuple[list[str], bool]:
    """The places from *start* along *links*, *start* first, to the first with no link on;
    True when the links lead back to a place already passed (the list then stops before it)."""
    path, seen, place = [start], {start}, start
    while links.get(place) is not None:
        place = links[place]
        if place in seen:
            return path, True
        path.append(place)
        seen.add(place)
    return path, False


def active_successors(unit_id: str, units: Mapping, today: str) -> list[str]:
    """The units that took over from *unit_id*: its successors, and those of any successor that has ended too."""
    found: list[str] = []
    seen, waiting = {unit_id}, deque(units[unit_id].successors if unit_id in units else ())
    while waiting:
        successor = waiting.popleft()
        if successor in seen or successor not in units:
            continue
        seen.add(successor)
        if units[successor].active_on(today):
            found.append(successor)
        else:
            waiting.extend(units[successor].successors)
    return found


def shown(cycle: tuple[str, ...], start: str) -> str:
    """The cycle as read from *start*: "a" → "b" → "c" → "a"."""
    at = cycle.index(start)
    ring = list(cycle[at:] + cycle[:at])
    if len(ring) > SHOWN:
        ring = ring[: SHOWN - 2] + ["…", ring[-1]]
    text = " → ".join(name if name == "…" else f'"{name}"' for name in [*ring, start])
    return text if len(cycle) <= SHOWN else f"{text} (vòng gồm {len(cycle)} mục)"


def check_parent_cycles(entries, catalog, error) -> None:
    """A unit above itself, directly or through other units: on the parent line of each unit of the cycle."""
    files = _files(entries, "units", "id")
    for cycle in cycles({key: unit.parent for key, unit in catalog.units.items()}):
        for unit_id in cycle:
            if unit_id not in files:
                continue
            if len(cycle) == 1:
                error(files[unit_id], "parent", f'parent: đơn vị "{unit_id}" ghi chính mình là đơn vị cấp trên — hãy ghi mã đơn vị cấp trên thật, '
                      "hoặc xóa dòng parent nếu đây là cơ quan cao nhất")
            else:
                error(files[unit_id], "parent", f"parent: các đơn vị cấp trên nối thành vòng {shown(cycle, unit_id)} — "
                      "một đơn vị không thể là cấp trên (trực tiếp hay gián tiếp) của chính mình; hãy sửa parent ở một tệp trong vòng "
                      "(chỉ cần một chỗ) thành mã đơn vị cấp trên thật, hoặc xóa dòng parent ở cơ quan cao nhất")


def check_replacements(entries, catalog, error) -> None:
    """replaced_by must lead, in one step, to a procedure that is carried out today."""
    files = _files(entries, "procedures", "code")
    links = {code: p.replaced_by for code, p in catalog.procedures.items() if getattr(p, "replaced_by", None)}
    onward = replaced_links(catalog.procedures)
    in_cycle = set()
    for cycle in cycles(links):
        in_cycle.update(cycle)
        for code in cycle:
            if code in files:
                error(files[code], "replaced_by", _cycle_message(cycle, code))
    for code, entry in files.items():
        target = links.get(code)
        if target and code not in in_cycle:
            found = _chain_message(target, catalog.procedures, onward)
            if found:
                error(entry, "replaced_by", found[1], warning=found[0])


def replaced_links(procedures: Mapping) -> dict[str, str | None]:
    """Where each replaced procedure sends citizens: its replaced_by."""
    return {key: p.replaced_by for key, p in procedures.items() if getattr(p, "status", None) == "replaced"}


def replacement(code: str, procedures: Mapping, links: Mapping | None = None) -> tuple[list[str], str | None]:
    """The procedures from *code* along replaced_by while they are replaced, and the status of the last
    one: "active", "amended", "abolished", or None when it is not known (a loop, a code or a file missing).
    *links* are ``replaced_links(procedures)``, given when walking many times."""
    path, looped = walk(code, replaced_links(procedures) if links is None else links)
    last = procedures.get(path[-1])
    if looped or last is None or getattr(last, "status", "replaced") == "replaced":
        return path, None
    return path, last.status


def _chain_message(target: str, procedures: Mapping, links: Mapping) -> tuple[bool, str] | None:
    """(is a warning, message) for a replaced_by that does not lead straight to a procedure carried out today:
    an error when it leads to no such procedure at all, a warning when it does in more than one step."""
    path, status = replacement(target, procedures, links)
    chain = " → ".join(f'"{code}"' for code in path)
    if status == "abolished" and len(path) == 1:
        return False, (f'replaced_by: thủ tục thay thế "{target}" đã bãi bỏ (status: abolished) — người dân sẽ được chỉ đến một thủ tục không còn thực hiện; '
                       "hãy ghi mã thủ tục đang thực hiện thay thế, hoặc đổi status thành abolished và xóa replaced_by nếu không có thủ tục nào thay thế")
    if status == "abolished":
        return False, (f'replaced_by: thủ tục "{target}" cũng đã được thay thế, và chuỗi thay thế {chain} kết thúc ở một thủ tục đã bãi bỏ — '
                       "không dẫn đến thủ tục nào đang thực hiện; hãy ghi mã thủ tục đang thực hiện thay thế, "
                       "hoặc đổi status thành abolished và xóa replaced_by nếu không có thủ tục nào thay thế")
    if status and len(path) > 1:
        return True, (f'replaced_by: thủ tục "{target}" cũng đã được thay thế — chuỗi {chain} dẫn đến thủ tục đang thực hiện "{path[-1]}"; '
                      f'hãy ghi thẳng replaced_by: "{path[-1]}" để người dân đến ngay thủ tục mới')
    return None


def _cycle_message(cycle: tuple[str, ...], code: str) -> str:
    if len(cycle) == 1:
        return f'replaced_by: thủ tục "{code}" ghi chính mã của mình là thủ tục thay thế — hãy ghi mã của thủ tục mới thay thế nó'
    return (f"replaced_by: các thủ tục thay thế nhau thành vòng {shown(cycle, code)} — người dân sẽ bị chỉ qua lại mà không đến được thủ tục nào "
            "đang thực hiện; hãy sửa replaced_by ở một tệp trong vòng (chỉ cần một chỗ) thành mã thủ tục mới đang thực hiện")


def check_ended_folder(entry, catalog, today: str, error) -> None:
    """A listed procedure or internal procedure kept in the folder of a unit that has ended."""
    unit, what = _ended_home(entry, catalog), _WHAT[entry.folder]
    if unit is not None and ended(unit, today):
        error(entry, "owner", f'{what} vẫn đang công bố (status: {entry.model.status}) nhưng nằm trong thư mục của đơn vị "{unit.id}", '
              f"đơn vị đã kết thúc hoạt động từ ngày {unit.valid_to} — {_move(entry, unit, catalog, today)}, "
              f"hoặc đặt status: abolished nếu {what} không còn thực hiện", warning=True)


def no_unit_left(implementing, units: Mapping, today: str) -> bool:
    """The units named are all known and all ended, and no kind of unit is named: nobody carries the procedure out."""
    named = [units.get(unit_id) for unit_id in implementing.units]
    return bool(named) and not implementing.kinds and all(u is not None and ended(u, today) for u in named)


def check_ended_implementing(entry, catalog, today: str, error) -> None:
    """A listed procedure whose implementing units have all ended: on each of them, with its successors."""
    if not no_unit_left(entry.model.implementing, catalog.units, today):
        return
    what = _WHAT[entry.folder]
    for index, unit_id in enumerate(entry.model.implementing.units):
        unit = catalog.units[unit_id]
        successors = ", ".join(f'"{s}"' for s in active_successors(unit_id, catalog.units, today))
        fix = f"hãy thay bằng đơn vị kế thừa {successors}" if successors else f"hãy thay bằng mã đơn vị nay thực hiện {what}"
        error(entry, f"implementing.units[{index}]", f'{what} vẫn ghi đơn vị "{_flat(unit.name)}", đơn vị đã kết thúc hoạt động từ ngày {unit.valid_to} — '
              f"không còn đơn vị nào đang hoạt động thực hiện {what} này; {fix}", warning=True)


def check_plan_after_end(entry, catalog, today: str, error) -> None:
    """A plan dated (or, without a date, for a year) after the unit of its folder ended."""
    plan, unit = entry.model, _ended_home(entry, catalog)
    if unit is None:
        return
    if plan.date:
        key, late, when = "date", plan.date > unit.valid_to, f"ban hành ngày {plan.date}"
    else:
        key, late, when = "year", plan.year > unit.valid_to[:4], f"cho năm {plan.year}"
    if late:
        move = _move(entry, unit, catalog, today) + (" (sửa cả issuer)" if plan.issuer == unit.id else "")
        error(entry, key, f'kế hoạch {when}, sau khi đơn vị "{unit.id}" (thư mục chứa tệp) đã kết thúc hoạt động từ ngày {unit.valid_to} — '
              f"đơn vị đã kết thúc không còn ban hành kế hoạch; {move}, hoặc kiểm tra lại {key}", warning=True)


def ended(unit, today: str) -> bool:
    """The unit ended before *today* — unless its end is before its start, a mistake reported on the unit itself."""
    return not unit.active_on(today) and _dated_in_order(unit)


def _dated_in_order(unit) -> bool:
    return not (unit.valid_from and unit.valid_to and unit.valid_to < unit.valid_from)


_WHAT = {"procedures": "thủ tục", "internal": "thủ tục nội bộ", "plans": "kế hoạch"}


def _ended_home(entry, catalog):
    """The unit whose folder holds the file, when the file names it as owner and the unit has an end date."""
    unit = catalog.units.get(entry.owner_dir)
    if unit is None or not unit.valid_to or not _dated_in_order(unit) or entry.model.owner != entry.owner_dir:
        return None
    return unit


def _move(entry, unit, catalog, today: str) -> str:
    """How to move a file out of the folder of a unit that has ended."""
    successors = active_successors(unit.id, catalog.units, today)
    if len(successors) == 1:
        return f'hãy chuyển tệp sang catalog/{entry.folder}/{successors[0]}/ (thư mục của đơn vị kế thừa "{successors[0]}") và sửa owner: {successors[0]}'
    if successors:
        names = ", ".join(f'"{s}"' for s in successors)
        return f"hãy chuyển tệp sang thư mục của một trong các đơn vị kế thừa {names} và sửa owner theo thư mục mới"
    return "hãy chuyển tệp sang thư mục của đơn vị nay đảm nhận việc này và sửa owner (đơn vị đã kết thúc chưa ghi successors)"


def _flat(text: str) -> str:
    """A value from a file on one line of a message."""
    return " ".join(text.split())


def _files(entries, folder: str, key: str) -> dict:
    """The first validated file of each id or code in *folder* (a file not read, known by name only, is left out)."""
    files: dict = {}
    for entry in entries:
        if entry.folder == folder and entry.positions:
            files.setdefault(getattr(entry.model, key), entry)
    return files
