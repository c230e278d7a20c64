"""Shared pytest configuration: the `browser` marker for tests that drive headless Chromium."""
from __future__ import annotations


def pytest_configure(config) -> None:  # type: ignore[no-untyped-def]
    config.addinivalue_line(
        "markers", "browser: drives headless Chromium (/usr/bin/chromium + chromedriver); skipped when absent")
