"""The layers hold: imports only go down (import-linter reads the contract in pyproject.toml)."""

import shutil
import subprocess
import sys
from pathlib import Path

from support import ROOT


def test_imports_only_go_down_the_layers():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    result = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout
