"""The wheel carries the prompts, so an install outside the repository still finds them."""

import subprocess
import sys
import zipfile
from pathlib import Path

from support import ROOT


def test_wheel_ships_every_prompt_file(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    [wheel] = tmp_path.glob("qa_assistant-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    prompts = sorted(p.name for p in (ROOT / "prompts").glob("*.txt"))
    assert prompts and {f"qa/_prompts/{p}" for p in prompts} <= names
    assert "qa/prompts.py" in names and "qa/cli.py" in names

    # Unpacked alone (no repository beside it), the package loads its prompts from inside itself.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("import qa.prompts as p; print(p.prompt_dir()); print(p.refusal_phrase('en'))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, check=True).stdout.splitlines()
    assert Path(out[0]) == site / "qa" / "_prompts"
    assert out[1] == "The articles don't say."
