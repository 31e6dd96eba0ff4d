import Foundation
import StarModel
import StarPipeline
import StarPlatform

/// Runs one ledger command for the executable: its line on stdout, a refusal on stderr (with the
/// diagnostics of a file read), and the exit status.
public struct LedgerCommand {
    public var language: Language
    public var console: Console

    public init(language: Language, console: Console = .standard) {
        self.language = language
        self.console = console
    }

    /// A command that changes the ledger (or says why not).
    public func change(ledger path: String, by: String?, _ body: (Ledger) throws(Failure) -> Ledger.Outcome)
        -> ExitStatus
    {
        perform {
            () throws(Failure) in
            let ledger = Ledger(file: try LedgerFile(path: path, create: true), by: by)
            console.out(try body(ledger).message.text(language))
        }
    }

    /// A command that only reads (the file must exist).
    public func read(ledger path: String, _ body: (LedgerFile) throws(Failure) -> String) -> ExitStatus {
        perform { () throws(Failure) in console.out(try body(try LedgerFile(path: path, create: false))) }
    }

    func perform(_ body: () throws(Failure) -> Void) -> ExitStatus {
        do {
            try body()
            return .ok
        } catch {
            for d in error.diagnostics.sortedForDisplay().in(language) { console.err(d.rendered) }
            console.err("star-report: " + error.message.text(language))
            return error.status
        }
    }

    /// `history --format text`: the branch, then a line per year and one per objection, review
    /// and adjustment.
    public func historyText(_ years: [BranchYear]) -> String {
        func t(_ message: Message) -> String { message.text(language) }
        func t(_ id: MessageID) -> String { Message(id).text(language) }
        let none = t(.ledgerNone)
        let name = years.last(where: { !$0.name.isEmpty })?.name ?? ""
        var lines = [t(.ledgerHistoryBranch(id: Escaped.text(years.first?.branchID ?? ""), name: Escaped.text(name)))]
        for y in years {
            let status: MessageID =
                y.status == "notice"
                ? .ledgerStatusNotice : y.status == "review" ? .ledgerStatusReview : .ledgerStatusApproved
            lines.append(
                t(
                    .ledgerHistoryYear(
                        year: y.year, status: t(status), proposed: y.proposed,
                        approved: y.approved, current: y.current,
                        final: y.final.map { Tenths($0).description } ?? none,
                        rules: y.rules.isEmpty ? none : Escaped.text(y.rules.joined(separator: ", ")))))
            for o in y.objections {
                let result =
                    o.resolvedStars.map {
                        t(.ledgerHistoryResolved(stars: $0, reason: Escaped.text(o.resolution ?? "")))
                    } ?? t(.ledgerHistoryOpen)
                lines.append(
                    t(
                        .ledgerHistoryObjection(
                            date: o.date, by: Escaped.text(o.by), text: Escaped.text(o.text), result: result)))
            }
            if let r = y.review {
                lines.append(
                    t(
                        .ledgerHistoryReview(
                            date: r.date, by: Escaped.text(r.by), stars: r.stars, reason: Escaped.text(r.reason))))
            }
            for a in y.adjustments {
                lines.append(
                    t(
                        .ledgerHistoryAdjustment(
                            date: a.date, by: Escaped.text(a.by), stars: a.stars, reason: Escaped.text(a.reason),
                            document: a.document.map(Escaped.text))))
            }
        }
        return lines.joined(separator: "\n")
    }
}
