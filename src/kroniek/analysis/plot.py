"""A series as a figure for a paper: events per period by QuadClass (cooperation up, conflict down),
the balance as a line, turning points as dashed lines, the regimes between them lightly shaded.
matplotlib with the Agg backend: no display needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from kroniek.errors import Errors, KroniekError

SUFFIXES = (".png", ".svg", ".pdf")
MAX_TICKS = 16
# QuadClass colours: greens for cooperation, reds for conflict, the material class darker
_BARS = (("material_coop", "material cooperation", "#1b7837", 1), ("verbal_coop", "verbal cooperation", "#a6dba0", 1),
         ("material_conflict", "material conflict", "#b2182b", -1),
         ("verbal_conflict", "verbal conflict", "#f4a582", -1))  # fmt: skip


def check_plot_path(path: str | Path) -> Path:
    """The figure's path; its suffix names the format (E023 for another)."""
    found = Path(path)
    if found.suffix.lower() not in SUFFIXES:
        raise KroniekError(Errors.E023, name="plot file", value=str(path),
                           reason=f"end it in {', '.join(SUFFIXES)} (the figure's format)")
    return found


def plot_series(frame: pd.DataFrame, path: str | Path, *, title: str, figures: dict[str, Any] | None = None,
                note: str = "") -> Path:
    """Draw the series (as series() gives it) to `path` (.png, .svg or .pdf); `figures` (yoyo())
    adds the turning points. E020 when the file cannot be written."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    target = check_plot_path(path)
    positions = list(range(len(frame)))
    fig, ax = plt.subplots(figsize=(8, 4.2), layout="constrained")
    stacked = {1: [0] * len(frame), -1: [0] * len(frame)}
    for column, label, colour, side in _BARS:
        values = [side * int(v) for v in frame[column]]
        ax.bar(positions, values, bottom=stacked[side], width=0.8, color=colour, label=label, linewidth=0)
        stacked[side] = [a + b for a, b in zip(stacked[side], values, strict=True)]
    ax.plot(positions, frame["balance"], color="black", marker="o", markersize=3, linewidth=1.2,
            label="balance")  # fmt: skip
    ax.axhline(0, color="#555555", linewidth=0.6)
    if (figures or {}).get("on") == "goldstein_sum":
        _goldstein_axis(ax, positions, list(frame["goldstein_sum"]))
    index = {period: i for i, period in enumerate(frame["period"])}
    regimes = (figures or {}).get("regimes", [])
    for regime, following in zip(regimes, [*regimes[1:], None][: len(regimes)], strict=True):
        end = index[following["start"]] - 0.5 if following else len(frame) - 0.5
        ax.axvspan(index[regime["start"]] - 0.5, end, color="#1b7837" if regime["sign"] > 0 else "#b2182b",
                   alpha=0.06, linewidth=0)  # fmt: skip
    for turn in (figures or {}).get("turns", []):
        x = index[turn["period"]] - 0.5
        ax.axvline(x, color="#2c3e8c", linestyle="--", linewidth=1)
        label = "to cooperation" if turn["to_sign"] > 0 else "to conflict"
        ax.annotate(label, (x, 1), xycoords=("data", "axes fraction"), xytext=(3, -3), textcoords="offset points",
                    rotation=90, va="top", fontsize=7, color="#2c3e8c")  # fmt: skip
    step = max(1, -(-len(frame) // MAX_TICKS))
    ax.set_xticks(positions[::step], list(frame["period"])[::step], rotation=45 if step > 1 or len(frame) > 8 else 0,
                  ha="right" if len(frame) > 8 else "center", fontsize=8)  # fmt: skip
    ax.set_xlim(-0.7, len(frame) - 0.3)
    ax.set_ylabel("events (cooperation up, conflict down)")
    ax.set_title(title, fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    handles = [h for a in fig.axes for h in a.get_legend_handles_labels()[0]]
    fig.legend(handles=handles, fontsize=7, frameon=False, loc="outside lower center",
               ncols=3 if len(handles) > 5 else 5)
    if note:
        ax.set_xlabel(note, fontsize=7, color="#555555", loc="left")
    try:
        fig.savefig(target, dpi=200)
    except OSError as err:
        raise KroniekError(Errors.E020, path=str(target), reason=err.strerror or str(err)) from None
    finally:
        plt.close(fig)
    return target


def _goldstein_axis(ax: Any, positions: list[int], sums: list[float]) -> None:
    """The Goldstein sum as a line on a right-hand axis whose zero lines up with the events axis."""
    right = ax.twinx()
    right.plot(positions, sums, color="#6a3d9a", linestyle=":", marker="s", markersize=2.5, linewidth=1.2,
               label="Goldstein sum (right axis)")  # fmt: skip
    low, high = ax.get_ylim()
    scale = max((abs(v) for v in sums), default=1.0) / max(abs(low), abs(high), 1e-9) or 1.0
    right.set_ylim(low * scale * 1.05, high * scale * 1.05)
    right.set_ylabel("Goldstein sum", color="#6a3d9a")
    right.spines[["top"]].set_visible(False)
