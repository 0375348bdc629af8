"""Golden files for what generated pages say: their text, not their HTML.

Material's hashed asset names would churn whole-HTML goldens; the text of the
article is what a citizen reads. Rewrite with ``pytest --update-goldens``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import check_golden

GOLDEN = Path(__file__).parent / "golden" / "pages"
MINI_PAGES = ["", "thu-tuc/", "thu-tuc/1.001193/", "thu-tuc/2.000001/", "don-vi/so-tu-phap/", "don-vi/ubnd-huyen-cu/",
              "don-vi/ubnd-xa-an-binh/", "linh-vuc/chung-thuc/", "cap/xa/", "ke-hoach/kh-2025-so-tu-phap/",
              "thu-tuc-noi-bo/nb-tham-dinh/", "phan-anh-kien-nghi/", "thong-ke/"]
SAMPLE_PAGES = ["thu-tuc/1.001193/", "don-vi/ubnd-huyen-vinh-bao/", "ke-hoach/kh-2024-so-khcn/",
                "phan-anh-kien-nghi/ket-qua/", "thong-ke/chat-luong-phuc-vu/", "ke-hoach/kh-2024-ubnd-huyen-vinh-bao/tien-do/"]


def page_text(site: Path, url: str) -> str:
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("article.md-content__inner")
    for form in body.find_all("form"):
        form.decompose()  # filters and search forms: controls, not what the page says
    for stamp in body.select(".ck-print-meta"):
        stamp.decompose()  # shown on paper only, and filled in when printed
    for tag in body.find_all(["tr", "li", "p", "h1", "h2", "h3", "h4", "dt", "dd", "br"]):
        tag.insert_before("\n")
    for cell in body.find_all(["td", "th"]):
        cell.insert_before(" | ")
    for link in body.find_all("a", href=True):
        link.append(f" <{link['href']}>")
    text = body.get_text("")
    return "\n".join(line for line in (re.sub(r"\s+", " ", line).strip() for line in text.split("\n")) if line) + "\n"


def _name(url: str) -> str:
    return (url.strip("/").replace("/", "__") or "index") + ".txt"


@pytest.mark.parametrize("url", MINI_PAGES)
def test_mini_site_pages(mini_site, url, update_goldens):
    check_golden(GOLDEN / "mini" / _name(url), page_text(mini_site, url), update_goldens)


@pytest.mark.parametrize("url", SAMPLE_PAGES)
def test_sample_site_pages(sample_site, url, update_goldens):
    check_golden(GOLDEN / "sample" / _name(url), page_text(sample_site, url), update_goldens)
