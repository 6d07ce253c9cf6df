"""The dashboard in a real browser: Playwright driving Debian's chromium headless (never a
downloaded browser). Opens every page, follows an article-view highlight to its record and
back, checks the dyad chart renders, and checks an article carrying <script> and
<img onerror> shows them as text and runs nothing. Screenshots go to the pytest tmp dir."""

from __future__ import annotations

import re
import shutil
import threading
import time

import pytest

from tests.services import build_corpus, free_port

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    uvicorn = pytest.importorskip("uvicorn")
    from parley.serve.app import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('dash') / 'corpus.db'}"
    build_corpus(url)
    port = free_port()
    config = uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    for _ in range(100):
        if instance.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    if not shutil.which("chromium") and not shutil.which(CHROMIUM):
        pytest.skip("Debian's chromium is absent (scripts/services.sh installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.route(re.compile(r"^(?!http://127\.0\.0\.1).*"), lambda route: route.abort())  # nothing from elsewhere
    yield page
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    return tmp_path_factory.mktemp("screenshots")


def _article_id(page, server, key_title):
    page.goto(f"{server}/articles")
    return page.get_by_role("link", name=key_title).get_attribute("href")


def test_every_page_opens(server, page, shots):
    page.goto(server + "/")
    assert "6 articles" not in page.inner_text("#counts")  # 5 analysed + 1 copy
    assert "5 articles (1 near-duplicates linked)" in page.inner_text("#counts")
    page.screenshot(path=str(shots / "overview.png"), full_page=True)
    for path, name, marker in [
        ("/articles", "articles", "Drones and missiles hit Odesa port"),
        ("/actors", "actors", "Dmitry Peskov"),
        ("/actors/RUS", "actor", "Events as source"),
        ("/positions", "positions", "Russia return to the lines of 2022"),
        ("/claims", "claims", "contradict"),
        ("/search?q=ceasefire", "search", "2 quotes match"),
    ]:
        response = page.goto(server + path)
        assert response.status == 200, path
        assert marker in page.inner_text("main"), path
        page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    page.goto(server + "/")
    page.click("text=Search")  # the search box submits
    page.fill("input[name=q]", "military targets")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=military"))
    assert "1 quotes match" in page.inner_text("main")


def test_dyad_chart_renders(server, page, shots):
    page.goto(server + "/")
    page.click("a.dyad")
    page.wait_for_selector("#dyad-chart svg circle.point")
    assert page.locator("#dyad-chart svg circle.point").count() == 3
    assert page.get_attribute("#dyad-chart", "data-rendered") == "true"
    page.screenshot(path=str(shots / "dyad.png"), full_page=True)
    page.goto(server + "/actors/dmitry-peskov")
    page.wait_for_selector(".chart svg rect.bar")


def test_highlight_to_record_and_back(server, page, shots):
    href = _article_id(page, server, "Ukraine offers ceasefire in the sky and at sea")
    page.goto(server + href)
    for kind in ("quote", "event", "demand", "claim", "actor"):
        assert page.locator(f"#article-text .hl-{kind}").count() >= 1, kind
    page.screenshot(path=str(shots / "article.png"), full_page=True)
    anchor = page.locator("#article-text a.ref-quote").first
    target = anchor.get_attribute("data-ref")
    anchor.click()
    page.wait_for_url(re.compile(r"/statements/\d+#quote-\d+"))
    assert "2 sources" in page.inner_text("main")
    page.screenshot(path=str(shots / "statement.png"), full_page=True)
    page.locator(f"#{target} a.back").click()
    page.wait_for_url(re.compile(href + "#" + target))
    assert page.locator(f"#{target}").is_visible()
    # The same for an event: to the merged event with both reports, and back.
    page.locator("#article-text a.ref-event").first.click()
    page.wait_for_url(re.compile(r"/events/\d+#mention-\d+"))
    assert page.locator("#sources li").count() == 2
    page.locator("#sources li a.back").first.click()
    page.wait_for_url(re.compile(r"/articles/\d+#mention-\d+"))


def test_article_markup_is_shown_as_text_and_never_runs(server, page, shots):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    href = _article_id(page, server, "A headline with <b>markup</b>")
    page.goto(server + href)
    text = page.inner_text("#article-text")
    assert "<script>window.__xss = 1</script>" in text
    assert '<img src=x onerror="window.__xss = 2">' in text
    assert page.locator("#article-text script, #article-text img, main b").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined" and not dialogs
    assert "<b>markup</b>" in page.inner_text("h1")
    page.screenshot(path=str(shots / "markup.png"), full_page=True)
