"""The `kehoach-validate` pre-commit hook (.pre-commit-hooks.yaml) as a drafting team uses it.

pre-commit installs the hook from this repository at its current commit into a fresh virtual
environment (pip install of kehoach, as a team's machine would), then a real `git commit` in a
temporary repository runs `kehoach validate` on the staged plans. The commit is refused when a
finding reaches fail-on (error unless the team's kehoach.toml says otherwise) and the finding
is shown; a clean plan goes through. The hook is installed from this checkout's HEAD commit
(uncommitted changes to .pre-commit-hooks.yaml are not seen until committed).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "002_86b98b1463db50d7.txt"  # a real plan: 0 errors, 1 warning (a task without timeline)
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def _head() -> str | None:
    """This checkout's commit (pre-commit installs a hook repository from a commit), or None."""
    if shutil.which("git") is None:
        return None
    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


HEAD = _head()
pytestmark = [
    pytest.mark.skipif(
        HEAD is None, reason="not a git checkout (or no git): pre-commit installs the hook from a commit"
    ),
    pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed (pip install -e '.[test]')"),
    pytest.mark.skipif(not SEED.exists(), reason=f"the committed sample is missing: {SEED}"),
]


def pasted(text: str) -> str:
    """The plan with its first long bullet paragraph pasted twice (a drafting slip)."""
    lines = text.splitlines(keepends=True)
    i = next(i for i, line in enumerate(lines) if line.startswith("- ") and len(line.split()) >= 20)
    return "".join(lines[: i + 1] + ["\n", lines[i]] + lines[i + 1 :])


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Isolated git identity and pre-commit cache (the hook environment is built once per module)."""
    home = tmp_path_factory.mktemp("precommit")
    gitconfig = home / "gitconfig"
    gitconfig.write_text(
        "[user]\n\tname = Drafting Team\n\temail = team@example.invalid\n"
        "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n",
        encoding="utf-8",
    )
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(home / "cache"),
        "GIT_CONFIG_GLOBAL": str(gitconfig),
        "GIT_CONFIG_NOSYSTEM": "1",
        "PATH": f"{PRE_COMMIT.parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }


def team_repo(path: Path, env: dict[str, str], files: dict[str, str]) -> Path:
    """A team's repository with the hook configured and installed, `files` staged (not committed)."""
    path.mkdir()
    (path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {HEAD}\n    hooks:\n      - id: kehoach-validate\n", encoding="utf-8"
    )
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    for cmd in (["git", "init", "-q"], [str(PRE_COMMIT), "install"], ["git", "add", "-A"]):
        subprocess.run(cmd, cwd=path, env=env, check=True, capture_output=True)
    return path


def commit(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "commit", "-m", "draft"], cwd=repo, env=env, capture_output=True, text=True, timeout=900
    )


def committed(repo: Path, env: dict[str, str]) -> bool:
    return (
        subprocess.run(
            ["git", "rev-parse", "--verify", "-q", "HEAD"], cwd=repo, env=env, capture_output=True
        ).returncode
        == 0
    )


def test_a_clean_plan_and_a_note_are_committed(tmp_path: Path, env: dict[str, str]) -> None:
    repo = team_repo(
        tmp_path / "team",
        env,
        {
            "ke-hoach.txt": SEED.read_text(encoding="utf-8"),
            "README.md": "# Dự thảo\n\nThư mục dự thảo kế hoạch của phòng.\n",
        },
    )
    done = commit(repo, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "kehoach validate" in done.stderr and "Passed" in done.stderr  # pre-commit reports on stderr
    assert committed(repo, env)


def test_a_pasted_paragraph_refuses_the_commit_when_the_team_makes_it_an_error(
    tmp_path: Path, env: dict[str, str]
) -> None:
    config = '[severity]\nduplicate-paragraph = "error"\n'  # kehoach.toml at the top of the team's repo
    repo = team_repo(
        tmp_path / "team", env, {"ke-hoach.txt": pasted(SEED.read_text(encoding="utf-8")), "kehoach.toml": config}
    )
    done = commit(repo, env)
    out = done.stdout + done.stderr
    assert done.returncode != 0, out
    assert "Failed" in out and "KH101" in out and "duplicate-paragraph" in out and "ke-hoach.txt" in out
    assert not committed(repo, env)


def test_by_default_only_errors_refuse_the_commit(tmp_path: Path, env: dict[str, str]) -> None:
    """fail-on is `error` by default: the pasted paragraph (a warning) passes, a header error does not."""
    text = pasted(SEED.read_text(encoding="utf-8"))
    repo = team_repo(tmp_path / "warning", env, {"ke-hoach.txt": text})
    done = commit(repo, env)
    assert done.returncode == 0, done.stdout + done.stderr
    # the same plan citing its decision with a plan's code ("Quyết định số 47/KH-…": KH501, an error)
    broken, n = re.subn(r"(Quyết định số \d+/)QĐ", r"\g<1>KH", text, count=1)
    assert n == 1
    repo = team_repo(tmp_path / "error", env, {"ke-hoach.txt": broken})
    done = commit(repo, env)
    assert done.returncode != 0, done.stdout + done.stderr
    assert "KH501" in done.stdout + done.stderr
    assert not committed(repo, env)
