"""Analysis on the store: a dyad's series per period, the yo-yo measured on it, actor networks, top
actors and dyads, and the event-type mix, each computed in DuckDB SQL."""

from kroniek.analysis.network import event_mix, network, top_actors, top_dyads
from kroniek.analysis.series import series
from kroniek.analysis.yoyo import turning_points, yoyo

__all__ = ["event_mix", "network", "series", "top_actors", "top_dyads", "turning_points", "yoyo"]
