"""The browser suite: pages opened in headless Chromium (Debian's), driven by
Playwright's Python library (never ``playwright install``: no browser is
downloaded).

It skips, saying why, when Playwright or Chromium is missing; with
KG_REQUIRE_BROWSER=1 (as .ci/run sets) it fails instead, so CI cannot pass
without running it.  KG_CHROMIUM names another Chromium binary.

Every page is opened from a file with requests watched: anything but the page
itself is recorded and aborted, and each test can assert none was made.
Dialogs (alert, confirm) and Content-Security-Policy violations are recorded
too.  Timings measured here are printed at the end of the run, never asserted.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# The flags Chromium needs here: as root (no sandbox), without a GPU, and with
# nothing that reaches out on its own (the network is closed).  Playwright adds
# --headless and a fresh --user-data-dir of its own.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 800}
READY_TIMEOUT_MS = 120_000

TIMINGS: list[tuple[str, float]] = []


def _chromium() -> str | None:
    found = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return found if found and os.access(found, os.X_OK) else None


def _unavailable() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright's Python package is not installed (pip install playwright; no browser download)"
    if _chromium() is None:
        return "Chromium is not installed (apt-get install chromium), or set KG_CHROMIUM"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _unavailable()
    if reason:
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"the browser suite must run here: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@dataclass
class OpenPage:
    """A page and what it did: requests beyond its own file, dialogs, CSP
    violations, script errors."""

    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds_to_ready: float = 0.0

    def evaluate(self, script: str, argument=None):
        return self.page.evaluate(script, argument)

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__kgViolations")

    def assert_quiet(self) -> None:
        """No request but the page's own, no dialog, no CSP violation, no script error."""
        assert self.requests == []
        assert self.dialogs == []
        assert self.violations() == []
        assert self.errors == []


@pytest.fixture
def open_page(browser):
    contexts = []

    def open_(path: Path) -> OpenPage:
        context = browser.new_context(viewport=VIEWPORT, locale="ar", service_workers="block")
        contexts.append(context)
        url = Path(path).resolve().as_uri()
        page = context.new_page()
        opened = OpenPage(page, url)

        def route(request_route):
            request = request_route.request
            if request.url == url:
                request_route.continue_()
            else:
                opened.requests.append(request.url)
                request_route.abort()

        context.route("**/*", route)
        page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.add_init_script(
            "window.__kgViolations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " function (e) { window.__kgViolations.push(e.violatedDirective + ' ' + e.blockedURI); });")
        started = time.perf_counter()
        page.goto(url)
        page.wait_for_selector("html[data-kg-ready]", state="attached", timeout=READY_TIMEOUT_MS)
        opened.seconds_to_ready = time.perf_counter() - started
        return opened

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def timings():
    return TIMINGS


def pytest_terminal_summary(terminalreporter):
    if TIMINGS:
        terminalreporter.section("browser timings (reported, not asserted)")
        for name, seconds in TIMINGS:
            terminalreporter.write_line(f"{name}: {seconds:.2f} s")
