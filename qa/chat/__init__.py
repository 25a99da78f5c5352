"""`qa chat` without the terminal: a conversation (`session`), follow-ups rewritten into
standalone questions (`rewrite`), and the conversation log in SQLite (`log`). The line editor and
the screen are qa/repl.py's."""
