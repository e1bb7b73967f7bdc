"""Versions stamped on every event, so that an analyst knows what produced it."""

CODER_VERSION = "0.1.0"
KB_VERSION = "2026.11"
