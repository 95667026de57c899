"""Git-history benchmark: `botaudit scan --history` against `gitleaks git` on a generated repository.

The repository is written with `git fast-import` (seconds for thousands of commits): a tree of agent
configuration and source files, a few of them changed by every commit, and FAKE credentials (shared
bench/fakes.py) committed once and deleted a few commits later, so they exist only in history. Ground truth
(the file each credential was planted in) stays outside the repository.

    python bench/bench_history.py                       # 3,000 commits
    python bench/bench_history.py --commits 10000 --repeat 2
    python bench/bench_history.py --repeat 3 --base ../main-before   # an older checkout too, interleaved
    python bench/bench_history.py --repo ../clone --repeat 3          # a real repository instead

Recall mode (`--cases DIR`, DIR being `bench_detection.py --out DIR` after a run): a sample of the detection
corpus' cases (the peers' own test cases: positives and uncontested negatives) is committed one per commit
into a generated repository and deleted 2-8 commits later, among ordinary configuration churn, so each
exists only in history. Both tools scan the history and, for reference, a plain directory holding the same
files; recall and false positives per peer source, in one run:

    python bench/bench_detection.py --tools botaudit --out /tmp/det ...   # writes /tmp/det/corpus
    python bench/bench_history.py --cases /tmp/det --sample 600

A benchmark, not a test: it prints a table and writes bench/out/results-history-<commits>.json
(results-history-cases.json in recall mode).

As a user runs it: botaudit's bytecode is compiled first (what pip does at install; without it, and with
PYTHONDONTWRITEBYTECODE=1 as this environment sets, every run compiles ~200 modules from source, ~0.7 s of
CPU), and botaudit gets a cache folder of its own under --out, filled by one unmeasured run: the shared
~/.cache/botaudit keeps one compiled gate database, which another checkout's detector set would evict.
Each of the --repeat rounds runs every tool once, interleaved, so they see the same machine load; the table
gives the fastest wall time and the median and fastest CPU of the rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import sysconfig
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_static import PEERS_DIR, BenchError, Measurement, _find_botaudit, measure  # noqa: E402

WORDS = [
    "agent",
    "router",
    "queue",
    "token_limit",
    "retries",
    "model",
    "region",
    "stage",
    "shard",
    "worker",
    "policy",
    "audit",
    "owner",
]


def _fakes(generator_dir: Path) -> dict[str, str]:
    sys.path.insert(0, str(generator_dir))
    from fakes import make_fakes  # type: ignore[import-not-found]

    fakes = make_fakes(7)
    return {k: v for k, v in fakes.items() if not k.endswith("_example") and k != "db_password"}


def _line(rng: random.Random) -> str:
    return f"{rng.choice(WORDS)}_{rng.randrange(1000)}: {rng.choice(WORDS)}-{rng.randrange(10**6)}"


def generate(
    repo: Path, commits: int, files: int, generator_dir: Path, seed: int = 3
) -> list[dict[str, str]]:
    """Write the repository; returns the planted credentials (kind, path)."""
    rng = random.Random(seed)
    fakes = _fakes(generator_dir)
    kinds = sorted(fakes)
    plant_at = {rng.randrange(10, commits - 10): kind for kind in kinds}
    names = [f"svc{i % 20:02d}/config/{WORDS[i % len(WORDS)]}_{i:04d}.yaml" for i in range(files)]
    contents = {name: "\n".join(_line(rng) for _ in range(40)) + "\n" for name in names}
    planted: list[dict[str, str]] = []
    live: dict[str, int] = {}  # planted path -> commit index that removes it
    out: list[bytes] = []

    def blob(path: str, text: str) -> None:
        data = text.encode()
        out.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")

    for i in range(commits):
        message = f"change {i}".encode()
        out.append(b"commit refs/heads/main\n")
        out.append(f"committer Bench <bench@example.invalid> {1700000000 + i * 60} +0000\n".encode())
        out.append(f"data {len(message)}\n".encode() + message + b"\n")
        if i == 0:
            for name in names:
                blob(name, contents[name])
        else:
            for name in rng.sample(names, 3):
                lines = contents[name].splitlines()
                lines[rng.randrange(len(lines))] = _line(rng)
                contents[name] = "\n".join(lines) + "\n"
                blob(name, contents[name])
        if i in plant_at:
            kind = plant_at[i]
            path = f"svc{i % 20:02d}/local/{kind}.env"
            blob(path, f"# temporary\n{kind.upper()}={fakes[kind]}\n")
            planted.append({"kind": kind, "path": path})
            live[path] = i + rng.randrange(2, 8)
        _delete_due(out, live, i)
    _write_repo(repo, out, live)
    return planted


def _delete_due(out: list[bytes], live: dict[str, int], commit: int) -> None:
    """In commit number `commit`, delete the planted files due to go in it."""
    for path, gone in list(live.items()):
        if gone == commit:
            out.append(f"D {path}\n".encode())
            del live[path]


def _write_repo(repo: Path, out: list[bytes], live: dict[str, int]) -> None:
    """Delete in a last commit whatever is still present, then build the repository from the stream."""
    for path in live:
        out.append(b"commit refs/heads/main\ncommitter Bench <bench@example.invalid> 1800000000 +0000\n")
        out.append(b"data 7\ncleanup\n" + f"D {path}\n".encode())
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"], input=b"".join(out), check=True)
    subprocess.run(["git", "-C", str(repo), "checkout", "-q", "main"], check=True)


def _as_installed(out: Path) -> None:
    """Bytecode for botaudit and its dependencies, and a warm cache of botaudit's own (see the module doc);
    the environment is this process's, inherited by every tool it runs."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["BOTAUDIT_CACHE_DIR"] = str((out / "cache-botaudit").resolve())
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import auditor, os; print(os.path.dirname(os.path.abspath(auditor.__file__)))",
        ],
        capture_output=True,
        text=True,
        cwd=out,
    )
    package = done.stdout.strip()
    site = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    targets = sorted(site | ({package} if package else set()))
    subprocess.run([sys.executable, "-m", "compileall", "-q", *targets], capture_output=True, check=False)


def _found(report: Path, tool: str, planted: list[dict[str, str]]) -> int:
    data = json.loads(report.read_text() or "[]")
    if tool == "gitleaks":
        paths = {f["File"] for f in data}
    else:
        paths = {(f.get("location") or {}).get("path", "") for f in data.get("findings") or []}
    return sum(1 for p in planted if any(path.endswith(p["path"]) for path in paths))


# A value's characters, `=` and quotes excluded: `discordToken=<v>` and `"<v>"` give the same run.
_VALUE_RUN = re.compile(rb"[A-Za-z0-9+/_.-]{12,}")
_DIGIT = re.compile(rb"[0-9]")


def sample_cases(cases_dir: Path, sample: int, seed: int) -> list[dict[str, object]]:
    """Positives and uncontested negatives of the detection corpus (3 positives to 1 negative), drawn with a
    fixed seed, each with the text it holds.

    No two drawn cases share a secret token: the peers render one generated secret in many file formats, and
    `scan --history` reports a value once, at the oldest commit that holds it (BA-113), so a second file
    holding the same value would count as a miss although the leak is reported."""
    manifest = json.loads((cases_dir / "corpus.manifest.json").read_text())
    rng = random.Random(seed)
    used: set[str] = set()
    chosen: list[dict[str, object]] = []
    for positive, wanted in ((True, sample), (False, sample // 3)):
        rows = [r for r in manifest if r["positive"] is positive and (positive or not r["contested"])]
        rng.shuffle(rows)
        taken = 0
        for row in rows:
            if taken == wanted:
                break
            text = (cases_dir / "corpus" / str(row["path"])).read_bytes()
            tokens = {t for t in _VALUE_RUN.findall(text) if _DIGIT.search(t)}
            if tokens & used:
                continue
            used |= tokens
            chosen.append({**row, "text": text})
            taken += 1
    rng.shuffle(chosen)
    return chosen


def generate_from_cases(repo: Path, plain: Path, cases: list[dict[str, object]], seed: int = 5) -> list[dict]:
    """A repository where each case is added by one commit and deleted 2-8 commits later (among churn of
    ordinary config files), and `plain`: the same files in a directory. Returns the ground truth rows."""
    rng = random.Random(seed)
    names = [f"svc{i % 20:02d}/config/{WORDS[i % len(WORDS)]}_{i:04d}.yaml" for i in range(100)]
    contents = {name: "\n".join(_line(rng) for _ in range(40)) + "\n" for name in names}
    out: list[bytes] = []
    live: dict[str, int] = {}
    truth = []

    def blob(path: str, data: bytes) -> None:
        out.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")

    commits = len(cases) + 10
    for i in range(commits):
        message = f"change {i}".encode()
        out.append(b"commit refs/heads/main\n")
        out.append(f"committer Bench <bench@example.invalid> {1700000000 + i * 60} +0000\n".encode())
        out.append(f"data {len(message)}\n".encode() + message + b"\n")
        for name in names if i == 0 else rng.sample(names, 2):
            if i:
                lines = contents[name].splitlines()
                lines[rng.randrange(len(lines))] = _line(rng)
                contents[name] = "\n".join(lines) + "\n"
            blob(name, contents[name].encode())
        if i < len(cases):
            case = cases[i]
            # Named by number only, as in the detection corpus: the path tells no tool what to expect.
            path = f"svc{i % 20:02d}/notes/{Path(str(case['path'])).name}"
            text = case["text"]
            assert isinstance(text, bytes)
            blob(path, text)
            (plain / path).parent.mkdir(parents=True, exist_ok=True)
            (plain / path).write_bytes(text)
            truth.append({k: v for k, v in case.items() if k != "text"} | {"path": path})
            live[path] = i + rng.randrange(2, 9)
        _delete_due(out, live, i)
    _write_repo(repo, out, live)
    return truth


def _flagged(report: Path, tool: str) -> set[str]:
    data = json.loads(report.read_text() or "[]")
    if tool.startswith("gitleaks"):
        return {str(f["File"]) for f in data}
    return {(f.get("location") or {}).get("path", "") for f in data.get("findings") or []}


def run_cases(args: argparse.Namespace) -> int:
    """Recall mode: the detection corpus' cases, each only in history (see the module doc)."""
    cases_dir = args.cases
    if not (cases_dir / "corpus.manifest.json").is_file():
        hint = f"run bench_detection.py --out {cases_dir}"
        print(f"bench_history: no corpus.manifest.json in {cases_dir} ({hint})", file=sys.stderr)
        return 2
    work = args.out / "corpus" / "history-cases"
    subprocess.run(["rm", "-rf", str(work)], check=True)
    repo, plain = work / "repo", work / "plain"
    plain.mkdir(parents=True)
    truth = generate_from_cases(repo, plain, sample_cases(cases_dir, args.sample, args.seed))
    (work / "truth.json").write_text(json.dumps(truth, indent=1))
    botaudit = [*(_find_botaudit() or ["botaudit"])]
    gitleaks = str(PEERS_DIR / "gitleaks" / "bin" / "gitleaks")
    common_ba = ["--format", "json", "--fail-on", "none", "--no-progress", "--no-config-snapshots"]
    common_gl = ["--report-format", "json", "--no-banner", "--exit-code", "0", "--redact"]
    common_gl += ["--log-level", "warn"]
    runs = {
        "botaudit --history": [*botaudit, "scan", str(repo), "--history", *common_ba, "--output"],
        "gitleaks git": [gitleaks, "git", str(repo), *common_gl, "--report-path"],
        "botaudit (files)": [*botaudit, "scan", str(plain), *common_ba, "--output"],
        "gitleaks dir (files)": [gitleaks, "dir", str(plain), *common_gl, "--report-path"],
    }
    sources = sorted({str(row["source"]) for row in truth})
    rows = []
    for label, argv in runs.items():
        report = work / (label.replace(" ", "_").replace("(", "").replace(")", "").replace("-", "") + ".json")
        try:
            measured = measure([*argv, str(report)], plain if "files" in label else repo, None, None)
        except BenchError as e:
            print(f"{label}: {e}", file=sys.stderr)
            continue
        flagged = _flagged(report, label)
        hit = {str(row["path"]) for row in truth if any(f.endswith(str(row["path"])) for f in flagged)}
        row: dict[str, object] = {"tool": label, "cpu_s": measured.user_s + measured.sys_s, "argv": argv}
        for source in [*sources, "all"]:
            mine = [t for t in truth if source in ("all", t["source"])]
            pos = [t for t in mine if t["positive"]]
            neg = [t for t in mine if not t["positive"]]
            row[source] = {
                "tp": sum(1 for t in pos if t["path"] in hit),
                "pos": len(pos),
                "fp": sum(1 for t in neg if t["path"] in hit),
                "neg": len(neg),
            }
        rows.append(row)
    positives = sum(1 for t in truth if t["positive"])
    print(f"\n{positives} positive and {len(truth) - positives} negative cases, each only in history "
          f"({len(truth) + 10} commits); 'files': the same cases as plain files\n")  # fmt: skip
    print("| tool | " + " | ".join(f"{s} recall" for s in sources) + " | all recall | all FP | CPU |")
    print("|---|" + "---|" * (len(sources) + 3))
    for row in rows:
        cells = []
        for source in [*sources, "all"]:
            c = row[source]
            assert isinstance(c, dict)
            cells.append(f"{100 * c['tp'] / max(1, c['pos']):.1f}% ({c['tp']}/{c['pos']})")
        a = row["all"]
        assert isinstance(a, dict)
        print(f"| {row['tool']} | " + " | ".join(cells) + f" | {a['fp']}/{a['neg']} | {row['cpu_s']:.1f} s |")
    (args.out / "results-history-cases.json").write_text(json.dumps(rows, indent=1) + "\n")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--commits", type=int, default=3000)
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--base", type=Path, help="an older checkout of botaudit, run interleaved with this one")
    ap.add_argument("--generator-dir", type=Path, default=HERE.parent.parent / "shared" / "bench")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument(
        "--repo", type=Path, help="an existing repository (a clone with a work tree), not the generated one"
    )
    ap.add_argument("--cases", type=Path, help="recall mode: a bench_detection.py --out directory")
    ap.add_argument("--sample", type=int, default=600, help="recall mode: positive cases drawn")
    ap.add_argument("--seed", type=int, default=11, help="recall mode: sampling seed")
    args = ap.parse_args()
    if args.cases:
        args.out.mkdir(parents=True, exist_ok=True)
        return run_cases(args)
    if args.repo is None and not (args.generator_dir / "fakes.py").is_file():
        print(f"bench_history: fakes.py not found in {args.generator_dir} (--generator-dir)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    if args.repo is not None:
        # A real repository: nothing planted, so `found` counts nothing; the reports are kept to compare.
        repo = args.repo.resolve()
        planted: list[dict[str, str]] = []
        label = repo.name
    else:
        repo = args.out / "corpus" / f"history-{args.commits}"
        truth = args.out / "corpus" / f"history-{args.commits}.json"
        if not truth.exists():
            if repo.exists():
                subprocess.run(["rm", "-rf", str(repo)], check=True)
            planted = generate(repo, args.commits, args.files, args.generator_dir)
            truth.write_text(json.dumps(planted, indent=1))
        planted = json.loads(truth.read_text())
        label = str(args.commits)
    botaudit = _find_botaudit()
    _as_installed(args.out)
    gitleaks = PEERS_DIR / "gitleaks" / "bin" / "gitleaks"
    scan_args = [
        "scan",
        str(repo),
        "--history",
        "--format",
        "json",
        "--fail-on",
        "none",
        "--no-progress",
        "--no-config-snapshots",
        "--output",
    ]
    runs = {"botaudit": [*(botaudit or ["botaudit"]), *scan_args, str(args.out / "botaudit-history.json")]}
    if args.base is not None:
        # An older checkout run by this same interpreter (`env` sets its path and a cache folder of its own:
        # its detector set may differ, and a cache keeps one gate database), interleaved with the others.
        base = args.base.resolve()
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(base / "auditor")],
            check=False,
            capture_output=True,
        )
        launcher = (
            f"import sys; sys.path.insert(0, {str(base)!r}); from auditor.cli import main; sys.exit(main())"
        )
        runs["botaudit-base"] = [
            "env",
            f"PYTHONPATH={base}",
            f"BOTAUDIT_CACHE_DIR={(args.out / 'cache-botaudit-base').resolve()}",
            sys.executable,
            "-c",
            launcher,
            *scan_args,
            str(args.out / "botaudit-base-history.json"),
        ]
    runs |= {
        "gitleaks": [str(gitleaks), "git", str(repo), "--report-format", "json", "--report-path",
                     str(args.out / "gitleaks-history.json"), "--no-banner", "--exit-code", "0", "--redact",
                     "--log-level", "warn"],
    }  # fmt: skip
    measured: dict[str, list[Measurement]] = {tool: [] for tool in runs}
    failed: set[str] = set()
    for round_ in range(max(1, args.repeat) + 1):  # round 0 warms caches and is not kept
        for tool, argv in runs.items():
            if tool in failed:
                continue
            try:
                m = measure(argv, repo, None, None)
            except BenchError as e:
                print(f"{tool}: {e}", file=sys.stderr)
                failed.add(tool)
                continue
            if round_:
                measured[tool].append(m)
    rows = []
    for tool, ms in measured.items():
        if not ms:
            continue
        best = min(ms, key=lambda m: m.wall_s)
        cpus = [m.user_s + m.sys_s for m in ms]
        found = _found(args.out / f"{tool}-history.json", tool, planted)
        rows.append(
            {
                "tool": tool,
                "wall_s": best.wall_s,
                "cpu_s": best.user_s + best.sys_s,
                "wall_median_s": statistics.median(m.wall_s for m in ms),
                "cpu_median_s": statistics.median(cpus),
                "cpu_min_s": min(cpus),
                "all_wall_s": [m.wall_s for m in ms],
                "all_cpu_s": cpus,
                "tree_rss_kb": best.tree_rss_kb,
                "found": found,
                "argv": runs[tool],
            }
        )
    load = os.getloadavg()
    what = (
        f"{repo}"
        if args.repo is not None
        else f"{args.commits} commits, {args.files} files, {len(planted)} credentials only in history"
    )
    print(
        f"\n{what}; {args.repeat} interleaved round(s); load average {load[0]:.1f} {load[1]:.1f} "
        f"{load[2]:.1f}\n"
    )
    print(
        "| tool | wall (fastest) | wall (median) | CPU (median) | CPU (fastest) | peak RSS (tree) | found |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['tool']} | {r['wall_s']:.2f} s | {r['wall_median_s']:.2f} s | {r['cpu_median_s']:.2f} s | "
            f"{r['cpu_min_s']:.2f} s | {r['tree_rss_kb'] // 1000} MB | {r['found']}/{len(planted)} |"
        )
    (args.out / f"results-history-{label}.json").write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
