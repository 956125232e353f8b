from reader.document.lines import Line, join_broken_lines, split_lines


def test_newlines_are_unified_and_whitespace_lines_are_blank():
    lines = split_lines("一\r\n\r\n二\r三\n \t\u3000\n四")
    assert lines == [Line("一", 0), Line("二", 1), Line("三", 0), Line("四", 1)]


def test_nul_bytes_are_dropped():
    assert split_lines("甲\x00乙") == [Line("甲乙", 0)]


def test_a_prose_line_cut_mid_sentence_joins_the_next_prose_line():
    lines = [Line("就去了腾讯公司考察。进展厅", 0), Line("前,习近平一行很感兴趣。", 1)]
    assert join_broken_lines(lines) == [
        Line("就去了腾讯公司考察。进展厅前,习近平一行很感兴趣。", 0)
    ]


def test_a_heading_is_not_swallowed_by_a_cut_line():
    lines = [Line("这些新媒体的尝试,无疑体现出关注点所在。 据政知圈", 0), Line("相关链接", 1)]
    assert join_broken_lines(lines) == lines


def test_lines_set_apart_by_extra_blank_lines_are_not_joined():
    lines = [Line("他说,这是", 0), Line("第二部分,开始了。", 3)]
    assert join_broken_lines(lines) == lines


def test_latin_words_keep_a_space_when_joined():
    lines = [Line("He said, this is", 0), Line("the end, he said.", 1)]
    assert join_broken_lines(lines)[0].text == "He said, this is the end, he said."
