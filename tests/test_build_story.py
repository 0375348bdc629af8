"""The story of a build needs no host: every page body of the sample is rendered without importing one."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, TODAY

STORY = """
import json, sys
from pathlib import Path
from generator.build.site import Options, SiteBuild
root, site = Path(sys.argv[1]), Path(sys.argv[2])
build = SiteBuild(Options(root / "catalog", root, site, today=sys.argv[3]))
warnings = build.load()
bodies = {spec.src_uri: build.content(spec) for spec in build.specs}
build.start_index()
build.finish()
build.done()
hosts = sorted(name for name in sys.modules if name.split(".")[0] in ("mkdocs", "properdocs", "material"))
print(json.dumps({"hosts": hosts, "warnings": len(warnings), "bodies": bodies, "assets": sorted(build.assets)}))
"""


def test_every_page_body_of_the_sample_is_rendered_without_a_host(tmp_path):
    result = subprocess.run([sys.executable, "-c", STORY, str(ROOT), str(tmp_path / "site"), TODAY],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["hosts"] == []
    bodies = out["bodies"]
    procedures = [uri for uri in bodies if uri.startswith("thu-tuc/") and uri != "thu-tuc/index.md"]
    assert len(procedures) == len(list((ROOT / "catalog" / "procedures").rglob("*.yaml")))
    for uri in ("index.md", "thu-tuc/index.md", "don-vi/so-tu-phap.md", "ke-hoach/index.md", "tim-kiem.md",
                "phan-anh-kien-nghi.md", "linh-vuc/ho-tich.md", "cap/xa.md", "thu-tuc-noi-bo/index.md"):
        assert bodies.get(uri, "").strip(), uri
    assert "Thủ tục đăng ký khai sinh" in bodies["thu-tuc/1.001193.md"]
    # what a build writes besides the pages: the index, the counter screens, the build stamp
    site = tmp_path / "site"
    assert json.loads((site / "tim-kiem" / "chi-muc.json").read_text(encoding="utf-8"))
    assert (site / "man-hinh" / "ubnd-xa-vinh-bao" / "index.html").exists()
    assert (site / "ban-dung.json").exists()
    assert out["assets"] and all(path.startswith("assets/man-hinh/") or path.endswith(".csv") for path in out["assets"])
    assert "thong-ke/theo-linh-vuc.csv" in out["assets"]  # the CSV file beside each chart (pages/charts.py)
