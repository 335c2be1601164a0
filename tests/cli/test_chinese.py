"""The command line speaks one language: every command's --help and every usage error is Chinese.

The walk covers every command the group lists, the lazily imported ones included (whatever
``LAZY_COMMANDS`` holds when the test runs), and builds its usage errors from each command's own
parameters: a missing argument or required option, an unknown option, an option without its value,
a flag given a value, extra arguments, a value of the wrong type.
"""

from __future__ import annotations

import re

import click
import pytest

from selfeval_xl.cli.chinese import ChineseCommand, display_width, error_message, usage_lines, wrap
from selfeval_xl.cli.main import LAZY_COMMANDS, cli, main

# What click would print in English (its gettext strings), and any run of three Latin words.
CLICK_ENGLISH = re.compile(
    r"Usage|Options|Commands|Arguments|Error|Try |Show this|Missing|Invalid|No such|Got unexpected|"
    r"Did you mean|Aborted|requires an|does not take|is not|version|default:|required|env var|for help"
)
LATIN_SENTENCE = re.compile(r"[A-Za-z]+(?: '?[a-z]+'?){2,}")  # "Show this message", "is not one of"
CJK = re.compile(r"[\u4e00-\u9fff]")
OPTION_NAME = re.compile(r"(?<![\w/])--?[A-Za-z][\w-]*(=\S*)?")


def assert_chinese(text: str, what: str) -> None:
    assert CJK.search(text), f"{what}: no Chinese at all:\n{text}"
    prose = OPTION_NAME.sub("", text)  # option names (--version, -h) may stay Latin
    english = CLICK_ENGLISH.search(prose) or LATIN_SENTENCE.search(prose)
    assert english is None, f"{what}: English {english.group(0)!r} in:\n{text}"


def all_commands() -> dict[str, click.Command]:
    with click.Context(cli, info_name="selfeval") as ctx:
        names = cli.list_commands(ctx)
        assert set(LAZY_COMMANDS) <= set(names), "a lazy command is not listed"
        commands = {name: cli.get_command(ctx, name) for name in names}
    assert {"report", "check", "template", "audit", "export", "ledger", "collect", "build-addin",
            "install-addin"} <= set(commands)
    return {name: command for name, command in commands.items() if command is not None}


COMMANDS = all_commands()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("args", [[], ["--help"], ["-h"], ["--version"]], ids=["bare", "help", "h", "version"])
def test_group_help_is_chinese(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert code == (2 if not args else 0)
    assert_chinese(out + err, f"selfeval {' '.join(args)}")


def test_group_lists_every_command_with_a_chinese_summary(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--help")
    listed = out.split("命令：")[1]
    for name in COMMANDS:
        line = next(line for line in listed.splitlines() if line.strip().startswith(name + " "))
        assert CJK.search(line), line


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_help_is_chinese(capsys: pytest.CaptureFixture[str], name: str) -> None:
    command = COMMANDS[name]
    assert isinstance(command, ChineseCommand), f"{name} is a plain click command"
    for flag in ("--help", "-h"):
        code, out, err = run(capsys, name, flag)
        assert code == 0 and not err
        assert_chinese(out, f"selfeval {name} {flag}")
        assert out.startswith(f"用法：selfeval {name} ")
        assert "选项：" in out and "显示本帮助并退出" in out
        too_wide = [line for line in out.splitlines() if display_width(line) > 80]
        assert too_wide == [], "help wider than an 80-column terminal"
    for param in command.params:  # every option and argument is described
        if isinstance(param, click.Option):
            assert param.help and CJK.search(param.help), f"{name} {param.opts}"


def usage_errors(name: str, command: click.Command) -> list[list[str]]:
    """Argument lists that must each end in a usage error, made from the command's parameters."""
    arguments = [p for p in command.params if isinstance(p, click.Argument)]
    required_options = [p for p in command.params if isinstance(p, click.Option) and p.required]
    filled = ["x.xlsx" for _ in arguments]
    for option in required_options:
        filled += [option.opts[-1], "y.xlsx"]
    cases = [[name, "--no-such-option", *filled]]
    if arguments:
        cases.append([name])  # missing argument
    for missing in required_options:  # each required option left out in turn
        others = [part for o in required_options if o is not missing for part in (o.opts[-1], "y.xlsx")]
        cases.append([name, *["x.xlsx" for _ in arguments], *others])
    if not any(a.nargs == -1 for a in arguments):
        cases.append([name, *filled, "extra-1", "extra-2"])
    for option in command.params:
        if not isinstance(option, click.Option):
            continue
        long = max(option.opts, key=len)
        if option.is_flag:
            cases.append([name, *filled, f"{long}=1"])  # a flag given a value
        else:
            cases.append([name, *filled, long])  # an option without its value
        if isinstance(option.type, (click.types.IntParamType, click.types.FloatParamType)):
            cases.append([name, *filled, long, "abc"])
    return cases


CASES = [args for name, command in sorted(COMMANDS.items()) for args in usage_errors(name, command)]
CASES += [["frobnicate"], ["repot", "x.xlsx"], ["--no-such-option"], ["export", "x.xlsx", "--formats", "odt"],
          ["collect", "--jobs", "0", "x.xlsx"]]


@pytest.mark.parametrize("args", CASES, ids=[" ".join(a) for a in CASES])
def test_usage_errors_are_chinese(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2, (code, out, err)
    assert not out
    assert_chinese(err, "selfeval " + " ".join(args))
    assert "错误：" in err and "Traceback" not in err


def test_usage_error_shows_usage_and_where_to_get_help(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "report")
    assert err.splitlines() == ["用法：selfeval report [选项] BOOK", "请运行“selfeval report --help”查看帮助。", "",
                                "错误：缺少参数 BOOK。"]
    _, _, err = run(capsys, "repot")
    assert err.splitlines()[-1] == "错误：没有命令“repot”。您是不是要输入：report？"
    _, _, err = run(capsys, "ledger", "a.xlsx")
    assert err.splitlines()[-1] == "错误：缺少必填选项 --into。"
    _, _, err = run(capsys, "collect", "-j", "x", "a")
    assert err.splitlines()[-1] == "错误：--jobs / -j 的值无效：应为不小于 1 的整数。"


@click.command("pick", cls=ChineseCommand, help="挑选。")
@click.option("--kind", type=click.Choice(["甲", "乙"]), help="种类")
@click.option("--rate", type=float, help="比例")
@click.argument("where", type=click.Path(exists=True))
def pick(kind: str, rate: float, where: str) -> None:
    """A toy command: the types no selfeval command uses yet (choice, float, an existing path)."""


@pytest.mark.parametrize(("args", "expected"), [
    (["--kind", "丙", "."], "--kind 的值无效：只能是以下之一：甲、乙。"),
    (["--rate", "x", "."], "--rate 的值无效：应为数字。"),
    (["/no/such/path"], "WHERE 的值无效：找不到该路径。"),
])
def test_bad_choice_and_other_types_are_chinese(args: list[str], expected: str) -> None:
    with pytest.raises(click.UsageError) as caught:
        pick.main(args, prog_name="selfeval pick", standalone_mode=False)
    assert error_message(caught.value) == expected
    assert_chinese("\n".join(usage_lines(caught.value)), " ".join(args))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_names_do_not_depend_on_who_runs_the_command(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Click caches a command's help option: run on its own first (as tests and the add-in do), -h still works."""
    from click.testing import CliRunner

    alone = CliRunner().invoke(COMMANDS[name], ["-h"])
    assert alone.exit_code == 0 and alone.output.startswith("用法：")
    assert run(capsys, name, "-h")[0] == 0


@pytest.mark.parametrize("width", [10, 17, 24, 40])
def test_wrap_by_terminal_columns(width: int) -> None:
    text = ("在工作簿的副本中写入“校验结果”“自评报告”（已填绩效指标时）和“计算明细”表；原工作簿只读取、不修改。"
            "输出文件 out_report.xlsx 由 selfeval 写入，以 JSON 输出。")
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost, nothing added
    for line in lines:
        within = line.rstrip("，。、；：！？）”")  # a closing mark may overhang: it never starts a line
        assert display_width(within) <= width or re.fullmatch(r"[!-~]+", within), line  # or one long ASCII word
        assert line[0] not in "，。、；：！？）”" and line[-1] not in "（“"
    assert display_width("校验ab") == 6
