"""Every error `qa` raises on purpose.

    QAError                 base: the CLI prints its message on one line, exit code `exit_code`
    ├── ConfigError         a bad setting, config file or flag value (exit 2)
    ├── InputError          a bad argument or input file; message names FILE:LINE when it can (exit 2)
    ├── StoreMissingError   no store yet at the configured path (exit 1)
    ├── StoreError          the store exists but cannot be used as asked (e.g. another embedder built it)
    ├── EmbedError          the embedder failed (model load, remote endpoint)
    └── ProviderError       an LLM or embeddings endpoint failed after retries

Messages say what failed, where, and what to do next.
"""

from __future__ import annotations


class QAError(Exception):
    exit_code = 1


class ConfigError(QAError):
    exit_code = 2


class InputError(QAError):
    exit_code = 2


class StoreMissingError(QAError):
    pass


class StoreError(QAError):
    pass


class EmbedError(QAError):
    pass


class ProviderError(QAError):
    pass
