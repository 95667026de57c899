"""`python -m auditor`: the `botaudit` command, for environments without the console script on PATH."""

import sys

from auditor.cli import main

sys.exit(main())
