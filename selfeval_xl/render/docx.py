"""Adapter: the narrative ``Report`` (and 自评表 sheet content) → a 公文-style Word document.

Layout follows GB/T 9704-2012 as summarised in ``shared/domain.md`` §5.3; the wording is the
narrative's, paragraph for paragraph (the only addition is the 附件 label above an attached table).

* Page: A4; top 37 mm, left 28 mm, 版心 156 × 225 mm (so right 26 mm, bottom 35 mm); 22 lines a
  page (line pitch fixed at 28.95 pt).
* Title 2号 (22 pt) 方正小标宋简体, centred, not bold, one empty line below. A title too long for one
  line (by measure) is broken at a natural place ("大祥区融媒体中心" / "2020年部门整体支出绩效自评报告"),
  never splitting a word nor leaving a stray tail (``docx_layout.title_lines``).
* Body 3号 (16 pt) 仿宋_GB2312, two-character first-line indent, justified. Headings keep the body
  indent: 一、 黑体, （一） 楷体_GB2312 bold (local practice), both with an outline level so Word's
  navigation pane lists them. Items (1. / （1）) are 仿宋 like the body.
* Page numbers 4号 (14 pt) 宋体 "— 1 —": odd pages right, even pages left, one character in from
  the edge of the 版心 (``w:evenAndOddHeaders``).
* A 自评表 becomes a table on its own page after the text: "附件" (3号黑体) top left, its title
  centred, cells 五号 (10.5 pt) 仿宋 with single line spacing, column widths measured, header rows
  repeated on every page (``docx_table``). A landscape sheet gets a landscape section.
* Optional 附件说明 and 落款 after the text (``docx_closing``); document properties name the unit
  as author and this program as the application, with none of python-docx's template leftovers.

Every font is written into ``w:rFonts`` for Latin (``w:ascii``/``w:hAnsi``), East-Asian
(``w:eastAsia``) and complex script, with the theme attributes removed (they would win over the
names). The names stay even where a machine lacks the fonts, so that Word on Windows renders them;
LibreOffice on Linux falls back to the CJK fonts it has.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from selfeval_xl.core import texts
from selfeval_xl.core.version import VERSION
from selfeval_xl.render import docx_layout
from selfeval_xl.render.docx_layout import PT_PER_MM
from selfeval_xl.report.narrative import Report
from selfeval_xl.report.sheets import SheetContent
from selfeval_xl.workbook.package import normalize_package

# Page geometry (mm) and the line pitch (twentieths of a point: 579 = 28.95 pt).
PAGE_WIDTH, PAGE_HEIGHT = 210, 297
MARGIN_TOP, MARGIN_LEFT = 37, 28
TEXT_WIDTH, TEXT_HEIGHT = 156, 225
MARGIN_RIGHT = PAGE_WIDTH - MARGIN_LEFT - TEXT_WIDTH  # 26
MARGIN_BOTTOM = PAGE_HEIGHT - MARGIN_TOP - TEXT_HEIGHT  # 35
FOOTER_DISTANCE = 25  # page number's dash line about 7 mm below the 版心 (GB/T 9704 §7.5)
LINE_PITCH = 579

TITLE_FONT, BODY_FONT, H1_FONT, H2_FONT, PAGE_FONT = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"
SIZE_2, SIZE_3, SIZE_4, SIZE_SMALL_2, SIZE_5 = 22.0, 16.0, 14.0, 18.0, 10.5


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    style_id: str  # ASCII id in styles.xml; the name Word shows comes from texts.EXPORT["style.<key>"]
    font: str
    size: float
    bold: bool = False
    align: str = "both"  # both (justified) | center | left | right
    indent: bool = True  # two-character first-line indent
    outline: int | None = None  # 0 → 一、, 1 → （一）
    exact: bool = True  # fixed line pitch; False → single spacing
    color: str = ""
    after_lines: int = 0  # empty lines after the paragraph (as spacing, not empty paragraphs)
    before_lines: int = 0


PARAGRAPH_STYLES: dict[str, ParagraphStyle] = {
    "title": ParagraphStyle("GwTitle", TITLE_FONT, SIZE_2, align="center", indent=False, after_lines=1),
    "banner": ParagraphStyle("GwBanner", H1_FONT, SIZE_3, bold=True, indent=False, color="C00000", after_lines=1),
    "h1": ParagraphStyle("GwHeading1", H1_FONT, SIZE_3, outline=0),
    "h2": ParagraphStyle("GwHeading2", H2_FONT, SIZE_3, bold=True, outline=1),
    "body": ParagraphStyle("GwBody", BODY_FONT, SIZE_3),
    "item": ParagraphStyle("GwItem", BODY_FONT, SIZE_3),
    "attachment": ParagraphStyle("GwAttachment", H1_FONT, SIZE_3, align="left", indent=False),
    "table_title": ParagraphStyle("GwTableTitle", TITLE_FONT, SIZE_SMALL_2, align="center", indent=False,
                                  after_lines=1, before_lines=1),
    "table_note": ParagraphStyle("GwTableNote", BODY_FONT, SIZE_5, align="left", indent=False, exact=False),
    "table_cell": ParagraphStyle("GwTableCell", BODY_FONT, SIZE_5, align="left", indent=False, exact=False),
    "page_number": ParagraphStyle("GwPageNumber", PAGE_FONT, SIZE_4, align="right", indent=False, exact=False),
    "attachment_note": ParagraphStyle("GwAttachmentNote", BODY_FONT, SIZE_3, align="left", indent=False),
    "signature": ParagraphStyle("GwSignature", BODY_FONT, SIZE_3, align="right", indent=False),
}
# Narrative line styles → paragraph styles (an unknown style is set as body text).
LINE_STYLES = {"title": "title", "banner": "banner", "h1": "h1", "h2": "h2", "body": "body", "item": "item"}
# Sheet cell styles set as paragraphs when alone in their row (titles and notes around a table).

# Order of the children of w:pPr (ECMA-376 CT_PPr), for inserting elements python-docx has no API for.
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
              "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
              "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
              "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


CORE_PROPERTY_LIMIT = 255  # characters of a .docx core property (title, author)


def clean_text(text: str) -> str:
    """Text as Word stores it: characters XML forbids are dropped, line ends become one break."""
    return _XML_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def title_lines(title: str, width_em: float = TEXT_WIDTH * PT_PER_MM / SIZE_2) -> list[str]:
    """The title as printed lines: one if it fits, else broken at a natural place (``docx_layout``)."""
    return docx_layout.title_lines(title, width_em)


def add_title(doc: Any, title: str, key: str, width_mm: float = TEXT_WIDTH) -> Any:
    """A title paragraph of style ``key``, its lines separated by breaks where it must wrap."""
    paragraph = doc.add_paragraph(style=style_name(key))
    for n, line in enumerate(title_lines(title, width_mm * PT_PER_MM / PARAGRAPH_STYLES[key].size)):
        run = paragraph.add_run()
        if n:
            run.add_break()
        run.add_text(line)
    return paragraph


def report_docx(report: Report, tables: Sequence[SheetContent] = (), *, author: str = "",
                signature: str = "", signed: date | None = None,
                attachment_note: bool | Sequence[str] = False) -> bytes:
    """The report as a reproducible .docx; each of ``tables`` is appended as an attachment.

    ``attachment_note``: True lists the titles of ``tables`` in a 附件说明 line under the text (a
    sequence lists those names instead). ``signature`` (the unit) and ``signed`` (the date) make the
    落款 under it, right-aligned as GB/T 9704 §7.3.5.2 sets it for a document without a seal.
    """
    from docx import Document

    from selfeval_xl.render.docx_closing import attachment_note_lines, signature_lines
    from selfeval_xl.render.docx_table import add_table_sheet, table_title

    doc: Any = Document()
    _prepare(doc)
    for style, text in report.lines():
        key = LINE_STYLES.get(style, "body")
        if key == "title":
            add_title(doc, clean_text(text), "title")
        else:
            doc.add_paragraph(clean_text(text), style=style_name(key))
    names = [table_title(c) for c in tables] if attachment_note is True else list(attachment_note or ())
    if names:
        attachment_note_lines(doc, [clean_text(n) for n in names])
    if signature or signed is not None:
        signature_lines(doc, clean_text(signature), signed)
    for content in tables:
        add_table_sheet(doc, content)
    _properties(doc, title=clean_text(report.title), author=clean_text(author))
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_package(buffer.getvalue())


def _properties(doc: Any, *, title: str, author: str) -> None:
    """Honest document properties: title, author (the unit), this program as the application; no
    leftovers of python-docx's template (customXml, stylesWithEffects, webSettings, Normal.dotm)."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    core = doc.core_properties
    core.title, core.author = title[:CORE_PROPERTY_LIMIT], author[:CORE_PROPERTY_LIMIT]  # python-docx refuses longer
    core.last_modified_by = core.comments = core.subject = core.keywords = core.category = ""
    core.revision = 1
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(("/customXml", "/stylesWithEffects", "/webSettings")):
            del doc.part.rels[r_id]
    package_rels = doc.part.package.rels
    for rel in package_rels.values():
        if rel.reltype == RELATIONSHIP_TYPE.EXTENDED_PROPERTIES:
            rel.target_part._blob = _app_xml()


def _app_xml() -> bytes:
    """docProps/app.xml naming this program and its version (AppVersion as Office wants it,
    XX.YYYY: 0.1.0 → 00.0100)."""
    major, minor, patch = (int(p) for p in [*VERSION.split("."), "0", "0"][:3])
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Application>selfeval_xl</Application><DocSecurity>0</DocSecurity>"
            f"<AppVersion>{major:02d}.{minor:02d}{patch:02d}</AppVersion></Properties>").encode()


# -- document set-up -------------------------------------------------------------------------


def style_name(key: str) -> str:
    return texts.EXPORT[f"style.{key}"]


def w_tag(tag: str) -> str:
    from docx.oxml.ns import qn

    result: str = qn(f"w:{tag}")
    return result


def set_fonts(r_pr: Any, name: str) -> None:
    """Name ``name`` for Latin, East-Asian and complex-script text in an ``w:rPr``; drop theme fonts."""
    fonts = r_pr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(w_tag(attr), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(w_tag(attr), name)


def _prepare(doc: Any) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.shared import Mm

    _set_defaults(doc)
    for key, spec in PARAGRAPH_STYLES.items():
        _add_style(doc, key, spec)
    section = doc.sections[0]
    page_setup(section, landscape=False)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(FOOTER_DISTANCE)
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], odd=True)
    _page_number(section.even_page_footer.paragraphs[0], odd=False)
    settings = doc.settings.element
    lang = settings.find(w_tag("themeFontLang"))
    if lang is not None:
        lang.set(w_tag("eastAsia"), "zh-CN")
    package_rels = doc.part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:  # python-docx's template carries a preview of an empty page
            del package_rels[r_id]


def _set_defaults(doc: Any) -> None:
    """Document defaults and "Normal": body font and size, no paragraph spacing, fixed line pitch."""
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    defaults = doc.styles.element.find(w_tag("docDefaults"))
    r_pr = defaults.find(f"{w_tag('rPrDefault')}/{w_tag('rPr')}")
    set_fonts(r_pr, BODY_FONT)
    for tag in ("sz", "szCs"):
        size = r_pr.find(w_tag(tag))
        if size is not None:
            size.set(w_tag("val"), str(int(SIZE_3 * 2)))
    lang = r_pr.find(w_tag("lang"))
    if lang is not None:
        lang.set(w_tag("eastAsia"), "zh-CN")
    spacing = defaults.find(f"{w_tag('pPrDefault')}/{w_tag('pPr')}/{w_tag('spacing')}")
    if spacing is not None:
        for attr, value in (("after", "0"), ("line", str(LINE_PITCH)), ("lineRule", "exact")):
            spacing.set(w_tag(attr), value)
    normal = doc.styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.font.size = Pt(SIZE_3)
    p_pr = normal.element.get_or_add_pPr()
    for tag in ("autoSpaceDE", "autoSpaceDN"):  # no extra gap between Chinese and Latin/digits: "2019年6月"
        off = OxmlElement(f"w:{tag}")
        off.set(w_tag("val"), "0")
        p_pr.insert_element_before(off, *_PPR_ORDER[_PPR_ORDER.index(f"w:{tag}") + 1:])
    grid = doc.sections[0]._sectPr.find(w_tag("docGrid"))
    if grid is not None:  # the pitch only; a "lines" grid would snap table text to 28.95 pt too
        grid.set(w_tag("linePitch"), str(LINE_PITCH))


def _add_style(doc: Any, key: str, spec: ParagraphStyle) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt, RGBColor, Twips

    style = doc.styles.add_style(style_name(key), WD_STYLE_TYPE.PARAGRAPH)
    style.element.styleId = spec.style_id
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    set_fonts(style.element.get_or_add_rPr(), spec.font)
    style.font.size = Pt(spec.size)
    style.font.bold = spec.bold
    if spec.color:
        style.font.color.rgb = RGBColor.from_string(spec.color)
    fmt = style.paragraph_format
    fmt.alignment = {"both": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                     "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}[spec.align]
    fmt.space_before = Twips(LINE_PITCH * spec.before_lines)
    fmt.space_after = Twips(LINE_PITCH * spec.after_lines)
    if spec.exact:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Twips(LINE_PITCH)
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if spec.indent:
        fmt.first_line_indent = Pt(2 * spec.size)
        style.element.get_or_add_pPr().get_or_add_ind().set(w_tag("firstLineChars"), "200")
    else:
        fmt.first_line_indent = Pt(0)
    if spec.outline is not None:
        fmt.keep_with_next = True
        _set_outline(style.element.get_or_add_pPr(), spec.outline)


def _set_outline(p_pr: Any, level: int) -> None:
    from docx.oxml import OxmlElement

    outline = OxmlElement("w:outlineLvl")
    outline.set(w_tag("val"), str(level))
    p_pr.insert_element_before(outline, *_PPR_ORDER[_PPR_ORDER.index("w:outlineLvl") + 1:])


def page_setup(section: Any, *, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    width, height = (PAGE_HEIGHT, PAGE_WIDTH) if landscape else (PAGE_WIDTH, PAGE_HEIGHT)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Mm(MARGIN_LEFT), Mm(MARGIN_RIGHT)


def _page_number(paragraph: Any, *, odd: bool) -> None:
    """"— 1 —" with a PAGE field; odd pages right-aligned, even pages left, one character in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    paragraph.style = style_name("page_number")
    fmt = paragraph.paragraph_format
    if odd:
        fmt.alignment, fmt.right_indent = WD_ALIGN_PARAGRAPH.RIGHT, Pt(SIZE_4)
    else:
        fmt.alignment, fmt.left_indent = WD_ALIGN_PARAGRAPH.LEFT, Pt(SIZE_4)
    paragraph.add_run(texts.EXPORT["page_before"])
    for part in ("begin", " PAGE ", "separate", "1", "end"):  # a complex field; "1" until Word updates it
        run = paragraph.add_run()
        if part in ("begin", "separate", "end"):
            char = OxmlElement("w:fldChar")
            char.set(w_tag("fldCharType"), part)
            run._r.append(char)
        elif part == " PAGE ":
            code = OxmlElement("w:instrText")
            code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            code.text = part
            run._r.append(code)
        else:
            run.text = part
    paragraph.add_run(texts.EXPORT["page_after"])
