"""`python -m reader`, the `reader` command and the frozen app's entry point."""

import gc
import sys


def main() -> int:
    # Start-up makes many objects and frees few: the collector's passes while the modules
    # load cost the first paint about 10 ms. The window collects on its main thread
    # (ui/garbage.py); a sub-command turns automatic collection back on.
    gc.disable()
    from reader.cli import main as run

    return run()


if __name__ == "__main__":
    sys.exit(main())
