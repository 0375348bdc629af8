"""What may become a link on a published page: web addresses, e-mail addresses and phone numbers.

One set of rules, used twice: when the catalog is validated (a value that breaks
them is an error, in Vietnamese, at the value) and when a page is rendered (a
value that breaks them is shown as text, never as a live ``href``).

* a web address is ``http(s)://`` and a real host name (or an IPv4 address),
  with no user name or password before the host, and no space, control
  character, quote, angle bracket or backslash anywhere;
* an e-mail address is one bare address: ASCII letters, digits and ``._+-``
  before the ``@`` (no ``%``), a domain of letters, digits and hyphens (IDN as
  punycode, ``xn--…``); no ``mailto:``, no ``?bcc=…``, no second address;
* a phone number is digits, shown as typed with spaces, dots, hyphens and
  brackets, and an optional leading ``+``; its ``tel:`` target is digits only.

Each ``*_problem`` function returns None for a good value, or what is wrong
and how to fix it (a message quoting the value).
"""

from __future__ import annotations

import re
import unicodedata

WEB_SCHEMES = ("https", "http")

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = re.compile(rf"(?:{_LABEL}\.)+(?:[A-Za-z]{{2,63}}|xn--[A-Za-z0-9-]{{1,59}})", re.ASCII)
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4 = re.compile(rf"{_OCTET}(?:\.{_OCTET}){{3}}")
_LOCAL = re.compile(r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*", re.ASCII)
_NOT_IN_URL = {'"': 'dấu nháy kép (")', "'": "dấu nháy đơn (')", "<": "dấu <", ">": "dấu >", "\\": "dấu \\",
               "`": "dấu `", "{": "dấu {", "}": "dấu }", "|": "dấu |", "^": "dấu ^"}
_LINK_LIKE = re.compile(r"\s*(?:[a-z][a-z0-9+.-]*://|(?:javascript|vbscript|data|mailto|tel|sms|file|blob|about|ftp)\s*:|www\.)", re.I)
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_EXAMPLE_PHONE = '"0225 3842 123"'
_NO_PHONE = "nếu chưa có số điện thoại thì bỏ hẳn trường này"


def url_problem(text: str, schemes: tuple[str, ...] = WEB_SCHEMES) -> str | None:
    """What is wrong with the web address *text*, or None."""
    quoted = f'liên kết "{text}"'
    base = f"{quoted} không hợp lệ — phải bắt đầu bằng https:// (hoặc http://) và không có dấu cách"
    hidden = _hidden(text)
    if hidden:
        return f"{quoted} có {hidden} — hãy viết liên kết trên một dòng, tốt nhất là chép lại từ thanh địa chỉ của trình duyệt"
    scheme, sep, rest = text.partition("://")
    if not sep or scheme not in schemes or any(c.isspace() for c in text):
        if not sep and not any(c.isspace() for c in text) and _DOMAIN.fullmatch(re.split(r"[/?#]", text)[0]):
            return f'{quoted} thiếu "https://" ở đầu — hãy viết "https://{text}"'
        return base
    bad = next((c for c in text if c in _NOT_IN_URL), None)
    if bad:
        return f"{quoted} có {_NOT_IN_URL[bad]}, ký tự không dùng được trong liên kết — hãy chép lại liên kết từ thanh địa chỉ của trình duyệt"
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if "@" in authority:
        userinfo, _, host = authority.rpartition("@")
        return (f'{quoted} có tên đăng nhập hoặc mật khẩu ("{userinfo}@") trước tên miền, và trang được mở là "{host}" — '
                f'không công bố liên kết kèm thông tin đăng nhập; hãy xóa phần "{userinfo}@"')
    host, colon, port = authority.partition(":") if authority.count(":") == 1 else (authority, "", "")
    if not host:
        return f'{quoted} thiếu tên miền sau "{scheme}://" — hãy viết đủ địa chỉ của trang, ví dụ "https://dichvucong.gov.vn"'
    if not (_DOMAIN.fullmatch(host) or _IPV4.fullmatch(host)):
        idn = "; tên miền có dấu tiếng Việt hãy viết dạng xn--…" if not host.isascii() else ""
        return (f'{quoted} có tên miền "{host}" không hợp lệ — tên miền là địa chỉ công khai gồm chữ cái không dấu, chữ số '
                f'và dấu gạch ngang, các phần ngăn bởi dấu chấm, ví dụ "dichvucong.gov.vn"{idn}')
    if colon and not (port.isdigit() and port.isascii() and 0 < int(port) < 65536):
        return f'{quoted} có số cổng "{port}" không hợp lệ — hãy bỏ phần ":{port}" hoặc ghi đúng số cổng'
    return None


def email_problem(text: str) -> str | None:
    """What is wrong with the e-mail address *text*, or None."""
    quoted = f'"{text}" không phải địa chỉ thư điện tử'
    shape = "dạng ten@coquan.gov.vn"
    hidden = _hidden(text)
    if hidden:
        return f"{quoted}: có {hidden} — hãy viết địa chỉ trên một dòng, {shape}"
    bare = text.split("?", 1)[0]
    many = bare.count("@") > 1 or ("@" in bare and re.search(r"[,;]", bare))
    if text.lower().startswith("mailto:"):
        query = ' và phần từ dấu "?" trở đi' if "?" in text else ""
        others = "; chỉ ghi một địa chỉ" if many else ""
        return f'{quoted} — chỉ ghi địa chỉ, {shape}: bỏ "mailto:" ở đầu{query}{others}'
    if "?" in text:
        return f'{quoted} — chỉ ghi địa chỉ, {shape}: bỏ phần từ dấu "?" trở đi (bcc, cc, body… không được phép)'
    if "%" in text:
        return f'{quoted} — không được có dấu "%" hay mã %xx (như %0D%0A) trong địa chỉ; chỉ ghi địa chỉ, {shape}'
    if many:
        return f"{quoted} — trường này chỉ ghi một địa chỉ, {shape}; hãy bỏ các địa chỉ còn lại"
    local, at, domain = text.rpartition("@")
    if not at or any(c.isspace() for c in text):
        return f"{quoted} — hãy viết {shape}, không có dấu cách"
    if not text.isascii():
        return f"{quoted} — địa chỉ thư điện tử viết không dấu, {shape} (tên miền có dấu tiếng Việt viết dạng xn--…)"
    if not _LOCAL.fullmatch(local):
        return f"{quoted} — phần trước @ chỉ gồm chữ cái không dấu, chữ số và các dấu . _ + - (không bắt đầu, kết thúc bằng dấu chấm)"
    if not _DOMAIN.fullmatch(domain) or len(text) > 254:
        return f'{quoted} — tên miền "{domain}" không hợp lệ: chỉ gồm chữ cái không dấu, chữ số và dấu gạch ngang, ngăn bởi dấu chấm, ví dụ "coquan.gov.vn"'
    return None


def phone_problem(text: str) -> str | None:
    """What is wrong with the phone number *text*, or None."""
    quoted = f'"{text}"'
    hidden = _hidden(text)
    if hidden:
        return f"{quoted} có {hidden} — hãy viết số điện thoại trên một dòng, ví dụ {_EXAMPLE_PHONE}"
    digits = sum(c in "0123456789" for c in text)
    if not digits:
        return f"{quoted} không phải số điện thoại — chỉ ghi số, ví dụ {_EXAMPLE_PHONE}; {_NO_PHONE}"
    if any(c.isalpha() for c in text):
        return (f"{quoted} có chữ — chỉ ghi số điện thoại, ví dụ {_EXAMPLE_PHONE} (ghi chú như máy lẻ, tên đường dây "
                f"không ghi vào đây); {_NO_PHONE}")
    if re.search(r"[0-9].*[,;/].*[0-9]", text):
        return f"{quoted} có vẻ gồm nhiều số — mỗi mục chỉ ghi một số điện thoại"
    bad = next((c for c in re.sub(r"^\s*\(?\+", "", text) if c not in "0123456789 .-()"), None)
    if bad:
        return (f'{quoted} có ký tự "{bad}" không dùng trong số điện thoại — chỉ ghi chữ số, có thể thêm dấu cách, dấu chấm, '
                f"dấu gạch ngang, dấu ngoặc và dấu + ở đầu, ví dụ {_EXAMPLE_PHONE}")
    if not 3 <= digits <= 15:
        many = "; nếu đây là nhiều số, mỗi mục chỉ ghi một số" if digits > 15 else ""
        return f"{quoted} có {digits} chữ số — số điện thoại có từ 3 đến 15 chữ số; hãy kiểm tra lại{many}"
    return None


def looks_like_link(text: str) -> bool:
    """Free text that a reader (or a browser) would take for a link: "https://…", "www.…", "mailto:…", "javascript:…"."""
    return bool(_LINK_LIKE.match(text))


def web_href(text: str | None) -> str | None:
    return text if text and url_problem(text) is None else None


def mailto_href(address: str | None) -> str | None:
    return f"mailto:{address}" if address and email_problem(address) is None else None


def tel_href(number: str | None) -> str | None:
    if not number or phone_problem(number) is not None:
        return None
    plus = "+" if re.match(r"\s*\(?\+", number) else ""
    return "tel:" + plus + "".join(c for c in number if c in "0123456789")


def safe_href(link: str | None) -> str | None:
    """*link* if it may be a live href: a web address, ``mailto:`` one bare address, ``tel:`` digits only."""
    if not link:
        return None
    if link.startswith("mailto:"):
        return link if mailto_href(link[7:]) == link else None
    if link.startswith("tel:"):
        return link if re.fullmatch(r"tel:\+?[0-9]{3,15}", link, re.ASCII) else None
    return web_href(link)


def _hidden(text: str) -> str:
    """A description of the first line break or invisible character in *text*, or ""."""
    if text.isprintable():  # no line break, tab, control, format or private-use character: the usual case
        return ""
    for char in text:
        if char in _LINE_BREAKS:
            return "ký tự xuống dòng"
        if char == "\t":
            return "ký tự tab"
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            return f"ký tự ẩn U+{ord(char):04X}"
    return ""
