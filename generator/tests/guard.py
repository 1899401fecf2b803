"""A hang guard for the tests of hostile input.

It is a timeout, not a speed check: a hostile input that made a reader loop
forever (or take quadratic time) fails the test with a clear message, but a
busy machine never does.  Each guarded test runs in well under 10 s on the
build machine; the guard is more than ten times that.  Speed belongs in
`make bench`.
"""

import signal
import unittest

HANG_SECONDS = 120


class Hung(AssertionError):
    """The guarded code was still running when the guard fired."""


class HangGuarded(unittest.TestCase):
    """Each test of a subclass fails if it runs past HANG_SECONDS."""

    def setUp(self):
        super().setUp()

        def fire(signum, frame):
            raise Hung("still running after %d s: the input made the "
                       "reader hang" % HANG_SECONDS)

        old = signal.signal(signal.SIGALRM, fire)
        signal.alarm(HANG_SECONDS)

        def disarm():
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)

        self.addCleanup(disarm)
