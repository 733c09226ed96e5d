"""Score coded events against hand-annotated gold articles, as ../shared/eval/FORMAT.md prescribes.

Per article, asserted system events are matched one-to-one to gold events (maximum bipartite
matching), separately at three levels: `root` (exact CAMEO root), `quad` (same QuadClass), `dyad`
(any code). Readings of the spec that it leaves open:
- a gold `target` that is null or empty accepts any system target, including none; a gold event
  with targets never matches a system event without one;
- matches to optional gold events are made only after the non-optional ones are maximised, so an
  optional event never takes a system event a required one could have had; the system events they
  absorb count as neither TP nor FP;
- per-root figures (level `root`) count TP and FN under the root of the gold `cameo`, FP under the
  system's `root`;
- a system event counts once as a non-event hit, however many `non_events` anchors its sentence holds.
"""

from kroniek.evaluation.gold import load_gold
from kroniek.evaluation.matching import LEVELS, code_acceptable, fold, max_matching, quad_class
from kroniek.evaluation.report import ArticleRow, Counts, FalsePositive, MissedGold, NonEventHit, Report
from kroniek.evaluation.scoring import asserted, evaluate_dir, score

__all__ = [
    "LEVELS", "ArticleRow", "Counts", "FalsePositive", "MissedGold", "NonEventHit", "Report", "asserted",
    "code_acceptable", "evaluate_dir", "fold", "load_gold", "max_matching", "quad_class", "score",
]
