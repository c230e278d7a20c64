"""The connected site in headless Chromium, network off: network -> entity page -> network."""
from __future__ import annotations

from pathlib import Path

import pytest

import migkg
from migkg.site import write_site
from tests import browser
from tests.test_connected_site import REPORT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser.available(), reason="needs chromium, chromedriver and selenium"),
]
GIMS = "organization/gondor-institute-for-migration-studies"


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> tuple[Path, Path]:
    docs = tmp_path_factory.mktemp("docs")
    (docs / "arnor-report.txt").write_text(REPORT, encoding="utf-8")
    build, site = tmp_path_factory.mktemp("out"), tmp_path_factory.mktemp("site")
    migkg.build([docs]).write(build)
    write_site(build, site)
    return build, site


@pytest.fixture(scope="module")
def drv():  # type: ignore[no-untyped-def]
    with browser.driver(offline=True) as d:
        yield d


def panel_title(drv) -> str:  # type: ignore[no-untyped-def]
    drv.implicitly_wait(2)
    try:
        return drv.find_element("css selector", "#panel h2").text
    finally:
        drv.implicitly_wait(0)


def test_network_panel_links_the_entity_page_and_back(drv, folders) -> None:  # type: ignore[no-untyped-def]
    _, site = folders
    drv.get_log("performance")
    drv.get((site / "graph.html").as_uri() + "#node=" + GIMS.replace("/", "%2F"))
    browser.wait_ready(drv)
    assert panel_title(drv) == "Gondor Institute for Migration Studies"
    page = drv.find_element("css selector", "#panel a.page")
    assert page.get_attribute("href") == (site / "doc" / f"{GIMS}.html").as_uri()
    page.click()
    assert drv.find_element("tag name", "h1").text == "Gondor Institute for Migration Studies"
    drv.find_element("css selector", "a.net").click()
    browser.wait_ready(drv)
    assert panel_title(drv) == "Gondor Institute for Migration Studies"
    urls = browser.requested_urls(drv)
    assert urls and all(u.startswith(("file:", "data:")) for u in urls), urls
    assert browser.console_errors(drv) == []


def test_build_folder_network_has_no_entity_page_link(drv, folders) -> None:  # type: ignore[no-untyped-def]
    build, _ = folders
    drv.get((build / "graph.html").as_uri() + "#node=" + GIMS.replace("/", "%2F"))
    browser.wait_ready(drv)
    assert panel_title(drv) == "Gondor Institute for Migration Studies"
    assert drv.find_elements("css selector", "#panel a.page") == []
    assert drv.find_element("css selector", "#panel a.iri").get_attribute("href").startswith("https://w3id.org/migkg/id/")


def test_evidence_is_folded_until_opened(drv, folders) -> None:  # type: ignore[no-untyped-def]
    _, site = folders
    drv.get((site / "doc" / f"{GIMS}.html").as_uri())
    groups = drv.find_elements("css selector", "details.ev-group")
    assert len(groups) >= 3
    quotes = drv.find_elements("css selector", ".ev blockquote")
    assert quotes and not any(q.is_displayed() for q in quotes)
    groups[0].find_element("tag name", "summary").click()
    assert any(q.is_displayed() for q in quotes)
