"""The public output models. Their JSON keys are a contract (see README, eval/README.md).

Every model defers building its Pydantic schema (validator and serializer) to its first use
(`defer_build`): `kehoach parse` builds its models with `model_construct` (the plan builder
makes them from parsed blocks, valid by construction; tests/test_output_schema.py validates
the output against the schema) and writes JSON with `export.json_out.plan_data`, so a parse
never pays for building the schemas (a sixth of the process's start-up). Validating,
`model_dump` or `model_json_schema` build them when first asked, as before.
"""

from __future__ import annotations

from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION = "1.0"

Severity = Literal["error", "warning", "info"]
Origin = Literal["appendix", "body", "assignment"]
SectionStyle = Literal["roman", "decimal", "letter", "paren", "bullet"]


# per model class: (name, default factory, default, required) of each field, worked out once
_FIELDS: dict[type, list[tuple[str, Any, Any, bool]]] = {}
_IMMUTABLE = (type(None), str, int, float, bool)


class _Model(BaseModel):
    model_config = ConfigDict(defer_build=True)

    @classmethod
    def model_construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Self:  # type: ignore[override]
        """Pydantic's `model_construct`, for models without aliases or extra fields, with each
        field's default looked up once per class: Pydantic's own asks `inspect.signature` of
        every default factory on every call (~75 µs for `list`), which made constructing a
        Task cost a hundred times validating one. Same instance: fields in order, defaults
        (factories called, immutable defaults shared), fields set, private attributes
        initialised (tests/test_output_schema.py compares the two)."""
        spec = _FIELDS.get(cls)
        if spec is None:
            spec = _FIELDS[cls] = _field_spec(cls)
        data: dict[str, Any] = {}
        fields_set: set[str] = set()
        for name, factory, default, required in spec:
            if name in values:
                data[name] = values[name]
                fields_set.add(name)
            elif factory is not None:
                data[name] = factory()
            elif not required:
                data[name] = default
        m = cls.__new__(cls)
        object.__setattr__(m, "__dict__", data)
        object.__setattr__(m, "__pydantic_fields_set__", fields_set if _fields_set is None else _fields_set)
        object.__setattr__(m, "__pydantic_extra__", None)
        object.__setattr__(m, "__pydantic_private__", None)
        if cls.__pydantic_post_init__:
            m.model_post_init(None)
            if m.__pydantic_private__ is not None:
                for key, value in values.items():
                    if key in m.__private_attributes__:
                        m.__pydantic_private__[key] = value
        return m


def _field_spec(cls: type[BaseModel]) -> list[tuple[str, Any, Any, bool]]:
    spec = []
    for name, info in cls.__pydantic_fields__.items():
        if info.alias is not None or info.validation_alias is not None or info.default_factory_takes_validated_data:
            raise TypeError(f"{cls.__name__}.{name}: model_construct here knows no aliases or data factories")
        if info.default_factory is None and not info.is_required() and not isinstance(info.default, _IMMUTABLE):
            raise TypeError(f"{cls.__name__}.{name}: a mutable default would be shared")
        spec.append((name, info.default_factory, info.default, info.is_required()))
    if cls.model_config.get("extra") == "allow":
        raise TypeError(f"{cls.__name__}: extra fields allowed")
    return spec


class Location(_Model):
    """Provenance of a task, section, reference or finding."""

    model_config = ConfigDict(extra="forbid")  # defer_build: inherited from _Model

    line: int | None = Field(
        None, description="1-based source line (TXT), paragraph index (DOCX) or line on the page (PDF)"
    )
    page: int | None = None
    page_approx: bool | None = Field(None, description="True when the page number is estimated")
    table: int | None = Field(None, description="1-based table index in the document")
    row: int | None = Field(None, description="1-based row in that table")
    col: int | None = None
    block: int | None = Field(None, description="0-based index of the block in the parsed document")
    source: str | None = Field(None, description="text | docx | pdf | ocr")


class Signer(_Model):
    authority: str | None = Field(
        None, description="TM. / KT. / Q. / TL. / TUQ. line(s), e.g. 'TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH'"
    )
    position: str | None = Field(None, description="the signer's own position, e.g. 'PHÓ CHỦ TỊCH'")
    name: str | None = None
    rank: str | None = Field(None, description="a military or police rank written before the name, e.g. 'Đại tá'")
    raw: list[str] = Field(default_factory=list)


class IncomingStamp(_Model):
    """The receiving office's stamp ("ĐẾN Số … Ngày …") on a scanned copy; null parts were not legible."""

    so: str | None = Field(None, description="the incoming number written into the stamp")
    ngay: str | None = Field(None, description="the day written into the stamp, ISO")


class Header(_Model):
    issuer: str | None = None
    issuer_parent: str | None = None
    number: str | None = Field(None, description="'20/KH-UBND'; null when the number is left blank")
    number_raw: str | None = None
    type_code: str | None = Field(None, description="type code of the number: KH, QĐ, …")
    doc_type: str | None = Field(None, description="the type line, e.g. 'KẾ HOẠCH'")
    place: str | None = None
    date: str | None = Field(None, description="ISO date; null when any part is blank")
    date_partial: str | None = Field(
        None, description="what the date line does give when it is partly blank: '2024-02'"
    )
    date_raw: str | None = None
    title: str | None = Field(None, description="trích yếu")
    legal_basis: list[str] = Field(default_factory=list)
    motto: bool = Field(False, description="the national motto (Quốc hiệu, Tiêu ngữ) is present")
    signer: Signer = Field(default_factory=Signer.model_construct)
    recipients: list[str] = Field(default_factory=list)
    draft: bool = Field(False, description="number or date left blank, or a 'DỰ THẢO' stamp")
    number_from: Literal["header", "appendix", "wrapper"] | None = None
    location: Location | None = None
    seal: bool = Field(False, description="a scanned page of this document carries a red seal")
    incoming_stamp: IncomingStamp | None = Field(None, description="a receiving office's stamp seen on a scan")


class Section(_Model):
    number: str = Field(..., description="as printed, without the trailing dot: 'I', '2', 'a', 'đ'")
    level: int = Field(..., description="1 section (I.), 2 sub-section (1.), 3 point (a)), 4 item")
    style: SectionStyle
    title: str
    kinds: list[str] = Field(default_factory=list)
    text: list[str] = Field(default_factory=list, description="body paragraphs directly under this heading")
    children: list[Section] = Field(default_factory=list)
    location: Location | None = None


class Appendix(_Model):
    label: str | None = Field(None, description="'PHỤ LỤC', 'PHỤ LỤC I', 'DANH MỤC'")
    title: str | None = None
    attached_to: str | None = Field(None, description="the '(Kèm theo Kế hoạch số …)' line, verbatim")
    attached_number: str | None = None
    attached_date: str | None = None
    tables: list[int] = Field(default_factory=list, description="indexes of its tables (1-based)")
    location: Location | None = None


class Recurrence(_Model):
    count: int | None = None
    what: str | None = Field(None, description="the thing counted: 'tin', 'số', 'lần'")
    per: Literal["day", "week", "month", "quarter", "year"] | None = None


class Timeline(_Model):
    raw: str
    kind: Literal[
        "ongoing",
        "deadline",
        "date",
        "month",
        "quarter",
        "half_year",
        "year",
        "period",
        "recurring",
        "event",
        "unknown",
    ] = "unknown"
    start: str | None = None
    end: str | None = None
    recurrence: Recurrence | None = None


class Unit(_Model):
    name: str = Field(..., description="cleaned name (list markers and trailing punctuation removed)")
    raw: str = Field(..., description="as written in the source")
    key: str = Field(..., description="comparison key: case-, tone-placement- and spelling-variant-insensitive")


class Task(_Model):
    id: str
    origin: Origin
    number: str | None = Field(None, description="the row or item number as written")
    group: str | None = None
    content: str
    details: str | None = Field(None, description="the 'Nội dung:' field of a task written in prose")
    products: list[str] = Field(default_factory=list)
    lead: list[Unit] = Field(default_factory=list)
    support: list[Unit] = Field(default_factory=list)
    monitoring: list[Unit] = Field(default_factory=list)
    timeline: Timeline | None = None
    notes: str | None = None
    quantity: str | None = None
    part: int | None = Field(None, description="sub-row index when one task spans several rows")
    location: Location | None = None


class Reference(_Model):
    doc_type: str | None = Field(None, description="the type word before the number, e.g. 'Quyết định'")
    type_code: str | None = Field(None, description="the type code inside the number, e.g. 'QĐ'")
    number: str
    date: str | None = None
    date_raw: str | None = None
    issuer: str | None = None
    raw: str
    location: Location | None = None


class Finding(_Model):
    rule: str
    code: str
    severity: Severity
    message: str
    excerpt: str = ""
    location: Location | None = None
    related: list[dict[str, Any]] = Field(default_factory=list)
    file: str | None = None


class Diagnostic(_Model):
    """Something the parser saw but could not place, or guessed: the plan may be incomplete there."""

    code: str = Field(..., description="stable ASCII name, e.g. 'table-no-tasks' (see plan/diagnostics.py)")
    message: str = Field(..., description="what was seen and not placed, in English")
    excerpt: str = ""
    location: Location | None = None


class Wrapper(_Model):
    """A document that carries the plan: a Quyết định 'ban hành kèm theo', a Tờ trình with the draft attached."""

    document_type: str
    header: Header


class SourceFacts(_Model):
    path: str
    format: str
    pages: int | None = None
    pages_approx: bool = False
    ocr: bool = False
    notes: list[str] = Field(default_factory=list)


class Plan(_Model):
    schema_version: str = SCHEMA_VERSION
    source: SourceFacts
    document_type: str = Field(
        "ke_hoach",
        description="ke_hoach | quyet_dinh | to_trinh | cong_van | thong_bao | bao_cao | chuong_trinh | … | unknown",
    )
    is_plan: bool = True
    header: Header = Field(default_factory=Header.model_construct)
    sections: list[Section] = Field(default_factory=list)
    appendices: list[Appendix] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    wrapper: Wrapper | None = Field(None, description="the Quyết định / Tờ trình that carries this plan, if any")
    diagnostics: list[Diagnostic] = Field(default_factory=list, description="what the parser saw but could not place")

    # The parsed blocks stay with the plan for the validator; they are not part of the JSON.
    _document: Any = PrivateAttr(default=None)

    @property
    def document(self) -> Any:  # the parsed blocks.Document (Any: models stays free of parser types)
        return self._document
