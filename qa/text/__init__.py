"""Language helpers, each idea in one module: which characters are Chinese (`cjk`), how text
becomes terms (`tokens`), where sentences end (`sentences`), how pinyin names are read
(`pinyin`) and what a question asks (`questions`). Pure functions over strings; nothing here
touches the store, a model or the terminal."""
