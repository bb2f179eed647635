"""End-to-end checks in headless Chromium: the network graph, analysis and escaping.

Skipped when Chromium, its driver or Selenium is missing (scripts/install-browser.sh installs
the first two). Screenshots land in test-output/.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import web_fixtures
from web_fixtures import copy_store, make_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
webdriver = pytest.importorskip("selenium.webdriver")
if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
    pytest.skip("chromium and chromedriver are not installed", allow_module_level=True)

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = pytest.mark.slow
web_sample_db = web_fixtures.web_sample_db  # the store built once per test session
SHOTS = Path(__file__).resolve().parent.parent / "test-output"
REPORT = ("North Korea has supplied artillery shells to Russia, the United States said on "
          "Friday. Pyongyang denied sending any weapons to Russia.")
HOSTILE = '<script>window.owned = 1</script><img src=x onerror="window.owned = 2">'


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a free loopback port, served by uvicorn in a thread."""
    import uvicorn

    url = copy_store(web_sample_db, tmp_path_factory.mktemp("browser") / "web.db")
    port = free_port()
    config = uvicorn.Config(make_app(url), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,1000",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def wait_for(driver, script: str, timeout: float = 20):
    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(script))


def lone_edge(edges: list[dict]) -> dict:
    """An edge with no edge back, so a click on its middle can only mean it."""
    pairs = {(e["from"], e["to"]) for e in edges}
    return next(e for e in edges if (e["to"], e["from"]) not in pairs and e["from"] != e["to"])


def test_network_shows_the_relations_and_opens_an_edge(server, browser):
    expected = httpx.get(f"{server}/api/network").json()
    browser.get(f"{server}/network")
    wait_for(browser, "return window.armswatchGraph && window.armswatchGraph.ready")
    nodes = browser.execute_script("return window.armswatchGraph.nodes.getIds()")
    edges = browser.execute_script("return window.armswatchGraph.edges.getIds()")
    assert sorted(nodes) == sorted(n["id"] for n in expected["nodes"])
    assert sorted(edges) == sorted(e["id"] for e in expected["edges"])
    edge = lone_edge(expected["edges"])
    browser.execute_script("window.armswatchGraph.network.focus(arguments[0], {scale: 1.2})",
                           edge["from"])
    time.sleep(0.3)
    x, y, width, height = browser.execute_script("""
        const g = window.armswatchGraph.network;
        const p = g.getPositions([arguments[0], arguments[1]]);
        const a = p[arguments[0]], b = p[arguments[1]];
        const dom = g.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
        const canvas = document.querySelector('#graph canvas');
        return [dom.x, dom.y, canvas.clientWidth, canvas.clientHeight];""",
        edge["from"], edge["to"])
    canvas = browser.find_element(By.CSS_SELECTOR, "#graph canvas")
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(x - width / 2), int(y - height / 2)).click().perform()
    wait_for(browser, "return !document.getElementById('edge-panel').hidden")
    panel = browser.find_element(By.ID, "edge-panel")
    assert panel.get_attribute("data-relation") == edge["id"]
    wait_for(browser, "return document.querySelectorAll('#edge-evidence li').length > 0")
    detail = httpx.get(f"{server}/api/relations/{edge['id']}").json()
    sentences = {c["sentence"] for t in detail["transfers"] for c in t["claims"]}
    shown = [q.text for q in panel.find_elements(By.CSS_SELECTOR, "#edge-evidence q")]
    assert shown and set(shown) <= {s.strip() for s in sentences} | sentences
    browser.save_screenshot(str(SHOTS / "network-edge.png"))


def test_analyze_highlights_a_pasted_report(server, browser):
    browser.get(f"{server}/analyze")
    browser.find_element(By.ID, "report").send_keys(REPORT)
    browser.find_element(By.ID, "analyze-button").click()
    wait_for(browser, "return document.querySelectorAll('#analysis-transfers .transfer').length")
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#analysis-text mark")]
    assert any("artillery shells" in mark for mark in marks)
    labels = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#analysis-text a.label")]
    assert "USA · asserts" in labels and "PRK · denies" in labels
    browser.save_screenshot(str(SHOTS / "analyze.png"))


def test_hostile_report_renders_as_text(server, browser):
    created = httpx.post(f"{server}/api/documents", json={
        "id": "hostile", "title": HOSTILE, "text": REPORT + "\n" + HOSTILE}, timeout=60)
    assert created.status_code == 201
    browser.get(f"{server}/documents/{created.json()['stored']['id']}")
    title = browser.find_element(By.ID, "doc-title").text
    assert title == HOSTILE
    assert HOSTILE in browser.find_element(By.ID, "doc-text").text
    assert browser.execute_script("return window.owned") is None
    assert not browser.find_elements(By.CSS_SELECTOR, "#doc-text img, #doc-title script")
    browser.save_screenshot(str(SHOTS / "hostile-document.png"))
    browser.get(f"{server}/analyze")
    browser.find_element(By.ID, "report").send_keys(REPORT + " " + HOSTILE)
    browser.find_element(By.ID, "analyze-button").click()
    wait_for(browser, "return !document.getElementById('analysis').hidden")
    assert HOSTILE in browser.find_element(By.ID, "analysis-text").text
    assert browser.execute_script("return window.owned") is None
    assert not browser.find_elements(By.CSS_SELECTOR, "#analysis-text img")


def test_review_buttons_show_reviewer_and_verdict_at_once(server, browser):
    key = httpx.get(f"{server}/api/relations", params={"limit": 1}).json()["items"][0]["id"]
    browser.get(f"{server}/relations/{key}")
    browser.execute_script("window.samePage = true")  # gone if the page reloads
    reviewer = browser.find_element(By.ID, "reviewer")
    reviewer.clear()
    reviewer.send_keys("Ana Lyst")
    box = browser.find_element(By.CSS_SELECTOR, ".review")
    box.find_element(By.CSS_SELECTOR, "button.confirm").click()
    WebDriverWait(browser, 10).until(
        lambda _: box.find_element(By.CSS_SELECTOR, ".verdict").text == "confirmed by Ana Lyst")
    assert box.get_attribute("data-verdict") == "confirmed"
    assert box.find_element(By.CSS_SELECTOR, "button.confirm").get_attribute(
        "aria-pressed") == "true"
    box.find_element(By.CSS_SELECTOR, "button.reject").click()
    WebDriverWait(browser, 10).until(
        lambda _: box.find_element(By.CSS_SELECTOR, ".verdict").text == "rejected by Ana Lyst")
    assert browser.execute_script("return window.samePage") is True
    transfer = int(box.get_attribute("data-transfer"))
    stored = httpx.get(f"{server}/api/relations/{key}").json()["transfers"]
    review = next(t["review"] for t in stored if t["id"] == transfer)
    assert (review["verdict"], review["reviewer"]) == ("rejected", "Ana Lyst")
    browser.save_screenshot(str(SHOTS / "review.png"))
    browser.refresh()  # the name is remembered for the next review
    assert browser.find_element(By.ID, "reviewer").get_attribute("value") == "Ana Lyst"


def test_search_box_opens_ranked_results(server, browser):
    browser.get(f"{server}/")
    box = browser.find_element(By.ID, "search-box")
    box.send_keys("artillery shells", Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: "/search?" in d.current_url)
    expected = httpx.get(f"{server}/api/search", params={"q": "artillery shells"}).json()
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#search-documents > li > a")]
    assert titles and titles == [d["title"] or d["doc_id"] for d in expected["documents"]]
    marks = {m.text.lower() for m in browser.find_elements(By.CSS_SELECTOR, ".snippet mark")}
    assert marks & {"artillery", "shells", "shell"}
    assert browser.find_element(By.ID, "search-box").get_attribute("value") == "artillery shells"
    browser.save_screenshot(str(SHOTS / "search.png"))


def test_openapi_page_renders_from_local_assets(server, browser):
    browser.get(f"{server}/docs")
    wait_for(browser, "return document.querySelectorAll('.opblock').length > 0")
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map((entry) => entry.name)")
    assert loaded and all(name.startswith(server + "/") for name in loaded), loaded
    paths = browser.execute_script(
        "return Array.from(document.querySelectorAll('.opblock-summary-path'))"
        ".map((node) => node.textContent)")
    assert any("/api/relations" in path for path in paths)
    browser.save_screenshot(str(SHOTS / "openapi.png"))
