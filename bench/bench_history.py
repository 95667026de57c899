"""Git-history benchmark: `botaudit scan --history` against `gitleaks git` on a generated repository.

The repository is written with `git fast-import` (seconds for thousands of commits): a tree of agent
configuration and source files, a few of them changed by every commit, and FAKE credentials (shared
bench/fakes.py) committed once and deleted a few commits later, so they exist only in history. Ground truth
(the file each credential was planted in) stays outside the repository.

    python bench/bench_history.py                       # 3,000 commits
    python bench/bench_history.py --commits 10000 --repeat 2

A benchmark, not a test: it prints a table and writes bench/out/results-history-<commits>.json.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_static import PEERS_DIR, BenchError, _find_botaudit, measure  # noqa: E402

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
        for path, gone in list(live.items()):
            if gone == i:
                out.append(f"D {path}\n".encode())
                del live[path]
    for path in live:  # anything still present at the end goes in a last commit
        out.append(b"commit refs/heads/main\ncommitter Bench <bench@example.invalid> 1800000000 +0000\n")
        out.append(b"data 7\ncleanup\n" + f"D {path}\n".encode())
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "fast-import", "--quiet"], input=b"".join(out), check=True)
    subprocess.run(["git", "-C", str(repo), "checkout", "-q", "main"], check=True)
    return planted


def _found(report: Path, tool: str, planted: list[dict[str, str]]) -> int:
    data = json.loads(report.read_text() or "[]")
    if tool == "gitleaks":
        paths = {f["File"] for f in data}
    else:
        paths = {(f.get("location") or {}).get("path", "") for f in data.get("findings") or []}
    return sum(1 for p in planted if any(path.endswith(p["path"]) for path in paths))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--commits", type=int, default=3000)
    ap.add_argument("--files", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--generator-dir", type=Path, default=HERE.parent.parent / "shared" / "bench")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    args = ap.parse_args()
    if not (args.generator_dir / "fakes.py").is_file():
        print(f"bench_history: fakes.py not found in {args.generator_dir} (--generator-dir)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    repo = args.out / "corpus" / f"history-{args.commits}"
    truth = args.out / "corpus" / f"history-{args.commits}.json"
    if not truth.exists():
        if repo.exists():
            subprocess.run(["rm", "-rf", str(repo)], check=True)
        planted = generate(repo, args.commits, args.files, args.generator_dir)
        truth.write_text(json.dumps(planted, indent=1))
    planted = json.loads(truth.read_text())
    botaudit = _find_botaudit()
    gitleaks = PEERS_DIR / "gitleaks" / "bin" / "gitleaks"
    runs = {
        "botaudit": [*(botaudit or ["botaudit"]), "scan", str(repo), "--history", "--format", "json",
                     "--output", str(args.out / "botaudit-history.json"), "--fail-on", "none",
                     "--no-progress", "--no-config-snapshots"],
        "gitleaks": [str(gitleaks), "git", str(repo), "--report-format", "json", "--report-path",
                     str(args.out / "gitleaks-history.json"), "--no-banner", "--exit-code", "0", "--redact",
                     "--log-level", "warn"],
    }  # fmt: skip
    rows = []
    for tool, argv in runs.items():
        measured = []
        try:
            for _ in range(max(1, args.repeat)):
                measured.append(measure(argv, repo, None, None))
        except BenchError as e:
            print(f"{tool}: {e}", file=sys.stderr)
            continue
        best = min(measured, key=lambda m: m.wall_s)
        found = _found(args.out / f"{tool}-history.json", tool, planted)
        rows.append(
            {
                "tool": tool,
                "wall_s": best.wall_s,
                "cpu_s": best.user_s + best.sys_s,
                "all_cpu_s": [m.user_s + m.sys_s for m in measured],
                "tree_rss_kb": best.tree_rss_kb,
                "found": found,
                "argv": argv,
            }
        )
    print(f"\n{args.commits} commits, {args.files} files, {len(planted)} credentials only in history\n")
    print("| tool | wall | CPU | peak RSS (tree) | history-only credentials found |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['tool']} | {r['wall_s']:.1f} s | {r['cpu_s']:.1f} s | {r['tree_rss_kb'] // 1000} MB | "
            f"{r['found']}/{len(planted)} |"
        )
    (args.out / f"results-history-{args.commits}.json").write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
