"""Runtime Python dependencies of the plugin: which are missing, and how the user installs them.

Pure Python (no Qt, no QGIS): the plugin checks at load time, the CLI can check too. The list is read
from ``requirements.txt`` (shipped in the plugin folder; QPIP installs the same file), never typed twice.
Only the import name of a distribution is data here, where it differs from the distribution name.
"""

from __future__ import annotations

import importlib.util
import operator
import os
import platform as _platform
import re
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .i18n import translate
from .resources import PLUGIN_ROOT

REQUIREMENTS_FILE = PLUGIN_ROOT / "requirements.txt"

# distribution name (normalised) → import name, where they differ
IMPORT_NAMES = {
    "python-stdnum": "stdnum",
    "opening-hours-py": "opening_hours",
    "charset-normalizer": "charset_normalizer",
    "data-inclusion-schema": "data_inclusion",
    "pyyaml": "yaml",
    "python-dateutil": "dateutil",
}

_REQUIREMENT = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?P<extras>\[[^\]]*\])?\s*(?P<spec>[^;#]*)(?:;(?P<marker>.*))?$"
)
# one clause of a PEP 508 environment marker: the variables the requirements use, compared to a quoted value
_MARKER_CLAUSE = re.compile(r"^\s*(?P<var>[a-z_]+)\s*(?P<op><=|>=|==|!=|<|>)\s*[\"'](?P<value>[^\"']*)[\"']\s*$")
_MARKER_OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
               "==": operator.eq, "!=": operator.ne}


def _marker_environment() -> dict[str, str]:
    return {
        "python_version": f"{sys.version_info[0]}.{sys.version_info[1]}",
        "python_full_version": _platform.python_version(),
        "sys_platform": sys.platform,
        "platform_system": _platform.system(),
        "os_name": os.name,
    }


def marker_applies(marker: str, environment: dict[str, str] | None = None) -> bool:
    """Whether a requirement's environment marker (``python_version < "3.12"``, clauses joined by ``and`` or
    ``or``) holds for this Python. Versions compare as numbers; an unknown clause counts as true (pip decides)."""
    env = environment or _marker_environment()

    def clause(text: str) -> bool:
        match = _MARKER_CLAUSE.match(text)
        if not match or match.group("var") not in env:
            return True
        left, right = env[match.group("var")], match.group("value")
        if match.group("var").endswith("_version"):
            return _MARKER_OPS[match.group("op")](_version_tuple(left), _version_tuple(right))
        return _MARKER_OPS[match.group("op")](left, right)

    return any(all(clause(part) for part in alt.split(" and ")) for alt in marker.split(" or "))


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text)[:3])


@dataclass(frozen=True)
class Requirement:
    """One line of requirements.txt."""

    distribution: str
    specifier: str = ""
    # marked "# optional" in requirements.txt: a faster path, the plugin works without it
    optional: bool = False

    @property
    def module(self) -> str:
        """The top-level module the plugin imports."""
        key = self.distribution.lower().replace("_", "-")
        return IMPORT_NAMES.get(key, key.replace("-", "_").replace(".", "_"))

    @property
    def pip_argument(self) -> str:
        """The requirement as given to pip (quoted by :func:`pip_install_command` when needed)."""
        return f"{self.distribution}{self.specifier}"


def parse_requirements(lines: Iterable[str], environment: dict[str, str] | None = None) -> list[Requirement]:
    """Requirements of a requirements.txt text (comments, options and includes are skipped), those whose
    environment marker holds for this Python (``environment`` overrides the marker variables, for tests)."""
    requirements = []
    for raw in lines:
        line, _, comment = raw.partition("#")
        line = line.strip()
        if not line or line.startswith("-"):
            continue
        match = _REQUIREMENT.match(line)
        if match and (not match.group("marker") or marker_applies(match.group("marker"), environment)):
            spec = re.sub(r"\s+", "", match.group("spec"))
            optional = comment.strip().lower().startswith("optional")
            requirements.append(Requirement(match.group("name"), spec, optional))
    return requirements


def read_requirements(path: Path = REQUIREMENTS_FILE) -> list[Requirement]:
    """The runtime requirements of the plugin (empty when the file is absent)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return []
    return parse_requirements(text.splitlines())


def _is_importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def missing_requirements(
    requirements: Sequence[Requirement] | None = None,
    is_importable: Callable[[str], bool] = _is_importable,
) -> list[Requirement]:
    """The requirements whose module cannot be imported by this Python (optional ones excluded: see
    :func:`missing_optional_requirements`)."""
    if requirements is None:
        requirements = read_requirements()
    return [req for req in requirements if not req.optional and not is_importable(req.module)]


def missing_optional_requirements(
    requirements: Sequence[Requirement] | None = None,
    is_importable: Callable[[str], bool] = _is_importable,
) -> list[Requirement]:
    """The optional requirements (faster paths) whose module cannot be imported by this Python."""
    if requirements is None:
        requirements = read_requirements()
    return [req for req in requirements if req.optional and not is_importable(req.module)]


def _externally_managed() -> bool:
    """True when pip refuses to install outside a venv without --break-system-packages (PEP 668)."""
    stdlib = sysconfig.get_paths().get("stdlib", "")
    return bool(stdlib) and (Path(stdlib) / "EXTERNALLY-MANAGED").exists()


def pip_install_command(
    requirements: Sequence[Requirement],
    platform: str | None = None,
    externally_managed: bool | None = None,
) -> str:
    """The exact command that installs ``requirements`` for the Python of QGIS on this platform.

    * Linux: QGIS runs the system Python → ``python3 -m pip install --user …`` (with
      ``--break-system-packages`` where the system Python is marked externally managed, as on Debian 12);
    * Windows: in the OSGeo4W Shell shipped with QGIS → ``python -m pip install …``;
    * macOS: the Python inside QGIS.app.
    """
    platform = platform or sys.platform
    args = " ".join(_shell_quote(req.pip_argument) for req in requirements)
    if platform.startswith("win"):
        return f"python -m pip install {args}"
    if platform == "darwin":
        return f"/Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install --user {args}"
    if externally_managed is None:
        externally_managed = _externally_managed()
    flags = "--user --break-system-packages" if externally_managed else "--user"
    return f"python3 -m pip install {flags} {args}"


def _shell_quote(argument: str) -> str:
    return f'"{argument}"' if any(c in argument for c in "<>=!~ ;") else argument


def install_hint(requirements: Sequence[Requirement], platform: str | None = None) -> str:
    """A French sentence telling where to run the pip command (the command itself is separate)."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return translate(
            "Dependencies", "Close QGIS, open the OSGeo4W Shell (Start menu, QGIS folder) and run:"
        )
    if platform == "darwin":
        return translate("Dependencies", "Close QGIS, open the Terminal and run:")
    return translate("Dependencies", "Close QGIS, open a terminal and run:")


def optional_message(requirements: Sequence[Requirement], platform: str | None = None) -> str:
    """The user-facing note naming optional dependencies not installed and the command that installs them."""
    return _install_message(
        requirements,
        platform,
        translate("Dependencies", "Optional Python dependencies not installed: {names}."),
        translate("Dependencies", "Everything works without them; large CSV files are read and validated faster "
                                  "with them."),
    )


def missing_message(requirements: Sequence[Requirement], platform: str | None = None) -> str:
    """The user-facing message naming the missing dependencies and the command that installs them."""
    return _install_message(
        requirements,
        platform,
        translate("Dependencies", "Missing Python dependencies: {names}."),
        translate("Dependencies", "The features that need them are disabled until they are installed."),
    )


def _install_message(requirements: Sequence[Requirement], platform: str | None, title: str, effect: str) -> str:
    """``title`` (naming the distributions), what their absence means, where to run the pip command, the command."""
    names = ", ".join(req.distribution for req in requirements)
    hint, command = install_hint(requirements, platform), pip_install_command(requirements, platform)
    return " ".join((title.format(names=names), effect, hint, command))
