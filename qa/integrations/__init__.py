"""qa from other frameworks' pipelines. Each module is an opt-in extra (`pip install
'qa-assistant[llama-index]'` for `qa.integrations.llama_index`): nothing on the app's own paths
imports this package, and the import contract in pyproject.toml keeps it that way."""
