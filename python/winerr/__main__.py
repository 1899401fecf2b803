"""python -m winerr ARGS...: err itself, compiled into the module.

Prints what `err ARGS...` prints and exits with its status.
"""
import os
import sys

from . import _winerr


def main():
    sys.stdout.flush()
    argv = [b"err"] + [os.fsencode(a) for a in sys.argv[1:]]
    return _winerr._err_main(argv)


if __name__ == "__main__":
    sys.exit(main())
