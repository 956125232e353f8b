"""Readings of polyphonic characters from their sentence: g2pM's model, run batched in numpy.

g2pM (Apache-2.0; Park & Lee, Interspeech 2020) is a one-layer bidirectional LSTM over
the characters of a sentence with a two-layer classifier on top, trained on the CPP
benchmark's training split; its pip package ships the weights. Its own runner feeds one
sentence at a time and recomputes the input projections at every step; this runner uses
the same weights (and gives the same predictions) but projects each character once,
steps both directions in one matrix product, and runs many sentences as one batch: on
3,000 CPP sentences it took a third of g2pM's time one sentence at a time and a
seventeenth batched. Predictions are restricted to the character's own readings.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

# The model's products are tiny (64 × 64 by 64 × 256): OpenBLAS's threads only add waiting,
# a hundredfold on a busy two-core machine. Reader is numpy's only user in the process,
# and this must be set before numpy loads; an explicit setting by the user is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

from reader.language.packaged import package_file
from reader.language.pinyin import numbered

_PACKAGE = "g2pM"
_UNKNOWN = "<UNK>"
_BEGIN = "시"
_END = "끝"
_BATCH = 64
_CACHE_SIZE = 8192


class PolyphoneModel:
    """Predicts, for each polyphonic character of a sentence, its reading there."""

    def __init__(self) -> None:
        weights = _load("np_ckpt.pkl")
        self._char_ids: dict[str, int] = _load("char2idx.pkl")
        class_ids: dict[str, int] = _load("class2idx.pkl")
        readings: dict[str, list[str]] = _load("digest_cedict.pkl")
        self._classes = [""] * len(class_ids)
        for name, index in class_ids.items():
            self._classes[index] = numbered(name) or name
        self._candidates: dict[str, list[int]] = {}
        self._masks: dict[str, np.ndarray] = {}
        for char, names in readings.items():
            ids = sorted({class_ids[name] for name in names if name in class_ids})
            if len(ids) > 1:
                self._candidates[char] = ids
                self._masks[char] = np.zeros(len(class_ids), dtype=bool)
                self._masks[char][ids] = True
        self._unknown = self._char_ids[_UNKNOWN]
        self._begin = self._char_ids[_BEGIN]
        self._end = self._char_ids[_END]

        embedding = weights["embedding.weight"]
        self._forward_inputs = (
            embedding @ weights["lstm.weight_ih_l0"].T
            + weights["lstm.bias_ih_l0"]
            + weights["lstm.bias_hh_l0"]
        ).astype(np.float32)
        self._backward_inputs = (
            embedding @ weights["lstm.weight_ih_l0_reverse"].T
            + weights["lstm.bias_ih_l0_reverse"]
            + weights["lstm.bias_hh_l0_reverse"]
        ).astype(np.float32)
        forward_hh = weights["lstm.weight_hh_l0"].T
        backward_hh = weights["lstm.weight_hh_l0_reverse"].T
        self._hidden_size = hidden = forward_hh.shape[0]
        recurrent = np.zeros((2 * hidden, 8 * hidden), dtype=np.float32)
        recurrent[:hidden, : 4 * hidden] = forward_hh
        recurrent[hidden:, 4 * hidden :] = backward_hh
        self._recurrent = recurrent
        # tanh(x/2) gives the sigmoid gates (i, f, o); the candidate gate g takes tanh(x).
        gate_scale = np.full((2, 4, hidden), 0.5, dtype=np.float32)
        gate_scale[:, 2, :] = 1.0
        self._gate_scale = gate_scale
        self._layer0 = weights["logit_layer.0.weight"].T.astype(np.float32)
        self._bias0 = weights["logit_layer.0.bias"].astype(np.float32)
        self._layer1 = weights["logit_layer.2.weight"].T.astype(np.float32)
        self._bias1 = weights["logit_layer.2.bias"].astype(np.float32)
        self._cache: OrderedDict[str, dict[int, str]] = OrderedDict()
        self._lock = threading.Lock()

    def is_polyphone(self, char: str) -> bool:
        return char in self._candidates

    def candidates(self, char: str) -> tuple[str, ...]:
        """The readings the model chooses among for `char`; empty if it has only one."""
        return tuple(self._classes[index] for index in self._candidates.get(char, ()))

    def readings(self, sentences: Sequence[str]) -> list[dict[int, str]]:
        """For each sentence, its polyphonic characters' readings by index in the sentence."""
        results: list[dict[int, str] | None] = []
        missing: list[str] = []
        with self._lock:
            for sentence in sentences:
                cached = self._cache.get(sentence)
                if cached is None:
                    missing.append(sentence)
                else:
                    self._cache.move_to_end(sentence)
                results.append(cached)
        computed = self._predict(list(dict.fromkeys(missing)))
        with self._lock:
            self._cache.update(computed)
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return [
            result if result is not None else computed[sentence]
            for result, sentence in zip(results, sentences, strict=True)
        ]

    def _predict(self, sentences: list[str]) -> dict[str, dict[int, str]]:
        predictions: dict[str, dict[int, str]] = {}
        wanted = [s for s in sentences if any(char in self._candidates for char in s)]
        for sentence in sentences:
            predictions[sentence] = {}
        wanted.sort(key=len)
        for first in range(0, len(wanted), _BATCH):
            batch = wanted[first : first + _BATCH]
            for sentence, readings in zip(batch, self._predict_batch(batch), strict=True):
                predictions[sentence] = readings
        return predictions

    def _predict_batch(self, sentences: list[str]) -> list[dict[int, str]]:
        hidden = self._hidden_size
        sequences = [
            [self._begin, *(self._char_ids.get(char, self._unknown) for char in s), self._end]
            for s in sentences
        ]
        lengths = [len(sequence) for sequence in sequences]
        steps = max(lengths)
        forward = np.zeros((len(sequences), steps), dtype=np.int64)
        backward = np.zeros_like(forward)
        for row, sequence in enumerate(sequences):
            forward[row, : len(sequence)] = sequence
            backward[row, : len(sequence)] = sequence[::-1]
        inputs = np.concatenate(
            [self._forward_inputs[forward.T], self._backward_inputs[backward.T]], axis=2
        )
        states = self._run(inputs)

        rows: list[int] = []
        positions: list[int] = []
        indexes: list[int] = []
        chars: list[str] = []
        for row, sentence in enumerate(sentences):
            for index, char in enumerate(sentence):
                if char in self._candidates:
                    rows.append(row)
                    positions.append(index + 1)  # after the sentence-start symbol
                    indexes.append(index)
                    chars.append(char)
        row_array = np.array(rows)
        position_array = np.array(positions)
        backward_positions = np.array(lengths)[row_array] - 1 - position_array
        features = np.concatenate(
            [
                states[position_array, row_array, :hidden],
                states[backward_positions, row_array, hidden:],
            ],
            axis=1,
        )
        logits = np.maximum(features @ self._layer0 + self._bias0, 0)
        logits = logits @ self._layer1 + self._bias1
        allowed = np.stack([self._masks[char] for char in chars])
        best = np.where(allowed, logits, -np.inf).argmax(axis=1)
        results: list[dict[int, str]] = [{} for _ in sentences]
        for row, index, choice in zip(rows, indexes, best.tolist(), strict=True):
            results[row][index] = self._classes[choice]
        return results

    def _run(self, inputs: np.ndarray) -> np.ndarray:
        """Both LSTM directions over `inputs` (steps, batch, 8 × hidden): every step's state.

        The state row holds the forward then the backward direction's hidden state;
        `_recurrent` is block-diagonal, so one product advances both.
        """
        steps, batch, _ = inputs.shape
        hidden = self._hidden_size
        state = np.zeros((batch, 2 * hidden), dtype=np.float32)
        cell = np.zeros((batch, 2, hidden), dtype=np.float32)
        states = np.empty((steps, batch, 2 * hidden), dtype=np.float32)
        for step in range(steps):
            gates = (inputs[step] + state @ self._recurrent).reshape(batch, 2, 4, hidden)
            squashed = np.tanh(gates * self._gate_scale)
            input_gate = 0.5 * squashed[:, :, 0] + 0.5
            forget_gate = 0.5 * squashed[:, :, 1] + 0.5
            output_gate = 0.5 * squashed[:, :, 3] + 0.5
            cell = forget_gate * cell + input_gate * squashed[:, :, 2]
            state = (output_gate * np.tanh(cell)).reshape(batch, 2 * hidden)
            states[step] = state
        return states


def _load(name: str) -> Any:
    with package_file(_PACKAGE, name).open("rb") as file:
        return _WeightsUnpickler(file).load()


class _WeightsUnpickler(pickle.Unpickler):
    """Reads g2pM's pickles, which hold dicts, strings and numpy arrays, and nothing else.

    The arrays were pickled with numpy 1's module path (numpy.core.multiarray), which numpy 2
    keeps only as a deprecated alias and a frozen app may not carry; numpy's own module is
    used instead. Any other class in the file is refused rather than imported.
    """

    def find_class(self, module: str, name: str) -> Any:
        if module == "numpy" and name in ("dtype", "ndarray"):
            return getattr(np, name)
        if module in ("numpy.core.multiarray", "numpy._core.multiarray") and name == "_reconstruct":
            try:
                from numpy._core.multiarray import _reconstruct
            except ImportError:  # numpy 1
                from numpy.core.multiarray import _reconstruct
            return _reconstruct
        raise pickle.UnpicklingError(f"g2pM's data holds an unexpected {module}.{name}")
