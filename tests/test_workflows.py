"""The GitHub workflows, ours (.github/) and those `congkhai init` writes into a new site: zizmor, run offline, finds
nothing of medium or high severity in them or in dependabot.yml; and the hardening is asserted directly, whatever
zizmor's version audits: every action pinned by commit with its version in a comment, no permission at the top and
each job its own, no value a pull request chooses expanded into a shell line, no credential left by a checkout, a
timeout on every job, one run per pull request and publishing queued, Dependabot keeping the pins current.
(That the workflows still validate, test, build and upload: tests/test_pull_requests.py and tests/test_init.py.)"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = ("pull-request.yml", "publish.yml")
# owner/repo[/path]@<40 hex>, then the version that commit is, as a comment: "# v4.2.2"
PINNED = re.compile(r"[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}")
VERSION_COMMENT = re.compile(r"\s+# (v\d+(?:\.\d+){0,2})\s*")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)(?P<rest>.*)$")
# values the author of a pull request chooses (title, body, branch names…): in `run:` they are pasted into the script
UNTRUSTED = re.compile(r"\$\{\{\s*(?:github\.event\b|github\.head_ref\b|github\.base_ref\b)")
# the only write permissions, and only on the job that deploys the built site (it runs no code of the repository)
DEPLOY_WRITES = {"pages": "write", "id-token": "write"}
SERIOUS = {"medium", "high"}
SAMPLE = {"authority_id": "ubnd-tinh-thu", "authority_name": "Ủy ban nhân dân tỉnh Thử"}


@pytest.fixture(scope="module")
def starter_github(tmp_path_factory) -> Path:
    """The .github folder of a site as `congkhai init` writes it."""
    site = tmp_path_factory.mktemp("init") / "site"
    result = subprocess.run([sys.executable, "-m", "generator", "init", str(site), "--authority-id", SAMPLE["authority_id"],
                             "--authority-name", SAMPLE["authority_name"]], cwd=ROOT, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, env=dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUTF8="1"))
    assert result.returncode == 0, result.stdout + result.stderr
    return site / ".github"


@pytest.fixture(params=["ours", "starter"])
def github(request) -> Path:
    return ROOT / ".github" if request.param == "ours" else request.getfixturevalue("starter_github")


def _load(path: Path):
    # BaseLoader: `on` stays a key (not True), every scalar a string as written
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _workflows(github: Path) -> dict[str, dict]:
    found = sorted(p.name for p in (github / "workflows").iterdir())
    assert found == sorted(WORKFLOWS), found
    return {name: _load(github / "workflows" / name) for name in WORKFLOWS}


def _steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


# ---- zizmor -------------------------------------------------------------------------------------------------------

def _zizmor() -> Path:
    name = "zizmor.exe" if os.name == "nt" else "zizmor"  # a binary in the wheel: no `python -m zizmor`
    for folder in (sysconfig.get_path("scripts"), Path(sys.executable).parent):
        if (Path(folder) / name).is_file():
            return Path(folder) / name
    pytest.skip("zizmor is not installed: python3 -m pip install -e '.[test]'")


def _findings(folder: Path) -> list[dict]:
    """zizmor's findings on every workflow and dependabot.yml under *folder*: offline, no configuration file (a
    zizmor.yml in a pull request must not relax the audit), JSON; exit codes 10–14 only say findings were made."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZIZMOR_", "GH_", "GITHUB_"))}
    result = subprocess.run([str(_zizmor()), "--offline", "--no-config", "--no-progress", "--color", "never",
                             "--format", "json", str(folder)], capture_output=True, text=True, env=env)
    assert result.returncode == 0 or 10 <= result.returncode <= 14, result.stderr
    findings = json.loads(result.stdout)
    assert isinstance(findings, list), result.stdout
    return findings


def _severity(finding: dict) -> str:
    return str(finding["determinations"]["severity"]).lower()


def _describe(finding: dict) -> str:
    location = finding["locations"][0]
    key = location.get("symbolic", {}).get("key", {})  # {"Local": {"given_path": …}} in JSON v1
    local = key.get("Local", key) if isinstance(key, dict) else {"path": key}
    path = next((value for value in local.values() if isinstance(value, str)), json.dumps(key))
    row = location.get("concrete", {}).get("location", {}).get("start_point", {}).get("row", -1) + 1
    return f"{finding['ident']} ({_severity(finding)}) {path} line {row}: {finding.get('desc', '')}"


def test_zizmor_finds_nothing_of_medium_or_high_severity(github):
    serious = [_describe(f) for f in _findings(github) if _severity(f) in SERIOUS]
    assert not serious, "\n".join(serious)


@pytest.mark.parametrize("name", WORKFLOWS)
def test_zizmor_audits_each_workflow_and_reads_its_severities(tmp_path, name):
    """The audit above can fail: the same folder with one action unpinned and a branch name in a shell line
    gives high findings in that very file (so each file is collected, and the JSON is read as zizmor writes it)."""
    github = tmp_path / ".github"
    (github / "workflows").mkdir(parents=True)
    (github / "dependabot.yml").write_bytes((ROOT / ".github" / "dependabot.yml").read_bytes())
    for other in WORKFLOWS:
        (github / "workflows" / other).write_bytes((ROOT / ".github" / "workflows" / other).read_bytes())
    path = github / "workflows" / name
    text = re.sub(r"(uses: actions/checkout)@[0-9a-f]{40} # v[\d.]+", r"\1@v4", path.read_text(encoding="utf-8"), count=1)
    text = text.replace("run: python -m mkdocs build --strict", 'run: echo "${{ github.head_ref }}"', 1)
    path.write_text(text, encoding="utf-8")
    high = {f["ident"] for f in _findings(github) if _severity(f) == "high" and name in json.dumps(f["locations"])}
    assert {"unpinned-uses", "template-injection"} <= high, high


# ---- the hardening, asserted directly -----------------------------------------------------------------------------

def test_every_action_is_pinned_by_commit_with_its_version_in_a_comment(github):
    for name, workflow in _workflows(github).items():
        lines = [m for m in map(USES_LINE.match, (github / "workflows" / name).read_text(encoding="utf-8").splitlines()) if m]
        uses = [step["uses"] for _, step in _steps(workflow) if "uses" in step]
        uses += [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
        assert sorted(m["ref"] for m in lines) == sorted(uses), f"{name}: a `uses:` not on a line of its own"
        for m in lines:
            assert PINNED.fullmatch(m["ref"]), f"{name}: {m['ref']} is not pinned to a full commit SHA"
            assert VERSION_COMMENT.fullmatch(m["rest"]), f"{name}: {m['ref']} has no `# vX.Y.Z` comment"


def test_one_commit_per_action_version_across_all_workflows(starter_github):
    pins = {}
    for github in (ROOT / ".github", starter_github):
        for name in WORKFLOWS:
            for line in (github / "workflows" / name).read_text(encoding="utf-8").splitlines():
                if (m := USES_LINE.match(line)) and (version := VERSION_COMMENT.fullmatch(m["rest"])):
                    action, sha = m["ref"].split("@")
                    pins.setdefault((action, version[1]), set()).add(sha)
                    pins.setdefault((action, sha), set()).add(version[1])
    assert pins and all(len(values) == 1 for values in pins.values()), pins


def test_no_permission_at_the_top_and_each_job_only_its_own(github):
    for name, workflow in _workflows(github).items():
        assert workflow.get("permissions") == {}, f"{name}: top-level permissions must be {{}}"
        for job_id, job in workflow["jobs"].items():
            permissions = job.get("permissions")
            assert isinstance(permissions, dict), f"{name}/{job_id}: no permissions of its own (or read-all/write-all)"
            assert set(permissions.values()) <= {"read", "write", "none"}, (name, job_id, permissions)
            writes = {scope: level for scope, level in permissions.items() if level == "write"}
            uses = [step.get("uses", "") for step in job.get("steps", [])]
            if writes:
                assert writes == DEPLOY_WRITES and "contents" not in permissions, (name, job_id, permissions)
                assert [u.split("@")[0] for u in uses] == ["actions/deploy-pages"], f"{name}/{job_id}: writes, and runs more"
                assert job["environment"]["name"] == "github-pages" and job.get("if") == "github.ref == 'refs/heads/main'"
            if any(u.startswith("actions/checkout@") for u in uses):
                assert permissions == {"contents": "read"}, (name, job_id, permissions)


def test_pull_requests_never_run_with_a_write_token(github):
    workflows = _workflows(github)
    pull = workflows["pull-request.yml"]
    assert set(pull["on"]) == {"pull_request"}  # a fork's pull request runs with a read-only token and no secrets
    assert all(level != "write" for job in pull["jobs"].values() for level in job.get("permissions", {}).values())
    for name, workflow in workflows.items():
        # these run a pull request's code (or its artifacts) with the base repository's token and secrets
        assert not {"pull_request_target", "workflow_run"} & set(workflow["on"]), name


def test_every_job_has_a_timeout(github):
    for name, workflow in _workflows(github).items():
        for job_id, job in workflow["jobs"].items():
            assert 0 < int(job.get("timeout-minutes", 0)) <= 60, f"{name}/{job_id}: timeout-minutes missing or over an hour"


def test_no_pull_request_value_is_expanded_in_a_shell_line(github):
    for name, workflow in _workflows(github).items():
        for job_id, step in _steps(workflow):
            assert not UNTRUSTED.search(step.get("run", "")), f"{name}/{job_id}: {step['run']!r} — pass it through env:"
    validate = [step for _, step in _steps(_workflows(github)["pull-request.yml"]) if "--changed" in step.get("run", "")]
    assert len(validate) == 1 and validate[0]["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert validate[0]["run"] == 'congkhai validate --changed "origin/$BASE_REF" --format github'


def test_every_checkout_leaves_no_credentials(github):
    checkouts = [(name, step) for name, workflow in _workflows(github).items() for _, step in _steps(workflow)
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == 2
    for name, step in checkouts:
        assert step.get("with", {}).get("persist-credentials") == "false", name


def test_pull_requests_cancel_older_runs_and_publishing_waits_its_turn(github):
    workflows = _workflows(github)
    pull = workflows["pull-request.yml"].get("concurrency", {})
    assert "github.workflow" in pull.get("group", "") and "github.event.pull_request.number" in pull["group"], pull
    assert pull.get("cancel-in-progress") == "true", pull
    publish = workflows["publish.yml"].get("concurrency", {})
    assert publish.get("group") and publish.get("cancel-in-progress") == "false", publish


def test_pip_downloads_are_cached(github):
    for name, workflow in _workflows(github).items():
        setups = [step["with"] for _, step in _steps(workflow) if step.get("uses", "").startswith("actions/setup-python@")]
        assert len(setups) == 1 and setups[0].get("cache") == "pip", name
        # ours: the dependencies; a new site has no pyproject.toml, its install line is in the workflow itself
        expected = "pyproject.toml" if github == ROOT / ".github" else f".github/workflows/{name}"
        assert setups[0].get("cache-dependency-path") == expected, name


def test_our_browser_tests_find_chrome():
    for name, workflow in _workflows(ROOT / ".github").items():
        assert workflow["jobs"]["check" if name == "pull-request.yml" else "build"]["env"]["CONGKHAI_CHROMIUM"] == \
            "/usr/bin/google-chrome", name


# ---- Dependabot ---------------------------------------------------------------------------------------------------

def test_dependabot_keeps_actions_and_python_packages_current(github):
    config = _load(github / "dependabot.yml")
    assert config["version"] == "2"
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    # a new site has no Python manifest: only its actions are Dependabot's
    assert set(updates) == ({"github-actions", "pip"} if github == ROOT / ".github" else {"github-actions"})
    for ecosystem, update in updates.items():
        assert update["directory"] == "/" and update["schedule"]["interval"] == "weekly", ecosystem
        assert 0 < int(update["open-pull-requests-limit"]) <= 5, ecosystem
    check = pytest.importorskip("check_jsonschema")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.dependabot",
                             str(github / "dependabot.yml")], capture_output=True, text=True)
    assert result.returncode == 0 and check, result.stdout + result.stderr
