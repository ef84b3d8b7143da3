"""Sets of record positions as Python integers (bit i = record i): AND, OR and counts in microseconds."""

from __future__ import annotations

from typing import Iterable

import numpy as np


def popcount(bits: int) -> int:
    """How many records a bitset holds."""
    try:
        return bits.bit_count()
    except AttributeError:  # Python < 3.10
        return bin(bits).count("1")


def full(size: int) -> int:
    """The bitset of all ``size`` records."""
    return (1 << size) - 1


def from_mask(mask: np.ndarray) -> int:
    """Bitset of the True positions of a boolean array."""
    if mask.size == 0:
        return 0
    packed = np.packbits(np.asarray(mask, dtype=bool), bitorder="little")
    return int.from_bytes(packed.tobytes(), "little")


def from_indices(indices: Iterable[int], size: int) -> int:
    mask = np.zeros(size, dtype=bool)
    positions = np.fromiter(indices, dtype=np.int64)
    if positions.size:
        mask[positions] = True
    return from_mask(mask)


def to_mask(bits: int, size: int) -> np.ndarray:
    """Boolean array of length ``size`` from a bitset."""
    if size == 0:
        return np.zeros(0, dtype=bool)
    raw = bits.to_bytes((size + 7) // 8, "little")
    return np.unpackbits(np.frombuffer(raw, dtype=np.uint8), bitorder="little")[:size].astype(bool)


def to_indices(bits: int, size: int) -> np.ndarray:
    """Sorted positions held by a bitset."""
    return np.flatnonzero(to_mask(bits, size))
