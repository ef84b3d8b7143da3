"""A loopback fake of the three read APIs and the Cartographie write endpoint, for offline tests and the bench."""

from .server import FakeApi, Fault

__all__ = ["FakeApi", "Fault"]
