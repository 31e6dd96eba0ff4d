/// The catalogue's entries of the star ledger (`star-report ledger …` and `run --ledger`), kept
/// beside the rest of the catalogue by theme.
extension Catalogue {
    static let ledgerEntries: [MessageID: Entry] = [
        // the file
        .ledgerNotFound: Entry(
            code: "E-LEDGER", zh: "台账文件 {path} 不存在：先用 star-report ledger record 或 import 建立台账，或检查路径",
            en:
                """
                the ledger {path} does not exist: create it with star-report ledger record or import, or check \
                the path
                """
        ),
        .ledgerNotALedger: Entry(
            code: "E-LEDGER", zh: "{path} 不是 star-report 的星级管理台账，未读取也未改动：请用 --ledger 指定台账文件",
            en:
                """
                {path} is not a star-report star ledger; it was neither read nor changed: name the ledger file \
                with --ledger
                """
        ),
        .ledgerNewerSchema: Entry(
            code: "E-LEDGER", zh: "台账 {path} 由更新版本的 star-report 写出，本版本不能读取或修改：请升级 star-report",
            en:
                """
                the ledger {path} was written by a newer star-report, which this version can neither read nor \
                change: upgrade star-report
                """
        ),
        .ledgerOlderSchema: Entry(
            code: "E-LEDGER", zh: "台账 {path} 由较早版本写出，需先升级：运行任一修改台账的命令（如 ledger record）即自动升级",
            en:
                """
                the ledger {path} was written by an older version and must be migrated first: any command that \
                changes the ledger (e.g. ledger record) migrates it
                """
        ),
        .ledgerCannotOpen: Entry(
            code: "E-LEDGER", zh: "无法打开或写入台账 {path}：{reason}", en: "cannot open or write the ledger {path}: {reason}"),
        .ledgerBusy: Entry(
            code: "E-LEDGER-BUSY", zh: "另一个命令正在修改台账 {path}，等待 {seconds} 秒后仍未结束，本次未做任何修改：请稍后再试",
            en:
                """
                another command is changing the ledger {path} and did not finish within {seconds} s; nothing was \
                changed: try again later
                """
        ),
        // record and import
        .ledgerReportsNotFound: Entry(
            code: "E-LEDGER", zh: "报告文件夹 {path} 不存在：请给出 star-report run 写出的文件夹",
            en: "the reports folder {path} does not exist: name a folder star-report run wrote"),
        .ledgerReportsNoManifest: Entry(
            code: "E-LEDGER-REPORTS",
            zh: "{path} 中没有完整的 .star-report-manifest.json，不是 star-report run 写完的报告文件夹：请重新运行 run",
            en:
                """
                {path} holds no complete .star-report-manifest.json and is not a reports folder star-report run \
                finished: run it again
                """
        ),
        .ledgerReportsChanged: Entry(
            code: "E-LEDGER-REPORTS", zh: "报告文件夹 {path} 中的 {file} 与 run 写出时不同（或已缺失），未记入台账：请重新运行 run",
            en:
                """
                {file} in the reports folder {path} differs from what run wrote (or is missing); nothing was \
                recorded: run it again
                """
        ),
        .ledgerReportsNoResults: Entry(
            code: "E-LEDGER-REPORTS", zh: "报告文件夹 {path} 中没有 results.json 和 results.csv：请给出 star-report run 写出的文件夹",
            en: "the reports folder {path} holds no results.json and results.csv: name a folder star-report run wrote"),
        .ledgerResultsHeader: Entry(
            code: "E-LEDGER-REPORTS", zh: "{path} 中读不到年度和公示日期（year、notice_date）：请重新运行 run",
            en: "{path} gives no year and notice date (year, notice_date): run it again"),
        .ledgerResultsUnreadable: Entry(
            code: "E-LEDGER-REPORTS", zh: "{path} 有错误（见上），未记入台账",
            en: """
                {path} has errors (above); nothing was recorded
                """),
        .ledgerResultsColumns: Entry(
            code: "E-LEDGER-REPORTS", zh: "results.csv 缺少列：{columns}", en: "results.csv lacks the columns {columns}"),
        .ledgerResultsScore: Entry(
            code: "E-LEDGER-REPORTS", zh: "最终得分应为最多一位小数的数，当前为“{value}”",
            en: "expected a final score with at most one decimal, found \"{value}\""),
        .ledgerDuplicateBranch: Entry(
            code: "E-LEDGER-REPORTS", zh: "支部 {id} 在 {year} 年度的结果中出现两次，未记入台账",
            en: "branch {id} occurs twice in the {year} results; nothing was recorded"),
        .ledgerRecorded: Entry(
            code: "", zh: "已记入 {year} 年度：{count} 个支部，公示中（公示日期 {date}）",
            en: "recorded {year}: {count} branches, in notice (notice date {date})"),
        .ledgerRecordReplaced: Entry(
            code: "", zh: "{year} 年度尚在公示中，已用新结果替换（{count} 个支部，公示日期 {date}；原结果仍保留在日志中）",
            en:
                """
                {year} is still in notice and its results were replaced ({count} branches, notice date {date}; \
                the replaced ones stay in the log)
                """
        ),
        .ledgerRecordSame: Entry(
            code: "", zh: "{year} 年度已记入相同的结果，台账未改动", en: "{year} already holds these results; the ledger is unchanged"),
        .ledgerRecordApproved: Entry(
            code: "E-LEDGER-APPROVED", zh: "{year} 年度已批准，不能再用不同的结果替换：批准后的变动请用 ledger adjust 或 ledger review",
            en:
                """
                {year} is approved and cannot be replaced by different results: after approval use ledger adjust \
                or ledger review
                """
        ),
        .ledgerImported: Entry(
            code: "", zh: "已导入 {year} 年度：{count} 个支部，记为已批准", en: "imported {year}: {count} branches, as approved"),
        .ledgerImportExists: Entry(
            code: "E-LEDGER", zh: "台账中已有 {year} 年度，未导入", en: "the ledger already holds {year}; nothing was imported"),
        // the notice
        .ledgerNoYear: Entry(
            code: "E-LEDGER", zh: "台账中没有 {year} 年度：先用 ledger record 记入",
            en: "the ledger holds no {year}: record it first with ledger record"),
        .ledgerNoBranchInYear: Entry(
            code: "E-LEDGER", zh: "{year} 年度没有支部 {id}：请检查编号", en: "{year} has no branch {id}: check the id"),
        .ledgerStarsRange: Entry(
            code: "E-LEDGER", zh: "--stars 应为 0–5，当前为 {value}", en: "--stars must be 0–5, found {value}"),
        .ledgerTextRequired: Entry(
            code: "E-LEDGER", zh: "{option} 不能为空：请写明", en: "{option} must not be empty: write it out"),
        .ledgerNotInNotice: Entry(
            code: "E-LEDGER", zh: "{year} 年度已不在公示期，不能再提出或处理异议",
            en: "{year} is no longer in notice: objections can no longer be raised or resolved"),
        .ledgerObjected: Entry(
            code: "", zh: "已记录对 {year} 年度支部 {id} 的异议", en: "recorded an objection to branch {id} in {year}"),
        .ledgerNoOpenObjection: Entry(
            code: "E-LEDGER", zh: "{year} 年度支部 {id} 没有未处理的异议", en: "branch {id} has no open objection in {year}"),
        .ledgerResolved: Entry(
            code: "", zh: "已处理 {year} 年度支部 {id} 的 {count} 条异议：评定为{stars}",
            en: "resolved {count} objection(s) to branch {id} in {year}: {stars}"),
        .ledgerAlreadyApproved: Entry(code: "E-LEDGER-APPROVED", zh: "{year} 年度已批准", en: "{year} is already approved"),
        .ledgerNoticeRunning: Entry(
            code: "E-LEDGER-NOTICE", zh: "{year} 年度于 {notice} 公示，公示期到 {end} 才结束，{date} 不能批准：请在 {end} 或之后批准",
            en:
                """
                {year} was posted on {notice} and its notice runs until {end}; it cannot be approved on {date}: \
                approve on or after {end}
                """
        ),
        .ledgerObjectionsOpen: Entry(
            code: "E-LEDGER-OBJECTION", zh: "{year} 年度还有 {count} 个支部的异议未处理（{ids}）：先用 ledger resolve 处理",
            en:
                """
                {year} still has open objections for {count} branch(es) ({ids}): resolve them first with ledger \
                resolve
                """
        ),
        .ledgerApproved: Entry(
            code: "", zh: "已批准 {year} 年度：{count} 个支部；{review} 个五星级支部待市级复审（ledger review）",
            en:
                """
                approved {year}: {count} branches; {review} five-star branch(es) await the municipal review \
                (ledger review)
                """
        ),
        .ledgerNotApproved: Entry(
            code: "E-LEDGER", zh: "{year} 年度尚未批准：先用 ledger approve 批准",
            en: "{year} is not approved yet: approve it first with ledger approve"),
        .ledgerNotForReview: Entry(
            code: "E-LEDGER", zh: "{year} 年度支部 {id} 批准为{stars}，不是五星级，无需复审",
            en: "branch {id} was approved with {stars} in {year}, not five: no review"),
        .ledgerAlreadyReviewed: Entry(
            code: "E-LEDGER", zh: "{year} 年度支部 {id} 已记录复审结果",
            en: "the review of branch {id} in {year} is already recorded"),
        .ledgerReviewed: Entry(
            code: "", zh: "已记录 {year} 年度支部 {id} 的复审结果：{stars}",
            en: "recorded the review of branch {id} in {year}: {stars}"),
        // during the year
        .ledgerNeverRated: Entry(
            code: "E-LEDGER", zh: "台账中没有支部 {id} 的评定：请检查编号", en: "the ledger never rated branch {id}: check the id"),
        .ledgerNoApprovedYear: Entry(
            code: "E-LEDGER", zh: "支部 {id} 还没有已批准的星级：先批准其年度",
            en: "branch {id} has no approved stars yet: approve its year first"),
        .ledgerAdjustRaise: Entry(
            code: "E-LEDGER-RAISE", zh: "支部 {id} 现为{current}（{year} 年度），年中只能降星，不能升为{stars}：升星只在下一次年度评定",
            en:
                """
                branch {id} holds {current} ({year}); during the year stars can only be lowered, not raised to \
                {stars}: stars rise only at the next yearly rating
                """
        ),
        .ledgerAdjustSame: Entry(
            code: "E-LEDGER", zh: "支部 {id} 现已是{current}（{year} 年度），未改动",
            en: "branch {id} already holds {current} ({year}); nothing changed"),
        .ledgerAdjustBeforeApproval: Entry(
            code: "E-LEDGER", zh: "支部 {id} 的 {year} 年度星级于 {approved} 批准，调整日期不能早于批准日期",
            en: "the {year} stars of branch {id} were approved on {approved}; an adjustment cannot be dated earlier"),
        .ledgerAdjusted: Entry(
            code: "", zh: "已将支部 {id} 由{from}调整为{stars}（{year} 年度）",
            en: "lowered branch {id} from {from} to {stars} ({year})"),
        // run --ledger
        .ledgerRunNoYear: Entry(
            code: "E-LEDGER", zh: "台账 {path} 中没有上一年度（{year}）：先记入并批准 {year} 年度，或用 ledger import 导入",
            en:
                """
                the ledger {path} holds no last year ({year}): record and approve {year}, or import it with \
                ledger import
                """
        ),
        .ledgerRunNotApproved: Entry(
            code: "E-LEDGER", zh: "台账 {path} 中的上一年度（{year}）尚在公示中：先用 ledger approve 批准",
            en: "last year ({year}) in the ledger {path} is still in notice: approve it first with ledger approve"),
        .ledgerWithPrevious: Entry(
            code: "", zh: "--ledger 和 --previous 只能给一个：上一年度的星级取自台账或结果文件之一",
            en: "give --ledger or --previous, not both: last year's stars come from one of them"),
        // reading
        .ledgerHistoryBranch: Entry(code: "", zh: "支部 {id} {name}", en: "branch {id} {name}"),
        .ledgerHistoryYear: Entry(
            code: "", zh: "{year} 年度（{status}）：拟评{proposed}，批准{approved}，现为{current}；得分 {final}；规则 {rules}",
            en:
                """
                {year} ({status}): proposed {proposed}, approved {approved}, now {current}; score {final}; rules \
                {rules}
                """
        ),
        .ledgerHistoryObjection: Entry(
            code: "", zh: "  异议 {date}（{by}）：{text} → {result}", en: "  objection {date} ({by}): {text} → {result}"),
        .ledgerHistoryOpen: Entry(code: "", zh: "未处理", en: "open"),
        .ledgerHistoryResolved: Entry(code: "", zh: "{stars}（{reason}）", en: "{stars} ({reason})"),
        .ledgerHistoryReview: Entry(
            code: "", zh: "  复审 {date}（{by}）：{stars}，{reason}",
            en: """
                  review {date} ({by}): {stars}, {reason}
                """),
        .ledgerHistoryAdjustment: Entry(
            code: "", zh: "  调整 {date}（{by}）：降为{stars}，{reason}{document}",
            en: "  adjustment {date} ({by}): lowered to {stars}, {reason}{document}"),
        // an adjustment in the workbook's 调整记录 and on the page
        .ledgerAdjustment: Entry(
            code: "", zh: "{date} 降为{stars}：{reason}{document}",
            en: "{date} lowered to {stars}: {reason}{document}"),
        .ledgerDocument: Entry(code: "", zh: "（{document}）", en: " ({document})"),
        .ledgerStatusNotice: Entry(code: "", zh: "公示中", en: "in notice"),
        .ledgerStatusReview: Entry(code: "", zh: "待复审", en: "awaiting review"),
        .ledgerStatusApproved: Entry(code: "", zh: "已批准", en: "approved"),
        .ledgerNone: Entry(code: "", zh: "无", en: "none"),
        // the levels of 重点管理 on the page
        .ledgerEitherLevel: Entry(code: "", zh: "{first}或{second}", en: "{first} or {second}"),
        .ledgerOutputExists: Entry(
            code: "E-LEDGER", zh: "{path} 已存在，未覆盖：请换一个文件名，或先移走该文件",
            en: "{path} already exists and was not overwritten: choose another name, or move that file away first"),
        .ledgerCannotWrite: Entry(code: "E-LEDGER", zh: "无法写出 {path}：{reason}", en: "cannot write {path}: {reason}"),
        .ledgerExported: Entry(code: "", zh: "已写出星级管理台账 {path}", en: "wrote the star ledger workbook {path}"),
        .ledgerReported: Entry(code: "", zh: "已写出台账页面 {path}", en: "wrote the ledger page {path}"),
        .ledgerNoYears: Entry(code: "E-LEDGER", zh: "台账中没有所选年度", en: "the ledger holds none of the years asked for"),
    ]
}
