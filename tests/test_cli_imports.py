"""`asmhub` builds its command line without importing any command's work (pandas, the tidy build, papermill, nor
what `asmhub profile` needs only after its kernel has started: asyncio, pycountry, the data lock)."""

import subprocess
import sys

PROBE = (
    "import sys\nfrom asmhub_utils import cli\ncli.parser()\n"
    "print(sorted(m for m in ('pandas', 'papermill', 'nbformat', 'asmhub_utils.tidy.build', "
    "'asmhub_utils.contrib.validate', 'asyncio', 'pycountry', 'asmhub_utils.contrib.transaction') if m in sys.modules))"
)


def test_the_command_line_starts_without_the_commands_work():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
