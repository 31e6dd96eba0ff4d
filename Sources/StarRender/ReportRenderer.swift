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
}

/// Renders every report of docs/outputs.md.
public struct ReportRenderer: Sendable {
    public var templates: TemplateSet

    public init(templates: TemplateSet) { self.templates = templates }

    /// Up to this many branches the whole notice is attached to every committee e-mail.
    public static let fullNoticeLimit = 2000

    /// Writes every report to `output`; returns the file names, sorted. The reports are
    /// independent, so they are rendered in parallel on the available cores, in two rounds:
    /// results and the notices first; then the committees' summaries and e-mails, whose
    /// extracts reuse the HTML rows of the notice.
    public func render(_ context: ReportContext, run: ResultsFiles.RunInfo, validationText: String, to output: ReportOutput) throws -> [String] {
        let count = context.outcome.results.count
        let small = count <= ReportRenderer.fullNoticeLimit
        let committees = context.committees
        let objection = templates.renderLine("objection.txt", context.objectionValues)
        let notice = context.notice(objection: objection)
        // A city's notice goes whole with every e-mail; beyond `fullNoticeLimit` branches each
        // committee gets the extract of its own branches (20,000 copies of a province's notice
        // would be terabytes), made of the notice's rows rendered once.
        let rows = small ? nil : RowBytes(count: count)
        let fullNoticeHTML = SharedText()
        let chunk = max(1, committees.count / 16)
        let parts = stride(from: 0, to: committees.count, by: chunk).map { $0..<min(committees.count, $0 + chunk) }

        // Round 1: results and the notices. results.json lets the submissions go before the
        // HTML notice keeps its rows, so they never sit beside them (the peak memory of a
        // province); the text notice streams beside it.
        var names = try ReportRenderer.perform([
            {
                try output.stream("results.json") { ResultsFiles.json(context.outcome, rules: context.rules, run: run, write: $0) }
                run.submissionsReleased()
                if small {
                    let html = self.templates.renderNotice("notice.html", notice)
                    fullNoticeHTML.set(html)
                    try output.write("notice.html", html)
                } else {
                    try output.stream("notice.html") { self.templates.renderNotice("notice.html", notice, rows: rows, write: $0) }
                }
                return ["results.json", "notice.html"]
            },
            {
                try output.stream("results.csv") { ResultsFiles.csv(context.outcome, write: $0) }
                try output.stream("notice.txt") { self.templates.renderNotice("notice.txt", notice, write: $0) }
                try output.write("validation.txt", validationText)
                return ["results.csv", "notice.txt", "validation.txt"]
            },
        ])

        // Round 2: each committee's summary and e-mail; an extract is made of the kept rows.
        rows?.seal()
        names += try ReportRenderer.perform(parts.map { part in
            {
                var names: [String] = []
                for i in part {
                    let committee = committees[i]
                    var summary = context.summary(committeeID: committee.id, objection: objection)
                    summary.subject = self.templates.renderLine("subject.txt", summary)
                    let body = TextLayout.trimLines(self.templates.render("summary.txt", summary))
                    try output.write("summary-\(committee.id).txt", body)
                    let attachment = fullNoticeHTML.value
                        ?? self.templates.renderNotice("notice.html", context.notice(committeeID: committee.id, objection: objection), rows: rows)
                    let mail = EmailMessage(
                        fromName: context.setting(context.config.issuer), fromAddress: context.config.senderEmail ?? "star-report@localhost.invalid",
                        toName: committee.name, toAddress: context.config.committeeEmails[committee.id],
                        subject: summary.subject, date: context.noticeDate,
                        body: body, attachmentName: "notice-\(context.year).html", attachment: attachment,
                        idHint: "\(context.year).\(committee.id)")
                    try output.write("summary-\(committee.id).eml", mail.rendered)
                    names += ["summary-\(committee.id).txt", "summary-\(committee.id).eml"]
                }
                return names
            }
        })
        return names.sorted()
    }

    /// Runs the tasks on the available cores; the first error wins.
    static func perform(_ tasks: [@Sendable () throws -> [String]]) throws -> [String] {
        let results = TaskResults(count: tasks.count)
        DispatchQueue.concurrentPerform(iterations: tasks.count) { i in
            results.set(i, Result { try tasks[i]() })
        }
        return try results.all().flatMap { try $0.get() }
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

/// One text made by one task and read by others after it (the whole HTML notice).
final class SharedText: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    func set(_ t: String) { lock.withLock { text = t } }
    var value: String? { lock.withLock { text } }
}

