"""The HTML report: self-contained, CSP-locked, autoescaped, every section present, usable at scale."""

from __future__ import annotations

import base64
import hashlib
import html as html_module
import re
from dataclasses import replace

from auditor.model import Location
from auditor.report import ReportOptions
from auditor.report.html import TEMPLATES, render
from tests.report_fixtures import AGENTS, FINDINGS, RULES, build_result, many_findings

HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'</script><script>x()</script>{{7*7}}"


def _html(result=None) -> str:  # type: ignore[no-untyped-def]
    return render(result or build_result(), rules=RULES, options=ReportOptions())


def _only_reference_links(html: str) -> bool:
    hrefs = re.findall(r'href="([^"#][^"]*)"', html)
    return all(h.startswith("https://owasp.org/") for h in hrefs)


def test_nothing_is_loaded_from_anywhere() -> None:
    html = _html()
    # No attribute that loads something, no CSS import or url(), no link/iframe/object tags.
    assert _only_reference_links(html)
    assert not re.search(r"<[a-z][^>]*\s(src|srcset|data|poster|background)\s*=", html, re.IGNORECASE)
    assert not re.search(r"<(link|iframe|object|embed|base|img|audio|video)\b", html, re.IGNORECASE)
    assert "@import" not in html and "url(" not in html
    # The only URLs are hyperlinks to the rules' references (navigations, not loads) and the SVG namespace.
    for url in re.findall(r"https?://[^\s\"'<]+", html):
        assert url.startswith(("https://owasp.org/", "http://www.w3.org/2000/svg")), url


def test_csp_allows_only_the_inline_script_by_hash() -> None:
    html = _html()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None
    policy = html_module.unescape(csp.group(1))
    assert (
        "default-src 'none'" in policy
        and "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]
    )
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy
    assert scripts[0] == (TEMPLATES / "report.js").read_text(encoding="utf-8")


def test_sections_present() -> None:
    html = _html()
    for section in (
        "summary",
        "inventory",
        "agents",
        "findings",
        "suppressed",
        "rules",
        "coverage",
        "parameters",
    ):
        assert f'<section id="{section}">' in html
    assert "<svg" in html and "Worst reach gaps" in html
    assert "Why it matters." in html and "Fix static-credential-in-config" in html
    assert "Rotated weekly by the platform team (SEC-1234)" in html and "2026-12-31" in html
    assert "suppression expired 2026-01-01" in html
    assert "file is 1.0 GB, over the 5 MB limit" in html
    assert "2026-03-01T09:00:00+00:00" in html and ".botaudit-baseline.json" in html
    assert "iam:CreateAccessKey" in html and "good pattern" in html


def test_per_agent_chain() -> None:
    html = _html()
    block = html.split('class="agent"', 2)[0]
    sf = html[html.index("<strong>sf-case-bot</strong>") :]
    sf = sf[: sf.index("</details>")]
    assert "salesforce_password ****" in sf  # never a character or the length of a password
    assert "integration@acme.example (005000000000001AAA)" in sf
    assert "3 capabilities beyond" in sf
    assert sf.index("ModifyAllData") < sf.index("ViewAllData")  # admin before read
    assert block


def test_hostile_values_are_escaped() -> None:
    f = replace(
        FINDINGS[0], message=HOSTILE, title=HOSTILE, agent=HOSTILE, location=Location(HOSTILE, 1, key=HOSTILE)
    )
    agent = replace(AGENTS[0], name=HOSTILE, root=HOSTILE)
    html = _html(build_result(findings=(f,), agents=(agent,), targets=(HOSTILE,)))
    assert "<script>alert(1)" not in html and "<img" not in html and "<script>x()" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script") == 2  # the data block and the page's own script
    assert "{{7*7}}" in html and ">49<" not in html
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.DOTALL)
    assert data is not None and "<" not in data.group(1)


def test_usable_with_5000_findings() -> None:
    html = _html(many_findings(5000))
    assert html.count('<details class="finding"') == 5000
    assert 'id="filter-severity"' in html and 'id="filter-agent"' in html
    assert "@media print" in html
    assert len(html) < 8_000_000
