"""Reading, cleaning, segmenting and chunking article files, and storing them."""
