"""Chinese language tools: words, readings in context, the dictionary and HSK levels.

No Qt here: the same code serves the window, its worker threads, the CLI and the tests.
`reader.language.tools.LanguageTools` holds one program's instances.
"""
