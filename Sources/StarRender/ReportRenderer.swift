import Foundation
import StarModel
import StarPlatform
import StarRating
import StarRules
import Synchronization

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

/// Renders every report of docs/outputs.md.
public struct ReportRenderer: Sendable {
    public var templates: TemplateSet

    public init(templates: TemplateSet) { self.templates = templates }

    /// Up to this many branches the whole notice is attached to every committee e-mail.
    public static let fullNoticeLimit = 2000

    /// Writes every report but results.json (written beside them from the submissions, which
    /// the pipeline lets go as soon as it is written) to `output`; returns the file names,
    /// sorted. The reports are independent, so they are rendered in parallel on the available
    /// cores: first results.csv, the text notice and the committees' summaries and e-mails;
    /// then the HTML notice, made of the rows the committees' extracts rendered.
    public func render(_ context: ReportContext, validationText: String, to output: ReportOutput) throws -> [String] {
        let count = context.outcome.results.count
        let small = count <= ReportRenderer.fullNoticeLimit
        let committees = context.committees
        let objection = templates.renderLine("objection.txt", context.objectionValues)
        let notice = context.notice(objection: objection)
        // A city's notice goes whole with every e-mail, so it is rendered first; beyond
        // `fullNoticeLimit` branches each committee gets the extract of its own branches (20,000
        // copies of a province's notice would be terabytes), whose rows, rendered once, later
        // make up the public notice.
        let fullNoticeHTML = small ? templates.renderNotice("notice.html", notice) : nil
        let rows = small ? nil : RowBytes(count: count)
        let chunk = max(1, committees.count / 16)
        let parts = stride(from: 0, to: committees.count, by: chunk).map { $0..<min(committees.count, $0 + chunk) }

        // Round 1: results.csv, the text notice and every committee's summary and e-mail, on all
        // cores.
        var tasks: [@Sendable () throws -> [String]] = [
            {
                try output.stream("results.csv") { ResultsFiles.csv(context.outcome, write: $0) }
                try output.write("validation.txt", validationText)
                return ["results.csv", "validation.txt"]
            },
            {
                try output.stream("notice.txt") { self.templates.renderNotice("notice.txt", notice, write: $0) }
                return ["notice.txt"]
            },
        ]
        for part in parts {
            tasks.append {
                var names: [String] = []
                for i in part {
                    let committee = committees[i]
                    var summary = context.summary(committeeID: committee.id, objection: objection)
                    summary.subject = self.templates.renderLine("subject.txt", summary)
                    let body = TextLayout.trimLines(self.templates.renderSummary(summary))
                    try output.write("summary-\(committee.id).txt", body)
                    var attachment = fullNoticeHTML
                    if attachment == nil {
                        let mine = RowBuffer()
                        attachment = self.templates.renderNotice(
                            "notice.html", context.notice(committeeID: committee.id, objection: objection), rows: mine)
                        rows?.absorb(mine)
                    }
                    let mail = EmailMessage(
                        fromName: context.setting(context.config.issuer),
                        fromAddress: context.config.senderEmail ?? "star-report@localhost.invalid",
                        toName: committee.name, toAddress: context.config.committeeEmails[committee.id],
                        subject: summary.subject, date: context.noticeDate,
                        body: body, attachmentName: "notice-\(context.year).html", attachment: attachment ?? "",
                        idHint: "\(context.year).\(committee.id)")
                    try output.write("summary-\(committee.id).eml", mail.rendered)
                    names += ["summary-\(committee.id).txt", "summary-\(committee.id).eml"]
                }
                return names
            }
        }
        var names = try ReportRenderer.perform(tasks)

        // Round 2: the public notice, from the rows the extracts rendered.
        if let fullNoticeHTML {
            try output.write("notice.html", fullNoticeHTML)
        } else {
            try output.stream("notice.html") {
                self.templates.renderNotice("notice.html", notice, rows: rows, write: $0)
            }
        }
        names.append("notice.html")
        return names.sorted()
    }

    /// Runs the tasks on the available cores, on threads of their own made for them at a lower
    /// priority than results.xlsx and results.json on their threads beside them (a thread's
    /// priority is not raised back: no pooled or calling thread is lowered); the first error wins.
    static func perform(_ tasks: [@Sendable () throws -> [String]]) throws -> [String] {
        let results = Slots<Result<[String], Error>>(count: tasks.count)
        let next = Mutex(0)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(tasks.count, ProcessInfo.processInfo.activeProcessorCount)) {
            group.enter()
            let worker = Thread {
                Scheduling.yieldToSerialWork()
                while true {
                    let i = next.withLock { n in
                        defer { n += 1 }
                        return n
                    }
                    guard i < tasks.count else { break }
                    results.set(i, Result { try tasks[i]() })
                }
                group.leave()
            }
            // the stack of the pool's threads, for the templates' nested sections
            worker.stackSize = 8 << 20
            worker.start()
        }
        group.wait()
        return try results.values.compactMap { $0 }.flatMap { try $0.get() }
    }
}
