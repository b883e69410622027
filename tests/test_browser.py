"""One end-to-end run in a real browser: headless Debian chromium, driven by playwright, against `streamlit run`.

Fills the form as a person would, shortlists a provider, downloads the CSV and checks its rows.
Screenshots of each step go to tests/artifacts/ (git-ignored) so a person can look at them.
"""
import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
PATIENCE_MS = 30_000   # the first run fits the models; on a busy 2-core CI machine that takes longer than 5 s
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail("CI must run the browser test: /usr/bin/chromium is missing (make test installs it as root)",
                    pytrace=False)
    pytest.skip("Debian chromium is not installed (make test installs it where apt-get runs as root)",
                allow_module_level=True)


def settle(page) -> None:
    """Wait until Streamlit has finished the run and drawn everything (no skeletons, no running status)."""
    page.wait_for_function("""() => !document.querySelector('[data-testid="stSkeleton"]')
        && !document.querySelector('[data-testid="stStatusWidget"]')""", timeout=30_000)
    page.wait_for_timeout(800)   # charts draw asynchronously after the run


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url():
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                pass
            if time.time() > deadline or proc.poll() is not None:
                raise RuntimeError("the Streamlit app did not start")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_fill_form_shortlist_a_provider_and_download_the_csv(app_url):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=PATIENCE_MS)   # expect() has its own 5 s default, apart from the page's

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 2600}, accept_downloads=True)
        page.set_default_timeout(PATIENCE_MS)
        page.goto(app_url)
        expect(page.get_by_role("button", name="Find matches")).to_be_visible()
        settle(page)
        page.screenshot(path=ARTIFACTS / "1-start.png", full_page=True)

        page.get_by_role("combobox", name="Who is the therapy for?").click()
        page.get_by_role("option", name="Us as a couple").click()
        page.get_by_role("textbox", name="In your own words (optional)").fill("We fight all the time about the same things and he shuts down")
        city = page.get_by_role("combobox", name="Your city")
        city.click()
        city.fill("Calgary")
        page.get_by_role("option", name="Calgary, AB, CA").click()
        page.get_by_role("button", name="Find matches").click()

        first = page.get_by_role("heading", name="1. Emotionally Focused Therapy (EFT)").or_(
            page.get_by_role("heading", name="1. Gottman Method Couples Therapy"))
        expect(first).to_be_visible()
        expect(page.locator('[data-testid="stDataFrame"]:visible').first).to_be_visible()
        settle(page)
        page.screenshot(path=ARTIFACTS / "2-results.png", full_page=True)

        details = page.locator('[data-testid="stExpander"]').filter(has_text="1. ").filter(has_text="$").first
        details.locator("summary").click()
        add = details.get_by_role("button", name="Add ").first
        provider_name = add.inner_text().removeprefix("Add ").removesuffix(" to shortlist")
        add.click()
        expect(details.get_by_text("In your shortlist")).to_be_visible()
        page.get_by_role("tab", name="My shortlist").click()
        notes = page.get_by_role("textbox", name="Your notes")
        notes.fill("Ask about evening sessions")
        notes.press("Enter")
        page.wait_for_timeout(500)
        settle(page)
        page.screenshot(path=ARTIFACTS / "3-shortlist.png", full_page=True)

        with page.expect_download() as info:
            page.get_by_role("button", name="Download shortlist (CSV)").click()
        path = info.value.path()
        data = Path(path).read_bytes()
        (ARTIFACTS / "shortlist.csv").write_bytes(data)
        browser.close()

    assert data.startswith(b"\xef\xbb\xbf")
    rows = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["kind"] == "provider" and row["name"] == provider_name
    assert row["notes"] == "Ask about evening sessions"
    assert "fictional" in row["notice"] and "not medical advice" in row["notice"]
    assert str(row["email"]).endswith(".example")


def test_selfcheck_library_and_french_page_render_in_the_browser(app_url):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=PATIENCE_MS)   # expect() has its own 5 s default, apart from the page's

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 2600})
        page.set_default_timeout(PATIENCE_MS)
        page.goto(app_url)
        page.get_by_role("tab", name="Attachment self-check").click()
        page.get_by_role("button", name="See my result").click()
        expect(page.get_by_text("Your reading:")).to_be_visible()
        settle(page)
        page.screenshot(path=ARTIFACTS / "4-selfcheck.png", full_page=True)
        page.get_by_role("tab", name="Approach library").click()
        expect(page.get_by_text("Compare approaches side by side")).to_be_visible()
        settle(page)
        page.screenshot(path=ARTIFACTS / "5-library.png", full_page=True)
        page.get_by_text("Français").click()
        expect(page.get_by_role("tab", name="Répertoire des approches")).to_be_visible()
        page.get_by_role("tab", name="Trouver une thérapie").click()
        page.get_by_role("button", name="Trouver des correspondances").click()
        expect(page.get_by_role("heading", name="Les approches thérapeutiques qui vous conviennent")).to_be_visible()
        settle(page)
        page.screenshot(path=ARTIFACTS / "6-french.png", full_page=True)
        browser.close()
