"""Find in the open document (Ctrl+F): the bar under the page, its marks in both views,
the list of matches, and the search by characters in either script or by pinyin."""
