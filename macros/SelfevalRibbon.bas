Attribute VB_Name = "SelfevalRibbon"
' Ribbon callbacks of the selfeval add-in (the "jixiao zipin" tab, macros/customUI14.xml).
'
' Each button sends one request to the selfeval service that runs for this user on 127.0.0.1
' (selfeval serve, started at logon; see docs/addin.md): the action's name and the active
' workbook's FullName, with the token the service wrote to %USERPROFILE%\.selfeval\connection.txt.
' The service answers at once and then works on the workbook through COM, as a separate
' process: Excel starts no process (no cmd.exe, no python.exe), and nothing in a workbook -
' no sheet, no name, no setting - decides which program runs or where it comes from.
'
' This module is ASCII on purpose: the VBA project stores source in its code page, which cannot
' hold Chinese on every machine. Chinese text lives in the add-in's own "selfeval.texts" sheet
' (columns A:B, written at build time from selfeval_xl.core.texts.ADDIN); AddinText reads it.
Option Explicit

Private Const TEXT_SHEET As String = "selfeval.texts"
Private Const SERVICE_FILE As String = "\.selfeval\connection.txt"
Private Const HTTP_ACCEPTED As Long = 202

Public Sub SelfevalCheck(control As IRibbonControl)
    CallService "check", "status.check"
End Sub

Public Sub SelfevalReport(control As IRibbonControl)
    CallService "report", "status.report"
End Sub

Public Sub SelfevalExport(control As IRibbonControl)
    CallService "export", "status.export"
End Sub

Public Sub SelfevalLedger(control As IRibbonControl)
    ' The ledger file is chosen in Excel's own dialog, opened by the service (no path on a command line).
    CallService "ledger", "status.ledger"
End Sub

Public Sub SelfevalNewYear(control As IRibbonControl)
    ' Next year's workbook is written beside this one by the service; this workbook is only read.
    CallService "newyear", "status.newyear"
End Sub

Public Sub SelfevalAbout(control As IRibbonControl)
    CallService "about", "status.about"
End Sub

Private Sub CallService(ByVal action As String, ByVal statusKey As String)
    Dim port As String, token As String, failure As String
    Dim http As Object
    If ActiveWorkbook Is Nothing Then
        MsgBox AddinText("vba.no_workbook"), vbExclamation, AddinText("dialog.title")
        Exit Sub
    End If
    If Not ReadService(port, token) Then
        MsgBox AddinText("vba.service_missing"), vbCritical, AddinText("dialog.title")
        Exit Sub
    End If
    Application.StatusBar = AddinText(statusKey)
    On Error GoTo Failed
    Set http = CreateObject("MSXML2.ServerXMLHTTP.6.0")
    http.setProxy 1 ' SXH_PROXY_SET_DIRECT: loopback never goes through a proxy
    http.setTimeouts 2000, 2000, 10000, 10000
    http.Open "POST", "http://127.0.0.1:" & port & "/run", False
    http.setRequestHeader "Content-Type", "application/json"
    http.setRequestHeader "X-Selfeval-Token", token
    http.send "{""action"":""" & action & """,""book"":""" & JsonText(ActiveWorkbook.FullName) & """}"
    If http.Status <> HTTP_ACCEPTED Then
        Application.StatusBar = False
        MsgBox http.responseText, vbCritical, AddinText("dialog.title")
    End If
    Exit Sub
Failed:
    failure = Err.Description ' read first: AddinText's own error handling clears Err
    Application.StatusBar = False
    MsgBox Replace(AddinText("vba.service_down"), "{error}", failure), vbCritical, AddinText("dialog.title")
End Sub

Private Function ReadService(ByRef port As String, ByRef token As String) As Boolean
    ' port= and token= lines of the file the running service wrote; False when there is none.
    Dim path As String, handle As Integer, text As String
    path = Environ$("USERPROFILE") & SERVICE_FILE
    On Error GoTo Missing
    If Len(Dir$(path)) = 0 Then Exit Function
    handle = FreeFile
    Open path For Input As #handle
    Do While Not EOF(handle)
        Line Input #handle, text
        If Left$(text, 5) = "port=" Then port = Mid$(text, 6)
        If Left$(text, 6) = "token=" Then token = Mid$(text, 7)
    Loop
    Close #handle
    ReadService = (Len(port) > 0 And Len(token) > 0 And IsNumeric(port))
    Exit Function
Missing:
    If handle <> 0 Then Close #handle
End Function

Private Function JsonText(ByVal value As String) As String
    ' A JSON string body in ASCII: quotes, backslashes, controls and every non-ASCII character as \uXXXX.
    Dim i As Long, code As Long, ch As String
    For i = 1 To Len(value)
        ch = Mid$(value, i, 1)
        code = AscW(ch) And &HFFFF&
        If code < 32 Or code > 126 Or ch = """" Or ch = "\" Then
            JsonText = JsonText & "\u" & Right$("000" & Hex$(code), 4)
        Else
            JsonText = JsonText & ch
        End If
    Next i
End Function

Private Function AddinText(ByVal key As String) As String
    ' The text of catalog key `key` from columns A:B of this add-in's own text sheet (never the
    ' active workbook's); the key itself when it is missing, so a damaged sheet still shows something.
    Dim found As Variant
    AddinText = key
    On Error GoTo Missing
    With ThisWorkbook.Worksheets(TEXT_SHEET)
        found = Application.Match(key, .Range("A:A"), 0)
        If Not IsError(found) Then AddinText = CStr(.Cells(found, 2).Value)
    End With
Missing:
End Function
