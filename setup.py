"""The optional C loops of the PDF reader (`gonggo/ingest/_pdfscan.c`); everything else is
in pyproject.toml. Without a compiler the build of the extension fails quietly
(`optional=True`) and the reader runs the same loops in Python."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("gonggo.ingest._pdfscan", ["gonggo/ingest/_pdfscan.c"],
                             optional=True)])
