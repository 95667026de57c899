"""`python -m auditor`: the `botaudit` command, for environments without the console script on PATH."""

import sys

from auditor.cli import end_process, main

# Nothing follows the command here: the process ends once its output is out (end_process).
sys.exit(end_process(main()))
