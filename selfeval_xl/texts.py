"""The one catalog of user-facing text (Simplified Chinese).

Every string an accountant or a finance-bureau reviewer reads lives here, keyed by a stable
English identifier, with named ``{placeholders}``. Code never builds Chinese sentences from
fragments of its own; it picks a key and passes the values. Tests check that every issue code
has a message and that rendering leaves no placeholder unfilled.

Sections:
  ISSUES     validation issue messages, by issue code
  FATAL      messages of the exceptions that stop a run (unreadable file, not our template, ...)
  REPORT     narrative templates of the 自评报告
  UI         sheet titles, column headers of output sheets, CLI and dialog text
  ADDIN      the Excel add-in: ribbon labels, dialogs, status bar, build/install messages
  EXPORT     exports for the finance bureau: file names and messages
  AUDIT      findings of ``selfeval audit`` (reviewing an existing report text)
"""

from __future__ import annotations

import string
from collections.abc import Mapping

ISSUES: dict[str, str] = {
    # --- cell values (parse) ---
    "required": "“{field}”为必填项，请填写。",
    "formula_error": "“{field}”的公式出错（{value}），请修正公式或直接填写数值。",
    "number_as_text": "“{field}”的数字“{value}”以文本形式保存，已按数字读取；建议改为数字格式。",
    "qualifier_in_number": "“{field}”填写为“{value}”，已按数字读取，并将“{qualifier}”作为限定词；建议数字与限定词分列填写。",
    "approximate_number": "“{field}”填写为“{value}”，金额不能是约数，请填写准确数字。",
    "chinese_numeral": "“{field}”填写为“{value}”，请用阿拉伯数字填写（如 100000 或 10.00），不要用中文数字。",
    "number_with_unit": "“{field}”填写为“{value}”，请只填数字，不要带单位；金额单位在“基本信息”表中选择。",
    "not_a_number": "“{field}”应填数字，现为“{value}”。",
    "negative_amount": "“{field}”为负数（{value}），金额不能为负，请核实。",
    "amount_precision": "“{field}”为 {value}，以{unit}为单位时最多保留 {places} 位小数，请核实是否填错单位或多填了数字。",
    "negative_number": "“{field}”为负数（{value}），数量不能为负，请核实。",
    "not_a_count": "“{field}”应为不小于 0 的整数，现为 {value}。",
    "not_a_year": "“{field}”应为四位年份（如 2020），现为“{value}”。",
    "not_a_date": "“{field}”应为日期（如 2019-06-21），现为“{value}”。",
    "not_in_list": "“{field}”填写为“{value}”，不在可选范围内，请从下拉列表中选择（{choices}）。",
    "econ_code_invalid": "科目“{value}”不是五位经济分类编码，请从下拉列表中选择。",
    "econ_code_retired": "经济分类科目 {code} 不可使用（{why}），请改用现行科目。",
    "econ_code_unknown": "经济分类科目 {code} 不在部门预算支出经济分类科目表中，请从下拉列表中选择。",
    # --- template structure ---
    "sheet_missing": "缺少工作表“{sheet}”，请不要删除或重命名模板中的工作表。",
    "column_missing": "表格“{table}”缺少“{column}”列，请不要删除或重命名模板中的列标题。",
    "row_missing": "表格“{table}”缺少“{row}”行，请不要删除或改写模板中的行名称。",
    "unknown_row": "表格“{table}”中的行名称“{value}”无法识别，请不要改写模板中的行名称。",
    "row_outside_table": "此处的数据在表格“{table}”之外，不会被读取；请在表格内插入行后再填写。",
    # --- business rules ---
    "sum_mismatch": "{item}{column}为 {stated} 万元，但{parts}之和为 {expected} 万元，相差 {diff} 万元，请核对。",
    "detail_empty": "“经济分类明细”未填写，报告将无法列出人员经费、公用经费“主要包括”的科目。",
    "detail_mismatch": "{item}全年执行数为 {stated} 万元，但经济分类明细合计为 {detail} 万元，相差 {diff} 万元，请核对明细或汇总数。",
    "projects_empty": "项目支出全年执行数为 {stated} 万元，但“项目支出”表中没有项目，请补充项目明细。",
    "projects_mismatch": "项目支出全年执行数为 {stated} 万元，但“项目支出”表中各项目合计为 {listed} 万元，相差 {diff} 万元，请核对。",
    "over_budget": "{item}全年执行数 {executed} 万元超过全年预算数 {adjusted} 万元，请在“说明”列写明原因。",
    "low_execution": "{item}预算执行率为 {rate}，低于 {threshold}，请在“说明”列写明原因。",
    "fund_amount_missing": "{item}选择了“有”，请填写金额或情况说明。",
    "fund_amount_but_none": "{item}选择了“无”，但金额为 {amount} 万元，请核对。",
    "count_mismatch": "“{field}”填写为 {stated}，但“{table}”列表中有 {listed} 项，请核对。",
    "over_staffing": "实有人数 {actual} 人超过核定编制数 {staffing} 人，请核实。",
    "public_share_high": "公用经费占基本支出的 {share}，高于 {threshold}，较为少见，请核实人员经费、公用经费的划分（301、303类计入人员经费）。",
    "output_below_target": "“{what}”实际完成 {quantity}{unit}，低于年度目标 {target}{unit}，请填写偏差原因。",
    "duplicate_code": "科目 {code} 在第 {first_row} 行已填写过，请合并为一行。",
    "list_empty": "“{table}”未填写，报告中该部分将为空。",
    "founded_after_year": "成立时间 {date} 晚于评价年度 {year} 年，请核实。",
    "year_mismatch": "“{field}”为 {value}，与评价年度 {year} 年不一致，请核实。",
    "internal_error": "校验规则“{rule}”运行出错（{error}），其他校验结果不受影响；请将此信息反馈给技术支持。",
}

FATAL: dict[str, str] = {
    "internal": "程序内部错误：{error}。详细信息已写入日志，请反馈给技术支持。",
    "unreadable": "无法读取文件“{path}”：{reason}",
    "file_missing": "找不到文件“{path}”，请检查路径和文件名。",
    "is_directory": "“{path}”是一个文件夹，请指定要处理的工作簿文件（.xlsx）。",
    "not_a_workbook": "“{path}”不是有效的 Excel 工作簿（.xlsx），请用 Excel 或 WPS 打开后另存为“Excel 工作簿 (*.xlsx)”。",
    "csv_as_xlsx": "“{path}”实际是文本（CSV）文件，只是扩展名为 .xlsx；请在绩效自评模板中填写后保存为 .xlsx。",
    "zip_not_workbook": "“{path}”是压缩包而不是 Excel 工作簿，请指定绩效自评模板工作簿。",
    "truncated": "“{path}”文件不完整或已损坏（可能复制或下载未完成），请重新保存或重新复制该文件。",
    "legacy_xls": "“{path}”是旧版 Excel 97-2003 格式（.xls），请用 Excel 或 WPS 打开后另存为“Excel 工作簿 (*.xlsx)”。",
    "encrypted": "“{path}”设置了打开密码，无法读取；请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存一份再处理。",
    "unsafe": "“{path}”存在异常（{reason}），为安全起见拒绝处理；请确认文件来源，或在 Excel 中另存后重试。",
    "reason_file_size": "文件大小 {size} MB，超过上限 {limit} MB",
    "reason_members": "压缩包内有 {count} 个部件，超过上限 {limit}",
    "reason_inflated": "解压后约 {size} MB，超过上限 {limit} MB",
    "reason_ratio": "部件 {member} 的压缩比异常",
    "reason_dtd": "部件 {member} 包含 XML 实体或 DTD 声明",
    "reason_entities": "包含 XML 实体或 DTD 声明",
    "not_our_template": "“{source}”不是用绩效自评模板填写的工作簿，请先用“selfeval template”生成模板，将数据填入模板后再处理。",
    "template_version": "工作簿的模板版本为“{found}”，本程序需要“{expected}”版模板；请用新模板重新填写（可复制粘贴原数据）。",
    "output_failed": "无法写入“{path}”：{reason}",
    "output_exists": "“{path}”已存在；如需覆盖，请加 --force。",
    "output_is_input": "输出文件不能与输入工作簿相同（“{path}”），以免覆盖您的原始数据。",
}

REPORT: dict[str, str] = {
    "title": "{unit}{year}年部门整体支出绩效自评报告",
    "forced_banner": "【注意】本报告在工作簿存在 {errors} 个校验错误的情况下强制生成，其中数据可能不准确，请修正后重新生成，不得直接报送。",
    # section headings
    "h_basic": "基本情况",
    "h_unit": "部门基本情况",
    "h_goals": "部门年度整体支出绩效目标",
    "h_general": "一般公共预算支出情况",
    "h_basic_spending": "基本支出情况",
    "h_project_spending": "项目支出情况",
    "h_local_other": "{level}其他财政性资金实施情况",
    "h_gov_fund": "政府性基金预算支出情况",
    "h_soe_capital": "国有资本经营预算支出情况",
    "h_social_insurance": "社会保险基金预算支出情况",
    "h_performance": "部门整体支出绩效情况",
    "h_problems": "存在的问题及原因",
    "h_measures": "下一步改进措施",
    "h_application": "结果应用和公开情况",
    "h_other_notes": "其他需要说明的情况",
    # 一、基本情况
    "unit_heading": "{n}单位内设机构及人员情况。",
    "unit_founded": "于{date}{way}，",
    "unit_nature": "为{text}",
    "unit_supervisor": "，归口{supervisor}管理",
    "unit_intro": "{name}{founded}{nature}{supervisor}。",
    "unit_bodies": "内设{bodies}共{count}个{word}。",
    "unit_staffing": "核定{kind}{staffing}名，目前到位{actual}人。",
    "unit_retired": "退休人员{retired}人。",
    "unit_leaders": "共设{leaders}。",
    "unit_leader": "{title}{count}名",
    "duties_lead": "{n}主要职责是：",
    # 二、一般公共预算
    "general_total": "{name}{year}年部门整体支出{total}万元，其中：基本支出{basic}万元，项目支出{project}万元。",
    "general_rate": "全年预算数{adjusted}万元，预算执行率为{rate}。",
    "basic_spending": "{year}年度财政拨款基本支出{basic}万元，其中：人员经费{personnel}万元，占基本支出的{personnel_share}{personnel_items}；公用经费{public}万元，占基本支出的{public_share}{public_items}。",
    "items_list": "，主要包括{items}",
    "project_spending": "{year}年度项目支出{project}万元，主要用于{uses}。",
    "project_none": "{year}年度没有项目支出。",
    "project_detail": "其中：{items}。",
    "project_item": "{name}{amount}万元",
    "fund_none": "{year}年没有{what}。",
    "fund_some": "{year}年{what}{amount}万元。",
    "fund_what_local_other": "{level}其他财政性资金",
    "fund_what_gov_fund": "政府性基金预算支出",
    "fund_what_soe_capital": "国有资本经营预算支出",
    "fund_what_social_insurance": "社会保险基金预算支出",
    # 六、绩效
    "outputs_as_of": "{intro}截止到{date}，共{items}。",
    "outputs_year": "{intro}{year}年共{items}。",
    "output_item": "{what}{quantity}{unit}",
    "output_item_more": "{what}{quantity}余{unit}",
    "output_item_above": "{what}{quantity}{unit}以上",
    "output_item_about": "{what}约{quantity}{unit}",
    "output_sep": "；",
    "project_sep": "；",
    # 七、八 ...
    "problem_item": "{n}{problem}",
    "problem_cause": "{n}{problem}原因：{cause}",
    "list_item": "{n}{text}",
    "missing": "（未填写）",
}

UI: dict[str, str] = {
    # output sheets
    "sheet_report": "自评报告",
    "sheet_calc": "计算明细",
    "sheet_issues": "校验结果",
    "calc_header_item": "项目",
    "calc_header_value": "结果",
    "calc_header_inputs": "计算过程",
    "calc_header_note": "备注",
    "calc_note_apportioned": "四舍五入后各部分之和与合计不一致，已按最大余数法调整0.01，使其相加等于合计",
    "calc.total": "一般公共预算支出合计（万元）",
    "calc.basic": "基本支出（万元）",
    "calc.personnel": "人员经费（万元）",
    "calc.public": "公用经费（万元）",
    "calc.project": "项目支出（万元）",
    "calc.personnel_share": "人员经费占基本支出的比例",
    "calc.public_share": "公用经费占基本支出的比例",
    "calc.basic_share": "基本支出占总支出的比例",
    "calc.project_share": "项目支出占总支出的比例",
    "calc.rate_total": "一般公共预算支出执行率",
    "calc.rate_basic": "基本支出执行率",
    "calc.rate_personnel": "人员经费执行率",
    "calc.rate_public": "公用经费执行率",
    "calc.rate_project": "项目支出执行率",
    "calc.detail_personnel": "经济分类明细：人员经费合计（万元）",
    "calc.detail_public": "经济分类明细：公用经费合计（万元）",
    "calc.detail_project": "经济分类明细：项目支出合计（万元）",
    "calc.projects_total": "项目支出表：各项目合计（万元）",
    "calc_generated": "生成时间：{when}　程序版本：selfeval_xl {version}",
    "issues_header_no": "序号",
    "issues_header_severity": "级别",
    "issues_header_where": "位置",
    "issues_header_message": "问题说明",
    "issues_header_code": "代码",
    "issues_none": "未发现问题。",
    "severity.error": "错误",
    "severity.warning": "提示",
    "no_location": "（整个工作簿）",
    # CLI
    "cli_written": "已生成：{path}",
    "cli_report_refused": "工作簿有 {errors} 个错误，未生成报告。请先修正（运行 selfeval check 查看），或加 --force 强制生成（报告将带有醒目提示）。",
    "cli_check_summary": "共 {errors} 个错误，{warnings} 个提示。",
    "cli_check_clean": "校验通过：未发现错误。",
    "cli_template_written": "已生成空白模板：{path}",
    "help_report_output": "输出工作簿（默认：<原文件名>_报告.xlsx）",
    "help_report_text": "把报告正文以纯文本（UTF-8）输出到屏幕",
    "help_report_force": "工作簿有错误时仍生成报告（报告带醒目提示，不得直接报送）",
    "help_check_json": "以 JSON 输出（code, severity, sheet, cell, message）",
    "help_check_output": "另存一份带“校验结果”表和标注的副本",
    "help_template_output": "模板文件名，如 模板.xlsx",
    "help_force_overwrite": "覆盖已存在的文件",
    # template
    "required_mark": "＊",
    "dropdown_error": "请从下拉列表中选择：{choices}",
    "dropdown_error_econ": "请从下拉列表中选择经济分类科目",
    # 计算明细 expressions
    "calc_share": "{part} ÷ {whole} × 100%",
    "calc_sum": "{a} + {b}",
}


# The Excel add-in: ribbon labels, dialogs, status-bar messages, install/build messages.
ADDIN: dict[str, str] = {}

# Exports for the finance bureau (values-only xlsx, docx, pdf): file names, messages.
EXPORT: dict[str, str] = {}

# Findings of the report auditor (selfeval_xl.audit); keys are the finding codes.
# Keys with a dot are not findings: "input.*" = unreadable-file messages, "cli.*"/"severity.*" = listing text.
AUDIT: dict[str, str] = {
    "sum_mismatch": "{label}为{stated}，但其组成部分（{parts}）合计为{expected}，两者不一致。",
    "parts_exceed_total": "“其中”所列各项（{parts}）合计{expected}，超过了{label}{stated}。",
    "parts_below_total": "“其中”所列各项（{parts}）合计{expected}，少于{label}{stated}；如为部分列举可忽略，否则请补全或更正。",
    "restated_amount_differs": "{label}在第{first_paragraph}段为{expected}，此处写为{stated}，前后不一致。",
    "share_mismatch": "{subject}{amount}占{denominator}{base}的比例应为{expected}，报告写为{stated}。",
    "shares_not_100": "占{denominator}的各项比例（{parts}）合计为{stated}，应为{expected}。",
    "shares_rounding_drift": "占{denominator}的各项比例（{parts}）合计为{stated}，系四舍五入造成；建议最后一项按100%减其余各项列示，并加注说明。",
    "execution_rate_mismatch": "按执行数{executed}÷预算数{budget}计算，预算执行率应为{expected}，报告写为{stated}。",
    "low_rate_problems_denied": "预算执行率为{stated}，低于90%，但“{problems}”部分称没有问题；请说明执行率偏低的原因及改进措施。",
    "low_rate_problems_missing": "预算执行率为{stated}，低于90%，但报告没有“存在的问题”部分；请说明执行率偏低的原因及改进措施。",
    "grade_mismatch": "自评得分{score}分对应的等级应为“{expected}”（优≥90分，良80–90分，中60–80分，差<60分），报告写为“{stated}”。",
    "score_out_of_range": "得分{stated}超出0–100分的范围。",
    "count_mismatch": "写明“{stated}”，但列举了{listed}项：{items}。",
    "mixed_precision": "金额{stated}保留{decimals}位小数，与报告中多数金额（{majority}位小数）不一致；请统一小数位数（建议统一保留两位小数）。",
    "term_typo": "“{stated}”疑为“{expected}”之误。",
    "heading_sequence": "一级标题“{heading}”的序号为“{stated}”，按顺序应为“{expected}”；请检查是否漏写或重复了部分。",
    "check_failed": "内部检查“{check}”运行出错（{error}），其余检查不受影响；请将该报告反馈给开发人员。",
    "input.missing": "找不到文件：{path}",
    "input.unreadable": "无法读取文件：{path}（{reason}）",
    "input.unsupported": "不支持的文件类型“{suffix}”：{path}。请提供 .docx、.txt 或 .pdf 文件（.doc 请先另存为 .docx）。",
    "input.encoding": "无法识别文本文件的编码：{path}（已尝试 UTF-8、带BOM的UTF-8、GB18030）。",
    "input.needs_docx": "读取 Word 文件需要安装 python-docx：{path}",
    "input.bad_docx": "无法打开 Word 文件：{path}（文件可能已损坏，或不是 .docx 格式）。",
    "input.needs_pypdf": "读取 PDF 需要安装 pypdf（pip install pypdf）：{path}",
    "input.bad_pdf": "无法打开 PDF 文件：{path}（文件可能已损坏）。",
    "input.pdf_encrypted": "PDF 文件已加密，无法提取文字：{path}",
    "input.pdf_no_text": "PDF 文件中没有可提取的文字（可能是扫描件或图片）：{path}。请提供 Word 或文本版本的报告。",
    "severity.error": "错误",
    "severity.warning": "警告",
    "cli.header": "审核：{file}",
    "cli.front_matter": "标题及前言",
    "cli.location": "{section} 第{section_paragraph}段（全文第{paragraph}段）",
    "cli.location_heading": "{section} 标题（全文第{paragraph}段）",
    "cli.location_document": "全文",
    "cli.finding": "[{severity}] {location}  {code}",
    "cli.quote": "    原文：{sentence}",
    "cli.values": "    报告值：{stated}；应为：{expected}",
    "cli.message": "    说明：{message}",
    "cli.summary": "共发现 {errors} 个错误、{warnings} 个警告（全文 {paragraphs} 段，识别数字 {figures} 个）。",
    "cli.clean": "未发现问题（全文 {paragraphs} 段，识别数字 {figures} 个）。",
}


_FORMATTER = string.Formatter()


def placeholders(template: str) -> set[str]:
    """Names of the ``{placeholders}`` in a catalog template."""
    return {field for _, field, _, _ in _FORMATTER.parse(template) if field}


def render(table: Mapping[str, str], key: str, /, **params: object) -> str:
    """Fill the template ``table[key]``; a missing placeholder is a programming error (KeyError)."""
    template = table[key]
    missing = placeholders(template) - params.keys()
    if missing:
        raise KeyError(f"text {key!r} needs {sorted(missing)}")
    return template.format_map(params)
