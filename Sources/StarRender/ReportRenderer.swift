import Foundation
import StarModel
import StarRating
import StarRules

/// Where reports go: the pipeline's temporary output folder (moved into place only at the end,
/// so a failure never leaves a partial report).
public protocol ReportOutput: Sendable {
    /// Writes a whole file.
    func write(_ name: String, _ content: String) throws
    /// Writes a file piece by piece.
    func stream(_ name: String, _ body: (_ write: (String) -> Void) -> Void) throws
    /// The path in the temporary folder for a file that a library writes itself (results.xlsx).
    func filePath(for name: String) -> String
}

/// Renders every report of outputs.md.
public struct ReportRenderer: Sendable {
    public var templates: TemplateSet

    public init(templates: TemplateSet) { self.templates = templates }

    /// Up to this many branches the whole notice is attached to every committee e-mail.
    public static let fullNoticeLimit = 2000

    /// Writes every report to `output`; returns the file names, sorted. The reports are
    /// independent, so they are rendered in parallel on the available cores.
    public func render(_ context: ReportContext, run: ResultsFiles.RunInfo, validationText: String, to output: ReportOutput) throws -> [String] {
        let small = context.outcome.results.count <= ReportRenderer.fullNoticeLimit
        let committees = context.committees
        // A city's notice goes whole with every e-mail; beyond `fullNoticeLimit` branches each
        // committee gets the extract of its own branches (20,000 copies of a province's notice
        // would be terabytes). The whole notice is rendered first only when it is attached.
        let fullNoticeHTML = small ? templates.render("notice.html", context.notice()) : nil
        let chunk = max(1, committees.count / 16)
        // The notice follows results.json in the same task: results.json lets the submissions go,
        // so the notice's large strings never sit beside them (the peak memory of a province).
        // The committee summaries run beside it on the other cores.
        var tasks: [@Sendable () throws -> [String]] = [
            {
                try output.stream("results.csv") { ResultsFiles.csv(context.outcome, write: $0) }
                try output.stream("results.json") { ResultsFiles.json(context.outcome, rules: context.rules, run: run, write: $0) }
                run.submissionsReleased()
                let notice = context.notice()
                try output.stream("notice.txt") { self.templates.render("notice.txt", notice, write: $0) }
                if let fullNoticeHTML {
                    try output.write("notice.html", fullNoticeHTML)
                } else {
                    try output.stream("notice.html") { self.templates.render("notice.html", notice, write: $0) }
                }
                try output.write("validation.txt", validationText)
                return ["results.csv", "results.json", "notice.txt", "notice.html", "validation.txt"]
            },
        ]
        for start in stride(from: 0, to: committees.count, by: chunk) {
            let part = committees[start..<min(committees.count, start + chunk)]
            tasks.append {
                var names: [String] = []
                for committee in part {
                    let attachment = fullNoticeHTML ?? self.templates.render("notice.html", context.notice(committeeID: committee.id))
                    names += try self.writeSummary(context, committee: committee, attachment: attachment, to: output)
                }
                return names
            }
        }
        let results = TaskResults(count: tasks.count)
        let work = tasks
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            results.set(i, Result { try work[i]() })
        }
        return try results.all().flatMap { try $0.get() }.sorted()
    }

    func writeSummary(_ context: ReportContext, committee: (id: String, name: String), attachment: String, to output: ReportOutput) throws -> [String] {
        let summary = templates.render("summary.txt", context.summary(committeeID: committee.id))
        try output.write("summary-\(committee.id).txt", summary)
        let mail = EmailMessage(
            fromName: context.setting(context.config.issuer), fromAddress: context.config.senderEmail ?? "star-report@localhost.invalid",
            toName: committee.name, toAddress: context.config.committeeEmails[committee.id],
            subject: "\(context.year)年度基层服务型党组织星级评定结果汇总（\(committee.name)）", date: context.noticeDate,
            body: summary, attachmentName: "notice-\(context.year).html", attachment: attachment,
            idHint: "\(context.year).\(committee.id)")
        try output.write("summary-\(committee.id).eml", mail.rendered)
        return ["summary-\(committee.id).txt", "summary-\(committee.id).eml"]
    }
}

/// Results of parallel tasks, one slot each.
final class TaskResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<[String], Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<[String], Error>) { lock.withLock { slots[i] = r } }
    func all() -> [Result<[String], Error>] { lock.withLock { slots.compactMap { $0 } } }
}
