"""Analysis on the store: a dyad's series per period, the yo-yo measured on it, actor networks, top
actors and dyads, and the event-type mix, each a pandas DataFrame computed in DuckDB SQL."""

from kroniek.analysis.series import series

__all__ = ["series"]
