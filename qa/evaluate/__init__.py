"""`qa eval`: gold sets (`gold`), per-item and summary metrics (`metrics`), the LLM judge
(`judge`), the run itself (`run`), and its report: fingerprint, JSON, baseline comparison and
gate (`report`), Markdown for a pull request (`markdown`). Terminal output is `qa.render`'s."""

from qa.evaluate.run import EvalOptions, EvalResult, evaluate

__all__ = ["EvalOptions", "EvalResult", "evaluate"]
