"""The HTML report in real headless Chromium: hostile values do not run, the page renders, not blank."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from dataclasses import replace
from pathlib import Path

import pytest

from auditor.model import Location, Skipped
from auditor.report import ReportOptions
from auditor.report.html import render
from tests.report_fixtures import AGENTS, COVERAGE, FINDINGS, GAPS, PLANTED_SECRETS, RULES, build_result

pytestmark = pytest.mark.browser

# Each payload tries to leave a trace a dumped DOM would show: the title "PWNED", an element id="pwned",
# or a data-pwned attribute on <body>.
MARK = "document.body.setAttribute('data-pwned','1');document.title='PWNED'"
PAYLOADS = (
    f"<script>{MARK}</script>",
    '"><img src=x onerror="document.body.appendChild('
    "Object.assign(document.createElement('div'),{id:'pwned'}))\">",
    f"</script><script>{MARK}</script>",
    "{{7*7}}${7*7}<%= 7*7 %>",
    f"' onmouseover='{MARK}' x='",
    f'" autofocus onfocus="{MARK}" x="',
    f'<svg onload="{MARK}"></svg>',
    f"javascript:{MARK}",
    "<style>body{display:none}</style><!--",
)
TIMEOUT = 120


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    message = (
        "Chromium is not installed: run `apt-get install -y chromium` (Debian's package; .ci/run does it)"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _hostile_result():  # type: ignore[no-untyped-def]
    findings = []
    for i, payload in enumerate(PAYLOADS):
        base = FINDINGS[i % len(FINDINGS)]
        findings.append(
            replace(
                base,
                title=f"{base.title} {payload}",
                message=f"message {payload}",
                agent=f"agent{i}{payload}",
                identity=payload if base.location is None else base.identity,
                location=Location(f"dir/{payload}/file{i}.yaml", i + 1, key=f"mcpServers.{payload}.env.TOKEN")
                if base.location is not None
                else None,
                fingerprint=f"{i:016x}",
            )
        )
    agents = tuple(
        replace(a, name=f"{a.name}{PAYLOADS[i % len(PAYLOADS)]}", root=PAYLOADS[(i + 1) % len(PAYLOADS)])
        for i, a in enumerate(AGENTS)
    )
    gaps = tuple(replace(g, agent=agents[0].name, identity=PAYLOADS[2], baseline=PAYLOADS[0]) for g in GAPS)
    coverage = replace(COVERAGE, skipped=(*COVERAGE.skipped, Skipped(PAYLOADS[1], PAYLOADS[2], PAYLOADS[0])))
    return build_result(
        findings=tuple(findings),
        agents=agents,
        gaps=gaps,
        coverage=coverage,
        targets=PAYLOADS[:2],
        parameters={PAYLOADS[0]: PAYLOADS[2], "config": PAYLOADS[1]},
    )


def _run(chromium: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-default-apps",
        "--disable-extensions",
        "--hide-scrollbars",
        # No network at all: a page that needed one would show it, and nothing can leave the machine.
        "--proxy-server=127.0.0.1:9",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def _png_pixels(data: bytes, max_rows: int = 400) -> tuple[int, int, list[bytes]]:
    """Width, height and the first `max_rows` unfiltered scanlines of an 8-bit RGB/RGBA PNG (pure Python)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, bytearray(), b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), f"unexpected PNG format depth={depth} colour={colour}"
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(bytes(idat))
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(min(height, max_rows)):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, rows


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, str]:
    chromium = _chromium()
    folder = tmp_path_factory.mktemp("html")
    report = folder / "report.html"
    report.write_text(render(_hostile_result(), rules=RULES, options=ReportOptions()), encoding="utf-8")
    dumped = _run(chromium, folder / "profile-dom", "--dump-dom", report.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    shot = folder / "shot.png"
    taken = _run(
        chromium, folder / "profile-shot", f"--screenshot={shot}", "--window-size=1280,2000", report.as_uri()
    )
    assert taken.returncode == 0, taken.stderr[-2000:]
    return dumped.stdout, shot, report.read_text(encoding="utf-8")


def test_no_injected_script_ran(page: tuple[str, Path, str]) -> None:
    dom, _, _ = page
    assert "<title>PWNED</title>" not in dom
    assert not re.search(r"<title>\s*PWNED", dom)
    assert 'id="pwned"' not in dom
    assert "data-pwned" not in dom.split(">", 1)[0] and not re.search(r"<body[^>]*data-pwned", dom)
    assert not re.search(r"<(img|svg|style)\b[^>]*(onerror|onload)", dom)
    # The payloads are there, as text.
    assert "&lt;script&gt;document.body.setAttribute" in dom


def test_page_rendered_and_its_own_script_ran(page: tuple[str, Path, str]) -> None:
    dom, _, _ = page
    assert re.search(r'<body[^>]*data-ready="1"', dom), "the report's own script did not run (CSP hash?)"
    assert "<h2>Summary</h2>" in dom and "Agent inventory" in dom
    status = re.search(r'id="filter-status"[^>]*>([^<]*)<', dom)
    assert status is not None and status.group(1) == f"{len(PAYLOADS)} of {len(PAYLOADS)} findings shown"
    # The agent filter was filled from the JSON data block, hostile names included, as option text.
    options = re.search(r'<select id="filter-agent">(.*?)</select>', dom, re.DOTALL)
    assert options is not None and options.group(1).count("<option") == len(PAYLOADS) + 1


def test_screenshot_is_not_blank(page: tuple[str, Path, str]) -> None:
    _, shot, _ = page
    assert shot.is_file() and shot.stat().st_size > 1000
    width, height, rows = _png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 2000)
    pixels = {row[i : i + 3] for row in rows[::4] for i in range(0, len(row), 12)}
    assert len(pixels) > 8, "the screenshot is (nearly) one colour"
    dark = sum(1 for row in rows for i in range(0, len(row), 4 * 4) if row[i] < 100)
    assert dark > 50, "no text drawn in the top of the page"


def test_no_planted_secret_in_the_html(page: tuple[str, Path, str]) -> None:
    _, _, html = page
    for secret in PLANTED_SECRETS:
        assert secret not in html
