import StarModel
import StarRating
import StarRules

/// Renders every report of outputs.md into memory: file name → content. Writing is the
/// pipeline's job, so a failure here never leaves a partial folder.
public struct ReportRenderer {
    public var templates: TemplateSet

    public init(templates: TemplateSet) { self.templates = templates }

    /// Up to this many branches the whole notice is attached to every committee e-mail.
    public static let fullNoticeLimit = 2000

    public func render(_ context: ReportContext, run: ResultsFiles.RunInfo, validationText: String) -> [(name: String, content: String)] {
        var files: [(String, String)] = []
        files.append(("results.csv", ResultsFiles.csv(context.outcome)))
        files.append(("results.json", ResultsFiles.json(context.outcome, rules: context.rules, run: run)))
        let notice = context.notice()
        files.append(("notice.txt", templates.render("notice.txt", notice)))
        files.append(("notice.html", templates.render("notice.html", notice)))
        let noticeHTML = files.last!.1
        for committee in context.committees {
            // A city's notice goes whole with every e-mail; beyond `fullNoticeLimit` branches each
            // committee gets the extract of its own branches (20,000 copies of a province's notice
            // would be terabytes).
            let attachment = context.outcome.results.count <= ReportRenderer.fullNoticeLimit
                ? noticeHTML : templates.render("notice.html", context.notice(committeeID: committee.id))
            let summary = templates.render("summary.txt", context.summary(committeeID: committee.id))
            files.append(("summary-\(committee.id).txt", summary))
            let mail = EmailMessage(
                fromName: context.setting(context.config.issuer), fromAddress: context.config.senderEmail ?? "star-report@localhost.invalid",
                toName: committee.name, toAddress: context.config.committeeEmails[committee.id],
                subject: "\(context.year)年度基层服务型党组织星级评定结果汇总（\(committee.name)）", date: context.noticeDate,
                body: summary, attachmentName: "notice-\(context.year).html", attachment: attachment,
                idHint: "\(context.year).\(committee.id)")
            files.append(("summary-\(committee.id).eml", mail.rendered))
        }
        files.append(("validation.txt", validationText))
        return files.sorted { $0.0 < $1.0 }
    }
}
