"""Shared pytest options (`--update-golden` rewrites tests/golden/ instead of comparing against it) and the
adversarial suite's measured cost in the terminal summary."""

from __future__ import annotations

import atexit
import os
import resource
import shutil
import tempfile
import time
from collections.abc import Iterator

import pytest

# Tests never read or write the user's real cache (~/.cache/botaudit): one private folder per test process,
# inherited by the CLI subprocesses tests start, and removed when the process ends.
if "BOTAUDIT_CACHE_DIR" not in os.environ:
    _test_cache = tempfile.mkdtemp(prefix="botaudit-test-cache-")
    os.environ["BOTAUDIT_CACHE_DIR"] = _test_cache
    atexit.register(shutil.rmtree, _test_cache, ignore_errors=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files in tests/golden/ from the current output instead of comparing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites the golden files (`--update-golden`)."""
    return bool(request.config.getoption("--update-golden"))


# -- the adversarial suite's own time ------------------------------------------------------------------------
# Issue 10 promises that tests/adversarial runs in CI in under two minutes. Rather than a timed assert (which
# a busy machine would turn red), every run that includes the suite prints its measured cost: the CPU time
# its tests used (this process and the subprocesses it waited for: what it costs on one otherwise idle core,
# whatever the neighbours do) and their summed wall time (which a loaded machine inflates).
ADVERSARIAL = "tests/adversarial/"
ADVERSARIAL_BUDGET_SECONDS = 120.0
_CPU_START = pytest.StashKey[float]()
_adversarial_wall: dict[str, float] = {}
_adversarial_cpu: dict[str, float] = {}


def _cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    item.stash[_CPU_START] = _cpu_seconds()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    if call.when == "teardown" and item.nodeid.startswith(ADVERSARIAL) and _CPU_START in item.stash:
        # user_properties travel with the report from an xdist worker to the controller.
        report = outcome.get_result()  # type: ignore[attr-defined]
        report.user_properties.append(("cpu_seconds", _cpu_seconds() - item.stash[_CPU_START]))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    # Runs in the xdist controller for every worker's report, and in-process without xdist.
    if report.nodeid.startswith(ADVERSARIAL):
        _adversarial_wall[report.nodeid] = _adversarial_wall.get(report.nodeid, 0.0) + report.duration
        for name, value in report.user_properties:
            if name == "cpu_seconds":
                _adversarial_cpu[report.nodeid] = float(str(value))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _adversarial_wall:
        return
    cpu, wall = sum(_adversarial_cpu.values()), sum(_adversarial_wall.values())
    verdict = "within" if cpu <= ADVERSARIAL_BUDGET_SECONDS else "OVER"
    terminalreporter.write_line(
        f"adversarial suite: {len(_adversarial_wall)} tests, {cpu:.1f} s CPU ({verdict} the "
        f"{ADVERSARIAL_BUDGET_SECONDS:.0f} s CI budget on one core), {wall:.1f} s wall summed over its tests"
    )
