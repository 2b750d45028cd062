"""extract() and check() against the `piano` command, on every fixture."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import piano
from conftest import PLAN, ROOT, command, inputs, relative

INPUTS = inputs()


@pytest.fixture(autouse=True)
def from_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths are given as the command is given them, from the root."""
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("path", INPUTS, ids=relative)
def test_extract_equals_the_command_on_every_fixture(path: Path) -> None:
    run = command("extract", "--quiet", relative(path))
    expected = run.plan()
    if expected is None:
        with pytest.raises(piano.PianoError) as raised:
            piano.extract(relative(path))
        assert str(raised.value) == run.error()
    else:
        assert piano.extract(relative(path)) == expected


def test_a_plan_with_staff_names_equals_the_command() -> None:
    run = command("extract", "--quiet", "--include-staff", relative(PLAN))
    assert piano.extract(relative(PLAN), include_staff=True) == run.plan()


def test_an_unreadable_plan_is_returned_as_the_command_writes_it() -> None:
    unreadable = []
    for path in INPUTS:
        run = command("extract", "--quiet", relative(path))
        if run.code == 1 and run.plan() is not None:
            unreadable.append((path, run.plan()))
        if len(unreadable) == 2:
            break
    assert unreadable, "no fixture is read as unreadable"
    for path, plan in unreadable:
        got = piano.extract(relative(path))
        assert got["quality"]["verdict"] == "unreadable"
        assert got == plan


def test_bytes_with_their_name_give_the_plan_of_the_path() -> None:
    pdf = ROOT / "fixtures" / "pdf" / "portoferraio-2021.libreoffice.pdf"
    for path in (PLAN, pdf):
        from_bytes = piano.extract(path.read_bytes(), name=path.name)
        assert from_bytes == piano.extract(path)


def test_bytes_without_a_name_are_named_as_standard_input() -> None:
    run_input = PLAN.read_bytes()
    plan = piano.extract(run_input)
    assert plan["source"]["file"] == "-"


def test_a_path_like_is_a_path() -> None:
    assert piano.extract(PLAN) == piano.extract(os.fspath(PLAN))


def test_check_gives_the_diagnostics() -> None:
    diagnostics = piano.check(PLAN)
    assert diagnostics == piano.extract(PLAN)["diagnostics"]
    assert diagnostics and {"level", "code", "message"} <= diagnostics[0].keys()


def test_a_layout_profile_is_read_as_the_command_reads_it() -> None:
    profile = ROOT / "fixtures" / "profiles" / "ufficio-table.toml"
    plan = ROOT / "fixtures" / "profiles" / "capraia-isola-2022.txt"
    run = command("extract", "--quiet", "--profile", relative(profile), relative(plan))
    assert piano.extract(relative(plan), profiles=[relative(profile)]) == run.plan()


def test_ocr_modes_are_the_commands() -> None:
    run = command("extract", "--quiet", "--ocr", "never", relative(PLAN))
    assert piano.extract(PLAN, ocr="never") == run.plan()
    scan = ROOT / "fixtures" / "ocr" / "fidenza-2023-page1.png"
    with pytest.raises(piano.PianoError, match="--ocr"):
        piano.extract(scan, ocr="never")
    with pytest.raises(ValueError):
        piano.extract(PLAN, ocr="sometimes")
