"""Detection benchmark: botaudit and the peers, in one run, on the test cases the peers ship with their rules.

Usage (peers first: `bash bench/setup_peers.sh`; `pip install rstr` for gitleaks-style random secrets):

    python bench/bench_detection.py                                  # clones the peers at pinned commits
    python bench/bench_detection.py --source gitleaks=/src/gitleaks --source kingfisher=/src/kingfisher.git
    python bench/bench_detection.py --tools botaudit,kingfisher --per-rule 12

The corpus is derived at run time (bench/peer_cases.py) and written under bench/out/detection/: one file per
case, named by number only, so no tool can read the expected answer from a path; the ground truth goes to a
manifest beside the tree, never inside it. Every tool scans the same tree once; a case counts as found when
the tool reports anything in its file. Prints recall and false-positive rate per tool and per source, and
recall on realistic values, per source and overall (positives whose secret is not a typed placeholder such as
`abcdef123456`). `--worst N` also prints each tool's most missed and most falsely flagged rules.

Contested negatives: the peers' negatives are scoped to one rule ("not an Anthropic API key" is often an
Anthropic admin key, another rule's positive), while this benchmark asks whether a tool reports anything in
the file. A negative is *contested* when its whole text is also a positive case (any rule; the peers' suites
hold a few identical texts on both sides), or when one of its secret tokens (a run of 16 or more token
characters with a letter and a digit, not a host or snake_case name) appears in a positive case of a rule
with another name, from any source, counted over every derived case before the per-rule cap. Contested
negatives are left out of the false-positive rate's numerator and denominator; the table prints how many there
are and the rate both ways, for every tool alike. A negative holding a token of a positive of the *same* rule
(the same string under another key name) stays a negative; the run prints apart how the rate reads without
those.
Nothing here asserts a figure: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_static import DEFAULT_OUT, TOOLS, BenchError, absolute_pythonpath, measure, tool_version  # noqa: E402
from peer_cases import PEERS, Case, derive  # noqa: E402

# Placeholder-typed values: keyboard runs, counting runs, one character repeated. Recall on the positives
# without them says how a tool does on values that look like real credentials.
_TYPED = re.compile(
    r"(?i)(abcdef|bcdefg|cdefgh|defghi|123456|234567|345678|456789|012345|qwerty|(.)\2{5,}"
    r"|example|sample|dummy|fake|xxxx|your)"
)


# Kingfisher reports a value once per scan by default; here every case file must be judged on its own.
EXTRA_ARGS: dict[str, list[str]] = {"kingfisher": ["--no-dedup"]}


def realistic(case: Case) -> bool:
    return case.positive and not _TYPED.search(case.text)


# A secret token: base64/base64url/hex/symbol runs (a password may hold `#&@*$`), split at a key's `=`.
_TOKEN_RUN = re.compile(r"[A-Za-z0-9+/_.~=!@#$%^&*-]{16,}")
_KEY_EQUALS = re.compile(r"=(?=[^=])")
# Host names (with a path) and snake_case identifiers (`auth_provider_x509_cert_url`) are names, not values.
_NAME = re.compile(r"^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[\w./-]*)?|[a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)+)$")


def secret_tokens(text: str) -> set[str]:
    """The runs in `text` that could be a credential's value: 16+ token characters holding a letter and a
    digit. Key names (`DATABRICKS_TOKEN`, `Content-Type`, `client_x509_cert_url`), words and host names are
    not tokens."""
    out: set[str] = set()
    for run in _TOKEN_RUN.finditer(text):
        for piece in _KEY_EQUALS.split(run.group()):
            piece = piece.strip("/.")
            if (
                len(piece) >= 16
                and any(c.isdigit() for c in piece)
                and any(c.isalpha() for c in piece)
                and not _NAME.match(piece)
            ):
                out.add(piece)
    return out


def contested(negatives: Sequence[Case], cases: Sequence[Case]) -> set[Case]:
    """The negatives another case calls positive (see the module's docstring): the same whole text as any
    positive, or a secret token shared with a positive of a rule with another name."""
    whole: set[str] = set()
    rules_of: dict[str, set[str]] = defaultdict(set)
    for case in cases:
        if case.positive:
            whole.add(case.text.strip())
            for token in secret_tokens(case.text):
                rules_of[token].add(case.rule)
    out: set[Case] = set()
    for case in negatives:
        if case.text.strip() in whole or any(
            rules_of.get(token, set()) - {case.rule} for token in secret_tokens(case.text)
        ):
            out.add(case)
    return out


def same_rule(negatives: Sequence[Case], cases: Sequence[Case]) -> set[Case]:
    """The negatives holding, verbatim, a secret token that a positive of the *same* rule holds (any source):
    the suite says the string is a credential under one key name and not under another (`bitly_token = <t>`
    positive, `token = <t>` negative). They stay negatives (a rule's context is part of what it tests); the
    run reports how the false-positive rate reads without them, for the decision it leaves open."""
    rules_of: dict[str, set[str]] = defaultdict(set)
    for case in cases:
        if case.positive:
            for token in secret_tokens(case.text):
                rules_of[token].add(case.rule)
    return {
        case
        for case in negatives
        if any(case.rule in rules_of.get(token, ()) for token in secret_tokens(case.text))
    }


def select(cases: Sequence[Case], per_rule: int, seed: int) -> list[Case]:
    """At most `per_rule` positives and negatives per (source, rule), drawn with a fixed seed.

    gitleaks' generators render one secret in ~30 file formats; without a cap those rules would outweigh
    every other source's cases. A documented miss (`Case.documented_miss`) is always kept, after the drawn
    cases: it is one statement of the suite's authors, and keeping it out of the draw leaves the draw of every
    other case as it was."""
    groups: dict[tuple[str, str, bool], list[Case]] = defaultdict(list)
    noted: list[Case] = []
    for case in cases:
        if case.documented_miss:
            noted.append(case)  # one statement by the suite's authors, not one of many renderings: kept
        elif case.text.strip():
            groups[(case.source, case.rule, case.positive)].append(case)
    rng = random.Random(seed)
    chosen: list[Case] = []
    for key in sorted(groups):
        items = groups[key]
        chosen.extend(items if len(items) <= per_rule else rng.sample(items, per_rule))
    return chosen + noted


def write_corpus(
    cases: Sequence[Case],
    root: Path,
    manifest: Path,
    disputed: set[Case] | None = None,
    context_scoped: set[Case] | None = None,
) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    truth = []
    for number, case in enumerate(cases):
        name = f"{number // 500:02d}/case-{number:05d}.txt"
        path = root / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(case.text + "\n", encoding="utf-8")
        truth.append(
            {
                "path": name,
                "source": case.source,
                "rule": case.rule,
                "positive": case.positive,
                "realistic": realistic(case),
                "contested": case in (disputed or ()),
                "same_rule": case in (context_scoped or ()),
                "documented_miss": case.documented_miss,
            }
        )
    manifest.write_text(json.dumps(truth, indent=1) + "\n")


def flagged_files(tool: str, out: Path, root: Path) -> set[str]:
    return {hit.path for hit in TOOLS[tool].parse(out, root)}


def score(truth: Sequence[dict[str, Any]], flagged: set[str]) -> dict[str, dict[str, float | int]]:
    fields = (
        *("pos", "tp", "real", "real_tp", "neg", "fp"),
        *("contested", "contested_fp", "same_rule", "same_rule_fp"),
    )
    per: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(fields, 0))
    for row in truth:
        for bucket in (row["source"], "all"):
            stats = per[bucket]
            hit = row["path"] in flagged
            if row["positive"]:
                stats["pos"] += 1
                stats["tp"] += hit
                if row["realistic"]:
                    stats["real"] += 1
                    stats["real_tp"] += hit
            else:
                stats["neg"] += 1
                stats["fp"] += hit
                if row.get("contested"):
                    stats["contested"] += 1
                    stats["contested_fp"] += hit
                elif row.get("same_rule"):
                    stats["same_rule"] += 1
                    stats["same_rule_fp"] += hit
    return {
        bucket: {
            **stats,
            "recall": stats["tp"] / stats["pos"] if stats["pos"] else 0.0,
            # Every negative, as the peers label them.
            "fp_rate_all": stats["fp"] / stats["neg"] if stats["neg"] else 0.0,
            # Without the contested negatives (another case's positive): the figure the goal is judged on.
            "fp_rate": _rate(stats["fp"] - stats["contested_fp"], stats["neg"] - stats["contested"]),
            "real_recall": stats["real_tp"] / stats["real"] if stats["real"] else 0.0,
            # Also without the same-rule context negatives (same_rule): not the goal's figure, see above.
            "fp_rate_no_same_rule": _rate(
                stats["fp"] - stats["contested_fp"] - stats["same_rule_fp"],
                stats["neg"] - stats["contested"] - stats["same_rule"],
            ),
        }
        for bucket, stats in per.items()
    }


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def by_rule(truth: Sequence[dict[str, Any]], flagged: set[str]) -> dict[str, dict[str, int]]:
    """Per `source:rule`: positives, missed, negatives, flagged (uncontested negatives; contested ones flagged
    are counted apart). Where a tool's misses and false positives sit, largest buckets first when sorted; the
    benchmark's results.json keeps it for every tool."""
    out: dict[str, dict[str, int]] = defaultdict(
        lambda: {"pos": 0, "missed": 0, "neg": 0, "fp": 0, "contested_fp": 0}
    )
    for row in truth:
        stats = out[f"{row['source']}:{row['rule']}"]
        hit = row["path"] in flagged
        if row["positive"]:
            stats["pos"] += 1
            stats["missed"] += not hit
        elif row.get("contested"):
            stats["contested_fp"] += hit
        else:
            stats["neg"] += 1
            stats["fp"] += hit
    return dict(out)


def worst(rules: dict[str, dict[str, int]], field: str, n: int) -> str:
    ranked = sorted(((v[field], k) for k, v in rules.items() if v[field]), reverse=True)[:n]
    return ", ".join(f"{k} {c}" for c, k in ranked) or "none"


def table(results: dict[str, dict[str, Any]], sources: Sequence[str]) -> str:
    head = (
        "| tool | "
        + " | ".join(f"{s} recall / FP (realistic recall)" for s in sources)
        + " | all recall | all FP (uncontested) | all FP (every negative) | realistic recall |"
    )
    lines = [head, "|" + "---|" * (len(sources) + 5)]
    for tool, res in results.items():
        if res.get("status") != "ok":
            lines.append(f"| {tool} | " + " | ".join("" for _ in sources) + f" | {res.get('status')} | | | |")
            continue
        s = res["score"]
        a = s["all"]
        cells = [
            f"{s[src]['recall']:.0%} / {s[src]['fp_rate']:.0%} ({s[src]['real_recall']:.0%})"
            if src in s
            else "n/a"
            for src in sources
        ]
        lines.append(
            f"| {tool} {res.get('version', '')} | "
            + " | ".join(cells)
            + f" | {s['all']['recall']:.1%} ({s['all']['tp']}/{s['all']['pos']})"
            + f" | {s['all']['fp_rate']:.1%} ({a['fp'] - a['contested_fp']}/{a['neg'] - a['contested']})"
            + f" | {s['all']['fp_rate_all']:.1%} ({a['fp']}/{a['neg']})"
            + f" | {s['all']['real_recall']:.1%} |"
        )
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="NAME=LOCATION[@COMMIT]",
        help="a peer's repository: a local clone or mirror, or a git URL (default: its GitHub URL)",
    )
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated tools to run")
    parser.add_argument("--per-rule", type=int, default=12, help="cases kept per rule and polarity")
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT / "detection")
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument(
        "--worst", type=int, default=0, metavar="N", help="also print each tool's N most missed and FP rules"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    checkout = absolute_pythonpath()
    print(f"botaudit imported from {checkout or 'nowhere (not importable)'}", flush=True)
    locations = {name: (peer.url, peer.commit) for name, peer in PEERS.items()}
    for item in args.source:
        name, _, location = item.partition("=")
        if name not in PEERS or not location:
            print(f"--source {item}: expected NAME=LOCATION with NAME in {sorted(PEERS)}", file=sys.stderr)
            return 2
        location, _, commit = location.partition("@")
        locations[name] = (location, commit or PEERS[name].commit)
    args.out.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    derived_counts: dict[str, dict[str, int]] = {}
    for name, (location, commit) in locations.items():
        try:
            derived = derive(name, location, commit, args.out / "sources")
        except Exception as exc:  # no network, a missing commit: that source is left out, said aloud
            print(f"{name}: cases not derived ({type(exc).__name__}: {exc})", file=sys.stderr)
            continue
        cases.extend(derived.cases)
        derived_counts[name] = {"cases": len(derived.cases), "not_evaluated": derived.skipped}
        print(
            f"{name}@{commit[:12]}: {len(derived.cases)} cases, {derived.skipped} not evaluated",
            file=sys.stderr,
        )
    chosen = select(cases, args.per_rule, args.seed)
    disputed = contested([c for c in chosen if not c.positive], cases)
    scoped = same_rule([c for c in chosen if not c.positive and c not in disputed], cases)
    root, manifest = args.out / "corpus", args.out / "corpus.manifest.json"
    write_corpus(chosen, root, manifest, disputed, scoped)
    truth = json.loads(manifest.read_text())
    print(
        f"{len(disputed)} of {sum(not c.positive for c in chosen)} negatives are contested (another case's"
        " positive): left out of 'FP (uncontested)' and the per-source FP rates",
        file=sys.stderr,
    )
    sources = sorted({row["source"] for row in truth})
    results: dict[str, dict[str, Any]] = {}
    for tool in [t.strip() for t in args.tools.split(",") if t.strip()]:
        spec = TOOLS.get(tool)
        exe = spec.find() if spec else None
        if spec is None or exe is None:
            results[tool] = {"status": "not installed"}
            continue
        out = args.out / f"{tool}.json"
        out.unlink(missing_ok=True)
        argv_ = spec.argv(exe, root, out) + EXTRA_ARGS.get(tool, [])
        print(f"running {tool}", file=sys.stderr)
        try:
            run = measure(argv_, root, out if spec.output_on_stdout else None, args.timeout)
            flagged = flagged_files(tool, out, root)
        except (BenchError, OSError, ValueError, KeyError) as exc:
            results[tool] = {"status": f"failed ({type(exc).__name__})"}
            continue
        results[tool] = {
            "status": "ok",
            "version": tool_version(exe, tool),
            "wall_s": run.wall_s,
            "score": score(truth, flagged),
            "by_rule": by_rule(truth, flagged),
        }
    print(table(results, sources))
    print(
        f"\n{len(scoped)} uncontested negatives hold a secret token a positive of the same rule holds (a"
        " context-scoped label, counted as a negative above); the FP rate without them:"
    )
    for tool, res in results.items():
        if res.get("status") == "ok":
            a = res["score"]["all"]
            kept = a["neg"] - a["contested"] - a["same_rule"]
            flagged_kept = a["fp"] - a["contested_fp"] - a["same_rule_fp"]
            print(f"  {tool}: {a['fp_rate_no_same_rule']:.1%} ({flagged_kept}/{kept})")
    for tool, res in results.items():
        if res.get("status") == "ok" and args.worst:
            print(f"\n{tool}: most missed {worst(res['by_rule'], 'missed', args.worst)}")
            print(f"{tool}: most false positives {worst(res['by_rule'], 'fp', args.worst)}")
    (args.out / "results.json").write_text(
        json.dumps({"sources": derived_counts, "per_rule": args.per_rule, "results": results}, indent=1)
        + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
