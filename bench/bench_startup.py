"""Start-up benchmark: `botaudit scan` of a three-file folder, the pre-commit hook's case (issue 14).

Runs botaudit (and, with --base CHECKOUT, an older checkout of it, run by this same interpreter and its
dependencies) many times, interleaved so that both see the same machine load, and prints the median and
fastest wall time and the median CPU (user + system) of each command:

    python bench/bench_startup.py                       # 21 runs of each command
    python bench/bench_startup.py --runs 41 --base ../main-before

A benchmark, not a test: it prints a table and writes bench/out/results-startup.json.

Realistic figures need bytecode: a pip-installed botaudit and its dependencies have .pyc files; a checkout
run with PYTHONDONTWRITEBYTECODE=1 (as this environment sets), or packages installed by uv (which does not
compile by default), compile modules from source on every run (~0.7 s more for the demo scan's lark, msal
and requests). The script compiles each checkout and the interpreter's site-packages once (`compileall`,
what pip does at install) and runs the commands without that variable. Each variant gets a cache folder of
its own (BOTAUDIT_CACHE_DIR): two checkouts sharing one would evict each other's entries on every run.

`--demo` adds `botaudit scan sample_configs/` (17 files, six snapshots, botaudit.yaml, Terraform), the
README's demo, with the current checkout's sample_configs for every variant.

`--installed` also runs botaudit as a user does: the `botaudit` console script that pip installed beside
this interpreter, and `python -m auditor`, with no PYTHONPATH (each Python start then also reads
site-packages' .pth files: an editable install's import finder, setuptools' distutils shim). When the
installed package is not the checkout being measured (a worktree beside an editable install of another),
PYTHONPATH points both at the checkout instead, and the table says so.

    python bench/bench_startup.py --installed --runs 21
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Three small files of the kind a pre-commit hook sees: settings, agent code, an agent manifest. No
# credential in them: the figure is start-up, not the cost of fingerprinting a secret.
FILES = {
    ".env": "LOG_LEVEL=info\nOPENAI_API_KEY=${OPENAI_API_KEY}\n",
    "agent.py": "import os\n\nclient_key = os.environ['OPENAI_API_KEY']\n",
    "agent.yaml": "name: triage-bot\nmodel: gpt-4o\nretries: 3\n",
}

COMMANDS = {
    "scan (table)": ["scan", "{tree}", "--no-progress"],
    "scan --format json": ["scan", "{tree}", "--no-progress", "--format", "json"],
    "--version": ["--version"],
}

HOOK = "pre-commit hook: scan --staged --fail-on high, 3 staged files"

# `--all`: the other reports a hook or a user asks for, and the same three files holding credentials (the
# report's finding path and the fingerprints then run), without and with a botaudit.yaml (agents, a
# suppression, a fingerprint key of its own) and with the gate's options.
MORE_COMMANDS = {
    "scan --format sarif": ["scan", "{tree}", "--no-progress", "--format", "sarif"],
    "scan --format markdown": ["scan", "{tree}", "--no-progress", "--format", "markdown"],
    "findings: scan (table)": ["scan", "{findings}", "--no-progress"],
    "findings: scan --format json": ["scan", "{findings}", "--no-progress", "--format", "json"],
    "findings + botaudit.yaml: scan (table)": ["scan", "{configured}", "--no-progress"],
    "findings + botaudit.yaml: scan --format json --fail-on medium --strict": [
        "scan", "{configured}", "--no-progress", "--format", "json", "--fail-on", "medium", "--strict",
    ],
    # The pre-commit hook's own command line (.pre-commit-hooks.yaml), run inside a git repository whose
    # index holds the three files (two of them changed since the last commit): four `git` processes, the
    # staged bytes written to a temporary folder, then the scan.
    HOOK: ["scan", "--staged", "--no-progress", "--fail-on", "high", ".env", "agent.py", "agent.yaml"],
}  # fmt: skip


def _findings_files() -> dict[str, str]:
    """The three files with made-up credentials in documented shapes (generated: no secret-looking literal
    in this file), the same on every run (a fixed seed)."""
    import random
    import string

    rng = random.Random(14)
    alnum = string.ascii_letters + string.digits

    def text(n: int, alphabet: str = alnum) -> str:
        return "".join(rng.choice(alphabet) for _ in range(n))

    slack = f"xoxb-{rng.randrange(10**11, 10**12)}-{rng.randrange(10**11, 10**12)}-{text(24)}"
    return {
        ".env": f"LOG_LEVEL=info\nSLACK_BOT_TOKEN={slack}\nOPENAI_API_KEY=sk-proj-{text(48)}\n",
        "agent.py": (
            "import os\nfrom slack_sdk import WebClient\n\n"
            "client = WebClient(token=os.environ['SLACK_BOT_TOKEN'])\n"
            f"ANTHROPIC = 'sk-ant-api03-{text(93, alnum + '-_')}AA'\n"
        ),
        "agent.yaml": f"name: triage-bot\nmodel: gpt-4o\ndatabase_url: postgres://bot:{text(20)}@db.internal:5432/app\n",
    }


CONFIG = """version: 1
fingerprint_key: triage-team-fingerprints-2026
agents:
  - name: triage-bot
    paths: ["agent.py", "agent.yaml", ".env"]
    kind: slack_bot
    multi_user: true
    environment: prod
suppressions:
  - rule: BA-101
    path: agent.yaml
    reason: local database for the integration tests, reviewed 2026-11
"""


def _write_trees(root: Path) -> dict[str, Path]:
    """The three folders the commands name: {tree} (no credential), {findings}, {configured}."""
    trees = {name: root / f"startup-3{suffix}" for name, suffix in
             (("tree", ""), ("findings", "-findings"), ("configured", "-configured"))}  # fmt: skip
    contents = {
        "tree": FILES,
        "findings": _findings_files(),
        "configured": {**_findings_files(), "botaudit.yaml": CONFIG},
    }
    for name, folder in trees.items():
        folder.mkdir(parents=True, exist_ok=True)
        for file, body in contents[name].items():
            (folder / file).write_text(body, encoding="utf-8")
    trees["repo"] = _staged_repo(root / "startup-3-repo")
    return trees


def _staged_repo(folder: Path) -> Path:
    """A git repository holding FILES, with agent.py and agent.yaml changed and staged after the commit."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    ident = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q"], ["add", "."], [*ident, "commit", "-q", "-m", "start"]):
        subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)
    (folder / "agent.py").write_text(FILES["agent.py"] + "print(client_key[:0])\n", encoding="utf-8")
    (folder / "agent.yaml").write_text(FILES["agent.yaml"] + "timeout_s: 30\n", encoding="utf-8")
    subprocess.run(["git", "add", "agent.py", "agent.yaml"], cwd=folder, check=True, capture_output=True)
    return folder


def _launcher(checkout: Path) -> list[str]:
    code = (
        f"import sys; sys.path.insert(0, {str(checkout)!r}); from auditor.cli import main; sys.exit(main())"
    )
    return [sys.executable, "-c", code]


def _console_script() -> Path | None:
    """The `botaudit` entry point pip wrote beside this interpreter (not a version manager's shim on PATH,
    whose own start-up would be timed as botaudit's), else the one on PATH."""
    beside = Path(sys.executable).parent / "botaudit"
    if beside.is_file():
        return beside
    found = shutil.which("botaudit")
    return Path(found) if found else None


def _installed_package(env: dict[str, str]) -> Path | None:
    """Where `import auditor` leads for a user of this interpreter (no PYTHONPATH, not from a checkout)."""
    clean = {k: v for k, v in env.items() if k != "PYTHONPATH"}
    code = "import auditor, os; print(os.path.dirname(os.path.abspath(auditor.__file__)))"
    done = subprocess.run(
        [sys.executable, "-c", code], env=clean, cwd=tempfile.gettempdir(), capture_output=True, text=True
    )
    return Path(done.stdout.strip()).resolve() if done.returncode == 0 and done.stdout.strip() else None


def _installed_variants(
    variants: dict[str, tuple[list[str], Path, dict[str, str]]], env: dict[str, str]
) -> dict[str, tuple[list[str], Path, dict[str, str]]]:
    """For each checkout, the console script and `python -m auditor` (see the module doc)."""
    script = _console_script()
    installed = _installed_package(env)
    extra: dict[str, tuple[list[str], Path, dict[str, str]]] = {}
    for label, (_argv, checkout, variant_env) in variants.items():
        own = installed is not None and installed == (checkout / "auditor").resolve()
        clean = {k: v for k, v in variant_env.items() if k != "PYTHONPATH"}
        run_env = clean if own else {**clean, "PYTHONPATH": str(checkout)}
        how = "installed" if own else "PYTHONPATH"
        if script is not None:
            extra[f"{label}: `botaudit` console script ({how})"] = ([str(script)], checkout, run_env)
        extra[f"{label}: `python -m auditor` ({how})"] = (
            [sys.executable, "-m", "auditor"],
            checkout,
            run_env,
        )
    print(f"installed package: {installed or 'none'}; console script: {script or 'none'}")
    return extra


def _commits(checkouts: dict[str, Path]) -> dict[str, str]:
    """Each checkout's commit (and whether its tree differs from it), for the raw figures."""
    out = {}
    for label, checkout in checkouts.items():
        head = subprocess.run(
            ["git", "-C", str(checkout), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        )
        dirty = subprocess.run(
            ["git", "-C", str(checkout), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
        )
        commit = head.stdout.strip() if head.returncode == 0 else "unknown (not a git checkout)"
        out[label] = commit + (" (modified)" if dirty.returncode == 0 and dirty.stdout.strip() else "")
    return out


def _run(argv: list[str], env: dict[str, str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall and CPU (user + system of the process and its children, such as the hook's `git` calls)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd or tempfile.gettempdir()
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--base", type=Path, help="an older checkout of botaudit to compare against")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--demo", action="store_true", help="also time the demo scan of sample_configs/")
    ap.add_argument(
        "--all",
        action="store_true",
        help="also time SARIF and Markdown output, files with findings, and a botaudit.yaml with --fail-on",
    )
    ap.add_argument("--only", help="time only the commands whose label contains this text")
    ap.add_argument(
        "--installed",
        action="store_true",
        help="also time the installed `botaudit` console script and `python -m auditor`",
    )
    args = ap.parse_args()
    commands = dict(COMMANDS)
    if args.all:
        commands.update(MORE_COMMANDS)
    if args.demo:
        commands["scan sample_configs (demo)"] = ["scan", str(ROOT / "sample_configs"), "--no-progress"]
    if args.only:
        commands = {label: argv for label, argv in commands.items() if args.only in label}
    trees = _write_trees(args.out / "corpus")

    checkouts = {"botaudit": ROOT}
    if args.base is not None:
        checkouts["botaudit (base)"] = args.base.resolve()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    caches = tempfile.mkdtemp(prefix="bench-startup-")
    site = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    subprocess.run([sys.executable, "-m", "compileall", "-q", *sorted(site)], env=env, check=False)
    # label -> (the command before botaudit's arguments, the checkout it runs, its environment)
    variants: dict[str, tuple[list[str], Path, dict[str, str]]] = {}
    for i, (label, checkout) in enumerate(checkouts.items()):
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(checkout / "auditor")], env=env, check=True
        )
        variant_env = {**env, "BOTAUDIT_CACHE_DIR": str(Path(caches) / str(i)), "NO_COLOR": "1"}
        variants[label] = (_launcher(checkout), checkout, variant_env)
    if args.installed:
        variants.update(_installed_variants(variants, env))
    rows = []
    for command, template in commands.items():
        argv = [part.format(**trees) for part in template]
        cwd = trees["repo"] if command == HOOK else None
        for (
            prefix,
            _checkout,
            variant_env,
        ) in variants.values():  # warm: caches written, files in the page cache
            _run([*prefix, *argv], variant_env, cwd)
        samples: dict[str, list[tuple[float, float]]] = {label: [] for label in variants}
        for _ in range(args.runs):
            for label, (prefix, _checkout, variant_env) in variants.items():
                samples[label].append(_run([*prefix, *argv], variant_env, cwd))
        for label, runs in samples.items():
            walls = [w for w, _ in runs]
            cpus = [c for _, c in runs]
            rows.append(
                {
                    "command": command,
                    "variant": label,
                    "argv": [*variants[label][0], *argv],
                    "wall_median_s": statistics.median(walls),
                    "wall_min_s": min(walls),
                    "cpu_median_s": statistics.median(cpus),
                    "cpu_min_s": min(cpus),
                    "walls_s": walls,
                    "cpus_s": cpus,
                }
            )
    load = os.getloadavg()
    print(f"\n{args.runs} interleaved runs each; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}\n")
    print("| command | variant | wall median | wall fastest | CPU median | CPU fastest |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['command']} | {r['variant']} | {r['wall_median_s'] * 1000:.0f} ms | "
            f"{r['wall_min_s'] * 1000:.0f} ms | {r['cpu_median_s'] * 1000:.0f} ms | "
            f"{r['cpu_min_s'] * 1000:.0f} ms |"
        )
    args.out.mkdir(parents=True, exist_ok=True)
    result = {"load_average": load, "runs": args.runs, "commits": _commits(checkouts), "rows": rows}
    (args.out / "results-startup.json").write_text(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
