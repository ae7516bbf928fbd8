"""One base model for every file the tool reads, one walk over a model by path, and one
declaration of the output options."""

from __future__ import annotations

import inspect
import subprocess
import sys

import click
import pytest
from pydantic import BaseModel, ValidationError

from zhengwu_cli import deadlines, model, units
from zhengwu_cli.cli.query import list_, show
from zhengwu_cli.cli.query import units as units_command
from zhengwu_cli.ledger import model as ledger_model
from zhengwu_cli.load import Loaded
from zhengwu_cli.strict import Strict, walk

from .conftest import CHECKLIST


@pytest.mark.parametrize("module", [model, units, deadlines, ledger_model])
def test_every_model_read_from_yaml_derives_from_the_one_strict_base(module: object) -> None:
    classes = [
        c
        for _name, c in inspect.getmembers(module, inspect.isclass)
        if issubclass(c, BaseModel) and c.__module__ == module.__name__  # type: ignore[attr-defined]
    ]
    assert classes
    assert all(issubclass(c, Strict) for c in classes), [
        c for c in classes if not issubclass(c, Strict)
    ]


def test_the_registry_forbids_unknown_keys_as_the_checklist_does() -> None:
    with pytest.raises(ValidationError) as caught:
        units.Unit.model_validate({"name": "市司法局", "kind": "department", "alias": ["x"]})
    assert caught.value.errors()[0]["type"] == "extra_forbidden"


def test_walk_gives_every_model_object_with_its_path(loaded: Loaded) -> None:
    checklist = loaded.checklist
    found = {id(obj): where for where, obj in walk(checklist)}
    for gi, goal in enumerate(checklist.goals):
        assert found[id(goal)] == ("goals", gi)
        for ti, task in enumerate(goal.tasks):
            for ii, indicator in enumerate(task.indicators):
                at = ("goals", gi, "tasks", ti, "indicators", ii)
                assert found[id(indicator)] == at
                assert found[id(indicator.units)] == (*at, "units")
                for mi, measure in enumerate(indicator.measures.items):
                    assert found[id(measure)] == (*at, "measures", "items", mi)
    # the paths are the YAML's: each indicator's path is located at its own `number:` line
    first = checklist.goals[0].tasks[0].indicators[0]
    line, _col = loaded.positions.of(found[id(first)])
    text = loaded.path.read_text(encoding="utf-8").splitlines()[line - 1]
    assert f"number: {first.number}" in text


def _options(command: click.Command) -> dict[str, list[str]]:
    return {p.name or "": p.opts for p in command.params if isinstance(p, click.Option)}


def test_the_output_options_are_declared_once_for_list_units_and_show() -> None:
    listed = _options(list_)
    assert listed["fmt"] == ["--format", "-f"]
    assert listed["output"] == ["--output", "-o"]
    assert listed["force"] == ["--force"]
    assert _options(units_command)["fmt"] == ["--format", "-f"]
    assert "output" not in _options(units_command)
    assert _options(show)["fmt"] == ["--format", "-f"]


def test_models_are_built_when_first_used_not_on_import() -> None:
    # defer_build (strict.Strict): a command pays only for the models it reads
    code = (
        "import zhengwu_cli.load as load\n"
        "from zhengwu_cli.ledger.model import Ledger\n"
        "from zhengwu_cli.model import Checklist\n"
        "assert not Checklist.__pydantic_complete__ and not Ledger.__pydantic_complete__\n"
        f"load.load(load.Path({str(CHECKLIST)!r}))\n"
        "assert Checklist.__pydantic_complete__ and not Ledger.__pydantic_complete__\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
