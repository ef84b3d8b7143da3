"""Saved mapping profiles: a user folder and the project's folder, matched against a file's header (pure Python).

A profile is one ``<name>.config.json`` file (mednum-cli's own file name), so a Hub can drop mednum-cli's
configurations into the folder as they are. The folders are given by the caller: in QGIS, the user folder is
``<QGIS profile>/lieux_mednum/correspondances`` and the project folder ``correspondances/`` beside the project file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .profile import Profile, ProfileError, load_profile, save_profile

SUFFIX = ".config.json"


@dataclass(frozen=True)
class StoredProfile:
    name: str
    path: Path
    folder_kind: str  # "user" or "project"


def profile_file_name(name: str) -> str:
    """``Hub du Sud (2024)`` → ``hub-du-sud-2024.config.json`` (mednum-cli's naming of sources)."""
    import unicodedata

    text = unicodedata.normalize("NFKD", name.strip().lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "correspondance"
    return slug + SUFFIX


class ProfileStore:
    """The profiles of a user folder and (optionally) a project folder."""

    def __init__(self, user_folder: str | Path, project_folder: str | Path | None = None):
        self.user_folder = Path(user_folder)
        self.project_folder = Path(project_folder) if project_folder else None

    def folders(self) -> list[tuple[str, Path]]:
        folders = [("project", self.project_folder)] if self.project_folder else []
        return [*folders, ("user", self.user_folder)]

    def list(self) -> list[StoredProfile]:
        found = []
        for kind, folder in self.folders():
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*" + SUFFIX)):
                found.append(StoredProfile(path.name[: -len(SUFFIX)], path, kind))
        return found

    def load(self, stored: StoredProfile) -> Profile:
        return load_profile(stored.path)

    def save(self, profile: Profile, name: str, kind: str = "user") -> Path:
        folder = self.project_folder if kind == "project" and self.project_folder else self.user_folder
        profile.set_extras(nom=name)
        return save_profile(profile, folder / profile_file_name(name))

    def best_for_header(self, header: Sequence[str], minimum: float = 0.6) -> tuple[StoredProfile, float] | None:
        """The saved profile that fits a header best: the share of the columns it reads found in the header
        (its saved header counts too), or None below ``minimum``."""
        names = set(header)
        best: tuple[StoredProfile, float] | None = None
        for stored in self.list():
            try:
                profile = self.load(stored)
            except ProfileError:
                continue
            score = header_fit(profile, names)
            if score >= minimum and (best is None or score > best[1]):
                best = (stored, score)
        return best


def header_fit(profile: Profile, header: set[str]) -> float:
    """How well a profile fits a header (0–1): columns read that exist, and the saved header's overlap."""
    columns = profile.columns()
    if not columns:
        return 0.0

    def present(name: str) -> bool:
        if name in header:
            return True
        base, dot, index = name.rpartition(".")
        return bool(dot and index.isdigit() and base in header)

    used = sum(1 for name in columns if present(name)) / len(columns)
    saved = profile.header
    if saved:
        overlap = len(set(saved) & header) / len(set(saved) | header)
        return (used + overlap) / 2
    return used
