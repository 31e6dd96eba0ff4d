/// The catalogue's entries about sheets as people fill them (what `XLSXSubmissionReader`,
/// `SheetRows` and the checks of identity and fractions say), kept beside the rest of the
/// catalogue by theme.
extension Catalogue {
    static let sheetEntries: [MessageID: Entry] = [
        .sheetTooManyStrings: Entry(
            code: "E-XLSX-LIMIT", zh: "部件 {part} 的共享字符串超过 {limit} 个（与工作表的大小不相称，可能是恶意文件），拒绝读取：请用 Excel 重新另存为 .xlsx",
            en:
                """
                part {part} holds more than {limit} shared strings (out of proportion to the sheets; possibly \
                hostile) and is refused: save it again with Excel as .xlsx
                """
        ),
        .sheetTooManyStyles: Entry(
            code: "E-XLSX-LIMIT", zh: "部件 {part} 的单元格格式超过 {limit} 个，拒绝读取：请用 Excel 重新另存为 .xlsx",
            en: "part {part} holds more than {limit} cell formats and is refused: save it again with Excel as .xlsx"),
        .sheetTooManyMerges: Entry(
            code: "E-XLSX-LIMIT", zh: "工作表的合并单元格超过 {limit} 处，拒绝读取：请取消合并后另存为 .xlsx",
            en: "the worksheet has more than {limit} merged ranges and is refused: unmerge them and save it as .xlsx"),
        .sheetFormulaWithoutValue: Entry(
            code: "E-XLSX-FORMULA", zh: "单元格 {cell} 是公式，但文件中没有它的计算结果：请在 Excel 中打开并保存后再提交",
            en:
                """
                cell {cell} holds a formula without its computed value: open the file in Excel, save it, and send \
                it again
                """
        ),
        .sheetFormulasWithoutValues: Entry(
            code: "E-XLSX-FORMULA",
            zh:
                """
                本表有 {count} 个公式单元格没有保存计算结果（{rows} 行，第一个是 {first}），整个文件未读取：请在 Excel 或 \
                WPS 中打开此文件，保存后再提交（保存时会算出公式的值）
                """,
            en:
                """
                the workbook's formulas have no saved values (formula cells: {count}, rows: {rows}, the first: \
                {first}), so the file was not read; open it in Excel or WPS, save it, and send it again (saving \
                computes the formulas)
                """
        ),
        .sheetCellTooLong: Entry(
            code: "E-XLSX-LIMIT", zh: "单元格内容超过 {limit} 个字，未读取：请改正（名称最多 100 个字）",
            en: "the cell holds more than {limit} characters and was not read: correct it (a name has at most 100)"),
        .sheetBadNumber: Entry(
            code: "E-NUMBER", zh: "单元格中的数“{value}”不是普通的十进制数：请在 Excel 中重新输入该数",
            en: "the cell's number \"{value}\" is not a plain decimal number: type the number again in Excel"),
        .sheetBadISODate: Entry(
            code: "E-DATE", zh: "日期单元格的值“{value}”不是完整的日期（YYYY-MM-DD）：请在 Excel 中重新输入该日期",
            en: "the date cell's value \"{value}\" is not a full date (YYYY-MM-DD): type the date again in Excel"),
        .sheetDuplicateCell: Entry(
            code: "E-XLSX-XML", zh: "单元格 {cell} 在文件中出现两次，无法确定取哪个值：请用 Excel 重新另存为 .xlsx",
            en: "cell {cell} occurs twice in the file, so its value is unclear: save it again with Excel as .xlsx"),
        .sheetNoHeader: Entry(
            code: "E-XLSX-HEADER",
            zh:
                """
                在工作表 {sheets} 的前 10 行中都找不到表头；最接近的是工作表“{sheet}”第 {row} 行（只认出 {found} 列）：表头应是一行列名，如 支部编号、支部名称、\
                上级党组织编号……（可用 star-report template 生成填报表）
                """,
            en:
                """
                no header in the first 10 rows of the worksheets {sheets}; the closest is row {row} of \
                \"{sheet}\" ({found} columns recognised): the header is one row of column names such as branch_id,\
                 branch_name, committee_id… (star-report template makes the workbook)
                """
        ),
        .sheetNotABranch: Entry(
            code: "W-NOT-A-BRANCH", zh: "第 {row} 行不是支部数据（{text}），已跳过",
            en: "row {row} is not a branch ({text}) and was skipped"),
        .sheetRowNotFilled: Entry(
            code: "E-NOT-FILLED", zh: "第 {row} 行 {id} 未填写：请填写该支部的各项数据，或删除此行",
            en: "row {row} ({id}) is not filled in: fill in the branch's figures, or delete the row"),
        .sheetMergeAcrossCommittees: Entry(
            code: "E-MERGE", zh: "合并单元格 {range} 跨越了不同上级党组织（{committees}）的支部：请取消合并，每行填写自己的值",
            en:
                """
                the merged range {range} spans branches of different committees ({committees}): unmerge it and \
                fill in each row's own value
                """
        ),
        .sheetOldFormat: Entry(
            code: "E-SHEET-FORMAT", zh: "这是 {kind}文件，无法读取：请在 Excel 或 WPS 中打开，另存为“Excel 工作簿 (*.xlsx)”后再提交",
            en:
                """
                this is {kind} file and cannot be read: open it in Excel or WPS and save it as \"Excel Workbook \
                (*.xlsx)\"
                """
        ),
        .satisfactionFraction: Entry(
            code: "E-PERCENT",
            zh: "满意率为 {value}，是指 {percent}% 吗？小数读不出是不是比例；请填百分数的数值 {percent}（不要填 {value}），或在 Excel 中输入 {percent}%",
            en:
                """
                the satisfaction is {value}: is it {percent}%? A fraction cannot be told from a percent; write the \
                percent's number, {percent} (not {value}), or type {percent}% in Excel
                """
        ),
        .registerCommitteeMismatch: Entry(
            code: "E-REGISTER", zh: "上级党组织编号为 {found}，但名册 branches.csv 中该支部属于 {register}（名册决定支部归入哪个上级党组织的报告和邮件）：请改正",
            en:
                """
                the committee id is {found}, but the register branches.csv puts this branch under {register} (the \
                register decides whose reports and e-mail it is in): correct it
                """
        ),
        .registerNameMismatch: Entry(
            code: "W-REGISTER-NAME", zh: "支部名称“{found}”与名册不一致，报告使用名册中的名称“{register}”",
            en: "the branch name \"{found}\" differs from the register; the reports use the register's \"{register}\""),
    ]
}
