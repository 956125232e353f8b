"""g2pM's model, run by Reader's batched runner: the same readings, from local files."""

from __future__ import annotations

import collections
import io
import pickle
import socket
import sys
from pathlib import Path

import pytest

from reader.language.polyphones import PolyphoneModel, _WeightsUnpickler

SENTENCES = [
    "他还没还钱。",
    "银行行长长大了。",
    "我了解了这个问题，可是受不了了。",
    "重庆的重量很重要",
    "a",
]


@pytest.fixture(scope="module")
def model() -> PolyphoneModel:
    return PolyphoneModel()


def test_the_weights_load_from_the_installed_package_without_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the model must not touch the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    model = PolyphoneModel()
    assert model.is_polyphone("行")
    site = [Path(entry) for entry in sys.path if entry]
    weights = Path(sys.modules["reader.language.packaged"].package_file("g2pM", "np_ckpt.pkl"))
    assert any(root in weights.parents for root in site)


# g2pM's own runner opens its pickles without closing them (ResourceWarning when collected).
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_readings_are_those_of_g2pm_itself(model):
    from g2pM import G2pM  # the package's own one-sentence runner, as the reference

    reference = G2pM()
    ours = model.readings(SENTENCES)
    for sentence, readings in zip(SENTENCES, ours, strict=True):
        theirs = reference(sentence, char_split=True)
        for index, reading in readings.items():
            assert reading == theirs[index].replace("u:", "v"), (sentence, index)


def test_only_polyphonic_characters_are_read_and_only_among_their_readings(model):
    (readings,) = model.readings(["他还没还钱。"])
    assert readings == {1: "hai2", 2: "mei2", 3: "huan2"}
    assert set(model.candidates("还")) == {"hai2", "huan2"}
    assert model.candidates("他") == ()
    assert all(
        reading in model.candidates(char)
        for sentence, found in zip(SENTENCES, model.readings(SENTENCES), strict=True)
        for index, reading in found.items()
        for char in [sentence[index]]
    )


def test_batches_give_the_same_readings_as_one_by_one(model):
    together = model.readings(SENTENCES * 30)
    model_alone = PolyphoneModel()
    assert together[: len(SENTENCES)] == [model_alone.readings([s])[0] for s in SENTENCES]


def test_the_weights_reader_refuses_anything_but_arrays_and_plain_data():
    plain = pickle.dumps({"a": [1, "b"]})
    assert _WeightsUnpickler(io.BytesIO(plain)).load() == {"a": [1, "b"]}
    other = pickle.dumps(collections.OrderedDict(a=1))
    with pytest.raises(pickle.UnpicklingError, match=r"unexpected collections\.OrderedDict"):
        _WeightsUnpickler(io.BytesIO(other)).load()
