"""The README's command-line examples run as written (docs kept true by tests)."""
import re
import shlex
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = [line.strip() for line in (ROOT / "README.md").read_text().splitlines()
            if line.strip().startswith(".venv/bin/python -m recommender")]


def test_readme_shows_exactly_the_two_commands():
    text = (ROOT / "README.md").read_text()
    assert "make run" in text and "make test" in text


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_example_runs(command, tmp_path):
    import sys
    args = shlex.split(command)[1:]
    args = [a.replace("/tmp/", str(tmp_path) + "/") for a in args]
    if "--directory" in args:   # the example reads what the generate-directory example wrote
        subprocess.run([sys.executable, "-m", "recommender", "generate-directory", "--rows", "1000", "--seed", "7",
                        "--output", str(tmp_path / "providers.parquet")], cwd=ROOT, check=True)
    out = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)
    expected = 1 if re.search(r"validate examples/messy_roster", command) else 0
    assert out.returncode == expected, out.stderr
    assert "Traceback" not in out.stderr
