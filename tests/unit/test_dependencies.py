"""Runtime dependency check: parse requirements.txt, find what is missing, give the exact pip command."""

from __future__ import annotations

import sys

from plugin.core.dependencies import (
    Requirement,
    missing_message,
    missing_optional_requirements,
    missing_requirements,
    optional_message,
    parse_requirements,
    pip_install_command,
    read_requirements,
)
from plugin.core.i18n import use_language


def test_parse_requirements_skips_comments_options_and_keeps_specifiers():
    text = """# runtime
numpy<2
python-stdnum>=1.20  # SIRET
-r other.txt
--find-links /x
opening-hours-py >= 1.1, <3
Foo_Bar[extra]==1.0 ; python_version > "3.8"
"""
    assert parse_requirements(text.splitlines()) == [
        Requirement("numpy", "<2"),
        Requirement("python-stdnum", ">=1.20"),
        Requirement("opening-hours-py", ">=1.1,<3"),
        Requirement("Foo_Bar", "==1.0"),
    ]


def test_environment_markers_keep_the_requirements_of_this_python():
    text = [
        'numpy<2; python_version < "3.12"',
        'numpy>=1.26; python_version >= "3.12"',
        'pyarrow>=15; python_version >= "3.12" and sys_platform == "linux"  # optional',
        'winonly>=1; sys_platform == "win32" or python_version == "3.1"',
    ]
    bookworm = {"python_version": "3.11", "sys_platform": "linux"}
    trixie = {"python_version": "3.13", "sys_platform": "linux"}
    assert parse_requirements(text, bookworm) == [Requirement("numpy", "<2")]
    assert parse_requirements(text, trixie) == [Requirement("numpy", ">=1.26"), Requirement("pyarrow", ">=15", True)]
    # versions compare as numbers, not as text ("3.9" < "3.12")
    assert parse_requirements(text, {"python_version": "3.9", "sys_platform": "win32"}) == [
        Requirement("numpy", "<2"), Requirement("winonly", ">=1")]


def test_the_plugins_requirements_name_each_distribution_once_for_this_python():
    names = [req.distribution.lower() for req in read_requirements()]
    assert len(names) == len(set(names)), names
    numpy = next(req for req in read_requirements() if req.distribution == "numpy")
    assert numpy.specifier == ("<2" if sys.version_info < (3, 12) else ">=1.26")


def test_import_names_of_the_plugins_requirements():
    modules = {req.distribution: req.module for req in read_requirements()}
    assert modules["python-stdnum"] == "stdnum"
    assert modules["opening-hours-py"] == "opening_hours"
    assert modules["phonenumbers"] == "phonenumbers"
    assert modules["charset-normalizer"] == "charset_normalizer"


def test_every_runtime_requirement_is_importable_here():
    assert missing_requirements() == []


def test_optional_requirements_are_marked_and_never_reported_as_missing():
    reqs = parse_requirements(["pyarrow>=15,<25  # optional: a faster path", "phonenumbers>=8.13  # phones"])
    assert reqs == [Requirement("pyarrow", ">=15,<25", optional=True), Requirement("phonenumbers", ">=8.13")]
    absent = lambda module: False  # noqa: E731
    assert missing_requirements(reqs, is_importable=absent) == [reqs[1]]
    assert missing_optional_requirements(reqs, is_importable=absent) == [reqs[0]]
    use_language("fr")
    message = optional_message([reqs[0]], "linux")
    assert "pyarrow" in message and "Tout fonctionne sans" in message and "pip install" in message


def test_the_plugins_fast_path_dependency_is_optional():
    assert [req.distribution for req in read_requirements() if req.optional] == ["pyarrow", "python-calamine"]


def test_missing_requirements_uses_the_import_name():
    reqs = [Requirement("python-stdnum", ">=1.20"), Requirement("phonenumbers", ">=8.13")]
    missing = missing_requirements(reqs, is_importable=lambda module: module != "stdnum")
    assert missing == [reqs[0]]


def test_pip_commands_per_platform():
    reqs = [Requirement("python-stdnum", ">=1.20"), Requirement("rapidfuzz")]
    assert (
        pip_install_command(reqs, "linux", externally_managed=True)
        == 'python3 -m pip install --user --break-system-packages "python-stdnum>=1.20" rapidfuzz'
    )
    assert pip_install_command(reqs, "linux", externally_managed=False) == (
        'python3 -m pip install --user "python-stdnum>=1.20" rapidfuzz'
    )
    assert pip_install_command(reqs, "win32") == 'python -m pip install "python-stdnum>=1.20" rapidfuzz'
    assert pip_install_command(reqs, "darwin").startswith("/Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip")


def test_missing_message_names_the_dependency_and_the_command():
    use_language("fr")
    message = missing_message([Requirement("phonenumbers", ">=8.13")], "win32")
    assert "phonenumbers" in message
    assert 'python -m pip install "phonenumbers>=8.13"' in message
    assert "OSGeo4W" in message


def test_metadata_tells_the_plugin_repository_about_the_external_dependencies(repo_root):
    """plugins.qgis.org asks plugins to state their external dependencies in the about field."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(repo_root / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    for key in ("about", "about[fr]"):
        assert "requirements.txt" in general[key] and "python-stdnum" in general[key]
    assert general["hasProcessingProvider"] == "yes"
