"""What the reader knows of the open document: the sections' coverage, Text Difficulty and
Words to Learn (the core is reader.language.coverage)."""
