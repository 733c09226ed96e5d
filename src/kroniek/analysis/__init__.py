"""Analysis on the store: a dyad's series per period, the yo-yo measured on it, actor networks, top
actors and dyads, and the event-type mix, each computed in DuckDB SQL."""

from kroniek.analysis.series import series
from kroniek.analysis.yoyo import turning_points, yoyo

__all__ = ["series", "turning_points", "yoyo"]
