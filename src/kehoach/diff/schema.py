"""The JSON output of `kehoach diff` (a contract: see `kehoach schema diff`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from ..models import Location, SourceFacts, Task

DIFF_SCHEMA_VERSION = "1.0"
Status = Literal["added", "removed", "changed", "moved", "unchanged"]
TASK_FIELDS = ("content", "lead", "support", "products", "timeline", "notes")


class WordOp(BaseModel):
    op: Literal["equal", "insert", "delete", "replace"]
    old: str = ""
    new: str = ""


class TaskChange(BaseModel):
    status: Status
    old: Task | None = Field(None, description="the task as `parse` writes it in the old plan, or null")
    new: Task | None = Field(None, description="the task as `parse` writes it in the new plan, or null")
    changed: list[str] = Field(
        default_factory=list, description="task fields that differ: content, lead, support, products, timeline, notes"
    )
    similarity: float | None = Field(None, description="alignment similarity of the pair, 0..1")
    words: dict[str, list[WordOp]] = Field(
        default_factory=dict, description="word-level diff of each changed text field"
    )

    @property
    def task(self) -> Task:
        """The task as it stands: the new side, else the old one (a change has at least one)."""
        task = self.new or self.old
        assert task is not None, "a task change has an old or a new side"
        return task


class Summary(BaseModel):
    added: int = 0
    removed: int = 0
    changed: int = 0
    moved: int = 0
    unchanged: int = 0


class HeaderChange(BaseModel):
    field: str = Field(..., description="header field: number, date, title, signer.name, …")
    old: Any = None
    new: Any = None


class SectionRef(BaseModel):
    number: str
    level: int
    title: str
    location: Location | None = None


class SectionEdit(BaseModel):
    old: SectionRef
    new: SectionRef
    words: list[WordOp] = Field(default_factory=list, description="word-level diff of the heading text")


class SectionChanges(BaseModel):
    added: list[SectionRef] = Field(default_factory=list)
    removed: list[SectionRef] = Field(default_factory=list)
    changed: list[SectionEdit] = Field(
        default_factory=list, description="a heading reworded (same level, most words shared)"
    )


class ParagraphEdit(BaseModel):
    section: str | None = Field(None, description="the heading the paragraph stands under in the new plan")
    old: str
    new: str
    words: list[WordOp] = Field(default_factory=list)


class ParagraphChanges(BaseModel):
    unchanged: int = Field(0, description="body paragraphs the same in both (summarised, not listed)")
    added: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    changed: list[ParagraphEdit] = Field(default_factory=list)


class Files(BaseModel):
    old: SourceFacts
    new: SourceFacts


class PlanDiff(BaseModel):
    schema_version: str = DIFF_SCHEMA_VERSION
    files: Files
    same: bool = Field(..., description="true when the task registers are the same (exit code 0)")
    summary: Summary
    tasks: list[TaskChange] = Field(default_factory=list)
    header: list[HeaderChange] = Field(default_factory=list)
    sections: SectionChanges = Field(default_factory=SectionChanges)
    paragraphs: ParagraphChanges = Field(
        default_factory=ParagraphChanges, description="body paragraphs under the headings, word-diffed when reworded"
    )
