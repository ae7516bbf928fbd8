"""A non-editable install, run from an empty folder, finds the bundled checklist and templates."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, unpacked into its own folder (dependencies come
    from the test environment)."""
    base = tmp_path_factory.mktemp("install")
    wheels, target = base / "wheels", base / "site"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if build.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{build.stdout}\n{build.stderr}")
    [wheel] = wheels.glob("zhengwu-*.whl")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    return target


def run(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(installed), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "zhengwu_cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_wheel_carries_the_data(installed: Path) -> None:
    data = installed / "zhengwu_cli" / "data"
    assert (data / "checklists" / "2022.yaml").is_file()
    assert (data / "checklists" / "siping-units.yaml").is_file()
    assert (data / "templates").is_dir()


def test_runs_from_an_empty_folder(installed: Path, tmp_path: Path) -> None:
    result = run(installed, tmp_path, "list", "--unit", "市司法局", "--direct", "--format", "json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert [r["indicator"] for r in records] == [1, 2, 4, 5, 6, 7, 8, 9, 10, 16]
    where = run(installed, tmp_path, "--version")
    assert where.returncode == 0 and "zhengwu" in where.stdout
