Attribute VB_Name = "SelfevalRibbon"
' Ribbon callbacks of the selfeval add-in (the "jixiao zipin" tab, macros/customUI14.xml).
'
' Each button runs one thin Sub: it shows a status-bar message, then calls xlwings' RunPython
' with a literal command that imports one entry point of selfeval_xl.excel.entry. The
' Python side reads the active workbook, runs the same engine as the selfeval CLI, writes the
' output sheets and shows any dialog itself.
'
' This module is ASCII on purpose: the VBA project stores source in its code page, which cannot
' hold Chinese on every machine. Chinese text lives in the add-in's own "selfeval.conf" sheet,
' columns D:E, written at build time from selfeval_xl.core.texts.ADDIN; AddinText reads it.
Option Explicit

Public Sub SelfevalCheck(control As IRibbonControl)
    On Error GoTo Failed
    ShowStatus "status.check"
    RunPython "from selfeval_xl.excel.entry import run_check_caller; run_check_caller()"
    Application.StatusBar = False
    Exit Sub
Failed:
    ReportFailure
End Sub

Public Sub SelfevalReport(control As IRibbonControl)
    On Error GoTo Failed
    ShowStatus "status.report"
    RunPython "from selfeval_xl.excel.entry import run_generate_report_caller; run_generate_report_caller()"
    Application.StatusBar = False
    Exit Sub
Failed:
    ReportFailure
End Sub

Public Sub SelfevalExport(control As IRibbonControl)
    On Error GoTo Failed
    ShowStatus "status.export"
    RunPython "from selfeval_xl.excel.entry import run_export_caller; run_export_caller()"
    Application.StatusBar = False
    Exit Sub
Failed:
    ReportFailure
End Sub

Public Sub SelfevalLedger(control As IRibbonControl)
    ' The ledger file is chosen in Excel's own dialog, opened from Python (no path on a command line).
    On Error GoTo Failed
    ShowStatus "status.ledger"
    RunPython "from selfeval_xl.excel.entry import run_import_ledger_caller; run_import_ledger_caller()"
    Application.StatusBar = False
    Exit Sub
Failed:
    ReportFailure
End Sub

Public Sub SelfevalAbout(control As IRibbonControl)
    On Error GoTo Failed
    ShowStatus "status.about"
    RunPython "from selfeval_xl.excel.entry import run_about_caller; run_about_caller()"
    Application.StatusBar = False
    Exit Sub
Failed:
    ReportFailure
End Sub

Private Sub ShowStatus(ByVal key As String)
    Application.StatusBar = AddinText(key)
End Sub

Private Sub ReportFailure()
    Dim message As String
    message = Replace(AddinText("vba.failed"), "{error}", Err.Description)
    Application.StatusBar = False
    MsgBox message, vbCritical, AddinText("dialog.title")
End Sub

Private Function AddinText(ByVal key As String) As String
    ' The text of catalog key `key` from columns D:E of this add-in's config sheet; the key itself
    ' when it is missing, so a damaged sheet still shows something.
    Dim found As Variant
    AddinText = key
    On Error GoTo Missing
    With ThisWorkbook.Worksheets(PROJECT_NAME & ".conf")
        found = Application.Match(key, .Range("D:D"), 0)
        If Not IsError(found) Then AddinText = CStr(.Cells(found, 5).Value)
    End With
Missing:
End Function
