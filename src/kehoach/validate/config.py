"""Validator configuration: `[tool.kehoach]` in pyproject.toml, or a `kehoach.toml`.

Keys (in `[tool.kehoach]`, its sub-table `[tool.kehoach.validate]`, or at the top of
`kehoach.toml`; the sub-table wins)::

    select = ["ALL"]                 # rule names, codes, code prefixes ("KH1"), families
    ignore = ["mixed-tone-placement"]
    fail-on = "warning"              # error (default) | warning | info
    lang = "en"                      # vi (default) | en
    units = ["Văn phòng HĐND và UBND huyện"]   # known unit names (spelling reference)
    [tool.kehoach.severity]          # per-rule severity, or "off"
    task-no-timeline = "info"

The file is found by searching upward from the input's folder (or the working directory):
in each folder a `kehoach.toml` wins over a `pyproject.toml` that has a `[tool.kehoach]`
table. `--config PATH` names the file explicitly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..i18n import LANGS

if TYPE_CHECKING:  # pragma: no cover
    from ..models import Severity
    from .registry import Rule

MESSAGES = {
    "fail_on": {
        "vi": "fail-on: {value!r} không hợp lệ (error | warning | info)",
        "en": "fail-on: {value!r} (error | warning | info)",
    },
    "lang": {"vi": "lang: {value!r} không hợp lệ (vi | en)", "en": "lang: {value!r} (vi | en)"},
    "rule": {
        "vi": "không có quy tắc {value!r} (xem `kehoach rules`)",
        "en": "unknown rule: {value!r} (see `kehoach rules`)",
    },
    "level": {
        "vi": "mức độ của {rule}: {value!r} không hợp lệ (error | warning | info | off)",
        "en": "severity of {rule}: {value!r} (error | warning | info | off)",
    },
    "list": {"vi": "{value}: cần một danh sách chuỗi", "en": "{value}: expected a list of strings"},
    "severity": {
        "vi": 'severity: cần một bảng quy_tắc = "error|warning|info|off"',
        "en": 'severity: expected a table of rule = "error|warning|info|off"',
    },
    "missing": {"vi": "không tìm thấy tệp cấu hình", "en": "config file not found"},
    "unreadable": {"vi": "không đọc được tệp cấu hình ({value})", "en": "cannot read the config file ({value})"},
    "toml": {"vi": "TOML không hợp lệ ({value})", "en": "invalid TOML ({value})"},
    "table": {"vi": "[tool.kehoach] phải là một bảng", "en": "[tool.kehoach] must be a table"},
}


class ConfigError(Exception):
    """A usage problem: bad config file, unknown rule, bad severity (exit code 2)."""

    def __init__(self, key: str, where: str = "", **details: object) -> None:
        self.key, self.where, self.details = key, where, details
        super().__init__(self.message("en"))

    def message(self, lang: str = "vi") -> str:
        entry = MESSAGES[self.key]
        text = (entry.get(lang) or entry["vi"]).format(**self.details)
        return f"{self.where}: {text}" if self.where else text

    def at(self, where: object) -> ConfigError:
        return ConfigError(self.key, str(where), **self.details)


@dataclass
class Config:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # rule name -> severity or "off"
    fail_on: str = "error"
    lang: str = "vi"
    units: list[str] = field(default_factory=list)
    ocr: bool = False  # OCR scanned PDFs (also used by `parse`)
    path: Path | None = None  # the file it came from
    against: Any = field(default=None, repr=False, compare=False)  # copies.Index of --against plans

    def __post_init__(self) -> None:
        self.check()

    def check(self) -> None:
        # checking a selector needs the catalog's metadata, not the rule modules; imported here,
        # with tomllib below, so `kehoach parse` asking for `ocr` with no config file loads neither
        from .catalog import RANK
        from .catalog import expand as known

        if self.fail_on not in RANK:
            raise ConfigError("fail_on", value=self.fail_on)
        if self.lang not in LANGS:
            raise ConfigError("lang", value=self.lang)
        for selector in [*self.select, *self.ignore]:
            if not known(selector):
                raise ConfigError("rule", value=selector)
        for name, level in list(self.severity.items()):
            rules = known(name)
            if not rules:
                raise ConfigError("rule", value=name)
            if level not in (*RANK, "off"):
                raise ConfigError("level", rule=name, value=level)

    def enabled(self) -> list[Rule]:
        """The rules to run, in code order."""
        from .registry import all_rules, expand

        chosen = {r.name for s in self.select for r in expand(s)}
        dropped = {r.name for s in self.ignore for r in expand(s)}
        dropped |= {r.name for s, level in self.severity.items() if level == "off" for r in expand(s)}
        return [r for r in all_rules() if r.name in chosen and r.name not in dropped]

    def severity_of(self, rule: Rule) -> Severity | None:
        """The configured severity of a rule, None when left at the default."""
        from .registry import expand

        for selector, level in self.severity.items():
            if level != "off" and rule in expand(selector):
                return cast("Severity", level)  # checked against SEVERITIES when the config was read
        return None

    def merged(
        self,
        *,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        fail_on: str | None = None,
        lang: str | None = None,
    ) -> Config:
        """Command-line options over the file: --select replaces, --ignore adds."""
        return Config(
            select=select if select else list(self.select),
            ignore=[*self.ignore, *(ignore or [])],
            severity=dict(self.severity),
            fail_on=fail_on or self.fail_on,
            lang=lang or self.lang,
            units=list(self.units),
            ocr=self.ocr,
            path=self.path,
            against=self.against,
        )


def _as_list(value: Any, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise ConfigError("list", value=key)


def from_table(table: dict[str, Any], path: Path | None = None) -> Config:
    """A Config from the `[tool.kehoach]` table (or a kehoach.toml document)."""
    data = dict(table)
    sub = data.get("validate")
    if isinstance(sub, dict):
        data.update(sub)
    severity = data.get("severity") or {}
    if not isinstance(severity, dict) or not all(isinstance(v, str) for v in severity.values()):
        raise ConfigError("severity")
    try:
        return Config(
            select=_as_list(data.get("select"), "select") or ["ALL"],
            ignore=_as_list(data.get("ignore"), "ignore"),
            severity={k: v.lower() for k, v in severity.items()},
            fail_on=str(data.get("fail-on", data.get("fail_on", "error"))).lower(),
            lang=str(data.get("lang", "vi")).lower(),
            units=_as_list(data.get("units"), "units"),
            ocr=bool(data.get("ocr", False)),
            path=path,
        )
    except ConfigError as exc:
        raise (exc.at(path) if path else exc) from None


def read(path: Path) -> Config:
    """Read one config file (kehoach.toml, or pyproject.toml's [tool.kehoach])."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("missing", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError("unreadable", str(path), value=exc) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("toml", str(path), value=exc) from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("kehoach", {})
    else:
        table = data.get("tool", {}).get("kehoach", data) if "tool" in data else data
    if not isinstance(table, dict):
        raise ConfigError("table", str(path))
    return from_table(table, path)


def find(start: Path) -> Path | None:
    """The nearest kehoach.toml, or pyproject.toml with [tool.kehoach], from `start` upward."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "kehoach.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            import tomllib

            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if isinstance(data.get("tool"), dict) and "kehoach" in data["tool"]:
                return pyproject
    return None


def load_config(explicit: str | Path | None = None, start: str | Path | None = None) -> Config:
    """The explicit file, else the nearest one above `start` (or the cwd), else defaults."""
    if explicit:
        return read(Path(explicit))
    found = find(Path(start) if start else Path.cwd())
    return read(found) if found else Config()
