"""Where --output cannot go, and what it keeps: one stderr line and exit 2 for a target that
is not a regular file or a new path, a failed write that leaves nothing behind, and the
mode an ordinary `>` would give. Through the real CLI, in subprocesses."""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

TCHAD = " date 2024-03 Le 12 février, le Tchad a envoyé 150 soldats au Niger.\n"
BENIN = "Le 9 juin dernier, le Bénin a fermé sa frontière avec le Togo.\n"


def cli(*args: str, cwd: Path, stdout: int | object = subprocess.PIPE, preexec=None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nigerfacts", "extract", *args], cwd=cwd,
                          stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=600,
                          stdin=subprocess.DEVNULL, preexec_fn=preexec)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TCHAD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BENIN, encoding="utf-8")
    return tmp_path


def names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


@pytest.mark.parametrize(("target", "reason"), [
    ("sub", "is a directory"),
    ("", "--output: '.' is not a file name"),
    ("/dev/null", "not a regular file"),
    ("/proc/nigerfacts-test", "cannot write: no such file or directory"),
    ("missing/out.json", "no such directory"),
])
def test_an_output_that_cannot_be_a_file_is_one_line_and_exit_2(inputs, target, reason):
    (inputs / "sub").mkdir()
    proc = cli("a.txt", "b.txt", "-f", "jsonl", "-o", target, cwd=inputs)
    assert proc.returncode == 2
    said = reason if reason.startswith("--output") else f"{target}: {reason}"
    assert proc.stderr.splitlines() == [f"nigerfacts: {said}"]
    assert proc.stdout == ""
    assert names(inputs) == ["a.txt", "b.txt", "sub"]
    assert list((inputs / "sub").iterdir()) == []
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_to_dev_stdout_when_stdout_is_a_pipe_is_refused(inputs):
    proc = cli("a.txt", "-f", "jsonl", "-o", "/dev/stdout", cwd=inputs)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == ["nigerfacts: /dev/stdout: not a regular file"]
    assert names(inputs) == ["a.txt", "b.txt"]


def test_output_to_dev_stdout_when_stdout_is_a_file_writes_that_file(inputs, tmp_path_factory):
    shell_file = tmp_path_factory.mktemp("shell") / "out.jsonl"
    with shell_file.open("w") as handle:
        proc = cli("a.txt", "b.txt", "-f", "jsonl", "-o", "/dev/stdout", cwd=inputs,
                   stdout=handle)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in shell_file.read_text().splitlines()]
    assert [r["source"] for r in records] == ["a.txt", "b.txt"]
    assert [p.name for p in shell_file.parent.iterdir()] == ["out.jsonl"]


def _small_file_limit() -> None:
    """As a full disk would: writes past 200 bytes fail (EFBIG, not a killing SIGXFSZ)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))


def test_a_write_that_fails_midway_is_one_line_exit_2_and_leaves_the_old_file(inputs):
    (inputs / "out.jsonl").write_text("previous run\n")
    proc = cli("a.txt", "b.txt", "-f", "jsonl", "-o", "out.jsonl", cwd=inputs,
               preexec=_small_file_limit)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == ["nigerfacts: out.jsonl: cannot write: file too large"]
    assert (inputs / "out.jsonl").read_text() == "previous run\n"
    assert names(inputs) == ["a.txt", "b.txt", "out.jsonl"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_output_file_has_the_mode_the_umask_gives(inputs, umask, mode):
    proc = cli("a.txt", "-f", "jsonl", "-o", "out.jsonl", cwd=inputs,
               preexec=lambda: os.umask(umask))
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE((inputs / "out.jsonl").stat().st_mode) == mode


def test_an_existing_output_file_keeps_its_mode(inputs):
    out = inputs / "out.jsonl"
    out.write_text("previous run\n")
    out.chmod(0o640)
    proc = cli("a.txt", "-f", "jsonl", "-o", "out.jsonl", cwd=inputs,
               preexec=lambda: os.umask(0o077))
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert json.loads(out.read_text())["source"] == "a.txt"


def test_output_through_a_symbolic_link_replaces_the_file_it_points_to(inputs):
    real = inputs / "real.jsonl"
    real.write_text("previous run\n")
    (inputs / "link.jsonl").symlink_to("real.jsonl")
    proc = cli("a.txt", "-f", "jsonl", "-o", "link.jsonl", cwd=inputs)
    assert proc.returncode == 0, proc.stderr
    assert (inputs / "link.jsonl").is_symlink()
    assert json.loads(real.read_text())["source"] == "a.txt"
