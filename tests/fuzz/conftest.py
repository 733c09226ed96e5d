"""The fault and fuzz suite's tally: what each part tried and found, printed as one line per part at
the end of the run (the figures the README reports)."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

# part ("readers", "store", "faults: kill -9", ...) -> counter of "inputs", "crashes", "lost", "duplicates", ...
TALLY: defaultdict[str, Counter] = defaultdict(Counter)
TIMES: Counter = Counter()


@pytest.fixture(scope="session")
def tally() -> defaultdict[str, Counter]:
    """Counts by part: inputs tried, crashes (uncaught exceptions), documents lost, duplicates."""
    return TALLY


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Time each test of this folder by the part its module stands for."""
    import time

    start = time.perf_counter()
    yield
    TIMES[item.module.__name__ if item.module else "?"] += time.perf_counter() - start


def pytest_terminal_summary(terminalreporter) -> None:
    if not TALLY:
        return
    terminalreporter.section("kroniek fault and fuzz suite")
    for part, counts in TALLY.items():
        extra = ", ".join(f"{k} {v:,}" for k, v in counts.items()
                          if k not in ("inputs", "crashes", "lost", "duplicates"))  # fmt: skip
        terminalreporter.write_line(
            f"{part}: {counts['inputs']:,} inputs tried, {counts['crashes']} crashes, "
            f"{counts['lost']} documents lost, {counts['duplicates']} duplicates" + (f" ({extra})" if extra else "")
        )
    for module, seconds in TIMES.items():
        terminalreporter.write_line(f"{module}: {seconds:.1f} s")
