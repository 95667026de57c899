"""Hypothesis strategies over botaudit's model: arbitrary ScanResults, hostile text, planted secrets.

Secret values only ever enter a ScanResult the way the scanner lets them in (a redacted preview, a keyed
fingerprint, or an identity hint / alias that the reports must redact), so any planted value found in a
report is a leak.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st

from auditor.model import (
    BY_DESIGN_SKIPS,
    AccessLevel,
    Agent,
    AuthModel,
    Capability,
    Confidence,
    Connection,
    Coverage,
    FileScan,
    Finding,
    Identity,
    Location,
    NotEvaluated,
    Platform,
    ReachGap,
    ReferenceKind,
    Resolution,
    ScanResult,
    SecretContext,
    SecretMatch,
    SecretReference,
    Severity,
    Skipped,
    Snapshot,
    Suppression,
    Unread,
)
from auditor.redact import fingerprint, redact


def _token(prefix: str, seed: str, length: int) -> str:
    # Built in code from a hash: nothing token-shaped is stored in the repository.
    body = hashlib.sha256(seed.encode()).hexdigest() + hashlib.sha256(seed[::-1].encode()).hexdigest()
    mixed = "".join(c.upper() if i % 3 == 0 else c for i, c in enumerate(body))
    return prefix + mixed[:length]


# Values that must never appear in any report.
PLANTED = (
    _token("ghp_", "gh", 36),
    _token("AKIA", "aws", 16).upper(),
    _token("xoxb-2210987654321-", "slack", 30),
    _token("sk-proj-", "openai", 40),
    _token("hvs.", "vault", 30),
    "Tr0ub4dor&3-Integration!x9",
)

# Strings an attacker would put in names and contents.
HOSTILE = (
    "\x1b[2J\x1b]0;pwned\x07",
    "\x9b31m",
    "gnp.\u202eexe",
    "caf\udce9-\udcff.env",
    "\ud800",
    "back\\slash.env",
    "[click](javascript:alert(1))",
    "https://evil.example/x www.evil.example mailto:a@b.example",
    "<script>alert(1)</script>&amp;",
    "| table | break |",
    "@org/security-team",
    "{{ jinja }} ${shell} `code`",
    "x" * 300,
    "",
)

_any_char = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, categories=None)
text = st.one_of(
    st.text(_any_char, max_size=24),
    st.sampled_from(HOSTILE),
    st.builds(lambda a, b: a + b, st.sampled_from(HOSTILE), st.text(_any_char, max_size=8)),
)
short_text = st.one_of(st.text(_any_char, max_size=12), st.sampled_from(HOSTILE))
secret_value = st.sampled_from(PLANTED)
# An identity hint or alias is usually an identifier, sometimes a pasted secret (the reports redact those).
hint = st.one_of(st.none(), short_text, secret_value)

instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)

locations = st.builds(
    Location,
    path=short_text,
    line=st.integers(min_value=0, max_value=10**7),
    column=st.none() | st.integers(min_value=0, max_value=10**4),
    key=st.none() | short_text,
)


@st.composite
def secret_matches(draw: st.DrawFn) -> SecretMatch:
    value = draw(secret_value)
    kind = draw(st.sampled_from(("github_pat", "aws_access_key_id", "slack_bot_token", "password")))
    return SecretMatch(
        detector_id=kind.replace("_", "-"),
        kind=kind,
        location=draw(locations),
        redacted=redact(value),
        fingerprint=fingerprint(kind, value),
        severity=draw(st.sampled_from(Severity)),
        confidence=draw(st.sampled_from(Confidence)),
        context=draw(st.sampled_from(SecretContext)),
        is_example=draw(st.booleans()),
        platform=draw(st.none() | st.sampled_from(Platform)),
    )


references = st.builds(
    SecretReference,
    kind=st.sampled_from(ReferenceKind),
    target=short_text,
    location=locations,
    platform=st.none() | st.sampled_from(Platform),
)
connections = st.builds(
    Connection,
    platform=st.sampled_from(Platform),
    auth_model=st.sampled_from(AuthModel),
    identity_hint=hint,
    evidence=st.lists(locations, max_size=2).map(tuple),
    credential_fingerprints=st.lists(st.text("0123456789abcdef", min_size=16, max_size=16), max_size=2).map(
        tuple
    ),
    reason=short_text,
)
agents = st.builds(
    Agent,
    name=short_text,
    root=short_text,
    kind=short_text,
    connections=st.lists(connections, max_size=3).map(tuple),
    secrets=st.lists(secret_matches(), max_size=3).map(tuple),
    references=st.lists(references, max_size=2).map(tuple),
    multi_user=st.booleans(),
    declared=st.booleans(),
    environment=st.none() | short_text,
)
capabilities = st.builds(
    Capability,
    platform=st.sampled_from([p.value for p in Platform]),
    resource=short_text,
    action=short_text,
    level=st.sampled_from(AccessLevel),
)
gaps = st.builds(
    ReachGap,
    agent=short_text,
    platform=st.sampled_from(Platform),
    identity=short_text,
    baseline=short_text,
    extra=st.lists(capabilities, max_size=6).map(tuple),
    escalation=st.booleans(),
    partial=st.booleans(),
    unknown=st.lists(short_text, max_size=2).map(tuple),
)
identities = st.builds(
    Identity,
    platform=st.sampled_from(Platform),
    id=short_text,
    name=short_text,
    kind=short_text,
    attributes=st.dictionaries(
        st.sampled_from(("mfa", "created", "note")), short_text | st.integers(), max_size=2
    ),
    aliases=st.lists(hint.filter(lambda h: h is not None), max_size=2).map(tuple),
)
unreads = st.builds(
    Unread,
    part=short_text,
    reason=text,
    category=st.sampled_from(("error", "denied", "timeout", "malformed")),
    subject=st.none() | short_text,
    affects_reach=st.booleans(),
)
snapshots = st.builds(
    Snapshot,
    platform=st.sampled_from(Platform),
    collected_at=instants,
    source=short_text,
    identities=st.lists(identities, max_size=3).map(tuple),
    requests=st.integers(min_value=0, max_value=10**6),
    unread=st.lists(unreads, max_size=2).map(tuple),
    duration_seconds=st.floats(min_value=0, max_value=1e6, allow_nan=False),
)
resolutions = st.builds(
    Resolution,
    agent=short_text,
    platform=st.sampled_from(Platform),
    identity_id=short_text,
    identity_name=short_text,
    via=short_text,
    credential_fingerprint=st.none() | st.text("0123456789abcdef", min_size=16, max_size=16),
    location=st.none() | locations,
)
suppressions = st.builds(
    Suppression,
    kind=st.sampled_from(("inline", "config", "baseline")),
    reason=short_text,
    expires=st.none() | st.dates().map(str),
    expired=st.booleans(),
)
findings = st.builds(
    Finding,
    rule_id=st.one_of(st.sampled_from(("BA-101", "BA-102", "BA-301", "BA-501")), short_text),
    name=short_text,
    severity=st.sampled_from(Severity),
    title=text,
    message=text,
    fingerprint=st.text("0123456789abcdef", min_size=16, max_size=16),
    location=st.none() | locations,
    identity=st.none() | short_text,
    platform=st.none() | st.sampled_from(Platform),
    agent=st.none() | short_text,
    kind=st.none() | short_text,
    evidence=st.one_of(st.just({}), locations.map(lambda loc: {"anchor": loc})),
    remediation=text,
    references=st.lists(short_text, max_size=2).map(tuple),
    confidence=st.sampled_from(Confidence),
    suppression=st.none() | suppressions,
    baseline=st.booleans(),
)
skips = st.builds(
    Skipped,
    source=short_text,
    reason=text,
    category=st.sampled_from(("error", "parse_error", "too_large", "binary", *sorted(BY_DESIGN_SKIPS))),
)
coverages = st.builds(
    Coverage,
    files_scanned=st.integers(min_value=0, max_value=10**6),
    bytes_scanned=st.integers(min_value=0, max_value=10**12),
    skipped=st.lists(skips, max_size=4).map(tuple),
    not_evaluated=st.lists(st.builds(NotEvaluated, short_text, short_text, text), max_size=2).map(tuple),
    platforms_requested=st.lists(st.sampled_from([p.value for p in Platform]), max_size=2).map(tuple),
    platforms_collected=st.lists(st.sampled_from([p.value for p in Platform]), max_size=2).map(tuple),
    platforms_partial=st.lists(st.sampled_from([p.value for p in Platform]), max_size=2).map(tuple),
)


@st.composite
def scan_results(draw: st.DrawFn) -> ScanResult:
    started = draw(instants)
    files = tuple(
        FileScan(path=loc.path, format="env", size=draw(st.integers(0, 10**6)), secrets=(match,))
        for match in draw(st.lists(secret_matches(), max_size=3))
        for loc in (match.location,)
    )
    return ScanResult(
        started=started,
        finished=started + timedelta(seconds=draw(st.floats(min_value=0, max_value=86_400))),
        targets=tuple(draw(st.lists(short_text, max_size=2))),
        agents=tuple(draw(st.lists(agents, max_size=3))),
        files=files,
        snapshots=tuple(draw(st.lists(snapshots, max_size=2))),
        resolutions=tuple(draw(st.lists(resolutions, max_size=2))),
        gaps=tuple(draw(st.lists(gaps, max_size=2))),
        findings=tuple(draw(st.lists(findings, max_size=6))),
        coverage=draw(coverages),
        parameters=draw(
            st.fixed_dictionaries(
                {}, optional={"config": st.none() | short_text, "baseline": st.none() | short_text}
            )
        ),
    )
