"""The two views of the text (plain, and pinyin above the characters), the contract both
keep (TextSurface), and the only code that touches Qt text positions."""
