"""The Qt layer: a thin shell over reader.document, reader.language and reader.store.

One Qt import point (qt.py). Feature folders: window/ (the main window, its menus, the
section tree, the wiring of the features), session/ (the open document's one owner: words,
corrections, workers, readings, the annotation set), views/ (the plain and pinyin views and
the TextSurface contract; the only code that touches Qt text positions), lookup/ (hover,
click, pin and the pop-up, one controller for both views), annotations/, pinyin/ (the
switch between the views) and corrections/. Text from documents, file names and errors is
shown through plain_text.py.
"""
