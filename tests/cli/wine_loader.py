"""Under Wine only (tests/windows/run.sh sets ERR_WINE_LOADER_RETRY=1): a
run whose Wine process died at exit in glibc's loader is run once more.

Wine 8 on Debian 12 now and then ends a finished program with

    Inconsistency detected by ld.so: dl-fini.c: 87: _dl_fini: Assertion ...

and status 127: the host's dynamic loader failing while the wine64 process
tears itself down, after err.exe has written all it had to write.  Seen
once in four full runs of check-windows (each runs err.exe about 2,600
times), it says nothing about err.exe, so such a run is repeated, at most
twice, and the repeat is said on stderr.  Only runs that can be
repeated as they were are: standard input given as bytes (or none),
output and errors captured, the loader's message in the captured errors.
Nothing else is retried; every other failure stays a failure.
"""
import os
import subprocess
import sys

SIGNATURE = b"Inconsistency detected by ld.so"
_run = subprocess.run
retried = 0


def _repeatable(kwargs):
    if kwargs.get("stdin") not in (None, subprocess.DEVNULL):
        return False
    if kwargs.get("stdout", subprocess.PIPE) not in (subprocess.PIPE, subprocess.DEVNULL):
        return False
    return kwargs.get("stderr") is subprocess.PIPE


def _loader_failed(p):
    err = p.stderr if isinstance(p.stderr, bytes) else (p.stderr or "").encode()
    return p.returncode == 127 and SIGNATURE in err


def run(*args, **kwargs):
    global retried
    p = _run(*args, **kwargs)
    for _ in range(2):
        if not (_repeatable(kwargs) and _loader_failed(p)):
            break
        retried += 1
        sys.stderr.write("note: Wine's loader failed at exit (%s); run again: %r\n"
                         % (SIGNATURE.decode(), args[0] if args else kwargs.get("args")))
        p = _run(*args, **kwargs)
    return p


if os.environ.get("ERR_WINE_LOADER_RETRY") == "1":
    subprocess.run = run


def _self_test():
    """python3 tests/cli/wine_loader.py: the retry on a stand-in program
    that fails like Wine's loader the first time, and on one that fails
    otherwise (never retried)."""
    import tempfile
    global retried
    with tempfile.TemporaryDirectory() as tmp:
        count = os.path.join(tmp, "count")
        flaky = ("n=$(cat %s 2>/dev/null || echo 0); echo $((n+1)) > %s; "
                 "if [ $n -eq 0 ]; then echo '%s: dl-fini.c: 87' >&2; exit 127; fi; "
                 "cat; echo done" % (count, count, SIGNATURE.decode()))
        p = run(["sh", "-c", flaky], input=b"in\n", stdout=subprocess.PIPE,
                stderr=subprocess.PIPE)
        assert (p.returncode, p.stdout, retried) == (0, b"in\ndone\n", 1), p
        other = run(["sh", "-c", "echo nope >&2; exit 127"], input=b"",
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert (other.returncode, retried) == (127, 1), other
        os.unlink(count)
        uncaptured = run(["sh", "-c", flaky], input=b"", stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL)
        assert (uncaptured.returncode, retried) == (127, 1), uncaptured
    print("wine_loader: a loader failure at exit is run again, other failures are not")


if __name__ == "__main__":
    _self_test()
