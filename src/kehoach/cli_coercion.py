"""Command-line values converted without Pydantic when they are plain (start-up time).

Recent typer versions convert every option value through a Pydantic `TypeAdapter`, built on
first use: any command that runs (`kehoach rules` too) imported Pydantic and built an adapter
per option, about as long as the rest of the start-up together. Our options are only `str`,
`int`, `float`, `bool` and `list[str]` with no parser, range, choice or path checks, so a
value that is already what the adapter would return is taken as it is here: a `str`, a
`bool`, a `list` or `tuple` of `str`, an `int` given as plain decimal digits, a `float` given as
digits with an optional fraction. Anything else (a malformed number, a value of another type,
a parameter with checks) goes to typer's own conversion, so its result and its error message
are typer's. Versions of typer without that machinery are left alone.
"""

from __future__ import annotations

import dataclasses
from typing import Any

_PLAIN = (str, bool, int, float, list[str])


def _is_int(text: str) -> bool:
    return text.isascii() and text.isdigit() and (text == "0" or text[0] != "0")


def _is_float(text: str) -> bool:
    whole, dot, frac = text.partition(".")
    return _is_int(whole) and (not dot or (frac.isascii() and frac.isdigit()))


def _plain_value(annotation: Any, value: Any) -> tuple[bool, Any]:
    """(True, converted) when `value` needs no conversion beyond what is obvious."""
    kind = type(value)
    if annotation is str:
        return kind is str, value
    if annotation is bool:  # a flag's value is a bool already; typer converts anything else
        return kind is bool, value
    if annotation is int:
        if kind is int:
            return True, value
        return (True, int(value)) if kind is str and _is_int(value) else (False, None)
    if annotation is float:
        if kind is float:
            return True, value
        return (True, float(value)) if kind is str and _is_float(value) else (False, None)
    if kind in (list, tuple) and all(type(item) is str for item in value):  # list[str]
        return True, list(value)
    return False, None


def install() -> None:
    """Route plain parameters of every typer command in this process past Pydantic."""
    try:
        from typer import _coercion, core
    except ImportError:  # typer without runtime coercion: it never imports Pydantic
        return
    found = getattr(core, "build_runtime_param", None)
    base = getattr(_coercion, "RuntimeParam", None)
    if found is None or base is None or getattr(found, "_kehoach_light", False):
        return
    build: Any = found  # typer's own: for everything that is not plain

    @dataclasses.dataclass(frozen=True)
    class LightRuntimeParam(base):  # type: ignore[valid-type,misc]
        descriptor: Any = None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            plain, converted = _plain_value(self.annotation, value)
            if plain:
                return converted
            return build(self.descriptor)._coerce_value(value, param=param, ctx=ctx)

    def light(descriptor: Any) -> Any:
        info = descriptor.parameter_info
        if (
            descriptor.annotation in _PLAIN
            and descriptor.file_annotation is None
            and getattr(info, "parser", None) is None
            and getattr(info, "click_type", None) is None
            and getattr(info, "min", None) is None
            and getattr(info, "max", None) is None
            and not getattr(info, "path_type", None)
            and not descriptor.is_choice
            and not descriptor.is_path
        ):
            return LightRuntimeParam(parameter_info=info, annotation=descriptor.annotation, descriptor=descriptor)
        return build(descriptor)

    light._kehoach_light = True  # type: ignore[attr-defined]
    core.build_runtime_param = light
