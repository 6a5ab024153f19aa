"""English: the word lists and parse labels the stages rely on, one module per stage."""
