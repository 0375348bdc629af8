"""Every generated page links to its YAML source on the repository host, when the site names one."""

import re
import shutil

from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT, build_site


def test_generated_pages_link_to_their_source(tmp_path):
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    build_site(tmp_path, tmp_path / "catalog")  # copies the configuration
    config = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^(repo_url|edit_uri):.*\n", "", config, flags=re.M)  # the sample's own, illustrative address
    (tmp_path / "mkdocs.yml").write_text("repo_url: https://github.com/example/catalog\nedit_uri: edit/main/content/\n" + config, encoding="utf-8")
    result = build_site(tmp_path, tmp_path / "catalog", copy_config=False)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site" / "thu-tuc" / "2.000815" / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = page.select_one(".ck-edit a")
    assert link.get_text() == "Đề nghị chỉnh sửa"
    assert link["href"] == "https://github.com/example/catalog/edit/main/catalog/procedures/so-tu-phap/2.000815.yaml"
    unit = BeautifulSoup((tmp_path / "site" / "don-vi" / "so-tu-phap" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert unit.select_one(".ck-edit a")["href"].endswith("/edit/main/catalog/units/so-tu-phap.yaml")
    # the header links to the repository, without Material's component that fetches its stars from another host
    for soup in (page, BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")):
        assert soup.select_one("a.md-source")["href"] == "https://github.com/example/catalog"
        assert soup.select('[data-md-component="source"]') == []


def test_no_link_without_a_repository(tmp_path):
    shutil.copytree(FIXTURES / "mini", tmp_path / "catalog")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(re.sub(r"^(repo_url|edit_uri):.*\n", "", config, flags=re.M), encoding="utf-8")
    result = build_site(tmp_path, tmp_path / "catalog", copy_config=False)
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site" / "thu-tuc" / "2.000815" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select(".ck-edit") == [] and "Đề nghị chỉnh sửa" not in page.get_text()


def test_the_sample_names_its_repository_so_its_pages_link_to_their_source(sample_site):
    """The sample's repo_url is illustrative; with it, the guide's "Đề nghị chỉnh sửa" is on every generated page."""
    page = BeautifulSoup((sample_site / "thu-tuc" / "1.001193" / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = page.select_one(".ck-edit a")
    assert link.get_text() == "Đề nghị chỉnh sửa"
    assert link["href"] == "https://github.com/congkhai-mau/congkhai/edit/main/catalog/procedures/so-tu-phap/1.001193.yaml"
