"""Answering from retrieved passages: the extractive answerer (`extractive`, with the slot checks
of `slots`), the LLM answerer (`llm`) and the checks of a model's citations (`citations`). Each
takes the question and its `Hit`s and returns an `Answer`; none of them searches the store."""
