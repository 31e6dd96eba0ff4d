import StarModel
import StarRating
import StarRules

/// Where reports go: the pipeline's temporary output folder (moved into place only at the end,
/// so a failure never leaves a partial report), or memory in tests.
public protocol ReportOutput {
    /// Writes a whole file.
    func write(_ name: String, _ content: String) throws
    /// Writes a file piece by piece.
    func stream(_ name: String, _ body: (_ write: (String) -> Void) -> Void) throws
}

/// Collects reports in memory.
public final class MemoryOutput: ReportOutput {
    public private(set) var files: [String: String] = [:]
    public init() {}
    public func write(_ name: String, _ content: String) { files[name] = content }
    public func stream(_ name: String, _ body: ((String) -> Void) -> Void) {
        var s = ""
        body { s += $0 }
        files[name] = s
    }
}

/// Renders every report of outputs.md.
public struct ReportRenderer {
    public var templates: TemplateSet

    public init(templates: TemplateSet) { self.templates = templates }

    /// Up to this many branches the whole notice is attached to every committee e-mail.
    public static let fullNoticeLimit = 2000

    /// Writes every report to `output`; returns the file names, sorted.
    public func render(_ context: ReportContext, run: ResultsFiles.RunInfo, validationText: String, to output: ReportOutput) throws -> [String] {
        var names: [String] = []
        func write(_ name: String, _ content: String) throws { try output.write(name, content); names.append(name) }
        try write("results.csv", ResultsFiles.csv(context.outcome))
        try output.stream("results.json") { ResultsFiles.json(context.outcome, rules: context.rules, run: run, write: $0) }
        names.append("results.json")
        let notice = context.notice()
        try write("notice.txt", templates.render("notice.txt", notice))
        let noticeHTML = templates.render("notice.html", notice)
        try write("notice.html", noticeHTML)
        for committee in context.committees {
            // A city's notice goes whole with every e-mail; beyond `fullNoticeLimit` branches each
            // committee gets the extract of its own branches (20,000 copies of a province's notice
            // would be terabytes).
            let attachment = context.outcome.results.count <= ReportRenderer.fullNoticeLimit
                ? noticeHTML : templates.render("notice.html", context.notice(committeeID: committee.id))
            let summary = templates.render("summary.txt", context.summary(committeeID: committee.id))
            try write("summary-\(committee.id).txt", summary)
            let mail = EmailMessage(
                fromName: context.setting(context.config.issuer), fromAddress: context.config.senderEmail ?? "star-report@localhost.invalid",
                toName: committee.name, toAddress: context.config.committeeEmails[committee.id],
                subject: "\(context.year)年度基层服务型党组织星级评定结果汇总（\(committee.name)）", date: context.noticeDate,
                body: summary, attachmentName: "notice-\(context.year).html", attachment: attachment,
                idHint: "\(context.year).\(committee.id)")
            try write("summary-\(committee.id).eml", mail.rendered)
        }
        try write("validation.txt", validationText)
        return names.sorted()
    }
}
