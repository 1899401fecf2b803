"""Builds `winerr`, the Python binding of libwinerr.

The extension compiles libwinerr (../lib) and err's input reader, follow-up
rules and log scanner (../cli) into one module, together with the tables the
generator writes into the build directory, so the installed module needs
nothing else.  The tables are made by the project's Makefile; when they are
not there yet, `make` is run for them first.

    pip install --no-build-isolation ./python     # from the repository root
    make python                                   # the same, into build/python

Environment: WINERR_BUILD, the build directory holding gen/ (default
../build); WINERR_WERROR=1 adds -Wall -Wextra -Werror (the Makefile sets it).
"""
import glob
import os
import re
import subprocess

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BUILD = os.path.join(ROOT, os.environ.get("WINERR_BUILD", "build"))
GEN = os.path.join(BUILD, "gen")


def version():
    """The library's version, from the one place it is written."""
    with open(os.path.join(ROOT, "lib", "winerr.h"), encoding="ascii") as f:
        m = re.search(r'^#define WINERR_VERSION_STRING "([^"]+)"', f.read(), re.M)
    return m.group(1)


def sources():
    lib = sorted(glob.glob(os.path.join(ROOT, "lib", "*.c")))
    cli = sorted(p for p in glob.glob(os.path.join(ROOT, "cli", "*.c"))
                 if os.path.basename(p) != "main.c")
    return [os.path.join("src", "_winerr.c")] + lib + cli


def depends():
    """What the objects depend on besides their sources: headers, tables."""
    return sorted(glob.glob(os.path.join(ROOT, "lib", "*.h")) +
                  glob.glob(os.path.join(ROOT, "cli", "*.h")) +
                  glob.glob(os.path.join(GEN, "*")))


class BuildExt(build_ext):
    """Makes the generated tables first when they are missing."""

    def run(self):
        if not os.path.exists(os.path.join(GEN, "stamp")):
            subprocess.run(["make", "-C", ROOT, "BUILD=" + BUILD,
                            os.path.join(BUILD, "gen", "stamp")], check=True)
        for ext in self.extensions:
            ext.depends = depends()
        super().run()


WARN = ["-Wall", "-Wextra", "-Werror"] if os.environ.get("WINERR_WERROR") == "1" else []

setup(
    name="winerr",
    version=version(),
    description="What a Windows error number or name means (libwinerr for Python)",
    long_description=__doc__,
    python_requires=">=3.9",
    packages=["winerr"],
    package_data={"winerr": ["py.typed", "__init__.pyi"]},
    ext_modules=[Extension(
        "winerr._winerr",
        sources=sources(),
        include_dirs=[os.path.join(ROOT, "lib"), os.path.join(ROOT, "cli"), GEN],
        depends=depends(),
        # The library's functions stay inside the module: another libwinerr
        # loaded into the same process (say, by ctypes) cannot take their place.
        extra_compile_args=["-std=c11", "-fvisibility=hidden"] + WARN,
    )],
    cmdclass={"build_ext": BuildExt},
    zip_safe=False,
)
