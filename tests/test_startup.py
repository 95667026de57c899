"""Start-up stays small: a static scan loads the CLI, the walker and the detectors, and nothing heavy.

A pre-commit hook runs `botaudit scan` on every commit; every SDK, template engine or schema validator that a
static scan imports is paid for each time. These tests look at what a real run imported (a subprocess, so
the test process's own imports do not count), not at how long it took: a timed test would fail on a busy CI
machine and pass a regression on a fast one.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import marshal
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from auditor import cache
from auditor.extract.detectors import DetectorSet

# Modules a static scan has no use for. Each is imported where it is needed: a platform's SDK when that
# platform is collected, jinja2 for HTML, jsonschema when a schema is validated, pygit2 for --history,
# multiprocessing for a pool (not for a handful of files), pathspec only when an ignore file exists.
HEAVY = (
    "boto3",
    "botocore",
    "hvac",
    "msal",
    "simple_salesforce",
    "slack_sdk",
    "requests",
    "jwt",
    "cryptography",
    "pygit2",
    "jsonschema",
    "jinja2",
    "pydantic",
    "policy_sentry",
    "hcl2",
    "lark",
    "multiprocessing",
    "pathspec",
    "rich.progress",
    "auditor.collectors.aws",
    "auditor.collectors.vault",
    "auditor.collectors.salesforce",
    "auditor.collectors.entra",
    "auditor.collectors.github",
    "auditor.collectors.slack",
    "auditor.report.html",
    # The stdlib's html module (and its entity table): the Markdown report escapes three characters itself.
    "html",
    # A platform's rule checks, when one of its rules is judged (platform data: a snapshot, a collector,
    # Terraform): a static scan without any judges none.
    "auditor.engine.checks.aws_checks",
    "auditor.engine.checks.vault_checks",
    "auditor.engine.checks.salesforce_checks",
    "auditor.engine.checks.entra_checks",
    "auditor.engine.checks.github_checks",
    "auditor.engine.checks.slack_checks",
    # The `botaudit init` template and docs/configuration.md, generated from the schema when asked for.
    "auditor.config.template",
    # PyYAML when a YAML document is parsed: botaudit.yaml, a detector or rule file (both cached: the probe
    # runs on a warm cache, as a hook does), or a scanned YAML file with something in it. A YAML file with
    # no keyword in it is not parsed.
    "yaml",
)

_PROBE = """
import json, sys
from auditor.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.flush()
print("\\n" + json.dumps(sorted(sys.modules)))
"""


_warmed: list[bool] = []
# The probes' own cache folder: the conftest's per-process one is shared with every other test this worker
# runs, and one of them may leave it holding other detector or rule files' entries (seen once in a full run:
# the table probe re-parsed YAML). Here only the probes read and write, so warm means warm.
_PROBE_CACHE = tempfile.mkdtemp(prefix="botaudit-startup-cache-")
atexit.register(shutil.rmtree, _PROBE_CACHE, ignore_errors=True)


def _modules_after(argv: list[str], cwd: Path) -> set[str]:
    env = dict(
        os.environ, NO_COLOR="1", BOTAUDIT_FINGERPRINT_KEY="startup-test-key", BOTAUDIT_CACHE_DIR=_PROBE_CACHE
    )
    if not _warmed:
        # The first run in this test process's cache folder parses the detector and rule files (PyYAML) and
        # writes the cache; the runs measured here are every later one's, a pre-commit hook's usual case.
        _warmed.append(True)
        subprocess.run(  # noqa: S603 - our own CLI
            [sys.executable, "-c", _PROBE, "scan", str(cwd), "--no-progress", "--format", "json"],
            cwd=cwd,
            env=env,
            capture_output=True,
            timeout=120,
            check=False,
        )
    proc = subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-c", _PROBE, *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.stdout.strip(), proc.stderr
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


@pytest.fixture
def small_tree(tmp_path: Path) -> Path:
    tree = tmp_path / "repo"
    tree.mkdir()
    (tree / "app.py").write_text("import os\nTOKEN = os.environ['SLACK_BOT_TOKEN']\n")
    (tree / "config.yaml").write_text("model: gpt-4o\nretries: 3\n")
    (tree / "README.md").write_text("# demo agent\n")
    return tree


def _loaded_heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules for heavy in HEAVY if m == heavy or m.startswith(heavy + "."))


@pytest.mark.parametrize("fmt", ["table", "json", "sarif", "markdown"])
def test_static_scan_imports_nothing_heavy(small_tree: Path, fmt: str) -> None:
    modules = _modules_after(["scan", str(small_tree), "--no-progress", "--format", fmt], small_tree)
    # The probe really ran a scan: the walker and the detector engine were loaded.
    assert {"auditor.discovery.walk", "auditor.extract.detectors"} <= modules
    assert _loaded_heavy(modules) == []


def test_machine_readable_reports_and_version_skip_rich_and_the_scanner(small_tree: Path) -> None:
    # rich draws the table and the progress bars; a JSON or SARIF run (CI) has no use for it, and lines on
    # stderr are plain text.
    modules = _modules_after(["scan", str(small_tree), "--no-progress", "--format", "json"], small_tree)
    assert "auditor.extract.detectors" in modules
    assert sorted(m for m in modules if m == "rich" or m.startswith("rich.")) == []
    # Parsers of formats this tree does not hold load when such a file is read, not before.
    assert not {"tomllib", "configparser"} & modules
    version = _modules_after(["--version"], small_tree)
    assert "auditor.cli" in version  # the probe ran
    # Neither typer (auditor/cli.py's fast path) nor the scanner.
    assert "typer" not in version and "auditor.scan" not in version and "auditor.config" not in version


def test_a_plain_table_report_without_agents_skips_rich(tmp_path: Path) -> None:
    # A pre-commit hook's usual case: output captured (no colour), no agent in the staged files.
    tree = tmp_path / "repo"
    tree.mkdir()
    (tree / "README.md").write_text("# notes\n")
    (tree / "settings.yaml").write_text("retries: 3\n")
    modules = _modules_after(["scan", str(tree), "--no-progress"], tree)
    assert "auditor.report.terminal" in modules
    assert sorted(m for m in modules if m == "rich" or m.startswith("rich.")) == []


def test_warnings_on_stderr_stay_plain_text(small_tree: Path) -> None:
    """No rich console behind a line on stderr: emoji codes and brackets in a path arrive as written."""
    odd = small_tree / ":key: [bold]x[red]"
    odd.mkdir()
    proc = subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "auditor", "scan", str(odd / "missing"), "--no-progress"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=dict(os.environ, NO_COLOR="1"),
    )
    assert proc.returncode == 2
    assert proc.stderr == f"botaudit: error: {odd / 'missing'}: no such file or folder\n"


def test_html_report_loads_jinja2_only_when_asked(small_tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    modules = _modules_after(
        ["scan", str(small_tree), "--no-progress", "--report", f"html:{out}"], small_tree
    )
    assert out.is_file()
    assert "jinja2" in modules  # the probe can see a lazy import when it happens


def test_no_agent_no_deputy_path_finder(tmp_path: Path) -> None:
    # The confused-deputy pass reads the agents' Python source: with no agent it has nothing to read.
    tree = tmp_path / "repo"
    tree.mkdir()
    (tree / "util.py").write_text("def add(a, b):\n    return a + b\n")
    (tree / "notes.yaml").write_text("retries: 3\n")
    modules = _modules_after(["scan", str(tree), "--no-progress", "--format", "json"], tree)
    assert "auditor.extract.detectors" in modules
    assert "auditor.collectors.code.deputy" not in modules
    assert "yaml" not in modules
    # An agent with Python source: the pass runs.
    (tree / "util.py").write_text("import os\nTOKEN = os.environ['SLACK_BOT_TOKEN']\n")
    (tree / "botaudit.yaml").write_text(
        "version: 1\nagents:\n  - name: triage\n    paths: ['*.py']\n    multi_user: true\n"
    )
    modules = _modules_after(["scan", str(tree), "--no-progress", "--format", "json"], tree)
    assert "auditor.collectors.code.deputy" in modules


def test_yaml_loads_when_a_yaml_document_is_read(small_tree: Path) -> None:
    """The lazy imports above still happen where they are needed (so the probe can see them)."""
    (small_tree / "botaudit.yaml").write_text("version: 1\nagents:\n  - name: triage\n    paths: ['*.py']\n")
    modules = _modules_after(["scan", str(small_tree), "--no-progress", "--format", "json"], small_tree)
    assert "yaml" in modules  # botaudit.yaml was parsed
    (small_tree / "botaudit.yaml").unlink()
    # A scanned YAML file with a key worth reading, in a form only the parser reads (a list, a quoted value).
    (small_tree / "config.yaml").write_text(
        "model: gpt-4o\napi_key: '${MODEL_API_KEY}'\ntools:\n  - search\n"
    )
    modules = _modules_after(["scan", str(small_tree), "--no-progress", "--format", "json"], small_tree)
    assert "yaml" in modules
    # Block mappings of plain scalars are read off their lines (yamldoc._load_simple): no parser to import.
    (small_tree / "config.yaml").write_text("model: gpt-4o\napi_key: ${MODEL_API_KEY}\n")
    modules = _modules_after(["scan", str(small_tree), "--no-progress", "--format", "json"], small_tree)
    assert "yaml" not in modules


def test_platform_checks_load_with_platform_data(small_tree: Path) -> None:
    # Terraform declaring an IAM user gives aws data: the aws rules are judged, so their checks load.
    (small_tree / "main.tf").write_text(
        'resource "aws_iam_user" "bot" {\n  name = "triage-bot"\n}\n'
        'resource "aws_iam_access_key" "bot" {\n  user = aws_iam_user.bot.name\n}\n'
    )
    modules = _modules_after(["scan", str(small_tree), "--no-progress", "--format", "json"], small_tree)
    assert "auditor.engine.checks.aws_checks" in modules
    assert "auditor.engine.checks.slack_checks" not in modules


def test_ignore_file_loads_pathspec(small_tree: Path) -> None:
    (small_tree / ".botauditignore").write_text("README.md\n")
    modules = _modules_after(["scan", str(small_tree), "--no-progress", "--format", "json"], small_tree)
    assert "pathspec" in modules


# ------------------------------------------------------------------------------------------------ caches


def _detector_rows(detectors: DetectorSet) -> list[tuple[object, ...]]:
    return [
        (d.id, d.kind, d.platform, d.regex.pattern, d.keywords, d.entropy, d.severity, d.confidence,
         d.identifier, d.generic, d.partner, d.window, d.assume_key, d.max_width, d.public_prefixes,
         d.checksum, d.checksum_required, d.examples_match, d.examples_no_match, d.source)
        for d in detectors.detectors
    ]  # fmt: skip


def test_detector_cache_round_trips_and_survives_corruption(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    fresh = DetectorSet.load()  # parses the YAML and writes the cache
    entries = sorted((tmp_path / "cache").glob("detectors-*.bin"))
    assert len(entries) == 1
    cached = DetectorSet.load()  # read back from the cache
    assert _detector_rows(cached) == _detector_rows(fresh)

    # The same objects as the YAML gave: every attribute (the regex by its pattern; LazyRegex compares by
    # identity), nothing more.
    def attributes(d: object) -> dict[str, object]:
        return {k: (v.pattern if k == "regex" else v) for k, v in vars(d).items()}

    assert [attributes(d) for d in cached.detectors] == [attributes(d) for d in fresh.detectors]

    entries[0].write_bytes(entries[0].read_bytes()[:1000])  # truncated
    assert _detector_rows(DetectorSet.load()) == _detector_rows(fresh)
    entries[0].write_bytes(b'[{"id": "not-a-detector"}]')  # not even the digest
    assert _detector_rows(DetectorSet.load()) == _detector_rows(fresh)
    for layout in ([{"id": "not-a-detector"}], {"rows": []}, [[1, 2]]):  # a valid entry, another layout
        body = marshal.dumps(layout)
        entries[0].write_bytes(hashlib.sha256(body).digest() + body)
        assert _detector_rows(DetectorSet.load()) == _detector_rows(fresh)
    raw = bytearray(entries[0].read_bytes())
    raw[len(raw) // 2] ^= 0x20  # one flipped bit in a detector's text
    entries[0].write_bytes(bytes(raw))
    assert _detector_rows(DetectorSet.load()) == _detector_rows(fresh)
    # Each failed read rebuilt the entry from the YAML.
    assert _detector_rows(DetectorSet.load()) == _detector_rows(fresh)


def test_detector_cache_follows_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    source = Path(DetectorSet.load().detectors[0].source).parent
    rules = tmp_path / "detectors"
    rules.mkdir()
    for path in sorted(source.glob("*.yaml"))[:3]:
        (rules / path.name).write_bytes(path.read_bytes())
    before = DetectorSet.load(rules)
    first = sorted(rules.glob("*.yaml"))[0]
    first.write_text(first.read_text().replace("title:", "title: Edited", 1))
    after = DetectorSet.load(rules)
    assert after.detectors[0].title.startswith("Edited")
    assert after.detectors[0].title != before.detectors[0].title
    # The superseded entry is gone: the folder does not grow with every rule change.
    assert len(list((tmp_path / "cache").glob("detectors-*.bin"))) == 1


def test_untrusted_cache_entries_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(folder))
    cache.write("entry", b"payload")
    assert cache.read("entry") == b"payload"
    assert folder.stat().st_mode & 0o777 == 0o700
    (folder / "entry").chmod(0o666)  # anyone could have written it
    assert cache.read("entry") is None
    (folder / "entry").chmod(0o600)
    folder.chmod(0o777)
    assert cache.read("entry") is None
    folder.chmod(0o700)
    (folder / "link").symlink_to(folder / "entry")
    assert cache.read("link") is None
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    assert cache.read("entry") is None


def test_vectorscan_database_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from auditor.extract.vectorscan import available, compile_database

    if not available():
        pytest.skip("Vectorscan bindings are not installed on this platform")
    import hyperscan

    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path))

    def hits(db: object) -> list[int]:
        found: list[int] = []
        db.scan(b"xx GHP_ and xoxb-", match_event_handler=lambda i, *_: found.append(i))  # type: ignore[attr-defined]
        return found

    flags = [hyperscan.HS_FLAG_CASELESS] * 2
    compiled = compile_database("t", [b"ghp_", b"xoxb-"], flags)
    (entry,) = tmp_path.glob("hs-t-*.db")
    assert hits(compiled) == hits(compile_database("t", [b"ghp_", b"xoxb-"], flags)) == [0, 1]
    entry.write_bytes(entry.read_bytes()[:-5] + b"\0\0\0\0\0")  # corrupt: the digest no longer matches
    assert hits(compile_database("t", [b"ghp_", b"xoxb-"], flags)) == [0, 1]


def test_rule_cache_round_trips_and_survives_corruption(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.engine import loader

    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    fresh = loader.load_rules()  # parses the YAML and writes the cache
    (entry,) = (tmp_path / "cache").glob("rules-*.json")
    real_parse = loader.parse_rule

    def no_parsing(*args: object, **kwargs: object) -> object:
        raise AssertionError("parsed a rule file although the cache holds the set")

    monkeypatch.setattr(loader, "parse_rule", no_parsing)
    cached = loader.load_rules()
    assert cached == fresh and [r.compliance for r in cached] == [r.compliance for r in fresh]
    monkeypatch.setattr(loader, "parse_rule", real_parse)
    for damaged in (entry.read_bytes()[:500], b'[{"id": "BA-101"}]', b"\xff\xfe"):
        entry.write_bytes(damaged)
        assert loader.load_rules() == fresh  # rebuilt from the YAML, and the entry rewritten
        assert entry.read_bytes() != damaged


def test_rule_cache_follows_the_files_and_the_predicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from auditor.engine import loader
    from auditor.engine.predicates import PREDICATES
    from auditor.errors import RuleLoadError
    from auditor.paths import rules_dir

    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    folder = tmp_path / "rules"
    folder.mkdir()
    for path in sorted(rules_dir().glob("BA-*.yaml"))[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    before = loader.load_rules(folder)
    first = sorted(folder.glob("BA-*.yaml"))[0]
    first.write_text(
        first.read_text(encoding="utf-8").replace("title: ", "title: Edited ", 1), encoding="utf-8"
    )
    after = loader.load_rules(folder)
    assert after[0].title.startswith("Edited") and not before[0].title.startswith("Edited")
    assert len(list((tmp_path / "cache").glob("rules-*.json"))) == 1  # the superseded entry is gone
    # A cached set is only valid for the predicates it was checked against.
    fewer = {name: fn for name, fn in PREDICATES.items() if name != after[0].check}
    with pytest.raises(RuleLoadError, match="not in auditor/engine/predicates.py"):
        loader.load_rules(folder, predicates=fewer)


def test_file_signature_sees_a_rewrite_that_restores_the_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "det.yaml"
    path.write_text("id: one\n")
    before = path.stat()
    first = cache.file_signature(path)
    assert cache.file_signature(path) == first  # nothing changed: the same signature
    path.write_text("id: two\n")  # same size, as likely as not within the same tick of the file clock
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert cache.file_signature(path) != first  # recent, so its bytes count too
    # A file that settled long ago is identified by its stat fields alone: no read.
    monkeypatch.setattr(cache, "_RACY_NS", 0)
    st = path.stat()
    fields = f"{st.st_size},{st.st_ino},{st.st_mtime_ns},{st.st_ctime_ns}".encode()
    assert cache.file_signature(path) == os.fsencode(path) + b"\0" + fields


def test_memo_round_trips_follows_its_sources_and_survives_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    version = [b"one"]
    first = cache.Memo("proof-", lambda: list(version))
    assert first.get(("a+", ("a",))) is None
    first.put(("a+", ("a",)), True)
    first.put(("b", ()), (("x",), None))
    first.save()
    (entry,) = (tmp_path / "cache").glob("proof-*")
    again = cache.Memo("proof-", lambda: list(version))
    assert again.get(("a+", ("a",))) is True and again.get(("b", ())) == (("x",), None)
    again.save()  # nothing new: not rewritten
    assert list((tmp_path / "cache").glob("proof-*")) == [entry]
    # Another source (the proving code changed): another entry, the superseded one removed when it is written.
    version[0] = b"two"
    changed = cache.Memo("proof-", lambda: list(version))
    assert changed.get(("a+", ("a",))) is None
    changed.put(("a+", ("a",)), False)
    changed.save()
    (newer,) = (tmp_path / "cache").glob("proof-*")
    assert newer != entry
    raw = bytearray(newer.read_bytes())
    raw[-3] ^= 0x01  # damaged: reads as empty, so everything is proved again
    newer.write_bytes(bytes(raw))
    assert cache.Memo("proof-", lambda: list(version)).get(("a+", ("a",))) is None
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    off = cache.Memo("proof-", lambda: list(version))
    off.put(("c", ()), True)
    off.save()  # caching off: nothing written, nothing read
    assert off.get(("c", ())) is True  # still answers within the run


_COUNT_PROOFS = """
import sys
import tempfile
from auditor.cli import main
import auditor.extract.anchors as anchors

proved = []
real = anchors.keyword_anchored

def counting(pattern, keywords):
    proved.append(pattern)
    return real(pattern, keywords)

anchors.keyword_anchored = counting
code = main()
print(f"\\nproved {len(proved)} exit {code}")
"""


def test_a_second_scan_proves_no_regex_again(tmp_path: Path) -> None:
    tree = tmp_path / "repo"
    tree.mkdir()
    # Keyword hits for detectors whose regex proofs the scan needs (a Slack token's keyword, `openai`).
    (tree / ".env").write_text("OPENAI_API_KEY=${OPENAI_API_KEY}\nSLACK_BOT_TOKEN=${SLACK_TOKEN}\n")
    env = dict(os.environ, NO_COLOR="1", BOTAUDIT_CACHE_DIR=str(tmp_path / "cache"))
    argv = ["scan", str(tree), "--no-progress", "--format", "json"]

    def proofs() -> int:
        proc = subprocess.run(  # noqa: S603 - our own CLI
            [sys.executable, "-c", _COUNT_PROOFS, *argv], cwd=tree, env=env, capture_output=True, text=True,
            timeout=120, check=False,
        )  # fmt: skip
        last = proc.stdout.strip().splitlines()[-1]
        assert last.endswith("exit 0") and '"findings"' in proc.stdout, proc.stderr
        return int(last.split()[1])

    assert proofs() > 0  # a fresh cache: the probe sees the proofs being made
    assert list((tmp_path / "cache").glob("anchored-*"))
    assert list((tmp_path / "cache").glob("reference-literals-*"))  # the reference finder's literals too
    assert proofs() == 0  # the same scan again: every proof read back, the same report


def test_a_workers_proofs_reach_the_memo_through_its_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "in_worker", lambda: True)
    worker = cache.Memo("proof-", lambda: [b"v1"])
    assert worker.get(("a+", ("a",))) is None
    worker.put(("a+", ("a",)), True)
    worker.put(("b", ()), (("x",), None))
    (log,) = (tmp_path / "cache").glob("proof-*.w*")
    assert log.name.endswith(f".w{os.getpid()}") and oct(log.stat().st_mode & 0o777) == "0o600"
    # Damage after the two records: a torn record and one whose key is not a key end the log's use.
    record = marshal.dumps(([1], True))
    with log.open("ab") as fh:
        fh.write(len(record).to_bytes(4, "big") + hashlib.sha256(record).digest() + record)
        fh.write(b"\x00\x00\x01")
    monkeypatch.setattr(cache, "in_worker", lambda: False)
    parent = cache.Memo("proof-", lambda: [b"v1"])
    parent.save()  # never asked anything itself: the worker's log alone names what to save
    assert not list((tmp_path / "cache").glob("proof-*.w*"))  # merged logs are removed
    again = cache.Memo("proof-", lambda: [b"v1"])
    assert again.get(("a+", ("a",))) is True and again.get(("b", ())) == (("x",), None)
    # A log another account could write is not read (it would choose the proofs), and it is cleared away.
    other = tmp_path / "cache" / f"{log.name.rsplit('.w', 1)[0]}.w1"
    good = marshal.dumps((("c", ()), True))
    other.write_bytes(len(good).to_bytes(4, "big") + hashlib.sha256(good).digest() + good)
    other.chmod(0o666)
    reader = cache.Memo("proof-", lambda: [b"v1"])
    reader.save()
    assert cache.Memo("proof-", lambda: [b"v1"]).get(("c", ())) is None
    assert not other.exists()


def test_the_saving_process_writes_no_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_DIR_ENV, str(tmp_path / "cache"))
    memo = cache.Memo("proof-", lambda: [b"v1"])
    memo.put(("a", ()), True)
    assert not list((tmp_path / "cache").glob("proof-*"))  # nothing on disk until it saves
    memo.save()
    assert [p.name.startswith("proof-") and ".w" not in p.name for p in (tmp_path / "cache").iterdir()] == [
        True
    ]


_COUNT_WORKER_WORK = """
import os
import re
import sys
from auditor.cli import main
import auditor.extract.anchors as anchors
from auditor.extract import detectors

log = os.environ["WORK_LOG"]

def note(what):
    with open(log, "a") as fh:
        fh.write(f"{what} {os.getpid()}\\n")

real_proof = anchors.keyword_anchored

def proving(pattern, keywords):
    note("proof")
    return real_proof(pattern, keywords)

real_compile = re._compiler.compile
real_compiled = detectors.LazyRegex.compiled.fget
in_detector = []

def compiling(pattern, flags=0):
    if in_detector:
        note("compile")  # re compiles a detector's regex: no program from an earlier run
    return real_compile(pattern, flags)

def compiled(self):
    in_detector.append(1)
    try:
        return real_compiled(self)
    finally:
        in_detector.pop()

anchors.keyword_anchored = proving
re._compiler.compile = compiling
detectors.LazyRegex.compiled = property(compiled)
print(f"\\nparent {os.getpid()} exit {main()}")
"""


def _pooled_tree(tmp_path: Path) -> Path:
    """Enough files for a pool of two workers, each with keyword hits whose regexes need proofs."""
    tree = tmp_path / "repo"
    for i in range(80):
        folder = tree / f"svc{i % 4}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"app{i}.env").write_text(
            f"OPENAI_API_KEY=${{OPENAI_KEY_{i}}}\nSLACK_BOT_TOKEN=${{SLACK_{i}}}\n"
        )
    return tree


def test_a_pooled_scan_through_the_command_line_keeps_its_workers_proofs(tmp_path: Path) -> None:
    # The command as a user runs it (no probe importing anything into the parent first): the workers' logs
    # are merged into the proofs' and the programs' entries, and none is left behind.
    tree = _pooled_tree(tmp_path)
    cache_dir = tmp_path / "cache"
    env = dict(os.environ, NO_COLOR="1", BOTAUDIT_CACHE_DIR=str(cache_dir))
    argv = [
        sys.executable,
        "-m",
        "auditor.cli",
        "scan",
        str(tree),
        "--no-progress",
        "--format",
        "json",
        "--jobs",
        "2",
    ]
    proc = subprocess.run(argv, cwd=tree, env=env, capture_output=True, text=True, timeout=180, check=False)  # noqa: S603
    assert proc.returncode == 0 and '"findings"' in proc.stdout, proc.stderr
    assert list(cache_dir.glob("anchored-*")) and list(cache_dir.glob("re-programs-*"))
    assert not list(cache_dir.glob("*.w*"))


def test_a_second_pooled_scan_proves_and_compiles_nothing_again(tmp_path: Path) -> None:
    # Enough files for a pool of two workers: the proofs and compiles happen in the workers, which never save.
    tree = _pooled_tree(tmp_path)
    log = tmp_path / "work.log"
    cache_dir = tmp_path / "cache"
    env = dict(os.environ, NO_COLOR="1", BOTAUDIT_CACHE_DIR=str(cache_dir), WORK_LOG=str(log))
    argv = ["scan", str(tree), "--no-progress", "--format", "json", "--jobs", "2"]

    def work() -> dict[str, set[str]]:
        log.write_text("")
        proc = subprocess.run(  # noqa: S603 - our own CLI
            [sys.executable, "-c", _COUNT_WORKER_WORK, *argv], cwd=tree, env=env, capture_output=True,
            text=True, timeout=180, check=False,
        )  # fmt: skip
        last = proc.stdout.strip().splitlines()[-1]
        assert last.endswith("exit 0") and '"findings"' in proc.stdout, proc.stderr
        done: dict[str, set[str]] = {"proof": set(), "compile": set()}
        for line in log.read_text().splitlines():
            what, pid = line.split()
            done[what].add(pid)
        return {what: pids - {last.split()[1]} for what, pids in done.items()}  # the workers' part

    first = work()
    assert first["proof"] and first["compile"]  # a fresh cache: the workers prove and compile
    assert list(cache_dir.glob("anchored-*")) and list(cache_dir.glob("re-programs-*"))
    assert list(cache_dir.glob("re-detectors-*"))  # the detectors' programs, in their own entry
    assert not list(cache_dir.glob("*.w*"))  # the workers' logs were merged and removed
    assert work() == {"proof": set(), "compile": set()}  # the second scan's workers read both back
