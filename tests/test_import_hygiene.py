"""aligner is a plain library: importing and running it must not load the UI stack."""

import subprocess
import sys


def test_aligner_never_imports_textual_or_rich(seeds_dir):
    code = (
        "import sys, aligner\n"
        f"aligner.align([{str(seeds_dir)!r}])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
