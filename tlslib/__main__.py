"""``python -m tlslib``: see :mod:`tlslib.cli`."""

import sys

from tlslib.cli import main

sys.exit(main())
