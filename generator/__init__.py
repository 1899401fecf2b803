"""winerr's build-time generator: Windows error definitions -> C tables."""
