import subprocess
import sys


def test_entry_point_help_starts_without_heavy_imports():
    code = ("import sys, qa.cli; heavy = [m for m in ('chromadb', 'llama_index.core', 'openai') if m in sys.modules];"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    help_out = subprocess.run([sys.executable, "-m", "qa.cli", "--help"], capture_output=True, text=True)
    assert help_out.returncode == 0
    for command in ("ingest", "ask", "sources", "config"):
        assert command in help_out.stdout
