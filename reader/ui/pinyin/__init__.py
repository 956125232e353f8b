"""The pinyin switch: which view the window shows, and the remembered choice."""
