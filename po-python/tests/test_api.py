"""The one API (issue 14): Python has every operation of tests/api.txt that is not Kotlin's
alone, and every public name of the package is on that list (Kotlin checks the same file in
po-ffi/jvm/src/test/kotlin/se/po/ffi/tests/ApiTest.kt)."""

import pathlib

import personligt_ombud as po

API = pathlib.Path(__file__).resolve().parents[2] / "tests" / "api.txt"


def entries():
    """(language or None, kind, name) for every line: kind is fn, type or member."""
    out = []
    for line in API.read_text(encoding="utf-8").splitlines():
        line = line.split(":", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        words = line.split()
        language = words.pop(0) if words[0] in ("python", "kotlin") else None
        kind = words[0] if words[0] in ("fn", "type") else "member"
        out.append((language, kind, words[-1]))
    return out


def test_python_has_every_operation_on_the_list():
    missing = []
    for language, kind, name in entries():
        if language == "kotlin":
            continue
        if kind == "member":
            owner, member = name.split(".")
            ok = hasattr(getattr(po, owner, None), member)
        else:
            ok = hasattr(po, name)
        if not ok:
            missing.append(name)
    assert missing == []


def test_every_public_python_name_is_on_the_list():
    listed = {name for language, kind, name in entries() if kind != "member" and language != "kotlin"}
    assert sorted(set(po.__all__) - listed - {"__version__"}) == []


def test_the_list_names_kotlin_only_operations_python_lacks():
    # A line marked kotlin must really be missing from Python (or the mark is stale).
    stale = []
    for language, kind, name in entries():
        if language != "kotlin":
            continue
        if kind == "member":
            owner, member = name.split(".")
            present = hasattr(getattr(po, owner, None), member)
        else:
            present = name in po.__all__
        if present:
            stale.append(name)
    assert stale == []
