"""QR codes for the counter screens, as SVG made at build time with segno."""

from __future__ import annotations

import segno
from markupsafe import Markup


def qr_svg(url: str) -> Markup:
    """An SVG QR code of *url* that scales with its box.

    The mask is fixed rather than chosen among eight: every mask reads the
    same, and choosing costs five times the encoding.
    """
    return Markup(segno.make(url, error="m", mask=2, micro=False, boost_error=False).svg_inline(
        scale=1, border=2, omitsize=True, dark="#000", light="#fff"))
