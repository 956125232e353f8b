"""Back and Forward over plain offsets, as a browser keeps them."""

from __future__ import annotations

from reader.ui.navigation.history import History


def test_back_returns_to_the_place_left_and_forward_undoes_it():
    history = History()
    history.jumped(10, 500)
    assert history.can_go_back and not history.can_go_forward
    assert history.back(500) == 10
    assert history.can_go_forward
    assert history.forward(10) == 500
    assert history.back(500) == 10


def test_a_new_jump_clears_forward():
    history = History()
    history.jumped(10, 500)
    assert history.back(500) == 10
    history.jumped(10, 900)
    assert not history.can_go_forward
    assert history.back(900) == 10


def test_back_from_where_the_reader_has_read_on_comes_back_there():
    history = History()
    history.jumped(10, 500)
    assert history.back(620) == 10  # read on from 500 to 620 since the jump
    assert history.forward(10) == 620


def test_no_move_is_no_jump_and_nothing_is_kept_twice():
    history = History()
    history.jumped(10, 10)
    assert not history.can_go_back
    history.jumped(10, 20)
    history.jumped(10, 30)
    assert history.back(30) == 10
    assert history.back(10) is None


def test_the_oldest_places_go_past_the_cap():
    history = History(cap=3)
    for place in range(10):
        history.jumped(place, place + 100)
    assert [history.back(0) for _ in range(4)] == [9, 8, 7, None]
