import sys

from networking_guide.cli import main

sys.exit(main())
