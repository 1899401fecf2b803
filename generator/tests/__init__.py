"""Tests of the generator (python3 -m unittest discover -s generator/tests -t .)."""
