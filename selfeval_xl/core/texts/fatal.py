"""Catalog section FATAL: messages of the exceptions that stop a run (unreadable file, not our template, …)."""

from __future__ import annotations

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
    "template_version": "“{path}”的模板版本为“{found}”，本程序需要“{expected}”版模板；请用新模板重新填写（可复制粘贴原数据）。",
    "template_old": "“{path}”是旧版模板（“{found}”版），请先运行 selfeval migrate “{path}” 升级为“{expected}”版（原文件不会被修改）。",
    "migrate_not_needed": "“{path}”已是当前模板版本（“{version}”），无需升级。",
    "output_failed": "无法写入“{path}”：{reason}",
    "output_exists": "“{path}”已存在；如需覆盖，请加 --force。",
    "has_errors": "“{path}”有 {errors} 个错误，未生成报告；请先修正（selfeval check 列出每个错误的位置），或用 force 强制生成。",
    "output_is_input": "输出文件不能与输入工作簿相同（“{path}”），以免覆盖您的原始数据。",
    # outputs of report / check / template (-o)
    "output_not_xlsx": "不能写入“{path}”：本程序生成的是不含宏的 Excel 工作簿（.xlsx），不能以其他扩展名保存（否则 Excel 无法打开）；请改用 .xlsx 扩展名，如“{suggestion}”。",
    "output_read_only": "“{path}”是只读文件，不能覆盖；请另选输出文件名，或先取消该文件的只读属性。",
    "output_is_directory": "“{path}”是一个文件夹，请指定输出文件名（.xlsx）。",
    # --- reasons for operating-system errors (core.errors.os_reason) ---
    "reason_permission": "没有访问权限，请检查文件的权限或是否被其他程序锁定",
    "reason_name_too_long": "文件名过长（超过 255 字节，一个汉字占 3 字节），请缩短文件名或路径",
    "reason_no_space": "磁盘空间不足",
    "reason_read_only": "所在磁盘或文件夹是只读的",
    "reason_link_loop": "路径中的快捷方式（符号链接）循环引用",
    "reason_not_found": "路径中的文件夹不存在",
    "reason_is_directory": "这是一个文件夹",
    "reason_os": "系统错误（{error}）",
}
