import sys

from migkg.cli import main

sys.exit(main())
