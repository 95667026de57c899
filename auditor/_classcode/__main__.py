"""`python -m auditor._classcode --write` rewrites these tables; without `--write`, lists stale ones."""

import sys

from auditor.classcode import main

sys.exit(main(sys.argv[1:]))
