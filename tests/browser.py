"""Headless Chromium for the page tests and the benchmark (Selenium + Debian's chromedriver).

`offline_driver()` starts a fresh profile with the network emulated off and
performance logging on, so a test can list every request the page made.
"""
from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
         "--disable-dev-shm-usage", "--window-size=1440,900")


def available() -> bool:
    """Chromium, its driver and the selenium package are all installed."""
    import importlib.util

    return CHROMIUM.exists() and CHROMEDRIVER.exists() and importlib.util.find_spec("selenium") is not None


@contextlib.contextmanager
def driver(offline: bool = True) -> Iterator["object"]:
    """A Selenium Chrome driver; with `offline`, every network request fails at the browser."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="migkg-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    drv = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    try:
        drv.set_page_load_timeout(180)
        drv.set_script_timeout(180)
        if offline:
            drv.execute_cdp_cmd("Network.enable", {})
            drv.execute_cdp_cmd("Network.emulateNetworkConditions", {
                "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)


def requested_urls(drv: "object") -> list[str]:
    """Every URL the browser asked for since the last call (from the performance log)."""
    urls = []
    for entry in drv.get_log("performance"):  # type: ignore[attr-defined]
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def console_errors(drv: "object") -> list[str]:
    return [e["message"] for e in drv.get_log("browser") if e["level"] == "SEVERE"]  # type: ignore[attr-defined]


def wait_ready(drv: "object", timeout: float = 60.0) -> float:
    """Wait until the page marks itself drawn and wired; return that moment (ms since navigation)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(drv, timeout, poll_frequency=0.05).until(
        lambda d: d.execute_script("return window.__migkgReady || null"))
    return float(drv.execute_script("return window.__migkgReady"))
