"""Input piano cannot read, time limits, Ctrl-C, and threads."""

from __future__ import annotations

import _thread
import threading
import time
from pathlib import Path

import pytest

import piano
from conftest import PLAN, command


def test_input_piano_cannot_read_raises_the_command_s_message(tmp_path: Path) -> None:
    cases = {
        "damaged.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer garbage",
        "binary.txt": bytes(range(256)) * 64,
        "empty.txt": b"",
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        run = command("extract", "--quiet", str(path))
        assert run.code == 1 and run.plan() is None, name
        with pytest.raises(piano.PianoError) as raised:
            piano.extract(str(path))
        assert str(raised.value) == run.error()
        assert isinstance(raised.value, ValueError)
        with pytest.raises(piano.PianoError) as from_bytes:
            piano.extract(content, name=name)
        assert str(from_bytes.value).startswith(f"{name}: ")


def test_a_missing_file_raises_piano_error() -> None:
    with pytest.raises(piano.PianoError, match="no-such-plan.pdf"):
        piano.extract("no-such-plan.pdf")


def long_plan() -> bytes:
    """A text plan that takes seconds to read: the fixture many times over."""
    return PLAN.read_bytes() * 400


def test_a_call_past_its_timeout_raises_timeout_error() -> None:
    started = time.monotonic()
    with pytest.raises(TimeoutError, match="time limit"):
        piano.extract(long_plan(), name="long.txt", timeout=0.2)
    assert time.monotonic() - started < 2


def test_ctrl_c_interrupts_a_long_call() -> None:
    timer = threading.Timer(0.3, _thread.interrupt_main)
    timer.start()
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            piano.extract(long_plan(), name="long.txt")
    finally:
        timer.cancel()
    assert time.monotonic() - started < 2


def test_bad_arguments_raise_value_error() -> None:
    with pytest.raises(ValueError, match="timeout"):
        piano.extract(PLAN, timeout=-1)
    with pytest.raises(TypeError):
        piano.extract(42)


def test_other_threads_run_while_a_plan_is_read() -> None:
    """The GIL is released for the whole call: the caller's other threads go on.

    How much faster two threads read than one is a benchmark
    (scripts/python-costs.py), not a test.
    """
    reading = threading.Event()
    done = threading.Event()

    def read_long_plan() -> None:
        reading.set()
        try:
            piano.extract(long_plan(), name="long.txt")
        finally:
            done.set()

    worker = threading.Thread(target=read_long_plan)
    worker.start()
    reading.wait()
    turns_while_reading = 0
    while not done.is_set():
        turns_while_reading += 1
        time.sleep(0.001)
    worker.join()
    assert turns_while_reading > 10
