import Synchronization

/// The language of every message a person reads: Chinese by default, English with `--lang en`
/// or `STAR_REPORT_LANG=en`. The `path:line:col: error[CODE]:` skeleton stays ASCII either way.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// `--lang X` / `--lang=X` among the arguments, else `STAR_REPORT_LANG`, else Chinese.
    public static func choose(arguments: [String], environment: [String: String]) -> Language {
        for (i, a) in arguments.enumerated() {
            if a == "--lang", i + 1 < arguments.count, let l = Language(tag: arguments[i + 1]) { return l }
            if a.hasPrefix("--lang="), let l = Language(tag: String(a.dropFirst(7))) { return l }
        }
        return environment["STAR_REPORT_LANG"].flatMap(Language.init(tag:)) ?? .zh
    }

    /// `zh`, `zh_CN.UTF-8`, `en`, `en_US`…
    public init?(tag: String) {
        let t = tag.lowercased()
        if t.hasPrefix("zh") { self = .zh } else if t.hasPrefix("en") { self = .en } else { return nil }
    }

    /// The language of the process, chosen once by the executable (messages printed before a
    /// pipeline exists: argument help, usage errors).
    public static var process: Language {
        get { processLanguage.withLock { $0 } }
        set { processLanguage.withLock { $0 = newValue } }
    }
}

private let processLanguage = Mutex(Language.zh)

/// One message of the catalogue with its parameters by name. The texts are data (`Catalogue`),
/// not string literals at the call sites. A parameter is plain text (a value, a path), a text
/// written in each language (a label, a plural), or another message, rendered in the language of
/// the message around it.
public struct Message: Hashable, Sendable {
    public var id: MessageID
    public var arguments: [String: Argument]

    public indirect enum Argument: Hashable, Sendable {
        case text(String)
        case localized(Localized)
        case message(Message)

        func text(_ language: Language) -> String {
            switch self {
            case .text(let s): s
            case .localized(let l): language == .zh ? l.zh : l.en
            case .message(let m): m.text(language)
            }
        }
    }

    /// An entry without parameters (`Message(.csvEmpty)`); an entry with parameters is made by its
    /// typed function (MessageFunctions.swift).
    public init(_ id: MessageID) {
        assert(Catalogue.parameters(Catalogue.entry(id).en).isEmpty, "\(id) takes parameters: use Message.\(id)(…)")
        self.id = id
        self.arguments = [:]
    }

    init(_ id: MessageID, arguments: [String: Argument]) {
        self.id = id
        self.arguments = arguments
    }

    /// The message with the code of the file it is about (`E-RULES`, `E-CONFIG`, or a `W-` code
    /// for a warning): the TOML entries' code is `{code}`, the same texts serving both files.
    public func coded(_ code: String) -> Message {
        var m = self
        m.arguments["code"] = .text(code)
        return m
    }

    /// A parameter's value as plain text, when it was given as text (a value quoted, a count).
    public func value(of name: String) -> String? {
        if case .text(let s) = arguments[name] { s } else { nil }
    }

    /// The diagnostic code (`E-RANGE`), the same in every language. (TOML messages take the
    /// code of their file, `E-RULES` or `E-CONFIG`, from the `code` argument.)
    public var code: String {
        let c = Catalogue.entry(id).code
        return c == "{code}" ? value(of: "code") ?? "E-CONFIG" : c
    }

    public func text(_ language: Language) -> String {
        let entry = Catalogue.entry(id)
        return Catalogue.fill(language == .zh ? entry.zh : entry.en, arguments.mapValues { $0.text(language) })
    }
}

/// A text written in each language, as one parameter of a message (a label, a plural, a hint).
public struct Localized: Hashable, Sendable {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}

/// A value a message's parameter takes: plain text (a value, a path, a count), a text written in
/// each language, or another message, rendered in the language of the message around it.
public protocol MessageArgument {
    var messageArgument: Message.Argument { get }
}

extension String: MessageArgument {
    public var messageArgument: Message.Argument { .text(self) }
}

extension Int: MessageArgument {
    public var messageArgument: Message.Argument { .text(String(self)) }
}

extension Tenths: MessageArgument {
    public var messageArgument: Message.Argument { .text(description) }
}

extension CivilDate: MessageArgument {
    public var messageArgument: Message.Argument { .text(description) }
}

extension Localized: MessageArgument {
    public var messageArgument: Message.Argument { .localized(self) }
}

extension Message: MessageArgument {
    public var messageArgument: Message.Argument { .message(self) }
}

/// Every message star-report prints or writes for a person to read.
public enum MessageID: String, Sendable, CaseIterable {
    // fields (StarValidate)
    case valueRequired, notAnIdentifier, nameBlank, nameControl, nameTooLong, notAWholeNumber, rangeInteger
    case notADecimal, tooManyDecimals, rangeDecimal, badLevel, badDate, dateOutOfBounds, electionWithoutDue, badBoolean
    case wrongYear, wrongYearForAll, nameInvisible
    // across records
    case duplicate, registerDuplicate, registerBadID, unknownBranch, missingSubmission,
        missingSubmissionsOfBrokenSheets
    case registerMismatch, lowParticipation, tooManyParticipants, selfTooHigh, committeeNames
    // files (StarIngest)
    case fileUnreadable, fileLinkOutside, fileIgnored, fileIsFolder, fileNotRegular
    case csvEmpty, csvNoHeader, csvBinary, csvEncoding, csvQuote, csvTooManyFields, csvFieldTooLong, csvFieldCount
    case csvUnknownColumn, csvUnknownColumnSuggest, csvRepeatedColumn, csvMissingColumns, csvCellNotUTF8,
        csvCellUTF8InGB18030
    case registerHeader, previousHeader, previousStars, previousWrongYear, previousThisYear, previousYearUnknown,
        previousFewFound, previousNoneFound
    case xmlEmpty, xmlDoctype, xmlSyntax, xmlSchema, xmlNotValid, xmlOutOfResources
    case xmlBadValue, xmlAboveMax, xmlBelowMin, xmlBadPattern, xmlUnexpectedElement, xmlMissingElement, xmlBadEnum
    case xmlWrongRoot, xmlDuplicateAspect, xmlFileTooLarge, xmlTooManyAttributes, xmlTextTooLong, xmlNameTooLong,
        xmlEncoding
    // rules and config (StarRules)
    case tomlSyntax, tomlInvalid, tomlUnknownKey, tomlUnknownKeySuggest, tomlExpectedTable, tomlExpectedString
    case tomlExpectedBool, tomlExpectedInt, tomlExpectedTenths, notAnAddress, tomlTooLarge, tomlTooManyKeys,
        tomlMoreUnknownKeys
    case configNotSet, configNoAddress, configNoAddresses, configUnknownCommittee
    case rulesRequiredKey, rulesWeightsSum, rulesBandsRise, rulesBadDate, rulesBadScope, rulesExpectedQuotas
    case rulesQuotaCodesDiffer, rulesQuotaLevels, rulesQuotaCode, rulesQuotaNoLevels, rulesQuotaBound,
        rulesQuotaPercent
    case rulesQuotaRounding, rulesQuotaPolicy, rulesQuotaPolicyConflict
    case rulesOther
    // workbooks (StarIngest)
    case xlsxCancelled, xlsxNotAZip, xlsxEncrypted, xlsxTooManyParts, xlsxUnsafePath, xlsxPartTooLarge, xlsxZipBomb,
        xlsxDate1904, xlsxOutsidePackage, xlsxMissingSharedString, xlsxPartUnreadable, xlsxDoctype,
        xlsxDoctypeReported, xlsxNotWellFormed
    case xlsxEmptySheet, xlsxUnknownColumn, xlsxUnknownColumnSuggest, xlsxRepeatedColumn, xlsxMissingColumns
    // sheets as people fill them (SheetMessages.swift)
    case sheetTooManyStrings, sheetTooManyStyles, sheetTooManyMerges, sheetFormulaWithoutValue,
        sheetFormulasWithoutValues,
        sheetCellTooLong,
        sheetBadNumber, sheetBadISODate, sheetDuplicateCell, sheetNoHeader, sheetNotABranch, sheetRowNotFilled,
        sheetMergeAcrossCommittees, sheetOldFormat, satisfactionFraction, registerCommitteeMismatch,
        registerNameMismatch
    // the star ledger (LedgerMessages.swift)
    case ledgerNotFound, ledgerNotALedger, ledgerNewerSchema, ledgerOlderSchema, ledgerCannotOpen, ledgerBusy,
        ledgerReportsNotFound, ledgerReportsNoManifest, ledgerReportsChanged, ledgerReportsNoResults,
        ledgerResultsHeader, ledgerResultsUnreadable, ledgerResultsColumns, ledgerResultsScore, ledgerDuplicateBranch,
        ledgerRecorded, ledgerRecordReplaced, ledgerRecordSame, ledgerRecordApproved, ledgerImported,
        ledgerImportExists, ledgerNoYear, ledgerNoBranchInYear, ledgerStarsRange, ledgerTextRequired,
        ledgerNotInNotice, ledgerObjected, ledgerNoOpenObjection, ledgerResolved, ledgerAlreadyApproved,
        ledgerNoticeRunning, ledgerObjectionsOpen, ledgerApproved, ledgerNotApproved, ledgerNotForReview,
        ledgerAlreadyReviewed, ledgerReviewed, ledgerNeverRated, ledgerNoApprovedYear, ledgerAdjustRaise,
        ledgerAdjustSame, ledgerAdjustBeforeApproval, ledgerAdjusted, ledgerRunNoYear, ledgerRunNotApproved,
        ledgerWithPrevious, ledgerHistoryBranch, ledgerHistoryYear, ledgerHistoryObjection, ledgerHistoryOpen,
        ledgerHistoryResolved, ledgerHistoryReview, ledgerHistoryAdjustment, ledgerAdjustment, ledgerDocument,
        ledgerStatusNotice, ledgerStatusReview,
        ledgerStatusApproved, ledgerNone, ledgerEitherLevel, ledgerOutputExists, ledgerCannotWrite, ledgerExported,
        ledgerReported,
        ledgerNoYears
    case templateNotXlsx, templateExists, templateNoRegister, templateRegisterErrors, templateUnknownCommittee,
        templateCannotWrite, excelCannotWrite
    case smtpTls, smtpUrl, smtpUrlCredentials, smtpNoHost, smtpTlsContradiction, smtpNoUrl, smtpUsername, smtpCaFile
    // templates
    case templateMissing, templateSyntax, templateOther
    // the command line and the output folder (no diagnostic code)
    case progressReading, progressRating, progressWriting, stageReading, stageRating, stageWriting
    case account, accountExcel, accountUnreadable, summaryLine, summaryLineFiles, moreWarnings, allWarningsIn, written
    case usageHint
    case outEmpty, outLinkNowhere, outIsFile, outRoot, outCurrent, outIsInput, outInsideInput, outHoldsInput,
        outMountPoint, outUnreadable, outForeign, outChanged, outCannotCreateBeside, outCannotWrite, outCannotReadBack,
        outAppeared, outCannotMove, outCannotFlushOpen, outCannotFlush, outCannotCreateParent, outCannotLock,
        outLocked, outLockRace, sysReason, sysShort, fewDescriptors, littleMemory, yearRange, yearUnknown,
        noSubmissions, previousNotFound, rulesNotFound, rulesHaveErrors, templatesNotFound, templateUnusable,
        noReportWritten, inputNotFound, schemaMissing, cannotRead, readResources, cannotList, interrupted, outOfMemory,
        outNameTooLong, outPathTooLong, outForeignDuringRun, outChangedDuringRun, outUnreadableDuringRun, sysFileSize,
        previousNoResults, outOpenInOffice, outOpenInOfficeDuringRun, initNoYear, initNotAFolder, initExists,
        initCannotWrite, initWritten
    case errorsColumnFile, errorsColumnSheet, errorsColumnCell, errorsColumnField, errorsColumnValue,
        errorsColumnMessage, errorsColumnAction, errorsCellLine, errorsCellRow, errorsReportsFolder, errorsWritten,
        errorsNone
    // send (StarSend)
    case sendReportsNotFound, sendNoMessages, sendUnknownOnly, sendNoConfigListed, sendConfigNotFound, sendNoSMTP,
        sendDryRunNoSMTP, sendCaFileUnreadable, sendNoPassword, sendServer, sendStartTLS, sendImplicitTLS,
        sendClearText, sendNoFrom, sendPlan, sendColumnCommittee, sendColumnAddress, sendColumnSize, sendColumnAction,
        sendActionSend, sendActionResend, sendActionAlreadySent, sendActionChanged, sendActionCannotSend,
        sendNoToHeader, sendSeveralToHeaders, sendNoAddress, sendSeveralAddresses, sendInvalidAddress, sendNoMessageID,
        sendChangedHint, sendNeedYes, sendConfirm, sendCancelled, sendAnotherSend, sendLogUnwritable, sendAccepted,
        sendRefused, sendDeferred, sendNotSent, sendRetrying, sendUnreachable, sendLoginRefused, sendTLSRefused,
        sendBadSettings, sendProgress, sendClosing, sendDryRunClosing, sendLogAt, sendUnreadableLog, sendDropped,
        sendLogIsLink, sendNoManifest, sendNotInManifest, sendNotAsWritten, sendActionUnknown, sendUnknownHint,
        sendUnknownNow, sendTLSHintHost, sendTLSHintCA, sendTLSHintCAFileSet, sendConfigNotFoundFromResults,
        sendWhyResolve, sendWhyRefused, sendWhyConnectTimeout, sendWhyStalled, sendWhyNoStartTLS, sendWhyHandshake,
        sendWhyCertificate, sendWhyCAFile, sendWhyURL, sendWhyOther, sendWhyServerSaid, sendWhyNoReply, sendWhySetopt,
        sendStoppedAt, sendCheckOK, sendCheckOKNoLogin, sendCheckConnecting, sendCurlInitFailed
    // run --pdf (StarPipeline; PDFMessages.swift)
    case pdfNoChromium, pdfFailed, pdfTimedOut, pdfCannotStart
    // --help (the executable; HelpMessages.swift)
    case helpOverview, helpUsage, helpArguments, helpOptions, helpSubcommands, helpSubcommandName, helpShowHelp,
        helpShowVersion, helpSeeSubcommand, helpValues, helpDefault
    // a command line that does not parse: ArgumentParser's reasons, in the user's language (HelpMessages.swift)
    case usageMissing, usageMissingOneOf, usageUnknownOption, usageUnknownOptionSuggest, usageMissingValue,
        usageUnexpected, usageInvalidValue, usageNoValue, usageUnknownSubcommand, usageUnknownSubcommandSuggest,
        ledgerReportOutputIsFile
}

/// The catalogue: for each message its code and its Chinese and English text, with `{name}`
/// parameters. A test checks that both texts of an entry name the same parameters.
public enum Catalogue {
    public struct Entry: Sendable {
        public var code: String
        public var zh: String
        public var en: String
    }

    public static func entry(_ id: MessageID) -> Entry { all[id]! }

    /// The tables kept by theme (this file's, sheets, the PDF, the ledger, the help), merged once into the
    /// one table every lookup reads; a test checks that no id is in two of them.
    static let themed = [entries, sheetEntries, pdfEntries, ledgerEntries, helpEntries]
    static let all: [MessageID: Entry] = themed.reduce(into: [:]) { all, table in all.merge(table) { first, _ in first }
    }

    /// `{name}` replaced by its argument; an unknown name stays as it is.
    public static func fill(_ template: String, _ args: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let v = args[name] { out += v } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The `{name}`s of a template.
    public static func parameters(_ template: String) -> Set<String> {
        var out: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    static let entries: [MessageID: Entry] = [
        // fields
        .valueRequired: Entry(
            code: "E-MISSING", zh: "此项必填，当前为空；请填写{label}", en: "a value is required ({label}); fill it in"),
        .notAnIdentifier: Entry(
            code: "E-ID", zh: "编号只能由 1–32 个字母、数字、_ 或 - 组成，当前为“{value}”；请改正编号",
            en: "expected an identifier of 1–32 letters, digits, _ or -, found \"{value}\"; correct the id"),
        .nameBlank: Entry(
            code: "E-NAME", zh: "名称为空白（只有 U+00A0 等空格）；请填写{label}",
            en: "the name is blank (only spaces such as U+00A0 were found); type the name ({label})"),
        .nameControl: Entry(
            code: "E-NAME", zh: "名称中含有控制字符或方向控制字符（{value}）；请重新输入名称",
            en: "the name holds a control or direction character ({value}); retype it without them"),
        .nameTooLong: Entry(
            code: "E-NAME", zh: "名称最多 100 个字符，当前 {count} 个；请缩短",
            en: "a name has at most 100 characters, found {count}; shorten it"),
        .notAWholeNumber: Entry(
            code: "E-NUMBER", zh: "应为整数，当前为“{value}”；请填写 {min}–{max} 之间的整数",
            en: "expected a whole number {min}–{max}, found \"{value}\""),
        .rangeInteger: Entry(
            code: "E-RANGE", zh: "应在 {min}–{max} 之间，当前为 {value}；请改正", en: "expected {min}–{max}, found {value}"),
        .notADecimal: Entry(
            code: "E-NUMBER", zh: "应为 0.0–{max} 的数，当前为“{value}”；请填写数字，最多一位小数（可带“分”或“%”，全角数字也可）",
            en:
                """
                expected a number 0.0–{max}, found \"{value}\" (a trailing 分 or %, and full-width digits, are \
                accepted)
                """
        ),
        .tooManyDecimals: Entry(
            code: "E-DECIMALS", zh: "最多一位小数，当前为“{value}”；请保留一位小数（如 {example}）",
            en: "at most one digit after the point, found \"{value}\" (write e.g. {example})"),
        .rangeDecimal: Entry(
            code: "E-RANGE", zh: "应在 0.0–{max} 之间，当前为 {value}；请改正", en: "expected 0.0–{max}, found {value}"),
        .badLevel: Entry(
            code: "E-ENUM", zh: "级别应为 市级、省级 或 国家级（city/province/national），当前为“{value}”",
            en: "expected city, province or national (市级/省级/国家级), found \"{value}\""),
        .badDate: Entry(
            code: "E-DATE", zh: "日期应写作 2026-06-30、2026/6/30、2026.6.30 或 2026年6月30日，当前为“{value}”",
            en: "expected a date such as 2026-06-30, 2026/6/30, 2026.6.30 or 2026年6月30日, found \"{value}\""),
        .dateOutOfBounds: Entry(
            code: "E-DATE", zh: "日期 {value} 超出合理范围（1990-01-01 至 {last}-12-31）；请核对年份",
            en: "the date {value} is outside sane bounds (1990-01-01 to {last}-12-31); check the year"),
        .electionWithoutDue: Entry(
            code: "E-MISSING", zh: "填写了换届日期或延期，但没有换届到期日；请填写换届到期日",
            en: "a re-election date or delay is given without its due date (换届到期日); add the due date"),
        .badBoolean: Entry(
            code: "E-ENUM", zh: "应为 是 或 否（也可写 Y/N、√/×、有/无、true/false），当前为“{value}”",
            en: "expected 是 or 否 (or Y/N, √/×, 有/无, true/false), found \"{value}\""),
        .wrongYear: Entry(
            code: "E-YEAR", zh: "年度应为 {year}，当前为 {found}", en: "expected the rating year {year}, found {found}"),
        .wrongYearForAll: Entry(
            code: "E-YEAR", zh: "全部 {count} 条记录的年度都是 {found}，而不是 {year}：请用 --year {found}，或核对数据的年度",
            en: """
                all {count} records carry the year {found}, not {year}: pass --year {found}, or check the data's year
                """),
        .nameInvisible: Entry(
            code: "E-NAME", zh: "名称只有不可见的字符（{value}），显示出来是空白；请填写{label}",
            en: "the name holds only invisible characters ({value}) and shows as blank; type the name ({label})"),
        // across records
        .duplicate: Entry(
            code: "E-DUPLICATE", zh: "支部 {id} 提交了两次，第一次在 {first}；请删去其中一份",
            en: "branch {id} is submitted twice; first at {first}; remove one of them"),
        .registerDuplicate: Entry(
            code: "E-REGISTER-DUPLICATE", zh: "支部 {id} 在名册中出现两次，第一次在 {first}；请删去重复的一行",
            en: "branch {id} is listed twice in the register; first at {first}; remove the repeated line"),
        .registerBadID: Entry(
            code: "E-ID", zh: "名册中的编号只能由 1–32 个字母、数字、_ 或 - 组成，当前为“{value}”",
            en: "expected an identifier of 1–32 letters, digits, _ or - in the register, found \"{value}\""),
        .unknownBranch: Entry(
            code: "E-UNKNOWN-BRANCH", zh: "支部 {id} 不在名册 branches.csv 中；请核对编号，或把该支部加入名册",
            en: "branch {id} is not in the register branches.csv; check the id or add the branch to the register"),
        .missingSubmission: Entry(
            code: "E-MISSING-SUBMISSION", zh: "支部 {id} {name} 在名册中，但没有提交材料；请补交",
            en: "branch {id} {name} is in the register but sent no submission; ask for it"),
        .missingSubmissionsOfBrokenSheets: Entry(
            code: "E-MISSING-SUBMISSION",
            zh: "名册中有 {count} 个支部（{ids}）没有可读的材料，因为{files}无法读取；请先改正上面该文件的错误",
            en:
                """
                no readable submission came from {count} of the register's branches ({ids}) because {files} \
                could not be read; fix that file's errors above first
                """
        ),
        .registerMismatch: Entry(
            code: "W-REGISTER-MISMATCH", zh: "名称或上级党组织与名册不一致（名册：{name}，{committee}）",
            en: "name or committee differs from the register ({name}, {committee})"),
        .lowParticipation: Entry(
            code: "W-PARTICIPATION", zh: "{members} 名党员中只有 {participants} 名参加群众测评，低于 {percent}%（党员参与率一般不低于{percent}%）",
            en:
                """
                {participants} of {members} members took part in the masses evaluation, under {percent} % \
                (the members' participation is normally at least {percent} %)
                """
        ),
        .tooManyParticipants: Entry(
            code: "W-PARTICIPANTS", zh: "参评党员 {participants} 名，多于支部党员人数 {members}；请核对",
            en: "{participants} member raters but the branch has {members} members; check the figures"),
        .selfTooHigh: Entry(
            code: "W-SELF-HIGH", zh: "自评总分 {self} 比上级考评 {superior} 高出 {limit} 分以上；请核对",
            en: "self-evaluation total {self} is more than {limit} above the superior's {superior}; check the figures"),
        .committeeNames: Entry(
            code: "W-COMMITTEE-NAME", zh: "上级党组织 {id} 有两个名称：“{name}”（{where}）和“{other}”（{otherWhere}）；请统一名称",
            en: "committee {id} has two names: \"{name}\" ({where}) and \"{other}\" ({otherWhere}); use one name"),
        // files
        .fileUnreadable: Entry(
            code: "W-FILE-SKIPPED", zh: "无法查看此文件（{reason}），未读取", en: "cannot be looked at ({reason}): not read"),
        .fileLinkOutside: Entry(
            code: "W-FILE-LINK", zh: "这是指向输入文件夹之外（或不存在）的符号链接，未读取；请把文件本身复制到输入文件夹",
            en:
                """
                a symbolic link that leads outside the input folder (or nowhere): not followed; copy the file \
                into the folder instead
                """
        ),
        .fileIgnored: Entry(
            code: "W-FILE-IGNORED", zh: "不是材料文件（.xml、.csv 或 .xlsx）、名册、rules.toml 或 config.toml，未读取",
            en: "not a submission (.xml, .csv or .xlsx), the register, rules.toml or config.toml: not read"),
        .fileIsFolder: Entry(code: "W-FILE-SKIPPED", zh: "这是文件夹而不是文件，未读取", en: "a folder, not a file: not read"),
        .fileNotRegular: Entry(
            code: "W-FILE-SKIPPED", zh: "不是普通文件（管道、设备或套接字），未读取",
            en: "not a regular file (a pipe, device or socket): not read"),
        .csvEmpty: Entry(code: "E-CSV-EMPTY", zh: "文件是空的；第一行应为表头", en: "the file is empty; expected a header row"),
        .csvNoHeader: Entry(code: "E-CSV-EMPTY", zh: "文件没有表头行", en: "the file has no header row"),
        .csvBinary: Entry(
            code: "E-CSV-BINARY", zh: "文件含有 NUL 字节，不是文本 CSV 文件（是否把 .xlsx 改成了 .csv？请改回 .xlsx，或在 Excel 中另存为“CSV UTF-8”）",
            en:
                """
                the file holds NUL bytes: it is not a text CSV file (was a spreadsheet saved as .xlsx?); save it \
                as \"CSV UTF-8\"
                """
        ),
        .csvEncoding: Entry(
            code: "E-CSV-ENCODING", zh: "含有既不是 UTF-8 也不是 GB18030 的字节；请在 Excel 中另存为“CSV UTF-8”",
            en: "bytes that are neither UTF-8 nor GB18030; save the sheet as \"CSV UTF-8\""),
        .csvQuote: Entry(
            code: "E-CSV-QUOTE", zh: "引号没有闭合（从这一行开始的 \" 没有对应的 \"）；请检查该单元格",
            en: "a quoted field is never closed (unbalanced \"); check that cell"),
        .csvTooManyFields: Entry(
            code: "E-CSV-LIMIT", zh: "这一行超过 {limit} 列：这不是支部汇总表（请确认文件是否正确，并另存为 CSV）",
            en:
                """
                the row has more than {limit} fields: this is not a sheet of branches (check that the file is the \
                right one and saved as CSV)
                """
        ),
        .csvFieldTooLong: Entry(
            code: "E-CSV-LIMIT", zh: "第 {column} 列超过 {limit} 字节：这不是支部汇总表（请确认文件是否正确，并另存为 CSV）",
            en:
                """
                field {column} is longer than {limit} bytes: this is not a sheet of branches (check that the file \
                is the right one and saved as CSV)
                """
        ),
        .csvFieldCount: Entry(
            code: "E-CSV-FIELDS", zh: "应有 {expected} 列（与表头相同），这一行有 {found} 列；请检查是否多了或少了逗号",
            en: "expected {expected} fields as in the header, found {found}; look for a missing or extra comma"),
        .csvUnknownColumn: Entry(
            code: "W-CSV-COLUMN", zh: "无法识别第 {column} 列（{letter} 列）的表头，该列被忽略",
            en: "unknown column {column} ({letter}) is ignored"),
        .csvUnknownColumnSuggest: Entry(
            code: "E-CSV-HEADER", zh: "无法识别第 {column} 列（{letter} 列）的表头“{found}”，是否应为“{suggestion}”？请改正表头",
            en:
                """
                the header of column {column} ({letter}), \"{found}\", is unknown: did you mean \"{suggestion}\"? \
                Correct the header
                """
        ),
        .csvRepeatedColumn: Entry(
            code: "E-CSV-HEADER", zh: "第 {column} 列与第 {first} 列重复；请删去其中一列",
            en: "column {column} repeats column {first}; remove one of them"),
        .csvMissingColumns: Entry(
            code: "E-CSV-HEADER", zh: "缺少列：{columns}；请在表头中加上",
            en: """
                missing columns: {columns}; add them to the header
                """),
        .csvCellNotUTF8: Entry(
            code: "E-CSV-ENCODING",
            zh: "这一格不是 UTF-8 编码（字节 {value}{gbk}），而文件其余部分是 UTF-8：多半是从 GBK 文件粘贴来的文字；请重新输入这一格，并在 Excel 中另存为“CSV UTF-8”",
            en:
                """
                this cell is not UTF-8 (bytes {value}{gbk}) while the rest of the file is UTF-8: most likely \
                text pasted from a GBK file; retype the cell and save the sheet as \"CSV UTF-8\"
                """
        ),
        .csvCellUTF8InGB18030: Entry(
            code: "E-CSV-ENCODING",
            zh: "这一格是 UTF-8 编码（“{value}”），而文件其余部分是 GB18030/GBK：按 GBK 读取会成为乱码；请重新输入这一格，并在 Excel 中另存为“CSV UTF-8”",
            en:
                """
                this cell is UTF-8 (\"{value}\") while the rest of the file is GB18030/GBK: read as GBK it would \
                be garbled; retype the cell and save the sheet as \"CSV UTF-8\"
                """
        ),
        .registerHeader: Entry(
            code: "E-REGISTER-HEADER", zh: "名册需要以下列：{columns}", en: "the register needs the columns {columns}"),
        .previousHeader: Entry(
            code: "E-PREVIOUS",
            zh: "上年结果需要 branch_id 和 stars 两列（或“支部编号”和“评定星级”）；请给出 star-report 写出的 results.csv、results.xlsx 或报告文件夹",
            en:
                """
                last year's results need the columns branch_id and stars (or 支部编号 and 评定星级): pass a results.csv, \
                results.xlsx or reports folder written by star-report
                """
        ),
        .previousStars: Entry(
            code: "E-PREVIOUS", zh: "星级应为 0–5，当前为“{value}”", en: "expected a star count 0–5, found \"{value}\""),
        .previousWrongYear: Entry(
            code: "E-PREVIOUS-YEAR",
            zh:
                """
                --previous 给出的是 {found} 年度的结果，而本次评定 {year} 年度，应为上一年度（{expected}）的结果；请给出 {expected} 年度的 results.\
                csv、results.xlsx 或报告文件夹
                """,
            en:
                """
                --previous holds the results of {found}, but this run rates {year} and needs those of the year \
                before ({expected}): pass the results.csv, results.xlsx or reports folder of {expected}
                """
        ),
        .previousThisYear: Entry(
            code: "E-PREVIOUS-YEAR",
            zh: "--previous 给出的是本年度（{year}）自己的结果，不是上一年度的；请给出 {expected} 年度的 results.csv、results.xlsx 或报告文件夹",
            en:
                """
                --previous holds this year's own results ({year}), not last year's: pass the results.csv, results.\
                xlsx or reports folder of {expected}
                """
        ),
        .previousYearUnknown: Entry(
            code: "W-PREVIOUS-YEAR",
            zh: "无法核对上年结果的年度（results.csv 中没有年度，旁边也没有 results.json）；请确认它是 {expected} 年度的结果，或改为给出 {expected} 年度的报告文件夹",
            en:
                """
                the year of last year's results cannot be checked (results.csv holds no year and no results.json \
                is beside it): make sure they are those of {expected}, or pass the reports folder of {expected}
                """
        ),
        .previousFewFound: Entry(
            code: "W-PREVIOUS-BRANCHES", zh: "本年度 {total} 个支部中只有 {found} 个在上年结果中；请确认给出的是本单位 {expected} 年度的结果",
            en:
                """
                only {found} of this year's {total} branches are in last year's results: make sure they are your \
                own results of {expected}
                """
        ),
        .previousNoneFound: Entry(
            code: "E-PREVIOUS-BRANCHES",
            zh: "本年度 {total} 个支部没有一个在上年结果（{count} 个支部）中：这不是本单位的结果；请给出本单位 {expected} 年度的结果，或去掉 --previous",
            en:
                """
                none of this year's {total} branches is in last year's results ({count} branches): they are not \
                your own; pass your results of {expected}, or leave out --previous
                """
        ),
        .xmlEmpty: Entry(code: "E-XML-EMPTY", zh: "文件是空的", en: "the file is empty"),
        .xmlDoctype: Entry(
            code: "E-XML-DOCTYPE", zh: "材料中不允许 DOCTYPE 或 ENTITY 声明（拒绝外部实体和实体展开）；请删去该声明",
            en:
                """
                a DOCTYPE or ENTITY declaration is not allowed in a submission (external entities and entity \
                expansion are refused)
                """
        ),
        .xmlSyntax: Entry(code: "E-XML-SYNTAX", zh: "XML 格式错误：{detail}；请用文本编辑器检查这一行", en: "malformed XML: {detail}"),
        .xmlSchema: Entry(code: "E-XML-SCHEMA", zh: "不符合 submission.xsd：{detail}", en: "{detail}"),
        .xmlNotValid: Entry(
            code: "E-XML-SCHEMA", zh: "文件不符合 submission.xsd", en: "the file does not validate against submission.xsd"),
        .xmlOutOfResources: Entry(
            code: "E-RESOURCES", zh: "libxml2 无法分配读取此文件所需的内存",
            en: "libxml2 could not allocate what it needs to read this file"),
        .xmlBadValue: Entry(
            code: "E-XML-SCHEMA", zh: "{what} 的值“{value}”不是{expected}；请改正",
            en: "{what}: the value \"{value}\" is not {expected}"),
        .xmlAboveMax: Entry(
            code: "E-XML-SCHEMA", zh: "{what} 的值 {value} 超过上限 {limit}；请改正",
            en: "{what}: the value {value} is above the maximum {limit}"),
        .xmlBelowMin: Entry(
            code: "E-XML-SCHEMA", zh: "{what} 的值 {value} 低于下限 {limit}；请改正",
            en: "{what}: the value {value} is below the minimum {limit}"),
        .xmlBadPattern: Entry(
            code: "E-XML-SCHEMA", zh: "{what} 的值“{value}”格式不对（分数最多一位小数，编号 1–32 个字母或数字，日期写作 YYYY-MM-DD）；请改正",
            en:
                """
                {what}: the value \"{value}\" has the wrong form (scores with at most one decimal, ids of 1–32 \
                letters or digits, dates YYYY-MM-DD)
                """
        ),
        .xmlUnexpectedElement: Entry(
            code: "E-XML-SCHEMA", zh: "此处不应出现 {what}{expected}；请检查元素名称和顺序",
            en: "{what} is not expected here{expected}; check its name and order"),
        .xmlMissingElement: Entry(
            code: "E-XML-SCHEMA", zh: "{what} 缺少子元素{expected}；请补上", en: "{what} is missing a child element{expected}"),
        .xmlBadEnum: Entry(
            code: "E-XML-SCHEMA", zh: "{what} 的值“{value}”不在允许的取值中（{allowed}）；请改正",
            en: "{what}: the value \"{value}\" is not one of {allowed}"),
        .xmlWrongRoot: Entry(
            code: "E-XML-SCHEMA", zh: "根元素应为命名空间 urn:star-report:submission:1 中的 <submission>，当前为 {what}；请改正命名空间",
            en: "the root element must be <submission> in the namespace urn:star-report:submission:1, found {what}"),
        .xmlDuplicateAspect: Entry(
            code: "E-XML-SCHEMA", zh: "{what} 的序号 {key} 重复出现；每一项只能填一次",
            en: "{what}: number {key} appears twice; give each one once"),
        .xmlFileTooLarge: Entry(
            code: "E-XML-LIMIT", zh: "文件有 {size} 字节，超过一份材料的上限 {limit} 字节（一个支部的材料通常只有几 KB）：请确认文件是否正确",
            en:
                """
                the file has {size} bytes, over the limit of {limit} bytes for one submission (a branch's file is \
                a few KB): check that it is the right file
                """
        ),
        .xmlTooManyAttributes: Entry(
            code: "E-XML-LIMIT", zh: "<{element}> 的属性超过 {limit} 个（格式中的元素最多 4 个属性）：请确认文件是否正确",
            en:
                """
                <{element}> has more than {limit} attributes (the format's elements have at most 4): check that \
                it is the right file
                """
        ),
        .xmlTextTooLong: Entry(
            code: "E-XML-LIMIT", zh: "从这一行开始的一段文字、属性值或注释超过 {limit} 个字符（名称最多 100 个字符）：请缩短",
            en:
                """
                a text, attribute value or comment starting on this line is longer than {limit} characters (a \
                name has at most 100): shorten it
                """
        ),
        .xmlNameTooLong: Entry(
            code: "E-XML-LIMIT", zh: "元素名或属性名超过 {limit} 个字节（格式中的名称最长 18 个字节）：请确认文件是否正确",
            en:
                """
                an element or attribute name is longer than {limit} bytes (the format's longest is 18): check \
                that it is the right file
                """
        ),
        .xmlEncoding: Entry(
            code: "E-XML-ENCODING", zh: "不支持的编码 {encoding}：材料应为 UTF-8（也可为 UTF-16、GB18030/GBK）；请另存为 UTF-8",
            en:
                """
                the encoding {encoding} is not supported: a submission is UTF-8 (or UTF-16, GB18030/GBK); save it \
                as UTF-8
                """
        ),
        // rules and config
        .tomlSyntax: Entry(code: "{code}", zh: "不是有效的 TOML：{detail}；请改正这一行", en: "not valid TOML: {detail}"),
        .tomlInvalid: Entry(code: "{code}", zh: "不是有效的 TOML", en: "not valid TOML"),
        .tomlUnknownKey: Entry(
            code: "{code}", zh: "未知的设置项（可用的有：{known}）", en: "unknown key (expected one of: {known})"),
        .tomlUnknownKeySuggest: Entry(
            code: "{code}", zh: "未知的设置项，是否应为“{suggestion}”？（可用的有：{known}）",
            en: "unknown key: did you mean \"{suggestion}\"? (expected one of: {known})"),
        .tomlExpectedTable: Entry(code: "{code}", zh: "应为一个表 [..]", en: "expected a table"),
        .tomlExpectedString: Entry(code: "{code}", zh: "应为带引号的文字", en: "expected a string in quotes"),
        .tomlExpectedBool: Entry(code: "{code}", zh: "应为 true 或 false", en: "expected true or false"),
        .tomlExpectedInt: Entry(code: "{code}", zh: "应为 {min}–{max} 之间的整数", en: "expected a whole number {min}–{max}"),
        .tomlExpectedTenths: Entry(
            code: "{code}", zh: "应为 0.0–{max} 之间、最多一位小数的数", en: "expected a number 0.0–{max} with at most one decimal"),
        .tomlTooLarge: Entry(
            code: "{code}", zh: "文件有 {size} 字节，超过上限 {limit} 字节（设置文件通常只有几 KB）：请确认文件是否正确",
            en:
                """
                the file has {size} bytes, over the limit of {limit} (a settings file is a few KB): check that it \
                is the right file
                """
        ),
        .tomlTooManyKeys: Entry(
            code: "{code}", zh: "文件中的设置项和表超过 {limit} 个：请确认文件是否正确",
            en: "the file has more than {limit} keys and tables: check that it is the right file"),
        .tomlMoreUnknownKeys: Entry(
            code: "{code}", zh: "除上面 {shown} 个外，另有 {count} 个未知的设置项（从这一行起）；请对照文档检查",
            en:
                """
                {count} more unknown keys besides the {shown} above (from this line on); check them against the \
                documentation
                """
        ),
        .notAnAddress: Entry(
            code: "{code}", zh: "不是电子邮件地址：{value}；请只写一个地址，如 name@example.gov.cn，不带姓名、空格、逗号、引号或尖括号",
            en:
                """
                not an e-mail address: {value}; write one address like name@example.gov.cn, with no name, spaces, \
                commas, quotes or angle brackets
                """
        ),
        .configNotSet: Entry(
            code: "W-CONFIG", zh: "未设置：报告中显示 {placeholder}；请在 config.toml 中加上 {key}",
            en: "not set: the reports show {placeholder}; add {key} to config.toml"),
        .configNoAddress: Entry(
            code: "W-CONFIG", zh: "上级党组织 {id} 没有电子邮件地址；请在 config.toml 中加上 [committees.{id}] email = \"…\"",
            en: "no e-mail address for committee {id}; add [committees.{id}] email = \"…\" to config.toml"),
        .configNoAddresses: Entry(
            code: "W-CONFIG",
            zh: "{count} 个上级党组织没有电子邮件地址（{some}，…）；请在 config.toml 中为每个加上 [committees.编号] email = \"…\"",
            en:
                """
                no e-mail address for {count} committees ({some}, …); add [committees.ID] email = \"…\" to config.\
                toml for each
                """
        ),
        .configUnknownCommittee: Entry(
            code: "W-CONFIG", zh: "config.toml 中有上级党组织 {id}，但数据中没有它的支部；请核对编号{suggestion}",
            en: "committee {id} is in config.toml but no branch of the data belongs to it; check the id{suggestion}"),
        .rulesRequiredKey: Entry(
            code: "E-RULES", zh: "规则文件必须写明 {key}（{what}）；请加上 {key} = \"…\"",
            en: "the rules file must give its {key} ({what}); add {key} = \"…\""),
        .rulesWeightsSum: Entry(
            code: "E-RULES", zh: "三项权重之和应为 100，当前为 {sum}", en: "the weights must sum to 100, they sum to {sum}"),
        .rulesBandsRise: Entry(
            code: "E-RULES", zh: "星级分数线应从一星到五星逐级升高", en: "the band minimums must rise from one to five stars"),
        .rulesBadDate: Entry(code: "E-RULES", zh: "日期应写作 YYYY-MM-DD", en: "expected a date YYYY-MM-DD"),
        .rulesBadScope: Entry(
            code: "E-RULES", zh: "应为 \"all\"（全部）或 \"committee\"（按上级党组织）", en: "expected \"all\" or \"committee\""),
        .rulesExpectedQuotas: Entry(code: "E-RULES", zh: "应为 [[quota]] 表", en: "expected [[quota]] tables"),
        .rulesQuotaCodesDiffer: Entry(code: "E-RULES", zh: "名额规则的代码不能重复", en: "quota codes must differ"),
        .rulesQuotaLevels: Entry(code: "E-RULES", zh: "星级应为 0–5 的整数", en: "star levels are whole numbers 0–5"),
        .rulesQuotaCode: Entry(code: "E-RULES", zh: "每条名额规则都需要代码，如 \"Q1\"", en: "each quota needs a code, e.g. \"Q1\""),
        .rulesQuotaNoLevels: Entry(
            code: "E-RULES", zh: "每条名额规则都需要星级，如 [5]", en: "each quota needs its star levels, e.g. [5]"),
        .rulesQuotaBound: Entry(code: "E-RULES", zh: "应为 \"max\"（上限）或 \"min\"（下限）", en: "expected \"max\" or \"min\""),
        .rulesQuotaPercent: Entry(code: "E-RULES", zh: "应为 0.0–100.0 的百分比", en: "expected a percentage 0.0–100.0"),
        .rulesQuotaRounding: Entry(
            code: "E-RULES", zh: "应为 \"floor\"、\"ceil\" 或 \"round\"", en: "expected \"floor\", \"ceil\" or \"round\""),
        .rulesQuotaPolicy: Entry(
            code: "E-RULES", zh: "应为 \"enforce\"（执行）或 \"report\"（只报告）", en: "expected \"enforce\" or \"report\""),
        .rulesQuotaPolicyConflict: Entry(
            code: "E-RULES", zh: "“enforce”只适用于某一星级的上限，或最低几级（0…k）的下限；这条名额规则只能用“report”",
            en:
                """
                enforce works on a max of one star level or a min of the lowest levels (0…k); this quota may only \
                be \"report\"
                """
        ),
        .rulesOther: Entry(code: "E-RULES", zh: "{detail}", en: "{detail}"),
        // workbooks
        // never shown: an inflater stopped because the parser is done with its part; the refusal has
        // the code "" and is dropped
        .xlsxCancelled: Entry(code: "", zh: "（读取已停止；此文本不会显示）", en: "(the reading stopped; this text is never shown)"),
        // {detail} is Chinese in both languages (the reasons of XLSXZipCheck and XLSXArchive)
        .xlsxNotAZip: Entry(
            code: "E-XLSX-ZIP", zh: "文件不是有效的 .xlsx 工作簿（{detail}）：请在 Excel 中打开后另存为 Excel 工作簿 (*.xlsx)",
            en: "not a valid .xlsx workbook ({detail}): open it in Excel and save it as an Excel workbook (*.xlsx)"),
        .xlsxEncrypted: Entry(
            code: "E-XLSX-ENCRYPTED",
            zh: "工作簿已加密（或是旧版 .xls 格式），无法读取：请在 Excel 中取消密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存为 .xlsx",
            en:
                """
                the workbook is encrypted (or an old .xls file) and cannot be read: remove its password in Excel \
                (File → Info → Protect Workbook → Encrypt with Password, clear it) and save it as .xlsx
                """
        ),
        .xlsxTooManyParts: Entry(
            code: "E-XLSX-LIMIT", zh: "工作簿的部件超过 {limit} 个，拒绝读取：请另存为只含一个工作表的 .xlsx",
            en: "the workbook has more than {limit} parts and is refused: save it as an .xlsx with one worksheet"),
        .xlsxUnsafePath: Entry(
            code: "E-XLSX-PATH", zh: "工作簿中含有不安全的部件路径 \"{path}\"（可能是恶意文件），拒绝读取：请用 Excel 重新另存为 .xlsx",
            en:
                """
                the workbook holds an unsafe part path \"{path}\" (possibly a hostile file) and is refused: save \
                it again with Excel as .xlsx
                """
        ),
        .xlsxPartTooLarge: Entry(
            code: "E-XLSX-LIMIT", zh: "部件 {part} 过大（超过 {limit} MiB），拒绝读取",
            en: "part {part} is too large (over {limit} MiB) and is refused"),
        .xlsxZipBomb: Entry(
            code: "E-XLSX-BOMB", zh: "部件 {part} 解压后异常巨大（疑似 ZIP 炸弹，超过 {limit} GiB 或压缩比超过 {ratio}:1），拒绝读取",
            en:
                """
                part {part} inflates to an abnormal size (a ZIP bomb: over {limit} GiB or a ratio over {ratio}:1) \
                and is refused
                """
        ),
        .xlsxDate1904: Entry(
            code: "E-XLSX-1904",
            zh: "工作簿使用 1904 日期系统（Mac 旧版 Excel），日期会相差 4 年：请在 Excel 选项→高级中取消“使用 1904 日期系统”，核对日期后另存为 .xlsx",
            en:
                """
                the workbook uses the 1904 date system (old Excel for Mac), which shifts dates by 4 years: turn \
                off \"Use 1904 date system\" in Excel Options → Advanced, check the dates and save it as .xlsx
                """
        ),
        .xlsxOutsidePackage: Entry(
            code: "E-XLSX-PATH", zh: "部件 {part} 指向包外的路径 \"{target}\"（可能是恶意文件），拒绝读取：请用 Excel 重新另存为 .xlsx",
            en:
                """
                part {part} points outside the package to \"{target}\" (possibly a hostile file) and is refused: \
                save it again with Excel as .xlsx
                """
        ),
        .xlsxMissingSharedString: Entry(
            code: "E-XLSX-XML", zh: "单元格 {cell} 引用了不存在的共享字符串 {index}：请用 Excel 重新另存为 .xlsx",
            en: "cell {cell} refers to a shared string {index} that does not exist: save it again with Excel as .xlsx"),
        .xlsxPartUnreadable: Entry(code: "E-XLSX-XML", zh: "无法读取部件 {part}", en: "cannot read part {part}"),
        .xlsxDoctype: Entry(
            code: "E-XLSX-DOCTYPE", zh: "部件 {part} 含有 DOCTYPE 或实体声明（可能是恶意文件，外部实体与实体展开一律拒绝）：请用 Excel 重新另存为 .xlsx",
            en:
                """
                part {part} holds a DOCTYPE or entity declaration (possibly hostile; external entities and entity \
                expansion are always refused): save it again with Excel as .xlsx
                """
        ),
        .xlsxDoctypeReported: Entry(
            code: "E-XLSX-DOCTYPE", zh: "部件 {part} 含有 DOCTYPE 或实体（{detail}）：请用 Excel 重新另存为 .xlsx",
            en: "part {part} holds a DOCTYPE or an entity ({detail}): save it again with Excel as .xlsx"),
        .xlsxNotWellFormed: Entry(
            code: "E-XLSX-XML", zh: "部件 {part} 不是格式正确的 XML（{detail}）：请用 Excel 重新另存为 .xlsx",
            en: "part {part} is not well-formed XML ({detail}): save it again with Excel as .xlsx"
        ),
        .xlsxEmptySheet: Entry(
            code: "E-XLSX-EMPTY", zh: "第一个工作表“{sheet}”是空的：第一行应为表头（支部编号、支部名称……），每个支部一行",
            en:
                """
                the first worksheet \"{sheet}\" is empty: its first row must be the header (branch_id, \
                branch_name, …), then one row per branch
                """
        ),
        .xlsxUnknownColumn: Entry(
            code: "W-XLSX-COLUMN", zh: "未知的列“{name}”，已忽略（列名以 star-report template 生成的填报表为准）",
            en: "unknown column \"{name}\" is ignored (the names are those of the sheet star-report template writes)"),
        .xlsxUnknownColumnSuggest: Entry(
            code: "E-XLSX-HEADER", zh: "无法识别表头“{found}”，是否应为“{suggestion}”？请改正表头",
            en: "the header \"{found}\" is unknown: did you mean \"{suggestion}\"? Correct the header"),
        .xlsxRepeatedColumn: Entry(
            code: "E-XLSX-HEADER", zh: "与 {first} 列重复（同一字段 {key}），请删除其中一列",
            en: "repeats column {first} (the same field {key}); remove one of them"),
        .xlsxMissingColumns: Entry(
            code: "E-XLSX-HEADER", zh: "表头缺少列：{columns}，请补上这些列",
            en: """
                the header lacks the columns {columns}; add them
                """),
        .templateNotXlsx: Entry(
            code: "", zh: "--output 应为 .xlsx 文件名，例如 --output 填报表-{committee}.xlsx",
            en: "--output must name an .xlsx file, e.g. --output sheet-{committee}.xlsx"),
        .templateExists: Entry(
            code: "", zh: "{output} 已存在，不会覆盖：请换一个文件名，或先移走该文件",
            en: "{output} exists and is never overwritten: pass another name, or move that file away first"),
        .templateNoRegister: Entry(
            code: "", zh: "{input} 中没有支部名册 branches.csv：模板按名册生成，请先放入 branches.csv",
            en: "{input} has no register branches.csv: the workbook is made from it, so add branches.csv first"),
        .templateRegisterErrors: Entry(
            code: "", zh: "支部名册 branches.csv 有错误，未生成模板", en: "the register branches.csv has errors; no workbook written"
        ),
        .templateUnknownCommittee: Entry(
            code: "", zh: "名册中没有上级党组织 {committee}；可用的编号：{known}",
            en: "the register has no committee {committee}; its ids: {known}"),
        .templateCannotWrite: Entry(code: "", zh: "无法写出 {output}：{reason}", en: "cannot write {output}: {reason}"),
        .excelCannotWrite: Entry(code: "", zh: "无法写出 {name}：{reason}", en: "cannot write {name}: {reason}"),
        .smtpTls: Entry(
            code: "{code}", zh: "应为 \"none\"（明文）或 \"required\"（默认，必须加密）",
            en: "expected \"none\" (clear text) or \"required\" (the default)"),
        .smtpUrl: Entry(
            code: "{code}", zh: "应为 smtp://主机:587（STARTTLS）或 smtps://主机:465（TLS）",
            en: "expected smtp://host:587 (STARTTLS) or smtps://host:465 (TLS)"),
        .smtpUrlCredentials: Entry(
            code: "{code}", zh: "url 中不能写用户名或密码；请用 username，密码放在环境变量 STAR_REPORT_SMTP_PASSWORD 中",
            en: "must not hold a user name or password; use username, and the password from STAR_REPORT_SMTP_PASSWORD"),
        .smtpNoHost: Entry(
            code: "{code}", zh: "没有主机名：应为 smtp://主机:587 或 smtps://主机:465",
            en: "no host: expected smtp://host:587 or smtps://host:465"),
        .smtpTlsContradiction: Entry(
            code: "{code}", zh: "tls = \"none\" 与 smtps:// 地址矛盾", en: "tls = \"none\" contradicts an smtps:// url"),
        .smtpNoUrl: Entry(
            code: "{code}", zh: "缺少 url：请加上 url = \"smtp://主机:587\"（STARTTLS）或 \"smtps://主机:465\"",
            en: "url is missing: add url = \"smtp://host:587\" (STARTTLS) or \"smtps://host:465\""),
        .smtpUsername: Entry(code: "{code}", zh: "用户名应为一行、不能为空", en: "expected a non-empty user name on one line"),
        .smtpCaFile: Entry(code: "{code}", zh: "应为 CA 证书文件（PEM）的路径", en: "expected the path of a CA bundle (PEM)"),
        // templates
        .templateMissing: Entry(code: "E-TEMPLATE", zh: "找不到模板文件；{detail}", en: "{detail}"),
        .templateSyntax: Entry(code: "E-TEMPLATE", zh: "模板语法错误：{detail}", en: "template syntax error: {detail}"),
        .usageHint: Entry(
            code: "", zh: "命令行有误：{detail}。用法见 {help}", en: "bad usage: {detail}. See {help}"),
        .outEmpty: Entry(
            code: "", zh: "--output 为空：请给出存放报告的文件夹，例如 --output reports/2026",
            en: "--output is empty: pass the folder the reports go to, e.g. --output reports/2026"),
        .outLinkNowhere: Entry(
            code: "", zh: "--output {shown} 是一个不指向文件夹的符号链接：请给出一个文件夹，例如 --output reports/2026",
            en:
                """
                --output {shown} is a symbolic link that does not lead to a folder: pass a folder, e.g. --output \
                reports/2026
                """
        ),
        .outIsFile: Entry(
            code: "", zh: "--output {shown} 是一个文件，不是文件夹；star-report 绝不覆盖它：请给出一个新的文件夹名，例如 --output reports/2026",
            en:
                """
                --output {shown} is a file, not a folder; star-report never writes over it: pass a new folder \
                name, e.g. --output reports/2026
                """
        ),
        .outRoot: Entry(
            code: "", zh: "--output {shown} 是根目录：请给出一个新的文件夹，例如 --output reports/2026",
            en: "--output {shown} is the root folder: pass a new folder, e.g. --output reports/2026"),
        .outCurrent: Entry(
            code: "", zh: "--output {shown} 是当前文件夹或包含当前文件夹：请在其中另建一个新文件夹，例如 --output reports/2026",
            en:
                """
                --output {shown} is the current folder or holds it: pass a new folder inside it instead, e.g. \
                --output reports/2026
                """
        ),
        .outIsInput: Entry(
            code: "", zh: "--output {shown} 就是输入文件夹：请另给一个存放报告的文件夹，例如 --output reports/2026",
            en: """
                --output {shown} is the input folder: pass another folder for the reports, e.g. --output reports/2026
                """),
        .outInsideInput: Entry(
            code: "", zh: "--output {shown} 在输入文件夹 {input} 之内：请给出输入文件夹之外的文件夹，例如 --output reports/2026",
            en:
                """
                --output {shown} is inside the input folder {input}: pass a folder outside it, e.g. --output \
                reports/2026
                """
        ),
        .outHoldsInput: Entry(
            code: "", zh: "--output {shown} 包含输入文件夹 {input}：请给出一个新的文件夹，例如 --output reports/2026",
            en: "--output {shown} holds the input folder {input}: pass a new folder, e.g. --output reports/2026"),
        .outMountPoint: Entry(
            code: "", zh: "--output {shown} 是一个挂载点，star-report 无法整体替换它：请在其中另建一个新文件夹，例如 --output {shown}/reports",
            en:
                """
                --output {shown} is a mount point, which star-report cannot replace as a whole: pass a new folder \
                inside it, e.g. --output {shown}/reports
                """
        ),
        .outUnreadable: Entry(
            code: "", zh: "无法读取文件夹 --output {shown}（{reason}）：请给出一个你能写入的文件夹",
            en: "cannot read the folder --output {shown} ({reason}): pass a folder you can write to"),
        .outForeign: Entry(
            code: "",
            zh:
                """
                --output {shown} 中有不是 star-report 写的文件（{what}）；star-report 绝不替换这样的文件夹：请给出一个新的或空的文件夹，例如 --output \
                {shown}/reports
                """,
            en:
                """
                --output {shown} holds files star-report did not write ({what}); it never replaces such a folder: \
                pass a new or empty folder, e.g. --output {shown}/reports
                """
        ),
        .outChanged: Entry(
            code: "",
            zh:
                """
                --output {shown}：{file} 在 star-report 写出后被修改或删除；star-report 绝不替换被修改的文件：请把你的副本另存，或给出一个新的文件夹，例如 \
                --output {shown}-new
                """,
            en:
                """
                --output {shown}: {file} was changed or removed after star-report wrote it; it never replaces a \
                changed file: save your copy elsewhere, or pass a new folder, e.g. --output {shown}-new
                """
        ),
        .outCannotCreateBeside: Entry(
            code: "", zh: "无法在 {target} 旁边创建存放报告的文件夹", en: "cannot create a folder beside {target} for the reports"),
        .outCannotWrite: Entry(code: "", zh: "无法在 {target} 旁边写入 {name}", en: "cannot write {name} beside {target}"),
        .outCannotReadBack: Entry(code: "", zh: "无法读回 {temp} 中的报告", en: "cannot read back the reports in {temp}"),
        .outAppeared: Entry(
            code: "", zh: "写报告期间出现了 {target}；没有替换任何东西：请再运行一次",
            en: "{target} appeared while the reports were written; nothing was replaced: run again"),
        .outCannotMove: Entry(
            code: "", zh: "无法把报告移入 {target}（{reason}）；该文件夹保持原样",
            en: "cannot move the reports into {target} ({reason}); the folder is as it was"),
        .outCannotFlushOpen: Entry(code: "", zh: "无法打开 {path} 以写入磁盘", en: "cannot open {path} to flush it"),
        .outCannotFlush: Entry(code: "", zh: "无法把报告写入磁盘（{reason}）", en: "cannot flush the reports to disk ({reason})"),
        .outCannotCreateParent: Entry(
            code: "", zh: "无法创建存放报告的文件夹 {parent}：请给出一个你能写入的文件夹",
            en: "cannot create the folder {parent} for the reports: pass a folder you can write to"),
        .outCannotLock: Entry(
            code: "", zh: "无法创建锁文件 {path}；请给出一个你能写入的文件夹",
            en: "cannot create the lock file {path}; pass a folder you can write to"),
        .outLocked: Entry(
            code: "", zh: "另一个 star-report 正在写 {target}；请等它结束后再运行",
            en: "another star-report run is writing {target} now; wait for it to finish, then run again"),
        .outLockRace: Entry(code: "", zh: "无法取得锁 {path}；请再运行一次", en: "cannot take the lock {path}; run again"),
        .sysReason: Entry(code: "", zh: "{message}（{reason}）", en: "{message} ({reason})"),
        .sysShort: Entry(
            code: "", zh: "{message}（{reason}）；请关闭其他程序或放宽限制（ulimit -n），然后再运行",
            en: "{message} ({reason}); close other programs or raise the limits (ulimit -n), then run again"),
        .littleMemory: Entry(
            code: "", zh: "内存上限（ulimit -v）只有 {allowed} MiB，star-report 至少需要 {needed} MiB：请放宽 ulimit -v 后再运行",
            en:
                """
                the memory limit (ulimit -v) is {allowed} MiB; star-report needs at least {needed} MiB: raise \
                ulimit -v and run again
                """
        ),
        .fewDescriptors: Entry(
            code: "", zh: "只允许打开 {allowed} 个文件（ulimit -n）；star-report 至少需要 {needed} 个：请放宽限制，例如 ulimit -n 1024，然后再运行",
            en:
                """
                only {allowed} open files are allowed (ulimit -n); star-report needs at least {needed}: raise the \
                limit, e.g. ulimit -n 1024, then run again
                """
        ),
        .yearRange: Entry(code: "", zh: "--year 应在 2000 到 2100 之间", en: "--year must be between 2000 and 2100"),
        .yearUnknown: Entry(
            code: "", zh: "无法从 {input} 判断评定年度：请加上 --year 年度（如 --year 2026）",
            en: "cannot tell the rating year from {input}: pass --year YYYY"),
        .noSubmissions: Entry(
            code: "", zh: "{input} 中没有材料：应有 *.xml 文件，或 *.csv、*.xlsx 汇总表",
            en: "no submissions in {input}: expected *.xml files or *.csv or *.xlsx sheets"),
        .previousNotFound: Entry(code: "", zh: "找不到上年结果：{path}", en: "last year's results not found: {path}"),
        .rulesNotFound: Entry(code: "", zh: "找不到规则文件：{path}", en: "rules file not found: {path}"),
        .rulesHaveErrors: Entry(code: "", zh: "规则文件有错误；没有写出报告。", en: "the rules file has errors; no report written."),
        .templatesNotFound: Entry(code: "", zh: "找不到模板文件夹：{dir}", en: "templates folder not found: {dir}"),
        .templateUnusable: Entry(code: "", zh: "有模板无法使用；没有写出报告。", en: "a template cannot be used; no report written."),
        .noReportWritten: Entry(
            code: "", zh: "没有写出报告：请改正上面的错误后再运行。", en: "no report written: fix the errors above and run again."),
        .inputNotFound: Entry(code: "", zh: "找不到输入文件夹：{dir}", en: "input folder not found: {dir}"),
        .schemaMissing: Entry(code: "", zh: "无法加载随程序提供的 submission.xsd", en: "cannot load the shipped submission.xsd"),
        .cannotRead: Entry(code: "", zh: "无法读取 {path}（{reason}）", en: "cannot read {path} ({reason})"),
        .readResources: Entry(
            code: "", zh: "{path}：内存或文件描述符不足，无法读取；请关闭其他程序或放宽限制（ulimit -n、ulimit -v），然后再运行",
            en:
                """
                {path}: not enough memory or file descriptors to read it; close other programs or raise the \
                limits (ulimit -n, ulimit -v), then run again
                """
        ),
        .cannotList: Entry(
            code: "", zh: "无法列出输入文件夹 {dir}（{reason}）", en: "cannot list the input folder {dir} ({reason})"),
        .outOfMemory: Entry(
            code: "", zh: "star-report：内存不足，已停止；没有写出报告，输出文件夹保持原样。请关闭其他程序后重试，或放宽 ulimit -v，或换一台内存更大的电脑",
            en:
                """
                star-report: out of memory, stopped; no report written, the output folder is as it was. Close \
                other programs and try again, raise ulimit -v, or use a computer with more memory
                """
        ),
        .interrupted: Entry(
            code: "", zh: "star-report：已中断；没有写出报告，输出文件夹保持原样",
            en: "star-report: interrupted; no report written, the output folder is as it was"),
        .outNameTooLong: Entry(
            code: "", zh: "--output {shown}：名称 {name} 有 {bytes} 字节，文件系统最多允许 255 字节：请给出较短的名称",
            en:
                """
                --output {shown}: the name {name} has {bytes} bytes, the file system allows 255 at most: pass a \
                shorter name
                """
        ),
        .outPathTooLong: Entry(
            code: "", zh: "--output {shown} 的路径有 {bytes} 字节，太长（最多 {max} 字节，系统路径上限为 4096 字节）；没有创建任何文件夹：请给出较短的路径",
            en:
                """
                --output {shown} is {bytes} bytes long, too long (at most {max}; the system's limit for a path is \
                4,096): no folder was created; pass a shorter path
                """
        ),
        .outForeignDuringRun: Entry(
            code: "",
            zh:
                """
                运行期间有人在 --output {shown} 中放入了不是 star-report 写的文件（{what}）；没有替换或删除任何东西。新报告留在 {temp}：请把你的文件移走后再运行，\
                或把新报告复制出来
                """,
            en:
                """
                --output {shown} gained files star-report did not write during the run ({what}); nothing was \
                replaced or deleted. The new reports are in {temp}: move your files away and run again, or copy \
                the new reports from there
                """
        ),
        .outChangedDuringRun: Entry(
            code: "", zh: "运行期间 --output {shown} 中的 {file} 被修改或删除；没有替换或删除任何东西。新报告留在 {temp}：请把你的副本另存后再运行",
            en:
                """
                --output {shown}: {file} was changed or removed during the run; nothing was replaced or deleted. \
                The new reports are in {temp}: save your copy elsewhere and run again
                """
        ),
        .outUnreadableDuringRun: Entry(
            code: "", zh: "运行期间 --output {shown} 变得无法读取（{reason}）；没有替换任何东西。新报告留在 {temp}",
            en:
                """
                --output {shown} could not be read just before the swap ({reason}); nothing was replaced. The new \
                reports are in {temp}
                """
        ),
        .sysFileSize: Entry(
            code: "", zh: "{message}（{reason}）：文件大小限制（ulimit -f）太低；没有写出报告：请放宽限制后再运行",
            en:
                """
                {message} ({reason}): the file size limit (ulimit -f) is too low; no report written: raise it, \
                then run again
                """
        ),
        .previousNoResults: Entry(
            code: "", zh: "{path} 中没有 results.csv：--previous 应为 star-report 写出的报告文件夹，或其中的 results.csv、results.xlsx",
            en:
                """
                there is no results.csv in {path}: --previous takes a reports folder written by star-report, or \
                its results.csv or results.xlsx
                """
        ),
        .outOpenInOffice: Entry(
            code: "", zh: "{file} 正在 {app} 中打开，请先关闭：--output {shown} 中有它的锁文件 {lock}；关闭 {file} 后再运行，没有替换任何东西",
            en:
                """
                {file} is open in {app}, close it first: --output {shown} holds its lock file {lock}; close \
                {file}, then run again (nothing was replaced)
                """
        ),
        .outOpenInOfficeDuringRun: Entry(
            code: "",
            zh: "{file} 正在 {app} 中打开，请先关闭：运行期间 --output {shown} 中出现了锁文件 {lock}；没有替换任何东西。新报告留在 {temp}：关闭 {file} 后再运行",
            en:
                """
                {file} is open in {app}, close it first: its lock file {lock} appeared in --output {shown} during \
                the run; nothing was replaced. The new reports are in {temp}: close {file}, then run again
                """
        ),
        .initNoYear: Entry(
            code: "", zh: "无法从文件夹名 {dir} 判断年度：请加上 --year 年度（如 --year 2027）",
            en: "cannot tell the year from the folder name {dir}: pass --year YYYY"),
        .initNotAFolder: Entry(
            code: "", zh: "{dir} 是一个文件，不是文件夹：请给出新年度的文件夹",
            en: "{dir} is a file, not a folder: pass the new year's folder"),
        .initExists: Entry(
            code: "", zh: "{dir} 中已有 {files}；star-report init 绝不覆盖文件，什么也没有写：请给出一个新的文件夹，或先移走这些文件",
            en:
                """
                {dir} already holds {files}; star-report init never overwrites a file and wrote nothing: pass a \
                new folder, or move those files away first
                """
        ),
        .initCannotWrite: Entry(
            code: "", zh: "无法写入 {path}（{reason}）；没有留下写了一半的文件",
            en: "cannot write {path} ({reason}); no half-written file was left"),
        .initWritten: Entry(
            code: "", zh: "已建好 {year} 年度的文件夹 {dir}：请先读其中的 README.txt（十二月的步骤），再填写 branches.csv 和 config.toml",
            en:
                """
                the {year} folder {dir} is ready: read its README.txt first (the December steps), then fill in \
                branches.csv and config.toml
                """
        ),
        .errorsColumnFile: Entry(code: "", zh: "文件", en: "file"),
        .errorsColumnSheet: Entry(code: "", zh: "工作表", en: "sheet"),
        .errorsColumnCell: Entry(code: "", zh: "单元格", en: "cell"),
        .errorsColumnField: Entry(code: "", zh: "栏目", en: "field"),
        .errorsColumnValue: Entry(code: "", zh: "填写的内容", en: "value"),
        .errorsColumnMessage: Entry(code: "", zh: "问题", en: "message"),
        .errorsColumnAction: Entry(code: "", zh: "怎么改", en: "what to do"),
        .errorsCellLine: Entry(code: "", zh: "第 {line} 行第 {column} 列", en: "line {line}, column {column}"),
        .errorsCellRow: Entry(code: "", zh: "第 {line} 行", en: "line {line}"),
        .errorsReportsFolder: Entry(
            code: "", zh: "--errors {shown}：这是 star-report run 写出的报告文件夹，错误清单不会替换它；请给出另一个文件夹，例如 --errors {shown}-errors",
            en:
                """
                --errors {shown}: this is a reports folder written by star-report run; the error lists never \
                replace it: pass another folder, e.g. --errors {shown}-errors
                """
        ),
        .errorsWritten: Entry(
            code: "", zh: "错误清单已写入 {folder}：{count} 个工作簿（每个上级党组织一个）",
            en: "error lists written to {folder}: {count} (one per committee)"),
        .errorsNone: Entry(code: "", zh: "没有错误：{folder} 中没有错误清单", en: "no errors: {folder} holds no error list"),
        .progressReading: Entry(
            code: "", zh: "读取并检查材料 — {percent}%，已读 {records} 条，每秒 {rate} 条，约剩 {left} 秒（已用 {elapsed} 秒）",
            en:
                """
                reading and checking the submissions — {percent} %, {records} records, {rate} records/s, about \
                {left} s left ({elapsed} s)
                """
        ),
        .stageReading: Entry(code: "", zh: "读取并检查材料时：", en: "while reading and checking the submissions: "),
        .stageRating: Entry(code: "", zh: "评定星级时：", en: "while rating: "),
        .stageWriting: Entry(code: "", zh: "写出报告时：", en: "while writing the reports: "),
        .progressRating: Entry(code: "", zh: "评定星级 — 已用 {elapsed} 秒", en: "rating — {elapsed} s"),
        .progressWriting: Entry(
            code: "", zh: "写出报告 — 已写 {written} / {total} 个文件（已用 {elapsed} 秒）",
            en: "writing the reports — {written} of {total} files ({elapsed} s)"),
        .account: Entry(
            code: "",
            zh:
                """
                共读取 {files} 个文件：XML 文件 {xml} 个，CSV 汇总表 {csv} 个（{rows} 行）{excel}；支部记录 {records} 条：可评定 {rated} 条，退回 \
                {rejected} 条{unreadable}
                """,
            en:
                """
                read {files}: {xml}, {csv} with {rows}{excel}; {records}: {rated} to rate, {rejected} rejected\
                {unreadable}
                """
        ),
        .accountExcel: Entry(code: "", zh: "，Excel 汇总表 {sheets} 个（{rows} 行）", en: ", {sheets} with {rows}"),
        // only when some file gave no record: a clean run does not say "0 …"
        .accountUnreadable: Entry(
            code: "", zh: "；{count} 个材料文件没有可读的记录", en: "; {count} with no readable record"),
        .summaryLine: Entry(code: "", zh: "错误 {errors} 个，警告 {warnings} 个", en: "{errors}, {warnings}"),
        .summaryLineFiles: Entry(
            code: "", zh: "错误 {errors} 个，警告 {warnings} 个，共 {files} 个文件", en: "{errors}, {warnings} in {files}"),
        .moreWarnings: Entry(
            code: "", zh: "  …… 警告 {code} 共 {count} 条，以上是前 {shown} 条",
            en: "  … {count} warnings {code} in all, the first {shown} shown above"),
        .allWarningsIn: Entry(
            code: "", zh: "全部 {count} 条警告见 validation.txt（star-report validate 逐条列出）",
            en: "all {count} warnings are in validation.txt (star-report validate prints each one)"),
        .written: Entry(
            code: "", zh: "报告已写入 {folder}：共 {count} 个文件（{kinds}）；加 --list 可列出每个文件",
            en: "reports written to {folder}: {count} files ({kinds}); --list prints each one"),
        .templateOther: Entry(code: "E-TEMPLATE", zh: "无法解析模板：{detail}", en: "cannot parse the template: {detail}"),
        // send (StarSend)
        .sendReportsNotFound: Entry(
            code: "", zh: "找不到报告文件夹：{dir}（请先运行 star-report run）",
            en: "reports folder not found: {dir} (run star-report run first)"),
        .sendNoMessages: Entry(
            code: "", zh: "{dir} 中没有 summary-*.eml：请先运行 star-report run 生成报告",
            en: "no summary-*.eml in {dir}: run star-report run first"),
        .sendUnknownOnly: Entry(
            code: "", zh: "--only：{dir} 中没有 summary-{id}.eml", en: "--only: there is no summary-{id}.eml in {dir}"),
        .sendNoConfigListed: Entry(
            code: "", zh: "{dir}/results.json 没有列出 config.toml：请用 --config 文件 指定",
            en: "{dir}/results.json lists no config.toml: pass --config FILE"),
        .sendConfigNotFound: Entry(
            code: "", zh: "找不到配置文件：{path}（可用 --config 文件 指定）",
            en: "config file not found: {path} (pass --config FILE)"),
        .sendNoSMTP: Entry(
            code: "", zh: "{path} 中没有 [smtp] 设置：请添加 url = \"smtp://邮件服务器:587\"、username 等（见 README）",
            en: """
                {path} has no [smtp] table: add url = \"smtp://mail-server:587\", username and so on (see the README)
                """),
        .sendDryRunNoSMTP: Entry(
            code: "", zh: "注意：{path} 中还没有 [smtp] 设置，正式发送前请添加",
            en: "note: {path} has no [smtp] table yet; add it before sending"),
        .sendCaFileUnreadable: Entry(
            code: "", zh: "[smtp] ca_file 无法读取：{path}", en: "[smtp] ca_file cannot be read: {path}"),
        .sendNoPassword: Entry(
            code: "", zh: "[smtp] 设置了 username，但环境变量 STAR_REPORT_SMTP_PASSWORD 为空：请在环境中设置密码（不要写在命令行或文件里）",
            en:
                """
                [smtp] sets a username but the environment variable STAR_REPORT_SMTP_PASSWORD is empty: set the \
                password there (never on the command line or in a file)
                """
        ),
        .sendServer: Entry(
            code: "", zh: "服务器：{url}（{security}），发件人：{from}",
            en: """
                server: {url} ({security}), envelope sender: {from}
                """),
        .sendStartTLS: Entry(code: "", zh: "STARTTLS，必须加密", en: "STARTTLS required"),
        .sendImplicitTLS: Entry(code: "", zh: "TLS 加密连接", en: "TLS from the start"),
        .sendClearText: Entry(code: "", zh: "不加密（tls = \"none\"）", en: "clear text (tls = \"none\")"),
        .sendNoFrom: Entry(
            code: "", zh: "无法确定发件人：.eml 没有有效的 From: 地址，也没有设置 [smtp] envelope_from",
            en: "no envelope sender: the .eml has no valid From: address and [smtp] envelope_from is not set"),
        .sendPlan: Entry(code: "", zh: "计划：", en: "plan:"),
        .sendColumnCommittee: Entry(code: "", zh: "委员会", en: "committee"),
        .sendColumnAddress: Entry(code: "", zh: "收件地址", en: "address"),
        .sendColumnSize: Entry(code: "", zh: "大小", en: "size"),
        .sendColumnAction: Entry(code: "", zh: "处理", en: "action"),
        .sendActionSend: Entry(code: "", zh: "发送", en: "send"),
        .sendActionResend: Entry(code: "", zh: "重新发送（--only）", en: "send again (--only)"),
        .sendActionAlreadySent: Entry(code: "", zh: "已发送（{time}），跳过", en: "already sent ({time}), skipped"),
        .sendActionChanged: Entry(
            code: "", zh: "内容已变（上次发送于 {time}），不发送", en: "changed since it was sent ({time}), not sent"),
        .sendActionCannotSend: Entry(code: "", zh: "无法发送：{reason}", en: "cannot send: {reason}"),
        .sendNoToHeader: Entry(code: "", zh: "没有 To: 头", en: "no To: header"),
        .sendSeveralToHeaders: Entry(code: "", zh: "有多个 To: 头", en: "more than one To: header"),
        .sendNoAddress: Entry(
            code: "", zh: "没有收件地址（在 config.toml 的 [committees.ID] 中添加 email）",
            en: "no address (add email to [committees.ID] in config.toml)"),
        .sendSeveralAddresses: Entry(code: "", zh: "To: 中有多个地址", en: "more than one address in To:"),
        .sendInvalidAddress: Entry(code: "", zh: "To: 地址无效：{address}", en: "invalid To: address: {address}"),
        .sendNoMessageID: Entry(code: "", zh: "没有 Message-ID", en: "no Message-ID"),
        .sendChangedHint: Entry(
            code: "", zh: "{count} 封邮件在发送后内容有变，未重发；确需重发请用 --only {ids}",
            en:
                """
                {count} message(s) changed since they were sent and were not sent again; to send them on purpose: \
                --only {ids}
                """
        ),
        .sendNeedYes: Entry(
            code: "", zh: "没有终端可以确认：请加 --yes 发送，或先用 --dry-run 查看计划",
            en: "no terminal to confirm on: pass --yes to send, or --dry-run to see the plan first"),
        .sendConfirm: Entry(code: "", zh: "发送以上 {count} 封邮件？(y/N) ", en: "Send these {count} message(s)? (y/N) "),
        .sendCancelled: Entry(code: "", zh: "已取消，未发送任何邮件", en: "cancelled; nothing was sent"),
        .sendAnotherSend: Entry(
            code: "", zh: "另一个 star-report send 正在发送这个文件夹，请稍后再试",
            en: "another star-report send is sending this folder; try again later"),
        .sendLogUnwritable: Entry(
            code: "", zh: "无法写入发送记录 {path}：{reason}", en: "cannot write the send log {path}: {reason}"),
        .sendAccepted: Entry(
            code: "", zh: "已发送 {committee} → {address}：{reply}", en: "sent {committee} → {address}: {reply}"),
        .sendRefused: Entry(
            code: "", zh: "被拒收 {committee} → {address}：{reply}", en: "refused {committee} → {address}: {reply}"),
        .sendDeferred: Entry(
            code: "", zh: "暂时失败 {committee} → {address}：{reply}（稍后再次运行 send 即可）",
            en: "failed for now {committee} → {address}: {reply} (run send again later)"),
        .sendNotSent: Entry(code: "", zh: "未发送 {committee}：{reason}", en: "not sent {committee}: {reason}"),
        .sendRetrying: Entry(
            code: "", zh: "{committee}：{reason}，{delay} 毫秒后第 {attempt} 次重试",
            en: "{committee}: {reason}; retry {attempt} in {delay} ms"),
        .sendUnreachable: Entry(
            code: "", zh: "无法连接邮件服务器 {url}：{detail}", en: "cannot reach the mail server {url}: {detail}"),
        .sendLoginRefused: Entry(
            code: "", zh: "邮件服务器拒绝登录（用户 {user}）：{detail}；请检查 username 和 STAR_REPORT_SMTP_PASSWORD",
            en:
                """
                the mail server refused the login (user {user}): {detail}; check username and \
                STAR_REPORT_SMTP_PASSWORD
                """
        ),
        .sendTLSRefused: Entry(
            code: "", zh: "无法建立加密连接，拒绝以明文发送：{detail}{hint}",
            en: "no secure connection, refusing to send in clear text: {detail}{hint}"),
        .sendBadSettings: Entry(code: "", zh: "[smtp] 设置有误：{detail}", en: "bad [smtp] settings: {detail}"),
        .sendProgress: Entry(code: "", zh: "发送中 {done}/{total}，{rate} 封/秒", en: "sending {done}/{total}, {rate}/s"),
        .sendClosing: Entry(
            code: "", zh: "已发送 {sent} 封，跳过 {skipped} 封，失败 {failed} 封",
            en: "{sent} sent, {skipped} skipped, {failed} failed"),
        .sendDryRunClosing: Entry(
            code: "", zh: "试运行（--dry-run）：将发送 {send} 封，跳过 {skipped} 封，无法发送 {failed} 封；没有发送任何邮件",
            en: "dry run: would send {send}, skip {skipped}, cannot send {failed}; nothing was sent"),
        .sendLogAt: Entry(code: "", zh: "发送记录：{path}", en: "send log: {path}"),
        .sendUnreadableLog: Entry(
            code: "", zh: "警告：{path} 中有 {count} 行无法读取，已忽略",
            en: "warning: {count} line(s) of {path} could not be read and were ignored"),
        .sendDropped: Entry(code: "", zh: "连接中断", en: "connection dropped"),
        .sendLogIsLink: Entry(
            code: "", zh: "发送记录 {path} 是符号链接；star-report 不跟随它（否则可能读到别的文件夹的记录或写到别处）：请换成记录文件本身",
            en:
                """
                the send log {path} is a symbolic link, which star-report never follows (it could read another \
                folder's record or write elsewhere): put the log file itself there
                """
        ),
        .sendNoManifest: Entry(
            code: "", zh: "报告文件夹中没有 .star-report-manifest.json，无法确认这是 run 写出的内容；确需发送请用 --only {id}",
            en:
                """
                the reports folder has no .star-report-manifest.json to tell it is what run wrote; to send it as \
                it is: --only {id}
                """
        ),
        .sendNotInManifest: Entry(
            code: "", zh: "不在 .star-report-manifest.json 中，不是 run 写出的；确需发送请用 --only {id}",
            en: "not listed in .star-report-manifest.json, so not written by run; to send it as it is: --only {id}"),
        .sendNotAsWritten: Entry(
            code: "", zh: "与 run 写出时不同（SHA-256 与 .star-report-manifest.json 不符），可能被改过；确需发送请用 --only {id}",
            en:
                """
                differs from what run wrote (its SHA-256 is not the one in .star-report-manifest.json), it may \
                have been edited; to send it as it is: --only {id}
                """
        ),
        .sendActionUnknown: Entry(
            code: "", zh: "是否送达未知（{time} 发送后连接中断），不再发送",
            en: "delivery unknown (connection lost after the message went, {time}), not sent again"),
        .sendUnknownHint: Entry(
            code: "", zh: "{count} 封邮件发出后连接中断、服务器没有答复，可能已经送达；不会自动重发：请向收件人确认，确需重发请用 --only {ids}",
            en:
                """
                {count} message(s) went out but the connection was lost before the server's reply, so they may \
                have arrived; they are not sent again: ask the recipients, and to send again on purpose: --only \
                {ids}
                """
        ),
        .sendUnknownNow: Entry(
            code: "", zh: "是否送达未知 {committee} → {address}：邮件发出后连接中断（{detail}），不再重试",
            en:
                """
                delivery unknown {committee} → {address}: the connection was lost after the message went \
                ({detail}); not tried again
                """
        ),
        .sendTLSHintHost: Entry(
            code: "", zh: "（服务器证书不是为 {url} 中的主机名签发的：请在 [smtp] url 中使用证书上的主机名）",
            en:
                """
                 (the server's certificate is for another host name than the one in {url}: use the name on the \
                certificate in [smtp] url)
                """
        ),
        .sendTLSHintCA: Entry(
            code: "", zh: "（私有邮件服务器的证书请用 [smtp] ca_file 指定）",
            en: " (for a private mail server's certificate, set [smtp] ca_file)"),
        .sendTLSHintCAFileSet: Entry(
            code: "", zh: "（服务器证书不是由 [smtp] ca_file {path} 中的证书签发的：请检查该文件是否为这台服务器的 CA 证书）",
            en:
                """
                 (the server's certificate is not signed by the CA in [smtp] ca_file {path}: check that this is \
                the server's CA certificate)
                """
        ),
        .sendConfigNotFoundFromResults: Entry(
            code: "",
            zh: "找不到 {dir}/results.json 记录的配置文件 {path}，输入文件旁边也没有：请用 --config 指定 run 读过的 config.toml，例如 --config {path}",
            en:
                """
                cannot find the config file {path} that {dir}/results.json lists, nor one beside the inputs: pass \
                the config.toml run read with --config, e.g. --config {path}
                """
        ),
        .sendWhyResolve: Entry(
            code: "", zh: "找不到主机 {host}：请检查 [smtp] url 中的主机名和本机网络（DNS）",
            en: "host {host} not found: check the host name in [smtp] url and this computer's network (DNS)"),
        .sendWhyRefused: Entry(
            code: "", zh: "对方拒绝连接：请检查 [smtp] url 中的主机名和端口（STARTTLS 通常为 587，smtps:// 为 465）以及防火墙",
            en:
                """
                the connection was refused: check the host name and port in [smtp] url (587 for STARTTLS, 465 for \
                smtps://) and the firewall
                """
        ),
        .sendWhyConnectTimeout: Entry(
            code: "", zh: "{seconds} 秒内没有应答：请检查 [smtp] url 中的主机名和端口、本机网络和防火墙",
            en:
                """
                no answer within {seconds} s: check the host name and port in [smtp] url, this computer's network \
                and the firewall
                """
        ),
        .sendWhyStalled: Entry(
            code: "", zh: "邮件服务器 {seconds} 秒没有应答{reply}", en: "the mail server did not answer for {seconds} s{reply}"),
        .sendWhyNoStartTLS: Entry(
            code: "", zh: "服务器不支持 STARTTLS{reply}：请向邮件管理员询问加密端口，或改用 smtps://主机:465",
            en:
                """
                the server offers no STARTTLS{reply}: ask the mail administrator for the encrypted port, or use \
                smtps://host:465
                """
        ),
        .sendWhyHandshake: Entry(
            code: "", zh: "TLS 握手失败：请检查 [smtp] url 的协议与端口是否相配（smtp:// 用 587，smtps:// 用 465）",
            en:
                """
                the TLS handshake failed: check that the scheme and port of [smtp] url match (smtp:// with 587, \
                smtps:// with 465)
                """
        ),
        .sendWhyCertificate: Entry(code: "", zh: "服务器证书未通过验证", en: "the server's certificate did not verify"),
        .sendWhyCAFile: Entry(
            code: "", zh: "[smtp] ca_file {path} 不是可用的 CA 证书文件：请指定 PEM 格式的 CA 证书",
            en: "[smtp] ca_file {path} is not a usable CA certificate file: name a CA certificate in PEM format"),
        .sendWhyURL: Entry(
            code: "", zh: "[smtp] url {url} 无效，或本机 libcurl 不支持其协议：请写成 smtp://主机:587 或 smtps://主机:465",
            en:
                """
                [smtp] url {url} is not valid, or this computer's libcurl does not support its scheme: write smtp:\
                //host:587 or smtps://host:465
                """
        ),
        .sendWhyOther: Entry(
            code: "", zh: "与邮件服务器通信失败（libcurl 错误码 {code}）{reply}；请稍后再试，仍失败请把这一行发给邮件管理员",
            en:
                """
                talking to the mail server failed (libcurl error {code}){reply}; try again later, and if it \
                persists send this line to the mail administrator
                """
        ),
        .sendWhyServerSaid: Entry(code: "", zh: "，服务器答复：“{reply}”", en: ", the server said: \"{reply}\""),
        .sendWhyNoReply: Entry(code: "", zh: "服务器没有给出原因", en: "the server gave no reason"),
        .sendWhySetopt: Entry(
            code: "", zh: "本机 libcurl 不接受设置 {option}（错误码 {code}）：请安装 7.85 或更新版本的 libcurl",
            en: "this computer's libcurl does not accept {option} (error {code}): install libcurl 7.85 or newer"),
        .sendStoppedAt: Entry(
            code: "", zh: "已在 {committee} 处停止，其余 {count} 封未发送；问题解决后再次运行 send 即可（已送达的不会重发）",
            en:
                """
                stopped at {committee}; the other {count} message(s) were not sent; run send again once this is \
                fixed (nothing accepted is sent twice)
                """
        ),
        .sendCheckOK: Entry(
            code: "", zh: "设置可用：已连接 {url}（{security}），并以 {user} 登录成功；没有发送任何邮件",
            en: "the settings work: connected to {url} ({security}) and logged in as {user}; nothing was sent"),
        .sendCheckOKNoLogin: Entry(
            code: "", zh: "设置可用：已连接 {url}（{security}），未设 username，不登录；没有发送任何邮件",
            en: """
                the settings work: connected to {url} ({security}); no username is set, so no login; nothing was sent
                """),
        .sendCheckConnecting: Entry(
            code: "", zh: "正在检查 {url} 的设置（连接、加密、登录），不发送邮件……",
            en: "checking the settings of {url} (connect, encryption, login); sending nothing…"),
        .sendCurlInitFailed: Entry(
            code: "", zh: "libcurl 无法初始化（内存不足或 libcurl 安装有误）：请检查本机的 libcurl",
            en: "libcurl could not start (out of memory or a broken libcurl): check this computer's libcurl"),
    ]
}
