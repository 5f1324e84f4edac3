"""kehoach.cli_coercion: plain option values skip typer's Pydantic adapters, with typer's results."""

from __future__ import annotations

import pytest

from kehoach import cli_coercion

typer_coercion = pytest.importorskip("typer._coercion", reason="this typer has no runtime coercion")
from typer import core  # noqa: E402
from typer.models import OptionInfo  # noqa: E402

VALUES = {
    str: ["json", "", " x ", "Tiếng Việt", 5, None],
    bool: [True, False, "true", "0", 1],
    int: ["0", "4", "12", "007", " 3", "+2", "-1", "1_000", "３", "x", "", 4, 2.0, True],
    float: ["0", "60", "2.5", "0.25", "1e3", ".5", "5.", "-1", "inf", "nan", "x", 60.0, 60, True],
    list[str]: [["a.docx", "b.pdf"], ("a", "b"), [], ("a", 1), "a"],
}


class _Param:  # what RuntimeParam.coerce reads of a click parameter
    def __init__(self, multi: bool) -> None:
        self.multiple = False
        self.nargs = -1 if multi else 1
        self.name = "x"
        self.opts = ["--x"]
        self.param_type_name = "option"
        self.human_readable_name = "--x"

    def get_error_hint(self, ctx):  # noqa: ARG002
        return "'--x'"


def _outcome(runtime, value, multi):
    try:
        out = runtime.coerce(value, param=_Param(multi), ctx=None)
        return ("ok", type(out), repr(out))  # repr: nan equals itself
    except Exception as exc:  # noqa: BLE001 - compared, whatever typer raises
        return ("error", type(exc), str(exc))


@pytest.mark.parametrize("annotation", list(VALUES))
def test_light_conversion_gives_typers_result_for_every_value(annotation):
    cli_coercion.install()
    light = core.build_runtime_param
    assert getattr(light, "_kehoach_light", False)
    descriptor = typer_coercion.resolve_type_descriptor(annotation, OptionInfo())
    runtime = light(descriptor)
    assert type(runtime).__name__ == "LightRuntimeParam"
    real = typer_coercion.build_runtime_param(descriptor)  # typer's own, through Pydantic
    multi = annotation == list[str]
    for value in VALUES[annotation]:
        assert _outcome(runtime, value, multi) == _outcome(real, value, multi), (annotation, value)


def test_parameters_with_checks_keep_typers_conversion():
    cli_coercion.install()
    ranged = typer_coercion.resolve_type_descriptor(int, OptionInfo(min=1))
    assert type(core.build_runtime_param(ranged)).__name__ != "LightRuntimeParam"


def test_install_twice_wraps_once():
    cli_coercion.install()
    first = core.build_runtime_param
    cli_coercion.install()
    assert core.build_runtime_param is first
