"""The network and timeline pages in headless Chromium with the network off.

One browser serves the whole module (starting Chromium is the slow part). Run with
`python -m pytest -m browser`; skipped when Chromium or chromedriver is not installed.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from exports.html import write_html
from exports.timeline import write_timeline
from tests import browser
from tests.kgfactory import XSS_LABELS, small_kg, synthetic_kg, xss_kg

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not browser.available(), reason="needs /usr/bin/chromium, /usr/bin/chromedriver "
                       "(apt-get install chromium chromium-driver) and selenium (pip install selenium)"),
]

IOM = "organization/international-organization-for-migration"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pages")
    paths = {"small": out / "graph.html", "xss": out / "xss.html", "big": out / "big.html",
             "timeline": out / "timeline.html", "xss_timeline": out / "xss-timeline.html"}
    write_html(small_kg(), paths["small"], timeline_href="timeline.html")
    write_html(xss_kg(), paths["xss"])
    write_html(synthetic_kg(1500), paths["big"])
    write_timeline(small_kg(), paths["timeline"])
    write_timeline(xss_kg(), paths["xss_timeline"])
    return paths


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The shipped corpus's graph and its page."""
    from graph.pipeline import run_files

    kg = run_files().graph
    page = tmp_path_factory.mktemp("corpus") / "graph.html"
    write_html(kg, page)
    return kg, page


@pytest.fixture(scope="module")
def drv():  # type: ignore[no-untyped-def]
    with browser.driver(offline=True) as d:
        yield d


def open_page(drv, path: Path, fragment: str = "") -> None:  # type: ignore[no-untyped-def]
    drv.get_log("performance")  # forget the browser's own start-up requests
    drv.get_log("browser")
    drv.get(path.as_uri() + fragment)


def test_graph_page_loads_offline_requesting_only_file_and_data_urls(drv, pages) -> None:  # type: ignore[no-untyped-def]
    open_page(drv, pages["small"])
    browser.wait_ready(drv)
    urls = browser.requested_urls(drv)
    assert urls, "the performance log recorded no request at all"
    assert all(u.startswith(("file:", "data:")) for u in urls), urls
    assert drv.execute_script("return typeof vis") == "object"


def test_graph_page_logs_no_console_error(drv, pages) -> None:  # type: ignore[no-untyped-def]
    open_page(drv, pages["small"])
    browser.wait_ready(drv)
    drv.execute_script(f"window.migkg.selectNode({IOM!r}, true)")
    drv.execute_script("window.migkg.showEdge('e0'); window.migkg.clearSelection()")
    physics = drv.find_element("id", "physics")
    physics.click()  # on: vis-network simulates from the precomputed layout
    assert drv.execute_script("return window.migkg.network.physics.options.enabled") is True
    physics.click()
    assert drv.execute_script("return window.migkg.network.physics.options.enabled") is False
    assert browser.console_errors(drv) == []


def test_network_draws_as_many_nodes_and_edges_as_the_graph_has(drv, pages) -> None:  # type: ignore[no-untyped-def]
    for name, kg in (("small", small_kg()), ("big", synthetic_kg(1500))):
        open_page(drv, pages[name])
        browser.wait_ready(drv)
        counts = drv.execute_script(
            "var b = window.migkg.network.body; return [b.nodeIndices.length, b.edgeIndices.length]")
        assert counts == [kg.number_of_nodes(), kg.number_of_edges()], name
        assert f"{kg.number_of_nodes():,} entities" in drv.find_element("id", "counts").text


def test_search_finds_iom_by_acronym_and_focuses_it(drv, pages) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.keys import Keys

    open_page(drv, pages["small"])
    browser.wait_ready(drv)
    box = drv.find_element("id", "search")
    box.send_keys("IOM")
    first = drv.find_element("css selector", "#results li")
    assert first.text.startswith("International Organization for Migration")
    box.send_keys(Keys.ENTER)
    assert drv.execute_script("return window.migkg.network.getSelectedNodes()") == [IOM]
    assert drv.find_element("css selector", "#panel h2").text == "International Organization for Migration"
    assert drv.execute_script("return location.hash") == "#node=" + IOM.replace("/", "%2F")


def test_search_finds_manila(drv, pages) -> None:  # type: ignore[no-untyped-def]
    open_page(drv, pages["small"])
    browser.wait_ready(drv)
    assert drv.execute_script("return window.migkg.search('manila')[0].id") == "place/manila"


def test_panel_shows_each_link_with_its_evidence_quote_document_and_offsets(drv, pages) -> None:  # type: ignore[no-untyped-def]
    kg = small_kg()
    open_page(drv, pages["small"])
    browser.wait_ready(drv)
    drv.execute_script("window.migkg.selectNode('event/fifth-coordination-meeting', true)")
    panel = drv.find_element("id", "panel")
    quotes = [q.text for q in panel.find_elements("css selector", "ul.links blockquote")]
    assert "The meeting was held in Manila, Philippines, on 20-21 November 2031." in quotes
    ev = kg.edges["event/fifth-coordination-meeting", "place/manila", "heldIn"]["evidence"][0]
    cites = [c.text for c in panel.find_elements("css selector", "ul.links cite")]
    assert any(f"characters {ev.start:,}–{ev.end:,}" in c and "arnor-meeting-2031" in c for c in cites)
    link = panel.find_element("css selector", "a.iri")
    assert link.get_attribute("href") == "https://w3id.org/migkg/id/event/fifth-coordination-meeting"
    assert "startDate" in panel.text and "2031-11-20" in panel.text


def test_clicking_an_edge_shows_why_it_exists(drv, pages) -> None:  # type: ignore[no-untyped-def]
    open_page(drv, pages["small"])
    browser.wait_ready(drv)
    eid = drv.execute_script(
        "return window.migkg.edges.get({filter: function (e) { return e.prop === 'addressedTo'; }})[0].id")
    drv.execute_script(f"window.migkg.showEdge({eid!r})")
    assert "5. Requests the Secretary-General to submit a report." in drv.find_element("id", "panel").text
    assert drv.find_element("css selector", "#panel h2").text.startswith("A/RES/99/1, paragraph 5")


def test_filters_hide_a_class_and_a_relation(drv, pages) -> None:  # type: ignore[no-untyped-def]
    open_page(drv, pages["small"])
    browser.wait_ready(drv)
    drv.find_element("css selector", "#legend input[value='Country']").click()
    drv.find_element("css selector", "#relations input[value='attended']").click()
    nodes, edges = drv.execute_script(
        "var b = window.migkg.network.body; return [b.nodeIndices.length, b.edgeIndices.length]")
    kg = small_kg()
    assert nodes == len(kg) - 2
    assert edges == kg.number_of_edges() - 2 - 2  # two "attended"; Manila→Philippines, Arnor→Forum


def test_deep_link_opens_the_page_on_that_node(drv, pages) -> None:  # type: ignore[no-untyped-def]
    open_page(drv, pages["small"], "#node=place%2Fmanila")
    browser.wait_ready(drv)
    drv.implicitly_wait(2)
    assert drv.find_element("css selector", "#panel h2").text == "Manila"
    drv.implicitly_wait(0)
    link = drv.find_element("id", "timeline-link")
    assert link.is_displayed() and link.get_attribute("href").endswith("/timeline.html")


def test_hostile_names_stay_inert_and_show_exactly_as_written(drv, pages) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.action_chains import ActionChains

    open_page(drv, pages["xss"])
    browser.wait_ready(drv)
    box = drv.find_element("id", "search")
    box.send_keys("ALT")  # alias matches list every hostile node, rendered in the result list
    shown = []
    for i, label in enumerate(XSS_LABELS):
        drv.execute_script(f"window.migkg.selectNode('organization/evil-{i}', true)")
        shown.append(drv.execute_script("return document.querySelector('#panel h2').textContent"))
        # hover the node so vis-network renders its tooltip
        xy = drv.execute_script(
            f"var p = window.migkg.network.canvasToDOM(window.migkg.network.getPosition('organization/evil-{i}'));"
            "return [p.x, p.y]")
        canvas = drv.find_element("css selector", "#network canvas")
        size = canvas.size
        ActionChains(drv).move_to_element_with_offset(
            canvas, int(xy[0] - size["width"] / 2), int(xy[1] - size["height"] / 2)).perform()
    panels = []
    for eid in drv.execute_script("return window.migkg.edges.getIds()"):
        drv.execute_script(f"window.migkg.showEdge({eid!r})")
        panels.append(drv.find_element("id", "panel").text)
    assert shown == list(XSS_LABELS)
    assert drv.execute_script("return window.__xss === undefined")
    assert drv.execute_script(
        "return document.querySelectorAll('[onerror],[onload],[onmouseover],script:not([type]) ~ img').length") == 0
    assert any("<script>window.__xss='quote-script'</script>" in p for p in panels)
    assert any('<img src=x onerror="window.__xss=\'quote0\'"> attended \\ "it"' in p for p in panels)
    assert drv.title.startswith('<img src=x onerror="window.__xss=\'title\'">Title')
    assert drv.find_element("id", "title").text == '<img src=x onerror="window.__xss=\'title\'">Title'
    assert browser.console_errors(drv) == []
    urls = browser.requested_urls(drv)
    assert all(u.startswith(("file:", "data:")) for u in urls), urls


def test_timeline_loads_offline_and_links_each_event_to_its_node(drv, pages) -> None:  # type: ignore[no-untyped-def]
    open_page(drv, pages["timeline"])
    drv.implicitly_wait(2)
    items = drv.find_elements("css selector", ".tl-item")
    drv.implicitly_wait(0)
    labels = {i.get_attribute("data-id"): i for i in items}
    assert {"event/fifth-coordination-meeting", "event/fourth-coordination-meeting", "event/global-forum-2031",
            "resolution/A-RES-99-1"} <= set(labels)
    href = labels["event/fifth-coordination-meeting"].find_element("css selector", "a").get_attribute("href")
    assert href.endswith("graph.html#node=event%2Ffifth-coordination-meeting")
    rows = [r.text for r in drv.find_elements("css selector", ".tl-row-label")]
    assert "Coordination Meeting on International Migration" in rows
    assert browser.console_errors(drv) == []
    assert all(u.startswith(("file:", "data:")) for u in browser.requested_urls(drv))


def test_timeline_shows_hostile_names_as_text(drv, pages) -> None:  # type: ignore[no-untyped-def]
    open_page(drv, pages["xss_timeline"])
    drv.implicitly_wait(2)
    text = drv.find_element("css selector", ".tl-item").text
    drv.implicitly_wait(0)
    assert "Meeting of <i>the</i> \"Evil\" & 'Odd'" in text
    assert drv.execute_script("return window.__xss === undefined")
    assert browser.console_errors(drv) == []


def test_shipped_corpus_page_finds_iom_and_shows_why(drv, corpus) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.keys import Keys

    kg, page = corpus
    open_page(drv, page)
    browser.wait_ready(drv)
    assert drv.execute_script("return window.migkg.network.body.nodeIndices.length") == kg.number_of_nodes()
    box = drv.find_element("id", "search")
    box.send_keys("IOM")
    box.send_keys(Keys.ENTER)
    assert drv.find_element("css selector", "#panel h2").text == "International Organization for Migration"
    quotes = drv.find_elements("css selector", "#panel ul.links blockquote")
    assert quotes and all(q.text for q in quotes)
    text = kg.graph["documents"][0].text
    assert all(q.text in text for q in quotes)  # quoted exactly as in the document
    assert browser.console_errors(drv) == []
    assert all(u.startswith(("file:", "data:")) for u in browser.requested_urls(drv))


def test_bidi_controls_in_names_stay_inside_their_own_box(drv, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.kgfactory import KGBuilder

    b = KGBuilder(doc_id="bidi-doc", title="Arnor \u202eedirT Report")
    a = b.node("organization/arnor-council", "NonGovernmentalOrganization", "Arnor \u202elicnuoC")
    e = b.node("event/gondor-forum", "Meeting", "Gondor Forum", attrs=(("startDate", "2031-05-03", "date"),))
    b.edge(a, "attended", e, "Arnor \u202elicnuoC attended the Gondor Forum")
    page, timeline = tmp_path / "graph.html", tmp_path / "timeline.html"
    write_html(b.build(), page)
    write_timeline(b.build(), timeline)
    open_page(drv, page)
    browser.wait_ready(drv)
    drv.execute_script("window.migkg.selectNode('organization/arnor-council', true)")
    assert "\u202e" not in drv.title
    styles = drv.execute_script(
        "return Array.from(document.querySelectorAll('#panel h2, #panel a, #panel span, #title'))"
        ".map(function (e) { return getComputedStyle(e).unicodeBidi; })")
    assert styles and set(styles) == {"isolate"}, styles
    open_page(drv, timeline)
    drv.implicitly_wait(2)
    drv.find_elements("css selector", ".tl-item")
    drv.implicitly_wait(0)
    assert "\u202e" not in drv.title
    styles = drv.execute_script(
        "return Array.from(document.querySelectorAll('.tl-item a, .tl-row-label, #title'))"
        ".map(function (e) { return getComputedStyle(e).unicodeBidi; })")
    assert styles and set(styles) == {"isolate"}, styles
