"""Click in Simplified Chinese: help, usage and usage errors from the catalog (``texts.UI["cli.*"]``).

Click renders its own chrome ("Usage:", "Options:", "--help  Show this message and exit.") and
its usage errors ("Missing argument 'BOOK'.") through ``gettext`` in the global domain, with the
function bound at import time — a process-wide setting we cannot scope to this program. Instead:

* ``ChineseCommand`` / ``ChineseGroup`` override the formatting hooks click documents
  (``format_usage``, ``format_options``, ``format_arguments``, ``format_commands``,
  ``get_help_option``, ``get_short_help_str``) and write Chinese section headings; option rows
  are built from ``Option.get_help_spec`` and ``get_help_extra`` (click ≥ 8.5.1), so the
  "[default: …]" / "[required]" extras are Chinese too.
* ``ChineseCommand.parse_args`` refuses extra arguments itself: that is the one usage error click
  raises as a bare ``UsageError`` with an inline English message.
* ``usage_lines`` turns every ``click.ClickException`` into Chinese lines by its class and its
  fields (option name, parameter, parameter type) — never by parsing click's English text.

Every command of ``selfeval`` uses these classes (``tests/cli/test_chinese.py`` walks them all).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click
from click.exceptions import (
    BadArgumentUsage,
    BadOptionUsage,
    BadParameter,
    FileError,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchCommand,
    NoSuchOption,
    UsageError,
)

from selfeval_xl.core import texts
from selfeval_xl.core.cells import display_width

_CJK = re.compile(r"[\u3400-\u9fff]")
_SENTENCE_END = re.compile(r"(?<=[\u3002\uff01\uff1f])")  # after 。！？


class ChineseUsageError(UsageError):
    """A usage error of ours: its message is already Chinese, from the catalog."""


class ChineseBadParameter(BadParameter):
    """A bad value found by one of our callbacks: its message is already Chinese, from the catalog."""


HELP_NAMES = ["-h", "--help"]


def t(key: str, **params: object) -> str:
    return texts.render(texts.UI, f"cli.{key}", **params)


@contextmanager
def _section(formatter: click.HelpFormatter, heading: str) -> Iterator[None]:
    """``formatter.section`` with a full-width colon after the heading."""
    formatter.write_paragraph()
    formatter.write(f"{'':>{formatter.current_indent}}{t('heading', heading=heading)}\n")
    with formatter.indentation():
        yield


def _option_record(option: click.Option, ctx: click.Context) -> tuple[str, str] | None:
    """An option's help row with Chinese extras ("默认：…", "必填")."""
    if option.hidden:
        return None
    extra = option.get_help_extra(ctx)
    items = []
    if "default" in extra:
        items.append(t("extra_default", default=extra["default"]))
    if "required" in extra:
        items.append(t("extra_required"))
    help_text = option.help or ""
    if items:
        joined = t("extra_sep").join(items)
        help_text = f"{help_text}  [{joined}]" if help_text else f"[{joined}]"
    return option.get_help_spec(ctx), help_text


# No line starts with closing punctuation: ，。、；：！？）》」』”’ (kinsoku)
_CLOSING = frozenset("\uff0c\u3002\u3001\uff1b\uff1a\uff01\uff1f\uff09\u300b\u300d\u300f\u201d\u2019")
_OPENING = frozenset("\uff08\u300a\u300c\u300e\u201c\u2018")  # no line ends with （《「『“‘
_TOKENS = re.compile(r"[!-~]+|\s+|.")  # a run of ASCII stays whole; any other character may end a line


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken between CJK characters or at spaces."""
    lines: list[str] = []
    line, used = "", 0
    for token in _TOKENS.findall(" ".join(text.split())):
        size = display_width(token)
        if used + size > width and line.strip() and token not in _CLOSING:
            carried = ""
            while line and line[-1] in _OPENING and len(line) > 1:
                line, carried = line[:-1], line[-1] + carried
            lines.append(line.rstrip())
            line = carried + ("" if token.isspace() else token)
            used = display_width(line)
            continue
        line, used = line + token, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class ChineseFormatter(click.HelpFormatter):
    """Click's help formatter, wrapping by terminal columns (a CJK character takes two)."""

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
        for n, paragraph in enumerate(paragraphs):
            if n:
                self.write("\n")
            for line in wrap(paragraph, max(self.width - self.current_indent, 20)):
                self.write(f"{indent}{line}\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((display_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, max(self.width - first_col - self.current_indent, 10)) or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")


class ChineseContext(click.Context):
    formatter_class = ChineseFormatter


class ChineseCommand(click.Command):
    """A command whose help and usage are Chinese."""

    context_class = ChineseContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", t("options_metavar"))
        # -h everywhere, also when a command is run on its own (tests, the add-in): click caches the
        # help option of a command, so its names must not depend on who invokes it
        kwargs["context_settings"] = {"help_option_names": HELP_NAMES, **(kwargs.get("context_settings") or {})}
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = t("help_option")
        return option

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first sentence of the help (up to "。"), for the command list of the group."""
        if self.short_help:
            return self.short_help
        first = (self.help or "").strip().partition("\n")[0]
        return _SENTENCE_END.split(first, maxsplit=1)[0].strip()

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=t("usage"))

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        args = [p for p in self.get_params(ctx) if isinstance(p, click.Argument)]
        if any(arg.help is not None for arg in args):
            with _section(formatter, t("section_arguments")):
                formatter.write_dl([arg.get_help_record(ctx) for arg in args])

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [r for p in self.get_params(ctx) if isinstance(p, click.Option) if (r := _option_record(p, ctx))]
        if rows:
            with _section(formatter, t("section_options")):
                formatter.write_dl(rows)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True  # click's own refusal is English: refuse below, in Chinese
        try:
            rest = super().parse_args(ctx, args)
        except UsageError as exc:
            if exc.ctx is None:
                exc.ctx = ctx  # the option parser raises without it: the usage line needs it
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise ChineseUsageError(t("extra_arguments", args=" ".join(rest)), ctx)
        return rest


class ChineseGroup(ChineseCommand, click.Group):
    """The ``selfeval`` group: Chinese help, command list and "no such command"."""

    command_class = ChineseCommand

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", t("subcommand_metavar"))
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        ChineseCommand.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str()))
        if rows:
            with _section(formatter, t("section_commands")):
                formatter.write_dl(rows)


def _hint(param: click.Parameter | None, fallback: object = "") -> str:
    if param is None:
        return str(fallback or "")
    if isinstance(param, click.Argument):
        return param.human_readable_name
    return " / ".join(param.opts) or param.human_readable_name


def _expected(param: click.Parameter | None) -> str:
    """What a value of ``param``'s type must be, in Chinese."""
    kind = param.type if param is not None else None
    if isinstance(kind, click.Choice):
        return t("expect_choice", choices=t("list_sep").join(str(c) for c in kind.choices))
    if isinstance(kind, click.IntRange):
        if kind.min is not None and kind.max is not None:
            return t("expect_int_between", min=kind.min, max=kind.max)
        if kind.min is not None:
            return t("expect_int_min", min=kind.min)
        if kind.max is not None:
            return t("expect_int_max", max=kind.max)
    if isinstance(kind, click.types.IntParamType):
        return t("expect_int")
    if isinstance(kind, click.types.FloatParamType):
        return t("expect_float")
    if isinstance(kind, click.Path):
        if kind.exists:
            return t("expect_existing")
        return t("expect_file") if not kind.dir_okay else t("expect_dir") if not kind.file_okay else t("expect_valid")
    return t("expect_valid")


def _possibilities(possibilities: Sequence[str] | None) -> str:
    return t("did_you_mean", names=t("list_sep").join(sorted(possibilities))) if possibilities else ""


def _find_option(ctx: click.Context | None, name: str) -> click.Parameter | None:
    if ctx is None:
        return None
    return next((p for p in ctx.command.get_params(ctx) if name in (*p.opts, *p.secondary_opts)), None)


def error_message(exc: click.ClickException) -> str:
    """The Chinese message of a click exception, chosen by its class and fields."""
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, MissingParameter):
        name = _hint(exc.param, exc.param_hint)
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "argument")
        return t("missing_option" if kind == "option" else "missing_argument", name=name)
    if isinstance(exc, BadParameter):
        name = _hint(exc.param, exc.param_hint if isinstance(exc.param_hint, str) else "")
        reason = exc.message if isinstance(exc, ChineseBadParameter) else _expected(exc.param)
        return t("bad_value", name=name, reason=reason)
    if isinstance(exc, NoSuchOption):
        return t("no_such_option", name=exc.option_name) + _possibilities(exc.possibilities)
    if isinstance(exc, NoSuchCommand):
        return t("no_such_command", name=exc.command_name) + _possibilities(exc.possibilities)
    if isinstance(exc, BadOptionUsage):
        option = _find_option(ctx, exc.option_name)
        flag = isinstance(option, click.Option) and (option.is_flag or option.count)
        return t("option_takes_no_value" if flag else "option_needs_value", name=exc.option_name)
    if isinstance(exc, BadArgumentUsage):
        return exc.message if _CJK.search(exc.message) else t("usage_error")
    if isinstance(exc, FileError):
        return t("file_error", path=exc.ui_filename)
    if isinstance(exc, ChineseUsageError) or (type(exc) is UsageError and _CJK.search(exc.message)):
        return exc.message  # ours: click's own bare UsageErrors are English (and refused in parse_args)
    if isinstance(exc, UsageError) and ctx is not None and isinstance(ctx.command, click.Group):
        return t("missing_command")
    return t("usage_error")


def usage_lines(exc: click.ClickException) -> list[str]:
    """What ``selfeval`` prints for a usage error: usage line, where to get help, then the error."""
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, NoArgsIsHelpError):
        return [exc.ctx.get_help()]
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        names = ctx.command.get_help_option_names(ctx)
        if names and ctx.command.add_help_option:
            lines.append(t("try_help", command=ctx.command_path, option=max(names, key=len)))
        lines.append("")
    lines.append(t("error", message=error_message(exc)))
    return lines
