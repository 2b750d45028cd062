"""Checks a site written by `piano site` in headless Chromium, from disk.

Usage: site_browser_check.py SITE RELEASE AXE_JS CHROMIUM

Driven by scripts/site-browser-check.sh. One Chromium is started with its
DevTools protocol on a local port and no way to resolve a host name; every
page of the site (the index and each plan's page) is opened from file:// and:

- nothing but files under SITE is requested (every request is recorded);
- the index lists every plan of RELEASE's report, after its script ran
  (the filters it shows, the sort buttons it adds);
- a plan page shows every objective of the plan (number and description,
  as RELEASE/plans/<id>.json holds them) and every phase's number;
- markup in a plan's cells made no element and ran nothing;
- a screenshot is not blank, and on a phone's width nothing overflows the page;
- axe-core (AXE_JS, injected) finds no serious or critical violation.

Each HTML file is also parsed by html5lib in strict mode (any parse error of
the HTML standard fails), its ids must be unique, and no src or href may
point outside the site. Exits 1 listing every failure.
"""

import base64
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import html5lib
import websocket
from PIL import Image

DESKTOP = (1280, 900)
PHONE = (390, 844)


class Browser:
    """One headless Chromium, driven through its DevTools protocol."""

    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="piano-site-chromium-")
        self.process = subprocess.Popen(
            [
                chromium,
                "--headless",
                "--disable-gpu",
                "--no-sandbox",
                "--no-first-run",
                "--remote-debugging-port=0",
                "--user-data-dir=" + self.profile,
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port = self._port()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as answer:
            pages = [t for t in json.load(answer) if t["type"] == "page"]
        self.socket = websocket.create_connection(
            pages[0]["webSocketDebuggerUrl"], suppress_origin=True, timeout=60
        )
        self.next_id = 0
        self.events = []
        for domain in ("Page", "Network", "Runtime"):
            self.call(domain + ".enable")

    def _port(self):
        """The port Chromium chose, from the file it writes in its profile."""
        marker = Path(self.profile) / "DevToolsActivePort"
        for _ in range(300):
            if marker.is_file() and marker.read_text().strip():
                return int(marker.read_text().split()[0])
            if self.process.poll() is not None:
                raise RuntimeError("chromium exited before opening its DevTools port")
            time.sleep(0.1)
        raise RuntimeError("chromium did not open its DevTools port in 30 s")

    def call(self, method, **params):
        """Sends one command and returns its result, keeping the events met."""
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event):
        """Waits for the next `event` not yet met."""
        while True:
            for index, met in enumerate(self.events):
                if met["method"] == event:
                    del self.events[: index + 1]
                    return met
            message = json.loads(self.socket.recv())
            if "method" in message:
                self.events.append(message)

    def open(self, path, size):
        """Opens the file at `path` at window `size`; returns the URLs it requested."""
        width, height = size
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.events.clear()
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        requests = [
            e["params"]["request"]["url"]
            for e in self.events
            if e["method"] == "Network.requestWillBeSent"
        ]
        return requests

    def evaluate(self, expression):
        """The value of `expression` in the page (awaited when a promise)."""
        result = self.call(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}…: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self):
        """The viewport as an image."""
        data = self.call("Page.captureScreenshot", format="png")["data"]
        return Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")

    def close(self):
        self.socket.close()
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def drawn_share(image):
    """The share of pixels that are not white."""
    histogram = image.convert("L").histogram()
    return 1 - sum(histogram[250:]) / (image.width * image.height)


def normalised(text):
    return re.sub(r"\s+", " ", text or "").strip()


def static_checks(site, path, failures):
    """html5lib strict parsing, unique ids, and links that stay in the site."""
    source = path.read_bytes()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        document = parser.parse(source)
    except html5lib.html5parser.ParseError as error:
        failures.append(f"{path}: not valid HTML: {error}")
        return
    ids = [e.get("id") for e in document.iter() if e.get("id") is not None]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        failures.append(f"{path}: ids used more than once: {duplicates}")
    for element in document.iter():
        for attribute in ("src", "href"):
            target = element.get(attribute)
            if target is None:
                continue
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("//"):
                failures.append(f"{path}: {element.tag} {attribute}={target!r} leaves the site")
                continue
            local = (path.parent / target.split("#")[0]).resolve()
            if target.split("#")[0] and not local.is_file():
                failures.append(f"{path}: {attribute}={target!r} names no file")
            elif site.resolve() not in local.parents and local != site.resolve():
                failures.append(f"{path}: {attribute}={target!r} points outside the site")


AXE_RUN = """
axe.run(document, {resultTypes: ['violations']}).then(function (result) {
  return {
    passes: result.passes.length,
    violations: result.violations.map(function (v) {
      return {id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })};
    }),
  };
})
"""

INDEX_STATE = """
({
  links: Array.from(document.querySelectorAll('#piani tbody th a')).map(a => a.getAttribute('href')),
  filters: !document.getElementById('filtri').hidden,
  buttons: document.querySelectorAll('#piani thead th button').length,
})
"""

PLAN_STATE = """
({
  objectives: Array.from(document.querySelectorAll('table.obiettivi tr.obiettivo')).map(r =>
    [r.querySelector('th').textContent.trim(), r.querySelector('td').textContent]),
  phases: Array.from(document.querySelectorAll('table.obiettivi tr.fase th')).map(th => th.textContent.trim()),
  charts: document.querySelectorAll('figure svg[role=img]').length,
  injected: document.querySelectorAll('main script, main img, main iframe, main [onerror], main [onload], a[href^="javascript:"]').length,
  violated: document.body.getAttribute('data-violato'),
})
"""

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def check_page(browser, site, path, axe, failures):
    """What every page must pass; returns the browser's view of the page."""
    requests = browser.open(path, DESKTOP)
    site_uri = site.resolve().as_uri() + "/"
    for url in requests:
        if not url.startswith(site_uri):
            failures.append(f"{path}: requested {url}")
    share = drawn_share(browser.screenshot())
    if share < 0.01:
        failures.append(f"{path}: the screenshot is blank ({share:.2%} drawn)")
    browser.evaluate(axe)
    audit = browser.evaluate(AXE_RUN)
    if audit["passes"] == 0:
        failures.append(f"{path}: axe checked nothing")
    for violation in audit["violations"]:
        line = f"{path}: axe {violation['impact']} {violation['id']}: {violation['help']} {violation['nodes']}"
        if violation["impact"] in ("serious", "critical"):
            failures.append(line)
        else:
            print("note " + line)


def main():
    site, release, axe_path, chromium = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    axe = Path(axe_path).read_text()
    report = json.loads((release / "report.json").read_text())
    plans = {
        e["plan_id"]: json.loads((release / "plans" / (e["plan_id"] + ".json")).read_text())
        for e in report["inputs"]
        if e["status"] != "duplicate" and e.get("plan_id") and e.get("counts")
    }
    failures = []
    pages = [site / "index.html"] + sorted((site / "piani").glob("*.html"))
    for path in pages:
        static_checks(site, path, failures)

    browser = Browser(chromium)
    try:
        index = site / "index.html"
        check_page(browser, site, index, axe, failures)
        state = browser.evaluate(INDEX_STATE)
        if sorted(state["links"]) != sorted(f"piani/{i}.html" for i in plans):
            failures.append(f"{index}: lists {len(state['links'])} plans, the report {len(plans)}")
        if not state["filters"] or state["buttons"] == 0:
            failures.append(f"{index}: its script did not run (filters shown: {state['filters']})")
        objectives = 0
        for plan_id, plan in sorted(plans.items()):
            path = site / "piani" / f"{plan_id}.html"
            check_page(browser, site, path, axe, failures)
            state = browser.evaluate(PLAN_STATE)
            shown = [(n, normalised(d)) for n, d in state["objectives"]]
            wanted = [
                (o["number"], normalised(o["description"]))
                for s in plan["structures"]
                for o in s["objectives"]
            ]
            objectives += len(wanted)
            if len(shown) != len(wanted) or any(
                n != wn or not d.endswith(wd) for (n, d), (wn, wd) in zip(shown, wanted)
            ):
                failures.append(f"{path}: objectives shown {shown[:3]}…, wanted {wanted[:3]}…")
            phases = [
                "Fase " + p["number"]
                for s in plan["structures"]
                for o in s["objectives"]
                for p in o["phases"]
            ]
            if state["phases"] != phases:
                failures.append(f"{path}: phases shown {state['phases'][:3]}…, wanted {phases[:3]}…")
            if state["injected"] or state["violated"]:
                failures.append(f"{path}: markup from the plan became elements or ran")
        for path in pages:
            browser.open(path, PHONE)
            overflow = browser.evaluate(OVERFLOW)
            if overflow > 0:
                failures.append(f"{path}: {overflow}px wider than a phone's screen")
    finally:
        browser.close()

    for failure in failures:
        print("FAIL " + failure, file=sys.stderr)
    print(
        f"site-browser-check: {len(pages)} pages, {len(plans)} plans, {objectives} objectives: "
        f"{len(failures)} failures"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
