"""Static-scan benchmark: botaudit side by side with gitleaks, Betterleaks, Kingfisher and detect-secrets."""

# Usage (peers first: `bash bench/setup_peers.sh`):
#
#   python bench/bench_static.py                                   # default corpus, 20,000 files, ~200 MB
#   python bench/bench_static.py --files 2000 --total-mb 20        # quick run
#   python bench/bench_static.py --fp-bait --tools botaudit,gitleaks
#   python bench/bench_static.py --skip-slow                       # no detect-secrets (~15 min on 200 MB)
#   python bench/bench_static.py --corpus DIR --manifest FILE      # reuse a generated corpus
#   python bench/bench_static.py --repo PATH[@REV] --skip-slow     # a real repository (no ground truth)
#
# The corpus comes from ../shared/bench/gen_tree.py (beside the checkout) or --generator PATH, or, with
# --repo, from a local git repository's tree at REV (exported with pygit2, no network). Each tool runs
# once, sequentially, after one untimed read of the whole corpus (warm page cache), through a small wrapper
# process so that its peak RSS is measured on its own process tree and not on everything this script started.
# Prints a Markdown table and writes the raw numbers to bench/out/results-<corpus>.json
# (results-repo-<name>.json for --repo).

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pygit2
from pygit2.enums import FileMode, RepositoryOpenFlag

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
PEERS_DIR = BENCH_DIR / ".peers"
DEFAULT_GENERATOR = REPO_DIR.parent / "shared" / "bench" / "gen_tree.py"
DEFAULT_OUT = BENCH_DIR / "out"
DEFAULT_FILES = 20000
DEFAULT_TOTAL_MB = 200.0
PEM_END = "-----END "


class BenchError(Exception):
    """A setup problem the user must fix (missing generator, bad manifest); printed without a traceback."""


# ----------------------------------------------------------------------------------------------------------
# The wrapper: run one tool, report wall time and peak RSS of its process tree.
#
# ru_maxrss of RUSAGE_CHILDREN is the largest single process among the waited-for descendants, so a fresh
# wrapper per tool keeps one tool's peak from leaking into the next one's figure. A multi-process tool
# (botaudit with worker processes) uses more than its largest process, so the wrapper also samples the summed
# RSS of the whole tree from /proc every 50 ms (Linux only; null elsewhere).
WRAPPER = r"""
import json, os, resource, subprocess, sys, threading, time

result_path, stdout_path, argv = sys.argv[1], sys.argv[2], sys.argv[3:]

def tree_rss_kb(root):
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as fh:
                stat = fh.read()
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            with open("/proc/%d/status" % pid) as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total

out = open(stdout_path, "wb") if stdout_path != "-" else subprocess.DEVNULL
t0 = time.perf_counter()
proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE)
peak_tree = [0]
done = threading.Event()

def sample():
    if not os.path.isdir("/proc"):
        peak_tree[0] = None
        return
    while not done.wait(0.05):
        peak_tree[0] = max(peak_tree[0], tree_rss_kb(proc.pid))

sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
stderr = proc.communicate()[1]
wall = time.perf_counter() - t0
done.set()
sampler.join()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
# ru_maxrss is KiB on Linux and bytes on macOS
scale = 1 if sys.platform.startswith("linux") else 1 / 1024
json.dump({"wall_s": wall, "returncode": proc.returncode,
           "peak_rss_kb": int(usage.ru_maxrss * scale), "tree_rss_kb": peak_tree[0],
           "user_s": usage.ru_utime, "sys_s": usage.ru_stime,
           "stderr_tail": stderr.decode("utf-8", "replace")[-2000:]}, open(result_path, "w"))
"""


@dataclass(frozen=True)
class Measurement:
    """What the wrapper measured for one tool run."""

    wall_s: float
    returncode: int
    peak_rss_kb: int
    tree_rss_kb: int | None
    user_s: float
    sys_s: float
    stderr_tail: str


def measure(argv: Sequence[str], cwd: Path, stdout_path: Path | None, timeout: float | None) -> Measurement:
    """Run argv under the wrapper and return its measurement.

    Raises TimeoutExpired after `timeout` seconds (the whole process tree is killed first) and BenchError
    when the wrapper could not run the tool at all (the executable would not start)."""
    with tempfile.TemporaryDirectory(prefix="bench-wrap-") as tmp:
        result_path = Path(tmp) / "result.json"
        cmd = [
            sys.executable,
            "-c",
            WRAPPER,
            str(result_path),
            str(stdout_path) if stdout_path else "-",
            *argv,
        ]
        # A session of its own, so that a timeout ends the tool and its workers, not only the wrapper.
        proc = subprocess.Popen(cmd, cwd=cwd, start_new_session=True, stderr=subprocess.PIPE)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
        if proc.returncode != 0 or not result_path.exists():
            last = (err.decode("utf-8", "replace").strip().splitlines() or ["no output"])[-1]
            raise BenchError(f"could not run {argv[0]}: {last[:200]}")
        return Measurement(**json.loads(result_path.read_text()))


# ----------------------------------------------------------------------------------------------------------
# Tools: how to find, run and parse each one. An explicit table, nothing registers itself.


@dataclass(frozen=True)
class Hit:
    """One finding reduced to what the scoring needs: path relative to the corpus root, 1-based line, rule."""

    path: str
    line: int
    rule: str


@dataclass(frozen=True)
class Tool:
    """A scanner under test: its executable, command line, output parser and whether it is slow."""

    name: str
    label: str
    find: Callable[[], list[str] | None]
    argv: Callable[[list[str], Path, Path], list[str]]
    parse: Callable[[Path, Path], list[Hit]]
    output_on_stdout: bool = False
    slow: bool = False


def _peer(venv: str, command: str) -> Callable[[], list[str] | None]:
    def find() -> list[str] | None:
        exe = PEERS_DIR / venv / "bin" / command
        return [str(exe)] if exe.exists() else None

    return find


def _find_botaudit() -> list[str] | None:
    # The entry point beside this interpreter first: a version-manager shim on PATH (pyenv) costs a shell
    # and a lookup on every run, which would be timed as botaudit's.
    beside = Path(sys.executable).parent / "botaudit"
    if beside.is_file():
        return [str(beside)]
    exe = shutil.which("botaudit")
    return [exe] if exe else None


def rel(path: str, root: Path) -> str:
    """A tool's reported path as a POSIX path relative to the corpus root (tools differ here)."""
    p = Path(path)
    absolute = p if p.is_absolute() else root / p
    return Path(os.path.relpath(os.path.normpath(absolute), root)).as_posix()


def parse_gitleaks(out: Path, root: Path) -> list[Hit]:
    data = json.loads(out.read_text() or "[]")
    return [Hit(rel(f["File"], root), int(f["StartLine"]), f["RuleID"]) for f in data]


def parse_betterleaks(out: Path, root: Path) -> list[Hit]:
    data = json.loads(out.read_text())
    findings = data.get("findings") or [] if isinstance(data, dict) else data
    return [
        Hit(rel(f["location"]["path"], root), int(f["location"]["start_line"]), f["rule_id"])
        for f in findings
    ]


def parse_kingfisher(out: Path, root: Path) -> list[Hit]:
    data = json.loads(out.read_text())
    return [
        Hit(rel(f["finding"]["path"], root), int(f["finding"]["line"]), f["rule"]["id"])
        for f in data.get("findings") or []
    ]


def parse_detect_secrets(out: Path, root: Path) -> list[Hit]:
    data = json.loads(out.read_text())
    return [
        Hit(rel(name, root), int(r["line_number"]), r["type"])
        for name, results in data.get("results", {}).items()
        for r in results
    ]


def parse_botaudit(out: Path, root: Path) -> list[Hit]:
    data = json.loads(out.read_text())
    hits = []
    for f in data.get("findings") or []:
        loc = f.get("location") or {}
        # findings about a platform identity carry no file location: not comparable, left out
        if not loc.get("path") or not loc.get("line"):
            continue
        hits.append(Hit(rel(loc["path"], root), int(loc["line"]), f.get("rule_id") or f.get("kind") or "?"))
    return hits


TOOLS: dict[str, Tool] = {
    t.name: t
    for t in (
        Tool(
            "botaudit",
            "botaudit",
            _find_botaudit,
            lambda exe, root, out: [
                *exe,
                "scan",
                str(root),
                "--format",
                "json",
                "--output",
                str(out),
                "--fail-on",
                "none",
                "--no-progress",
                "--no-config-snapshots",
            ],
            parse_botaudit,
        ),
        Tool(
            "gitleaks",
            "gitleaks",
            _peer("gitleaks", "gitleaks"),
            lambda exe, root, out: [
                *exe,
                "dir",
                str(root),
                "--report-format",
                "json",
                "--report-path",
                str(out),
                "--no-banner",
                "--exit-code",
                "0",
                "--redact",
                "--log-level",
                "warn",
            ],
            parse_gitleaks,
        ),
        Tool(
            "betterleaks",
            "Betterleaks",
            _peer("betterleaks", "betterleaks"),
            lambda exe, root, out: [
                *exe,
                "filesystem",
                str(root),
                "--output",
                str(out),
                "--no-banner",
                "--exit-code",
                "0",
                "--redact",
                "--log-level",
                "warn",
            ],
            parse_betterleaks,
        ),
        Tool(
            "kingfisher",
            "Kingfisher `--turbo`",
            _peer("kingfisher", "kingfisher"),
            # validation and the update check would go to the network: both off
            lambda exe, root, out: [
                *exe,
                "scan",
                str(root),
                "--format",
                "json",
                "--output",
                str(out),
                "--no-validate",
                "--turbo",
                "--no-update-check",
                "--quiet",
            ],
            parse_kingfisher,
        ),
        Tool(
            "detect-secrets",
            "detect-secrets",
            _peer("detect-secrets", "detect-secrets"),
            lambda exe, root, out: [*exe, "scan", "--all-files", "."],
            parse_detect_secrets,
            output_on_stdout=True,
            slow=True,
        ),
    )
}


def base_tool(checkout: Path) -> Tool:
    """botaudit from another checkout, run by this interpreter (its dependencies) with that tree first on
    the import path. The label names the checkout's commit."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = ""
    launcher = f"import sys; sys.path.insert(0, {str(checkout)!r}); from auditor.cli import main; main()"
    botaudit = TOOLS["botaudit"]
    return Tool(
        "botaudit-base",
        f"botaudit (base {commit or checkout.name})",
        lambda: [sys.executable, "-c", launcher] if (checkout / "auditor").is_dir() else None,
        botaudit.argv,
        botaudit.parse,
    )


def tool_version(exe: list[str], name: str) -> str:
    """The tool's own version line, for the table (best effort: '?' when it will not say)."""
    args = ["version"] if name.startswith("botaudit") else ["--version"]
    try:
        done = subprocess.run([*exe, *args], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "?"
    text = (done.stdout or done.stderr).strip().splitlines()
    return text[0].strip() if text else "?"


# ----------------------------------------------------------------------------------------------------------
# Corpus and scoring


@dataclass(frozen=True)
class Planted:
    """One planted credential: where it starts, where it ends (PEM blocks span lines) and its kind."""

    path: str
    line: int
    end_line: int
    kind: str


@dataclass(frozen=True)
class RepoExport:
    """A real repository's tree at one commit, exported to a folder to be scanned: where it came from, what
    was written and what was left out (blobs absent from a partial store, symlinks, submodules, unsafe
    entries)."""

    repo: str
    rev: str
    sha: str
    name: str
    root: Path
    files: int
    bytes: int
    skipped: dict[str, int]
    reused: bool = False


@dataclass(frozen=True)
class Corpus:
    """A tree to scan: a generated one with its ground truth (`planted`), or a real repository's export
    (`repo`; no ground truth, `planted` is None)."""

    name: str
    root: Path
    manifest: Path | None
    files: int
    bytes: int
    fp_bait: bool
    planted: tuple[Planted, ...] | None
    repo: RepoExport | None = None


def pem_end(root: Path, path: str, start: int) -> int:
    """The line of the END marker of the PEM block that starts at `start` (1-based), or `start` if none."""
    try:
        lines = (root / path).read_text(errors="replace").split("\n")
    except OSError:
        return start
    for i in range(start - 1, len(lines)):
        if lines[i].startswith(PEM_END):
            return i + 1
    return start


def load_corpus(name: str, root: Path, manifest: Path) -> Corpus:
    try:
        data = json.loads(manifest.read_text())
    except (OSError, ValueError) as e:
        raise BenchError(f"cannot read manifest {manifest}: {e}") from e
    if not root.is_dir():
        raise BenchError(f"corpus directory {root} does not exist")
    planted = tuple(
        Planted(
            p["path"],
            int(p["line"]),
            pem_end(root, p["path"], int(p["line"])) if p["kind"] == "pem" else int(p["line"]),
            p["kind"],
        )
        for p in data["planted"]
    )
    files, size, fp_bait = int(data["files"]), int(data["bytes"]), bool(data["fp_bait"])
    return Corpus(name, root, manifest, files, size, fp_bait, planted)


def corpus_name(fp_bait: bool, files: int, total_mb: float) -> str:
    base = "fp-bait" if fp_bait else "default"
    if (files, total_mb) == (DEFAULT_FILES, DEFAULT_TOTAL_MB):
        return base
    return f"{base}-{files}f-{total_mb:g}mb"


def generate(generator: Path, name: str, workdir: Path, files: int, total_mb: float, fp_bait: bool) -> Corpus:
    """Generate the corpus under workdir, or reuse a finished one made with the same parameters."""
    if not generator.is_file():
        raise BenchError(
            f"corpus generator not found at {generator}. It lives in the shared folder beside the checkout "
            "(../shared/bench/gen_tree.py); pass --generator PATH, or --corpus DIR --manifest FILE to reuse "
            "a generated corpus."
        )
    root, manifest = workdir / name, workdir / f"{name}.json"
    if manifest.exists():
        try:
            data = json.loads(manifest.read_text())
            if data.get("files") == files and data.get("fp_bait") == fp_bait and root.is_dir():
                print(f"reusing corpus {root}", file=sys.stderr)
                return load_corpus(name, root, manifest)
        except ValueError:
            pass
    if root.exists():
        shutil.rmtree(root)
    workdir.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        str(generator),
        "--out",
        str(root),
        "--manifest",
        str(manifest),
        "--files",
        str(files),
        "--total-mb",
        str(total_mb),
    ]
    if fp_bait:
        cmd.append("--fp-bait")
    print("generating corpus: " + " ".join(cmd), file=sys.stderr)
    if subprocess.run(cmd).returncode != 0:
        raise BenchError(f"corpus generator {generator} failed (its message is above)")
    return load_corpus(name, root, manifest)


# A real repository as a corpus. The tree at REV is written out once under the workdir and reused; the marker
# that says an export is complete is a file beside the tree, never inside it, so that no scanner sees it.

SKIP_REASONS = ("absent from the store", "symlink", "submodule", "unsafe entry")
_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9._+-]+")


def split_repo_spec(spec: str) -> tuple[Path, str]:
    """`PATH[@REV]` -> (PATH, REV); REV defaults to HEAD. A path may itself hold `@`: the first split whose
    left side is an existing folder wins (the whole spec first), so `HEAD@{1}`-style revisions survive too."""
    if Path(spec).is_dir():
        return Path(spec), "HEAD"
    for i, ch in enumerate(spec):
        if ch == "@" and i > 0 and Path(spec[:i]).is_dir():
            return Path(spec[:i]), spec[i + 1 :] or "HEAD"
    path = spec.split("@", 1)[0] or spec
    raise BenchError(
        f"--repo {spec}: {path} is not a folder (expected PATH[@REV], PATH a local git repository)"
    )


def repo_name(repo: pygit2.Repository) -> str:
    """The work tree's folder name, or a bare repository's without `.git`, made safe for a file name."""
    folder = Path(repo.workdir) if repo.workdir else Path(repo.path)
    name = folder.name.removesuffix(".git")
    return _NAME_UNSAFE.sub("-", name).strip("-.") or "repo"


def open_repo(path: Path, rev: str) -> tuple[pygit2.Repository, pygit2.Commit]:
    """Open the repository at exactly `path` (no search upwards: a plain folder inside some checkout is not
    that checkout) and resolve `rev` to a commit. Errors become BenchError with a one-line message."""
    try:
        repo = pygit2.Repository(str(path), RepositoryOpenFlag.NO_SEARCH)
    except pygit2.GitError as e:
        raise BenchError(f"--repo: {path} is not a git repository ({e})") from e
    try:
        commit = repo.revparse_single(rev).peel(pygit2.Commit)
    except (KeyError, ValueError, pygit2.GitError) as e:
        detail = "not found" if isinstance(e, KeyError) else str(e).splitlines()[0][:160]
        raise BenchError(f"--repo: revision {rev!r} does not resolve to a commit in {path} ({detail})") from e
    return repo, commit


def _unsafe(raw: bytes) -> bool:
    # git itself refuses these on checkout; a crafted tree could still hold them
    return raw in (b"", b".", b"..") or b"/" in raw or b"\0" in raw or raw.lower() == b".git"


def write_tree(repo: pygit2.Repository, tree: pygit2.Tree, dest: Path) -> tuple[int, int, dict[str, int]]:
    """Write the regular files of `tree` under `dest` (executables keep their bit); returns files, bytes and
    what was skipped, by reason. A tree or blob absent from the store (a partial mirror) is skipped, and so is
    an unsafe entry: a name that would leave its folder or make a `.git` (`..`, `a/b`, `.git`), or a mode
    that disagrees with its object."""
    skipped = dict.fromkeys(SKIP_REASONS, 0)
    files = size = 0
    todo: list[tuple[pygit2.Tree, Path]] = [(tree, dest)]
    while todo:
        current, folder = todo.pop()
        folder.mkdir(exist_ok=True)
        for entry in current:
            raw = entry.raw_name
            if raw is None or _unsafe(raw):
                skipped["unsafe entry"] += 1
                continue
            target = folder / os.fsdecode(raw)
            mode = entry.filemode
            if mode == FileMode.LINK:
                skipped["symlink"] += 1
                continue
            if mode == FileMode.COMMIT:
                skipped["submodule"] += 1
                continue
            try:
                obj = repo.get(entry.id)
            except pygit2.GitError:
                obj = None
            if obj is None:
                skipped["absent from the store"] += 1
                continue
            if mode == FileMode.TREE and isinstance(obj, pygit2.Tree):
                todo.append((obj, target))
            elif mode in (FileMode.BLOB, FileMode.BLOB_EXECUTABLE) and isinstance(obj, pygit2.Blob):
                data = obj.data
                target.write_bytes(data)
                if mode == FileMode.BLOB_EXECUTABLE:
                    target.chmod(0o755)
                files += 1
                size += len(data)
            else:
                skipped["unsafe entry"] += 1  # an entry whose mode and object disagree: left out
    return files, size, skipped


def export_repo(path: Path, rev: str, workdir: Path) -> RepoExport:
    """Export the tree of `path` at `rev` to `<workdir>/repo-<name>-<12-char sha>/`, or reuse a complete
    earlier export (its marker `<same>.json` beside the folder). Written to a temporary folder first and
    renamed, so an interrupted export is never taken for a complete one; a file the system will not write
    (a name too long, a full disk) stops it with a BenchError and leaves nothing behind."""
    path = path.resolve()
    repo, commit = open_repo(path, rev)
    sha = str(commit.id)
    name = repo_name(repo)
    folder = f"repo-{name}-{sha[:12]}"
    root, marker = workdir / folder, workdir / f"{folder}.json"
    if marker.is_file() and root.is_dir():
        try:
            data = json.loads(marker.read_text())
            # a marker from an older version of this script (other skip reasons) is not trusted
            if data.get("sha") == sha and set(data["skipped"]) == set(SKIP_REASONS):
                return RepoExport(
                    str(path),
                    rev,
                    sha,
                    name,
                    root,
                    int(data["files"]),
                    int(data["bytes"]),
                    {k: int(v) for k, v in data["skipped"].items()},
                    reused=True,
                )
        except (ValueError, KeyError, TypeError, AttributeError):
            pass  # unreadable marker: export again
    workdir.mkdir(parents=True, exist_ok=True)
    marker.unlink(missing_ok=True)
    for stale in [root, *workdir.glob(f"{folder}.partial-*")]:
        if stale.is_dir():
            shutil.rmtree(stale)
    partial = Path(tempfile.mkdtemp(prefix=f"{folder}.partial-", dir=workdir))
    try:
        files, size, skipped = write_tree(repo, commit.tree, partial)
        partial.chmod(0o755)
        partial.rename(root)
    except OSError as e:
        shutil.rmtree(partial, ignore_errors=True)
        raise BenchError(f"--repo: could not export {path} at {rev} to {workdir}: {e}") from e
    export = RepoExport(str(path), rev, sha, name, root, files, size, skipped)
    tmp_marker = workdir / f"{folder}.json.tmp"
    record = {"repo": export.repo, "rev": rev, "sha": sha, "files": files, "bytes": size, "skipped": skipped}
    tmp_marker.write_text(json.dumps(record, indent=1) + "\n")
    tmp_marker.replace(marker)
    return export


def skipped_text(skipped: dict[str, int]) -> str:
    parts = [
        f"{n:,} {reason}{'s' if n != 1 and reason != 'absent from the store' else ''}"
        for reason, n in skipped.items()
        if n
    ]
    return ", ".join(parts) or "nothing"


def repo_corpus(export: RepoExport) -> Corpus:
    return Corpus(f"repo-{export.name}", export.root, None, export.files, export.bytes, False, None, export)


def warm_cache(root: Path) -> int:
    """Read every file once, untimed, so that every tool sees the same warm page cache."""
    total = 0
    for dirpath, _, names in os.walk(root):
        for n in names:
            with open(os.path.join(dirpath, n), "rb") as fh:
                while chunk := fh.read(1 << 20):
                    total += len(chunk)
    return total


@dataclass(frozen=True)
class Score:
    """How a tool's findings compare with the planted ground truth. Without one (a real repository), `found`
    and `planted` are None and every finding counts as elsewhere."""

    findings: int
    found: int | None
    planted: int | None
    found_by_kind: dict[str, int]
    missed_kinds: dict[str, int]
    elsewhere: int
    elsewhere_by_rule: dict[str, int]


def score(hits: Sequence[Hit], planted: Sequence[Planted] | None) -> Score:
    """A hit finds a planted entry when the paths match and its line is within +-1 of it (or inside its PEM
    block); every other hit counts as a finding elsewhere. Several hits on one planted entry find it once.
    With no ground truth (planted None) there is nothing to find: every hit is elsewhere."""
    if planted is None:
        rules = Counter(h.rule for h in hits)
        return Score(len(hits), None, None, {}, {}, len(hits), dict(rules.most_common()))
    by_path: dict[str, list[int]] = {}
    for i, p in enumerate(planted):
        by_path.setdefault(p.path, []).append(i)
    found: set[int] = set()
    elsewhere: Counter[str] = Counter()
    for h in hits:
        matched = [
            i for i in by_path.get(h.path, ()) if planted[i].line - 1 <= h.line <= planted[i].end_line + 1
        ]
        if matched:
            found.update(matched)
        else:
            elsewhere[h.rule] += 1
    kinds = Counter(p.kind for p in planted)
    found_kinds = Counter(planted[i].kind for i in found)
    missed = {k: n - found_kinds.get(k, 0) for k, n in sorted(kinds.items()) if n > found_kinds.get(k, 0)}
    return Score(
        findings=len(hits),
        found=len(found),
        planted=len(planted),
        found_by_kind=dict(sorted(found_kinds.items())),
        missed_kinds=missed,
        elsewhere=sum(elsewhere.values()),
        elsewhere_by_rule=dict(elsewhere.most_common()),
    )


# ----------------------------------------------------------------------------------------------------------
# Running and reporting


@dataclass(frozen=True)
class ToolResult:
    """One row of the table: a run with its measurement and score, or the reason there is none."""

    name: str
    label: str
    status: str  # "ok", "not installed", "skipped (--skip-slow)", "failed", "timeout"
    version: str = ""
    detail: str = ""
    wall_s: float | None = None
    mb_per_s: float | None = None
    peak_rss_kb: int | None = None
    tree_rss_kb: int | None = None
    cpu_s: float | None = None
    returncode: int | None = None
    score: Score | None = None
    stderr_tail: str = ""
    all_walls_s: list[float] = field(default_factory=list)
    all_cpu_s: list[float] = field(default_factory=list)
    argv: list[str] = field(default_factory=list)


def run_tool(
    tool: Tool, corpus: Corpus, outdir: Path, skip_slow: bool, timeout: float | None, repeat: int = 1
) -> ToolResult:
    """Run one tool `repeat` times and keep the fastest run: on a shared machine the minimum is the figure
    least disturbed by other load. Slow tools run once whatever `repeat` says."""
    exe = tool.find()
    if exe is None:
        hint = "pip install -e ." if tool.name == "botaudit" else f"bash bench/setup_peers.sh {tool.name}"
        return ToolResult(tool.name, tool.label, "not installed", detail=hint)
    if tool.slow and skip_slow:
        return ToolResult(tool.name, tool.label, "skipped (--skip-slow)")
    version = tool_version(exe, tool.name)
    out = outdir / f"{tool.name}-{corpus.name}.json"
    out.unlink(missing_ok=True)
    argv = tool.argv(exe, corpus.root, out)
    print(f"running {tool.name}: {' '.join(argv)}", file=sys.stderr)
    if tool.name.startswith("botaudit"):
        # Each botaudit version gets a cache folder of its own, warmed by one untimed run: the cache keeps one
        # compiled gate per kind, so two versions (or other users of ~/.cache/botaudit on a shared machine)
        # sharing one folder would evict each other's entries and every timed run would compile again.
        cache = outdir / "cache" / tool.name
        cache.mkdir(parents=True, exist_ok=True)
        os.environ["BOTAUDIT_CACHE_DIR"] = str(cache)
        # The warm-up run also writes the bytecode of every module a scan imports, as installing a wheel
        # does: with PYTHONDONTWRITEBYTECODE set (some shells and CI images set it) and an editable install,
        # every timed run compiled botaudit's and its dependencies' sources again, ~0.4 s of start-up that no
        # installed copy pays. The timed runs keep the caller's environment; they only read the bytecode.
        no_bytecode = os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        try:
            with contextlib.suppress(subprocess.TimeoutExpired, BenchError):  # the timed runs report it
                measure(argv, corpus.root, out if tool.output_on_stdout else None, timeout)
        finally:
            if no_bytecode is not None:
                os.environ["PYTHONDONTWRITEBYTECODE"] = no_bytecode
    runs: list[Measurement] = []
    for _ in range(1 if tool.slow else max(1, repeat)):
        try:
            runs.append(measure(argv, corpus.root, out if tool.output_on_stdout else None, timeout))
        except subprocess.TimeoutExpired:
            return ToolResult(tool.name, tool.label, "timeout", version, f"over {timeout:g} s", argv=argv)
        except BenchError as e:
            return ToolResult(tool.name, tool.label, "failed", version, str(e), argv=argv)
    m = min(runs, key=lambda r: r.wall_s)
    try:
        hits = tool.parse(out, corpus.root)
    except (OSError, ValueError, KeyError, TypeError) as e:
        # the table gets the last stderr line (usually the error itself), the JSON the whole tail
        last = (m.stderr_tail.strip().splitlines() or [""])[-1][:200]
        detail = f"exit {m.returncode}, no readable report ({type(e).__name__}); {last}"
        return ToolResult(
            tool.name,
            tool.label,
            "failed",
            version,
            detail,
            wall_s=m.wall_s,
            returncode=m.returncode,
            stderr_tail=m.stderr_tail,
            argv=argv,
        )
    return ToolResult(
        tool.name,
        tool.label,
        "ok",
        version,
        wall_s=m.wall_s,
        mb_per_s=corpus.bytes / 1e6 / m.wall_s,
        peak_rss_kb=m.peak_rss_kb,
        tree_rss_kb=m.tree_rss_kb,
        cpu_s=m.user_s + m.sys_s,
        returncode=m.returncode,
        score=score(hits, corpus.planted),
        all_walls_s=[r.wall_s for r in runs],
        all_cpu_s=[r.user_s + r.sys_s for r in runs],
        argv=argv,
    )


def _mb(kb: int | None) -> str:
    if kb is None:
        return "-"
    return f"{kb / 1024 / 1024:.1f} GB" if kb >= 1024 * 1024 else f"{kb / 1024:.0f} MB"


def table(results: Sequence[ToolResult], corpus: Corpus) -> str:
    """The Markdown table, with throughput and memory ratios against gitleaks when gitleaks ran. A corpus
    without ground truth (a real repository) says n/a for planted and counts every finding."""
    ref = next((r for r in results if r.name == "gitleaks" and r.status == "ok"), None)
    truth = corpus.planted is not None
    found_head = "planted found | findings"
    if corpus.planted is not None:
        found_head = f"planted found /{len(corpus.planted)} | findings elsewhere"
    rows = [
        "| tool | version | wall | MB/s | CPU | peak RSS (largest process) | peak RSS (tree) "
        f"| {found_head} | speed vs gitleaks | RSS vs gitleaks |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        if r.status != "ok" or r.score is None or r.wall_s is None:
            note = (r.status + (f": {r.detail}" if r.detail else "")).replace("|", "\\|")
            rows.append(f"| {r.label} | {r.version or '-'} | {note} | | | | | | | | |")
            continue
        speed = f"{ref.wall_s / r.wall_s:.2f}x" if ref and ref.wall_s else "-"
        mem = f"{r.peak_rss_kb / ref.peak_rss_kb:.2f}x" if ref and ref.peak_rss_kb and r.peak_rss_kb else "-"
        found = f"{r.score.found} | {r.score.elsewhere:,}" if truth else f"n/a | {r.score.findings:,}"
        rows.append(
            f"| {r.label} | {r.version} | {r.wall_s:.1f} s | {r.mb_per_s:.1f} | {r.cpu_s:.1f} s "
            f"| {_mb(r.peak_rss_kb)} | {_mb(r.tree_rss_kb)} | {found} | {speed} | {mem} |"
        )
    return "\n".join(rows)


def details(results: Sequence[ToolResult]) -> str:
    """Per tool: planted kinds missed and the rules behind the findings elsewhere (top 5); with no ground
    truth, the rules behind all findings."""
    lines = []
    for r in results:
        if r.score is None:
            continue
        if r.score.planted is None:
            top = ", ".join(f"{k} {n:,}" for k, n in list(r.score.elsewhere_by_rule.items())[:5]) or "none"
            lines.append(f"- {r.label}: findings by rule: {top}")
            continue
        missed = ", ".join(f"{k} x{n}" for k, n in r.score.missed_kinds.items()) or "none"
        top = ", ".join(f"{k} {n:,}" for k, n in list(r.score.elsewhere_by_rule.items())[:5]) or "none"
        lines.append(f"- {r.label}: missed {missed}; findings elsewhere by rule: {top}")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    return {
        "nproc": os.cpu_count(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--files", type=int, default=DEFAULT_FILES, help="files in the generated corpus")
    ap.add_argument("--total-mb", type=float, default=DEFAULT_TOTAL_MB, help="size of the generated corpus")
    ap.add_argument("--fp-bait", action="store_true", help="false-positive corpus (gen_tree.py --fp-bait)")
    ap.add_argument("--corpus", type=Path, help="reuse this generated corpus directory (needs --manifest)")
    ap.add_argument("--manifest", type=Path, help="the ground-truth manifest of --corpus")
    ap.add_argument(
        "--repo",
        metavar="PATH[@REV]",
        help="a real repository as the corpus: the tree of local git repository (or bare mirror) PATH at REV "
        "(commit or ref, default HEAD), exported under --workdir and reused; no ground truth",
    )
    ap.add_argument("--generator", type=Path, default=DEFAULT_GENERATOR, help="path to gen_tree.py")
    ap.add_argument(
        "--workdir", type=Path, default=DEFAULT_OUT / "corpus", help="corpora and exports go here"
    )
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where results and raw reports go")
    ap.add_argument("--tools", default=",".join(TOOLS), help=f"comma-separated, from: {','.join(TOOLS)}")
    ap.add_argument("--skip-slow", action="store_true", help="skip detect-secrets (about 15 min on 200 MB)")
    ap.add_argument("--timeout", type=float, default=None, help="per-tool time limit in seconds")
    ap.add_argument("--repeat", type=int, default=1, help="runs per tool, fastest kept (slow tools: one)")
    ap.add_argument(
        "--base",
        type=Path,
        help="also run botaudit from this checkout (an older commit, e.g. a `git worktree add --detach`) "
        "with the same interpreter and dependencies, as `botaudit-base`: before/after in one run",
    )
    return ap.parse_args(argv)


def absolute_pythonpath() -> str | None:
    """The tools run from the corpus folder: a relative PYTHONPATH entry (`PYTHONPATH=.` in a worktree) would
    then point at the corpus, and botaudit would silently import the installed checkout instead of the one
    meant. Every entry is made absolute against the folder the bench was started from; returns where
    botaudit's package is imported from, for the log."""
    raw = os.environ.get("PYTHONPATH")
    if raw:
        os.environ["PYTHONPATH"] = os.pathsep.join(
            str(Path(entry).resolve()) for entry in raw.split(os.pathsep) if entry
        )
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "import auditor, os; print(os.path.dirname(os.path.dirname(auditor.__file__)))",
        ],
        capture_output=True,
        text=True,
        cwd=os.sep,
    )
    return found.stdout.strip() or None


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    checkout = absolute_pythonpath()
    print(f"botaudit imported from {checkout or 'nowhere (not importable)'}", flush=True)
    names = [n.strip() for n in args.tools.split(",") if n.strip()]
    if args.base is not None:
        TOOLS["botaudit-base"] = base_tool(args.base.resolve())
        names.insert(names.index("botaudit") + 1 if "botaudit" in names else 0, "botaudit-base")
    unknown = [n for n in names if n not in TOOLS]
    try:
        if unknown:
            raise BenchError(f"unknown tool(s) {', '.join(unknown)}; choose from {', '.join(TOOLS)}")
        if args.repo is not None:
            if args.corpus or args.manifest or args.fp_bait:
                raise BenchError("--repo goes alone: not with --corpus, --manifest or --fp-bait")
            path, rev = split_repo_spec(args.repo)
            export = export_repo(path, rev, args.workdir.resolve())
            print(
                f"{'reusing export' if export.reused else 'exported'} {export.repo} at {rev} "
                f"({export.sha[:12]}): {export.files:,} files, {export.bytes / 1e6:.1f} MB in {export.root}; "
                f"skipped {skipped_text(export.skipped)}",
                file=sys.stderr,
            )
            corpus = repo_corpus(export)
        elif args.corpus or args.manifest:
            if not (args.corpus and args.manifest):
                raise BenchError("--corpus and --manifest go together")
            corpus = load_corpus(args.corpus.resolve().name, args.corpus.resolve(), args.manifest.resolve())
        else:
            name = corpus_name(args.fp_bait, args.files, args.total_mb)
            workdir = args.workdir.resolve()
            corpus = generate(
                args.generator.resolve(), name, workdir, args.files, args.total_mb, args.fp_bait
            )
    except BenchError as e:
        print(f"bench_static: {e}", file=sys.stderr)
        return 2

    outdir = args.out.resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    warmed = warm_cache(corpus.root)
    truth = f"{len(corpus.planted)} planted" if corpus.planted is not None else "no ground truth"
    print(
        f"corpus {corpus.name}: {corpus.files} files, {corpus.bytes / 1e6:.1f} MB "
        f"({warmed / 1e6:.1f} MB read to warm the cache), {truth}",
        file=sys.stderr,
    )

    results = []
    for n in names:
        r = run_tool(TOOLS[n], corpus, outdir, args.skip_slow, args.timeout, args.repeat)
        if r.status == "ok":
            if r.score is None:
                found = "no score"
            elif r.score.planted is None:
                found = f"{r.score.findings} findings"
            else:
                found = f"{r.score.found} planted found, {r.score.elsewhere} elsewhere"
            print(f"  {n}: {r.wall_s:.1f} s, {found}", file=sys.stderr)
        else:
            print(f"  {n}: {r.status} {r.detail}", file=sys.stderr)
        results.append(r)

    info = machine()
    if corpus.repo is not None:
        what = (
            f"the tree of {corpus.repo.repo} at {corpus.repo.rev} ({corpus.repo.sha[:12]}; skipped "
            f"{skipped_text(corpus.repo.skipped)}), no ground truth"
        )
    else:
        what = f"{truth}{' (fp-bait)' if corpus.fp_bait else ''}"
    print(
        f"\nCorpus `{corpus.name}`: {corpus.files:,} files, {corpus.bytes / 1e6:.1f} MB, {what}; "
        f"fastest of {args.repeat}; {info['nproc']} cores, Python {info['python']}, warm page cache, "
        "tools run one after another.\n"
    )
    print(table(results, corpus))
    print()
    print(details(results))

    doc = {
        "corpus": {
            "name": corpus.name,
            "root": str(corpus.root),
            "manifest": str(corpus.manifest) if corpus.manifest else None,
            "files": corpus.files,
            "bytes": corpus.bytes,
            "fp_bait": corpus.fp_bait,
            "planted": len(corpus.planted) if corpus.planted is not None else None,
            "repo": {
                "path": corpus.repo.repo,
                "rev": corpus.repo.rev,
                "sha": corpus.repo.sha,
                "files": corpus.repo.files,
                "bytes": corpus.repo.bytes,
                "skipped": corpus.repo.skipped,
            }
            if corpus.repo
            else None,
        },
        "machine": info,
        "results": [asdict(r) for r in results],
    }
    path = outdir / f"results-{corpus.name}.json"
    path.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"\nraw numbers: {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
