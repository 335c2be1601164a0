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
  BATCH      ledger import and batch consolidation (selfeval ledger / collect)
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
    # --- year over year ---
    "large_swing": "{item}全年执行数由上年的 {previous} 万元变为 {current} 万元，变动 {percent}，超过 {threshold}，请在“说明”列写明原因。",
    "previous_year_mismatch": "上年工作簿的年度为 {previous} 年，与本年度 {year} 年不相邻，请确认选择了上一年度的工作簿。",
    # --- 自评表 ---
    "indicators_empty": "“绩效指标”未填写，将不生成自评表；部门整体支出绩效自评须报送自评表，请填写。",
    "level2_mismatch": "二级指标“{level2}”不属于一级指标“{level1}”，可选：{allowed}。",
    "weights_total": "预算执行率分值 {execution} 分与各绩效指标分值合计为 {total} 分，应为 100 分，请调整分值。",
    "weights_level1": "按评分方案“{preset}”，{level1}分值合计应为 {required} 分，现为 {got} 分；未设满意度指标时请选择“无满意度指标”方案。",
    "weight_not_positive": "分值应大于 0，现为 {value}。",
    "rating_missing": "定性指标“{name}”请选择定性评价（达成 / 部分达成 / 未达成）。",
    "indicator_not_number": "定量指标“{name}”的值“{value}”不是数字；定量指标请填数字，文字描述的指标请将方向选为“定性”。",
    "score_above_weight": "指标“{name}”的自评得分 {score} 超出范围（0 至分值 {weight}），请核实。",
    "manual_out_of_band": "定性指标“{name}”评价为“{rating}”，得分应在 {low} 至 {high} 分之间（达成档含上限），现为 {score} 分；已按默认得分计算。",
    "manual_differs": "指标“{name}”的自评得分 {manual} 与按规则计算的 {computed} 不一致（相差超过 0.01），自评表采用计算得分；如有特殊情况请在偏差原因中说明。",
    "reason_below_target": "指标“{name}”实际完成 {actual}{unit}，低于年度指标值 {target}{unit}，请填写偏差原因及改进措施。",
    "reason_far_above_target": "指标“{name}”实际完成 {actual}{unit}，超过年度指标值 {target}{unit} 的 {factor} 倍，可能是目标设置偏低，请填写偏差原因。",
    "reason_score_below_weight": "指标“{name}”得分 {score} 低于分值 {weight}，请填写偏差原因及改进措施。",
    "fund_sum_mismatch": "年度资金总额{column}为 {stated} 万元，但本年财政拨款、上年结转资金、其他资金之和为 {expected} 万元，请核对。",
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
    "yoy": "与{year}年相比，{items}。",
    "yoy_last_year": "上年",
    "yoy_up": "{item}增加{delta}万元，增长{percent}",
    "yoy_down": "{item}减少{delta}万元，下降{percent}",
    "yoy_same": "{item}与上年持平",
    "yoy_new": "{item}增加{delta}万元（上年为0）",
    "yoy_name_total": "部门整体支出",
    "yoy_name_basic": "基本支出",
    "yoy_name_personnel": "人员经费",
    "yoy_name_public": "公用经费",
    "yoy_name_project": "项目支出",
    "score_summary": "经自评，{year}年度部门整体支出绩效自评得分为{total}分，等级为“{grade}”。其中：预算执行率{rate}，得分{execution}分（满分10分）；{levels}。",
    "score_level1": "{level1}得分{score}分（满分{weight}分）",
    "score_short": "未得满分的指标：{items}。",
    "score_short_item": "{name}得{score}分（分值{weight}分）",
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
    "calc.exec_rate": "自评表：预算执行率",
    "calc.exec_score": "自评表：预算执行率得分",
    "calc.total_score": "自评表：自评总分",
    "calc.grade": "自评表：等级",
    "calc_indicator": "指标得分：{name}",
    "calc_exec_score": "min({rate}, 100%) × 10",
    "calc_total_score": "{execution} + {indicators}",
    "calc_grade_rule": "优 ≥ 90；良 80～90；中 60～80；差 < 60",
    "calc_rule_full": "实际 {actual} 达到目标 {target}，得满分 {weight}",
    "calc_rule_ratio": "{weight} × {actual} ÷ {target}",
    "calc_rule_reverse_full": "实际 {actual} 不超过目标 {target}，得满分 {weight}",
    "calc_rule_reverse_ratio": "{weight} × {target} ÷ {actual}",
    "calc_rule_band": "{weight} × {coefficient}（{rating}档默认系数）",
    "calc_rule_manual": "采用自评得分 {manual}（{rating}档：{low}～{high}）",
    "calc_rule_missing": "缺少数据，按 0 分计",
    "sheet_scoring": "自评表",
    "scoring_title": "{unit}{year}年度部门整体支出绩效自评表",
    "scoring_unit": "单位名称",
    "scoring_total": "自评总分",
    "scoring_grade": "等级",
    "scoring_funds": "资金情况（万元）",
    "scoring_initial": "年初预算数",
    "scoring_adjusted": "全年预算数（A）",
    "scoring_executed": "全年执行数（B）",
    "scoring_weight": "分值",
    "scoring_rate": "执行率（B/A）",
    "scoring_score": "得分",
    "scoring_goals": "年度总体目标",
    "scoring_expected": "预期目标",
    "scoring_actual_goal": "实际完成情况",
    "scoring_level1": "一级指标",
    "scoring_level2": "二级指标",
    "scoring_level3": "三级指标",
    "scoring_target": "年度指标值",
    "scoring_actual": "实际完成值",
    "scoring_reason": "偏差原因分析及改进措施",
    "scoring_rated": "{actual}（{rating}）",
    "scoring_sum": "总分",
    "scoring_grade_is": "等级：{grade}",
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
    "help_previous": "上年度的自评工作簿：报告写明同比增减，校验提示未说明原因的大幅变动",
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
ADDIN: dict[str, str] = {
    # ribbon (macros/customUI14.xml carries these labels; tests/addin checks they are equal)
    "ribbon.tab": "绩效自评",
    "ribbon.group_main": "部门整体支出绩效自评",
    "ribbon.group_help": "帮助",
    "ribbon.check": "校验数据",
    "ribbon.check_tip": "检查本工作簿的数据，把每个问题列在“校验结果”表中（点击位置可跳转到单元格）。不修改您填写的内容。",
    "ribbon.report": "生成报告",
    "ribbon.report_tip": "校验无错误后，在本工作簿中生成“自评报告”“计算明细”“校验结果”表（每次重新生成）。",
    "ribbon.export": "导出报送",
    "ribbon.export_tip": "生成报告，并在工作簿所在文件夹导出报送用的 Excel、Word 和 PDF 文件。",
    "ribbon.about": "关于/诊断",
    "ribbon.about_tip": "显示程序版本、Python 解释器、配置和日志文件位置，供技术支持排查问题。",
    # status bar (shown by the VBA callbacks, read from the add-in's selfeval.conf sheet)
    "status.check": "绩效自评：正在校验数据，请稍候……",
    "status.report": "绩效自评：正在生成报告，请稍候……",
    "status.export": "绩效自评：正在导出报送文件，请稍候……",
    "status.about": "绩效自评：正在收集诊断信息……",
    "status.writing": "绩效自评：正在写入“{sheet}”表……",
    "vba.failed": "无法启动绩效自评程序（Python）。请联系信息技术人员检查安装，或点击“关于/诊断”。错误信息：{error}",
    # dialogs
    "dialog.title": "绩效自评",
    "check.clean": "校验通过：未发现错误，有 {warnings} 个提示。详见“{sheet}”表。",
    "check.summary": "共发现 {errors} 个错误、{warnings} 个提示，已列在“{sheet}”表中；点击“位置”列可跳转到对应单元格。修正后请再次点击“校验数据”。",
    "report.refused": "工作簿有 {errors} 个错误，未生成报告。错误已列在“{sheet}”表中，请修正后再点击“生成报告”。",
    "export.refused": "工作簿有 {errors} 个错误，未导出报送文件。错误已列在“{sheet}”表中，请修正后再点击“导出报送”。",
    "export.done": "已导出报送文件到“{folder}”：\n{files}",
    "export.pdf_skipped": "（本环境无法调用 Excel 导出 PDF，已跳过 PDF。）",
    "export.pdf_failed": "PDF 导出失败（{error}），其他文件已导出。",
    "export.unsaved": "请先把工作簿保存到本机文件夹，再点击“导出报送”（报送文件写在工作簿所在的文件夹）。",
    "export.cloud": "工作簿保存在 OneDrive/SharePoint 网络位置（{path}），无法在其旁边写入文件。请先“另存为”到本机文件夹，再点击“导出报送”。",
    "export.unavailable": "导出功能尚未安装（{error}），请联系信息技术人员。",
    "error.write": "无法写入“{sheet}”表：{error}。请确认工作簿没有设置“保护工作簿结构”，然后重试。",
    "error.internal": "程序内部错误：{error}。\n详细信息已写入日志文件：{log}\n请把该文件发给信息技术人员。",
    "link.tip": "点击跳转到 {where}",
    # 关于/诊断
    "about.text": "selfeval_xl 版本：{version}\nxlwings 版本：{xlwings}\nPython 版本：{python}\nPython 解释器：{executable}\n程序位置：{package}\nExcel 引擎：{engine}\n当前工作簿：{book}\n用户配置文件：{user_config}（{user_config_state}）\n日志文件：{log}",
    "about.exists": "已存在",
    "about.missing": "不存在，使用加载项内置配置",
    # the add-in's selfeval.conf sheet (for IT)
    "conf.note": "说明：A、B 两列是 xlwings 配置（读到第一个空行为止）。Python 解释器路径请在构建时用 --interpreter-win / --interpreter-mac 写入，或写在用户配置文件 %USERPROFILE%\\.selfeval\\selfeval.conf 中，一行一项，如 \"INTERPRETER_WIN\",\"C:\\selfeval\\.venv\\Scripts\\pythonw.exe\"。D、E 两列是加载项界面文字，由程序生成，请勿修改。",
    # build-addin / install-addin
    "build.written": "已生成加载项：{path}",
    "build.no_macros": "找不到宏源文件夹“{path}”（需要 .bas 模块和 customUI14.xml）。请在 selfeval_xl 源代码目录中运行，或用 --macros 指定。",
    "build.bad_source": "宏源文件“{path}”不符合要求：{reason}",
    "build.reason_crlf": "VBA 模块必须使用 CRLF（Windows）换行",
    "build.reason_ascii": "VBA 模块只能包含 ASCII 字符（VBA 工程的代码页保存不了中文；中文提示请写入 texts.ADDIN）",
    "build.reason_name": "第一行必须是 Attribute VB_Name = \"模块名\"，且模块名与文件名一致",
    "build.reason_xlwings": "已安装的 xlwings 中找不到 {what}，请安装 pyproject 中固定的 xlwings 版本",
    "install.no_excel": "本机（{system}）没有 Microsoft Excel：绩效自评加载项只能在 Windows 或 macOS 的 Excel 中使用。请在装有 Excel 的电脑上运行“selfeval install-addin”，或把加载项文件（selfeval build-addin 生成）复制过去。",
    "install.done": "已安装加载项：{path}\n请重新启动 Excel，功能区会出现“绩效自评”选项卡。该文件夹是 Excel 默认的受信任位置；如单位策略禁用了宏，请让信息技术人员把它加入受信任位置。",
    "install.missing": "找不到加载项文件“{path}”，请先运行 selfeval build-addin。",
    "help.build_output": "加载项文件名（默认 dist/selfeval.xlam）",
    "help.build_macros": "宏源文件夹（默认：源代码目录中的 macros/）",
    "help.interpreter_win": "写入加载项的 Windows Python 解释器路径（如 C:\\selfeval\\.venv\\Scripts\\pythonw.exe）",
    "help.interpreter_mac": "写入加载项的 macOS Python 解释器路径",
    "help.udf_server": "使用 xlwings 的常驻 Python 进程（Windows，重复点击更快）",
    "help.install_from": "要安装的加载项文件（默认：从 macros/ 现场构建）",
    "help.install_dir": "安装到此文件夹（默认：Excel 启动文件夹 XLSTART）",
}

# Exports for the finance bureau (values-only xlsx, docx, pdf): file names, messages.
EXPORT: dict[str, str] = {
    # file names (made safe for Windows by the exporter)
    "file_report": "{unit}{year}年部门整体支出绩效自评报告",
    "file_report_no_year": "{unit}部门整体支出绩效自评报告",
    "file_scoring": "{unit}{year}年部门整体支出绩效自评表",
    "file_scoring_no_year": "{unit}部门整体支出绩效自评表",
    "unit_missing": "未命名单位",
    # the Word document: style names shown in Word, the attachment label, page numbers "— 1 —"
    "style.title": "公文标题",
    "style.h1": "公文一级标题",
    "style.h2": "公文二级标题",
    "style.body": "公文正文",
    "style.item": "公文条目",
    "style.banner": "公文醒目提示",
    "style.attachment": "公文附件标识",
    "style.table_title": "公文表格标题",
    "style.table_cell": "公文表格文字",
    "style.table_note": "公文表格说明",
    "style.page_number": "公文页码",
    "attachment": "附件",
    "page_before": "— ",
    "page_after": " —",
    "list_sep": "、",
    # command line and add-in messages
    "written": "已导出：{path}",
    "refused": "工作簿有 {errors} 个错误，未导出。请先修正（运行 selfeval check 查看）；确需导出草稿可加 --force（报告将带有醒目提示，不得报送）。",
    "unknown_sheets": "没有可导出的工作表“{names}”；可选：{choices}。",
    "no_sheets": "没有选择要导出的工作表；可选：{choices}。",
    "unknown_formats": "不支持的导出格式“{names}”；可选：xlsx、docx、pdf（用逗号分隔）。",
    "needs_docx": "导出 Word 文件需要 python-docx，请先安装：pip install python-docx",
    "no_soffice": "未找到 LibreOffice，无法生成 PDF。请安装 LibreOffice：Debian/Ubuntu 运行 sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk；Windows/macOS 从 https://zh-cn.libreoffice.org 下载安装；或将环境变量 SELFEVAL_SOFFICE 设为 soffice 程序的完整路径。也可以先不导出 PDF：--formats xlsx,docx。",
    "pdf_failed": "用 LibreOffice 生成 PDF 失败（{reason}），未写入“{path}”。请关闭正在运行的 LibreOffice 后重试。",
    "pdf_timeout": "{seconds} 秒内未完成",
    "pdf_no_output": "没有生成 PDF 文件",
    "pdf_exit": "退出代码 {code}",
    "help_output": "输出文件夹（默认：工作簿所在文件夹）",
    "help_sheets": "导出到 xlsx 的工作表，用逗号分隔（默认：自评报告、自评表）",
    "help_formats": "导出格式，用逗号分隔（默认：xlsx,docx,pdf）",
    "help_force": "覆盖已存在的文件；工作簿有错误时仍导出（报告带醒目提示，不得报送）",
}

# Ledger import and finance-bureau batch consolidation (selfeval ledger / collect).
BATCH: dict[str, str] = {}

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
