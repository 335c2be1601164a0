"""Catalog section EXPORT: exports for the finance bureau: file names and messages."""

from __future__ import annotations

EXPORT: dict[str, str] = {
    # file names (made safe for Windows by the exporter)
    "file_report": "{unit}{year}年部门整体支出绩效自评报告",
    "file_report_no_year": "{unit}部门整体支出绩效自评报告",
    "file_scoring": "{unit}{year}年部门整体支出绩效自评表",
    "file_scoring_no_year": "{unit}部门整体支出绩效自评表",
    "file_project_report": "{unit}{year}年{project}项目支出绩效自评报告",
    "file_project_report_no_year": "{unit}{project}项目支出绩效自评报告",
    "file_project_scoring": "{unit}{year}年{project}项目支出绩效自评表",
    "file_project_scoring_no_year": "{unit}{project}项目支出绩效自评表",
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
    # the Word document's 附件说明 and 落款 (GB/T 9704 §7.3.3, §7.3.5)
    "style.attachment_note": "公文附件说明",
    "style.signature": "公文落款",
    "attachment_note": "附件：",
    "attachment_item": "{n}.{name}",
    "signed_date": "{year}年{month}月{day}日",
    # command description (selfeval export --help)
    "help_command": "导出报送财政部门的文件：自评报告（.docx、.pdf）和只含数值的自评表工作簿（.xlsx）；已填绩效指标的项目另各导出一套项目支出绩效自评表（.xlsx）和自评报告（.docx、.pdf）。",
    "help_book": "填好的绩效自评工作簿（.xlsx）",
}

# Ledger import and finance-bureau batch consolidation (selfeval ledger / collect).
