"""Report text → logical paragraphs with sections; normalisation; sentence bounds; term typos.

Normalisation maps every character to exactly one character (full-width ASCII → half-width,
ideographic and no-break spaces → space), so an offset in the normalised text is an offset in
the original and quotes are always taken from what the author wrote.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import pairwise

from selfeval_xl.audit.model import Paragraph, Typo
from selfeval_xl.audit.numbers import cn_to_int
from selfeval_xl.audit.table_lines import starts_row, under_header
from selfeval_xl.audit.traditional import SIMPLIFIED, TRADITIONAL
from selfeval_xl.audit.typos import find_typos

_TABLE: dict[int, int] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_TABLE.update({0x3000: 0x20, 0x00A0: 0x20, 0x09: 0x20, 0xFE6A: ord("%"), 0x2030: ord("%")})
_TABLE.update(dict.fromkeys(range(8192, 8204), 32))
# Traditional forms of the finance vocabulary (texts republished through conversion mirrors).
_TRADITIONAL = (
    "萬億減長計總額與較數預決經費撥項務購運維護門單財個結轉餘養類這實際現劃歸屬資產業國車為級徑關機會議區縣鎮號規標職離員編勞"
    "臨體從於後對當壓縮統開處學設構間場質檢測績評價達優貨採稅醫衛險礎環節約備辦條報聯絡發紀監證書認專點選舉興園圖龍網視頻電話廣東蘇陝遼寧"
)
_SIMPLIFIED = (
    "万亿减长计总额与较数预决经费拨项务购运维护门单财个结转余养类这实际现划归属资产业国车为级径关机会议区县镇号规标职离员编劳"
    "临体从于后对当压缩统开处学设构间场质检测绩评价达优货采税医卫险础环节约备办条报联络发纪监证书认专点选举兴园图龙网视频电话广东苏陕辽宁"
)
# every other traditional character outside GB2312 (執, 況, 陽 …), from the generated table
_TABLE.update(zip(map(ord, TRADITIONAL), map(ord, SIMPLIFIED), strict=True))
_TABLE.update(zip(map(ord, _TRADITIONAL), map(ord, _SIMPLIFIED), strict=True))

SENTENCE_END = "。!?"
CLAUSE_BREAK = ",;:。!?()"
_TERMINAL = "。!?;:"

_CN_DIGITS = "一二三四五六七八九十"
_L1 = re.compile(rf"^\s*(?:([{_CN_DIGITS}]{{1,3}})\s*[、.,]+|第([{_CN_DIGITS}]{{1,3}})部分)\s*")
_L2 = re.compile(rf"^\s*\(\s*([{_CN_DIGITS}]{{1,3}})\s*\)\s*[、.,:]*\s*")
_L3 = re.compile(r"^\s*(?:(\d{1,2})\s*[、.,](?!\d)|\(\s*(\d{1,2})\s*\)|[\u2460-\u2473])\s*[、.,]*\s*")
# A line of cell marks alone ("|||||"): the end of a row copied one cell a line ("年度资金总额 |", "0 |", …, its blanks)
_ROW_END = re.compile(r"^\|{2,}\s*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-\u2014\u2013]+\s*\d{1,3}\s*[-\u2014\u2013]+|第\s*\d{1,3}\s*页.*)\s*$")


# "1,134万元": the comma of a grouped number is no clause break; in a paragraph's normalised copy it
# becomes an apostrophe, which every number pattern accepts and no clause search stops at.
GROUP = "'"
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?!\d)")


def group_digits(norm: str) -> str:
    """ "1,134万元" reads "1'134万元" (see ``GROUP``)."""
    return _GROUPED.sub(lambda m: m.group().replace(",", GROUP), norm) if "," in norm else norm


_LETTER_SPACED = re.compile(r"[\u4e00-\u9fff](?: [\u4e00-\u9fff])+")


def tight_letters(norm: str) -> str:
    """A paragraph printed letter-spaced ("部 门 整 体 支 出", a PDF's character spacing) reads with its
    words together, each run's spaces moved to its start (the words stay against the figure after
    them), so no figure moves."""
    cjk = sum(1 for c in norm if "\u4e00" <= c <= "\u9fff")
    if not cjk or norm.count(" ") * 2 < cjk:
        return norm
    runs = list(_LETTER_SPACED.finditer(norm))
    if sum(len(m.group()) // 2 for m in runs) * 2 < cjk:
        return norm
    return _SPACED_RUN.sub(lambda m: " " * m.group().count(" ") + m.group().replace(" ", ""), norm)


# a run reads across the quotes, brackets and enumeration commas inside it ("财 政 拨 款“三 公”经 费",
# "因 公 出 国(境)费 支 出", "收、支 总 计") and a year printed tight inside it ("收、支 与2023年 度 相 比")
_SPACED_RUN = re.compile(r"[\u4e00-\u9fff\u201c\u201d()](?: ?(?:[\u4e00-\u9fff\u201c\u201d()、]|(?:19|20)\d\d(?=年)))+")


_SPACED_WORDS = re.compile(
    r"(?:^|(?<=[,;:。!?() ]))([\u4e00-\u9fff]{1,16})( +)(?=\d[\d,'.]*\s*(?:[万亿千]?元|%|[个人项家户次名辆所]))"
)  # words opening their clause, then an amount, a percentage or a count: never a table row's bare cells
# ("支出合计 5.4 0 0 0"), nor words joined to others ("收、支总计各减少 2415.45万元", "“三公”经费支出减少了 …")


def tight_words(norm: str) -> str:
    """ "短收 7431万元" (a space typed or printed between a word and its number) reads " 短收7431万元": the
    space moved before the words, which then end where the number begins; a number stays put."""
    return _SPACED_WORDS.sub(lambda m: m.group(2) + m.group(1), norm) if " " in norm else norm


_SPACED_UNIT = re.compile(r"(?<=\d)(\s*)([亿万千])( +)元")


def tight_units(norm: str) -> str:
    """ "50 万 元" (a PDF's spacing) reads "50  万元": the unit's characters together, the spaces before
    them, so that the amount still spans what was printed."""
    return _SPACED_UNIT.sub(lambda m: m.group(1) + m.group(3) + m.group(2) + "元", norm) if " " in norm else norm


_SPACED_YEAR = re.compile(r"([\u4e00-\u9fff(]?)( *)((?:19|20)\d\d)( *)年")


def tight_years(norm: str) -> str:
    """ "与 2020 年度预算相比" (a PDF's spacing) reads "  与2020年度预算相比": the year tight to its 年 and to
    the word before it, the spaces moved in front, so every "与2020年" pattern reads it and no figure moves."""

    def tight(m: re.Match[str]) -> str:
        return " " * (len(m.group(2)) + len(m.group(4))) + m.group(1) + m.group(3) + "年"

    return _SPACED_YEAR.sub(tight, norm) if " " in norm else norm


# A "?" right after a figure and before its cell mark or unit ("4,764,453.11? |", "82.06?萬元") stands for a character
# the copy could not encode (a page's symbol, lost through a legacy code page): read as a space, never a question's end.
_LOST_GLYPH = re.compile(r"(?<=\d)\?(?=\s*\||[万亿千]?元)")


def lost_glyphs(norm: str) -> str:
    return _LOST_GLYPH.sub(" ", norm) if "?" in norm else norm


def normalise(text: str) -> str:
    """Half-width digits and punctuation, plain spaces; same length as ``text``."""
    return text.translate(_TABLE)


def is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def open_brackets(text: str) -> int:
    """Brackets opened and not closed in ``text`` (negative when it closes more than it opens)."""
    return text.count("(") - text.count(")")


def marker(norm: str) -> tuple[int, int, int | None]:
    """(level, end of the numbering marker, level-1 numeral) of a paragraph's leading marker."""
    if m := _L1.match(norm):
        return 1, m.end(), cn_to_int(m.group(1) or m.group(2))
    if m := _L2.match(norm):
        return 2, m.end(), None
    if m := _L3.match(norm):
        return 3, m.end(), None
    return 0, 0, None


def _heading_part(norm: str, start: int) -> str:
    rest = norm[start:]
    cut = min((i for i in (rest.find(c) for c in "。:;") if i >= 0), default=len(rest))
    return rest[:cut].strip()


def classify(norm: str) -> tuple[int, int, int | None]:
    """(level, length of the heading in the paragraph, numeral); level 0 when not a heading."""
    level, end, number = marker(norm)
    if level == 0:
        return 0, 0, None
    head = _heading_part(norm, end)
    limit = 20 if level == 3 else 40
    if not head or len(head) > limit or (level == 3 and any(c in norm[end:] for c in "。,;、")):
        return (3, 0, None) if level == 3 else (0, 0, None)
    return level, norm.index(head, end) + len(head), number


_CELL = re.compile(r"^\s*[-+]?\d[\d,.]*\s*%?\s*$")
_BROKEN_NUMBER = re.compile(r"[\u4e00-\u9fff]\d{1,3}$")  # words, then a number cut short at the line's end


def _inline_item(prev: str, line: str, ends: str = ",、") -> bool:
    """Does the line open the next item of a list numbered inline in the line before, which stops on a
    comma ("…其中1、工资福利支出2338.13万元,2、商品和服务支出76.64万元," then "3、对个人…"; "…增长3.6%;"
    then "②上级补助收入…" after "①…")?"""
    if not prev or prev[-1] not in ends:
        return False
    first = line.lstrip()[:1]
    if "\u2461" <= first <= "\u2473":
        return prev.rfind(chr(ord(first) - 1)) >= 0
    m = _L3.match(line)
    number = m.group(1) if m else None
    return number is not None and int(number) > 1 and prev.rfind(f"{int(number) - 1}、") >= 0  # the last item first


_ATTACHMENT = re.compile(r"^\s*附(?:件|表)\s*\d{0,2}\s*:?\s*$")


def _joins(previous: str, line: str) -> bool:
    """A line continues the previous one when that one stops mid-sentence (no 。;: at its end). ``previous`` is
    the paragraph so far, normalised; only its end and its opening marker are read, so that a paragraph of many
    lines costs each line the same (``_pure_heading``)."""
    prev = previous.rstrip()
    if prev and prev[-1] in ":;" and open_brackets(prev[-200:]) > 0 and marker(normalise(line))[0] == 0:
        return True  # "…收入为25948万元(其中:" then "税收收入12096万元,…)": a bracket still open goes on
    if not prev or prev[-1] in _TERMINAL or _ATTACHMENT.match(prev):
        return False  # (and "附件" on its own line: the attachment's title follows, not the same sentence)
    if prev[-2:-1].isdigit() and prev[-1] == "." and line.lstrip()[:1].isdigit():
        return True  # "…经营收入0." then "00万元": a number the page broke at its decimal point
    if _BROKEN_NUMBER.search(prev[-4:]) and _CELL.match(normalise(line)) and "%" not in line:
        return True  # "…调入资金7" then "608" (then "万元。"): prose broke inside its number
    if _CELL.match(normalise(line)) or _CELL.match(prev):
        return False  # a table's cells one per line: "683.51" then "358.18" never glue into one number
    if marker(normalise(line))[0] != 0 and not _inline_item(prev, normalise(line)):
        return False
    if prev[-1] in ",、":
        return True  # a line ending in a comma always goes on
    return not _pure_heading(prev)


_SPACES = re.compile(r"\s*")


def _pure_heading(prev: str) -> bool:
    """Is ``prev`` a heading and nothing else? Such a line ends its paragraph; "2、主要职责是：(1)…" broken early does
    not, nor "(三)卫生健康支出类科目 43897.73 元,占支出总预" (a heading holds no figures)."""
    level, end, _ = marker(prev)
    # a heading runs at most 40 characters from its first word, then only spaces and colons: a longer paragraph is
    # never one, and is not scanned whole
    spaces = _SPACES.match(prev, end)  # always matches, perhaps empty
    if level == 0 or len(prev.rstrip(" :")) > (spaces.end() if spaces else end) + 40:
        return False
    _, heading_length, _ = classify(prev)
    head = prev[end:heading_length]
    return not (heading_length == 0 or bool(prev[heading_length:].strip(" :")) or any(c.isdigit() for c in head))


# Words that open a sentence about the one before: after a line the page broke at "。", the paragraph goes on.
_GOES_ON = ("其中", "加上", "减去", "收支相抵", "同比", "比上年", "较上年", "与上年", "占")


def _continues(previous: str, raw: str) -> bool:
    """Does a line after one the page broke go on with its paragraph (``previous``, normalised)? Not when indented
    or a heading; after ";" it does, after "。" when it opens on words about the sentence before (其中, 加上…);
    never after a colon ("其中:" may open items printed one per line)."""
    line = normalise(raw)
    if raw[:1] in " \u3000\t" or (marker(line)[0] != 0 and not _inline_item(previous.rstrip(), line, ";")):
        return False
    end = previous.rstrip()[-1:]
    return end == ";" or (end == "。" and line.startswith(_GOES_ON))


# A line ending on a complete amount or percentage ("…收入479.89亿元 同比增长45.8%⬆") and a
# next line opening on words: separate statements (a chart's captions, a list without
# punctuation), so the join keeps a clause boundary between them.
_STATEMENT_END = re.compile(r"\d\s*(?:[万亿千]?元|%)[\s\u2191\u2193\u2b06\u2b07\u25b2\u25bc]*$")


# Pinyin printed after characters by some republishing mirrors ("預(yù)算數(shù)"): dropped.
_RUBY = re.compile("(?<=[\u4e00-\u9fff])\n?[(\uff08][a-z\u00e0-\u01dc]{1,6}[)\uff09]")


def strip_ruby(text: str) -> str:
    return _RUBY.sub("", text)


def _width(line: str) -> int:
    """Printed width: a Chinese character or full-width sign takes two columns, a digit one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _single_spaced(lines: list[str]) -> list[str]:
    """A block printed double-spaced (every line followed by a blank one: a PDF or web page copied
    with its line spacing) keeps its wrapped lines together: a blank line after a line nearly as
    wide as the block's wide lines (one the page broke, not a cell or a short paragraph) is a line
    break; two blank lines still separate paragraphs."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 4 or any(b - a < 2 for a, b in pairwise(filled)):
        return lines
    widths = {i: _width(lines[i].strip()) for i in filled}
    wide = sorted(widths.values())[len(filled) * 9 // 10]
    wrapped = max(32, wide * 3 // 4)
    out = [lines[filled[0]]]
    for a, b in pairwise(filled):
        out += [""] * (b - a > 2 or widths[a] < wrapped) + [lines[b]]
    return out


def _page_width(lines: list[str]) -> int | None:
    """The width at which a hard-wrapped block (a PDF's lines) breaks: its widest lines, most of which
    stop mid-sentence; None for a block whose lines are its paragraphs (they end on "。") or cells."""
    rows = [normalise(line).strip() for line in lines if line.strip()]
    if len(rows) < 4:
        return None
    widths = sorted(_width(row) for row in rows)
    full = widths[len(widths) * 9 // 10] * 9 // 10
    wide = [row for row in rows if _width(row) >= full]
    broken = sum(row[-1] not in _TERMINAL for row in wide)
    # most lines as wide as the page, or most of the widest stopping mid-sentence
    wrapped = len(wide) * 10 >= len(rows) * 3 or broken * 5 >= len(wide) * 2
    return full if 40 <= full <= 120 and broken >= 3 and wrapped else None


def split_paragraphs(blocks: Sequence[str]) -> list[str]:
    """Paragraph texts: blank lines separate, lines broken mid-sentence are joined; pinyin
    annotations inserted by republishing mirrors are dropped first.

    Each block is one unit of the source (the whole .txt, one Word paragraph); blocks never merge.
    """
    out: list[str] = []
    for block in blocks:
        current: str | None = None
        current_norm = ""  # ``current`` normalised, kept beside it (normalising maps each character on its own)
        lines = _single_spaced(strip_ruby(block).replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        page = _page_width(lines)
        full = False  # the previous line ran to the page's edge: the page broke it, even after "。" or ";"
        last = ""  # the previous line, normalised
        for raw in lines:
            line = raw.strip()
            broken, full = full, page is not None and _width(line) >= page
            # a table's first row joins its header by a cell mark; the rows after it, and words after a row, start
            # paragraphs of their own (table_lines)
            norm = normalise(line)
            row, head, last = starts_row(last, norm), under_header(last, norm), norm
            if not line or _PAGE_NUMBER.match(norm) or _ROW_END.match(norm):
                if current is not None:
                    out.append(current)
                current = None
            elif current is not None and head:
                glue = "" if current.rstrip().endswith("|") else " | "
                current += glue + line
                current_norm += glue + norm
            elif current is not None and not row and (
                _joins(current_norm, line) or (broken and _continues(current_norm, raw))
            ):
                statement = _STATEMENT_END.search(current_norm[-12:]) and is_cjk(line[0]) and line[0] not in "的之为"
                glue = "," if statement else ""  # "…65200万元" + "的96.57%" is one phrase
                current += glue + line
                current_norm += glue + norm
            else:
                if current is not None:
                    out.append(current)
                current, current_norm = line, norm
        if current is not None:
            out.append(current)
    return out


def build_paragraphs(texts: Sequence[str]) -> tuple[tuple[Paragraph, ...], tuple[Typo, ...]]:
    """Number paragraphs, assign level-1 sections, correct term typos in the normalised copy."""
    paragraphs: list[Paragraph] = []
    typos: list[Typo] = []
    section, section_index = "", 0
    for index, text in enumerate(texts, start=1):
        norm = tight_words(tight_units(tight_years(group_digits(tight_letters(lost_glyphs(normalise(text)))))))
        found = find_typos(norm)
        for start, term in found:
            typos.append(Typo(index, start, text[start : start + len(term)], term))
            norm = norm[:start] + term + norm[start + len(term) :]
        level, head_len, number = classify(norm)
        heading = text[:head_len].strip().rstrip(":\uff1a") if head_len else ""
        if level == 1:
            section, section_index = heading, 0
        elif _ATTACHMENT.match(norm):  # "附件" / "附件1:" on its own line: what follows is not the last section's
            section, section_index = norm.strip().rstrip(":"), 0
        else:
            section_index += 1
        paragraphs.append(Paragraph(index, section, section_index, text, norm, level, heading, number))
    return tuple(paragraphs), tuple(typos)


# How far a sentence or clause is searched for around a figure. Bounded so that text without
# punctuation (a PDF extract, a flattened table) costs the same per figure: audit time stays
# linear in the length of the text. A quote longer than this is cut at the bound.
SENTENCE_SPAN = 600
CLAUSE_SPAN = 200


def sentence_bounds(norm: str, pos: int) -> tuple[int, int]:
    low = max(0, pos - SENTENCE_SPAN)
    start = max(max(norm.rfind(c, low, pos) for c in SENTENCE_END) + 1, low)
    high = min(len(norm), pos + SENTENCE_SPAN)
    ends = [i for i in (norm.find(c, pos, high) for c in SENTENCE_END) if i >= 0]
    end = min(ends) + 1 if ends else high
    return start, end


def statement_bounds(norm: str, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``, cut at its semicolons: one project's or one year's statement ("上年度自评得分81.6分,
    评价等级为良;本年度自评得分70.5分,评价等级为中")."""
    s0, s1 = sentence_bounds(norm, pos)
    return norm.rfind(";", s0, pos) + 1 or s0, (norm.find(";", pos, s1) + 1 or s1)


def sentence_at(paragraph: Paragraph, pos: int) -> str:
    start, end = sentence_bounds(paragraph.norm, pos)
    return paragraph.text[start:end].strip()


def clause_start(norm: str, pos: int) -> int:
    low = max(0, pos - CLAUSE_SPAN)
    begin = max(max(norm.rfind(c, low, pos) for c in CLAUSE_BREAK) + 1, low)
    if begin >= 2 and norm[begin - 1] == ")" and 0 < len(word := norm[begin:pos].strip()) <= 2 and all(map(is_cjk, word)):
        # "调整预算数(下同)为30.3亿元": a note of no figures between a name and its verb is read through ("为" names nothing)
        opened = norm.rfind("(", max(low, begin - 16), begin - 1)
        if opened > low and not any(c.isdigit() for c in norm[opened:begin]) and norm[opened - 1] not in CLAUSE_BREAK:
            return clause_start(norm, opened)
    return begin
