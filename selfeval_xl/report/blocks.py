"""The structure of a report: blocks of text, sections with their numbering, the report itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    style: str = "body"  # body | item (a numbered list paragraph) | banner


@dataclass(frozen=True, slots=True)
class Section:
    level: int  # 1 → 一、  2 → （一）
    label: str
    title: str
    blocks: tuple[Block, ...] = ()
    children: tuple[Section, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.label}{self.title}"


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    sections: tuple[Section, ...]
    banner: str = ""

    def lines(self) -> list[tuple[str, str]]:
        """Flattened (style, text) in reading order: title, h1, h2, body, item, banner."""
        out: list[tuple[str, str]] = [("title", self.title)]
        if self.banner:
            out.append(("banner", self.banner))

        def walk(section: Section) -> None:
            out.append((f"h{section.level}", section.heading))
            out.extend((b.style, b.text) for b in section.blocks)
            for child in section.children:
                walk(child)

        for section in self.sections:
            walk(section)
        return out
