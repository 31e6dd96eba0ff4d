import Foundation
import GRDB
import Mustache
import StarExcel
import StarModel
import StarPipeline
import StarPlatform
import StarRender

/// What `export` and `report` show: the years asked for, each branch's stars per year, its
/// change against the year before (晋星/减星), the adjustments, the 重点管理 list and the log.
struct LedgerView {
    struct Year {
        var year: Int
        var status: String
        var branches: [BranchYear]
    }
    var years: [Year]
    /// Branch id → its row per year (by year).
    var byBranch: [String: [Int: BranchYear]]
    /// Branch ids in order (committee, id of their latest year).
    var order: [String]
    /// Committee id → its name, from the latest recording that names it.
    var committeeNames: [String: String]
    var log: [Row]

    init(_ file: LedgerFile, upTo: Int?) throws(Failure) {
        let all = try file.allYears().filter { upTo == nil || $0.year <= upTo! }
        guard !all.isEmpty else { throw Failure(.dataError, Message(.ledgerNoYears)) }
        years = all.map { Year(year: $0.year, status: $0.status, branches: $0.branches) }
        var byBranch: [String: [Int: BranchYear]] = [:]
        var latest: [String: BranchYear] = [:]
        var committeeNames: [String: String] = [:]
        for y in years {
            for b in y.branches {
                if !b.committee.isEmpty && !b.committeeName.isEmpty { committeeNames[b.committee] = b.committeeName }
                byBranch[b.branchID, default: [:]][y.year] = b
                if !b.committee.isEmpty || latest[b.branchID] == nil { latest[b.branchID] = b }
            }
        }
        self.byBranch = byBranch
        self.committeeNames = committeeNames
        order = latest.values.sorted { ($0.committee, $0.branchID) < ($1.committee, $1.branchID) }.map(\.branchID)
        let last = years.last!.year
        log = try file.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM log WHERE year IS NULL OR year <= ? ORDER BY id", arguments: [last])
        }
    }

    /// The stars a year gives a branch: approved (after review and adjustments), else proposed.
    static func stars(_ b: BranchYear) -> Int { b.current ?? b.proposed }

    /// 晋星, 减星, 保持 or 新参评 against the year before.
    func change(_ b: BranchYear) -> String {
        guard let before = byBranch[b.branchID]?[b.year - 1] else {
            return years.contains(where: { $0.year == b.year - 1 }) ? "新参评" : ""
        }
        let now = Self.stars(b)
        let was = Self.stars(before)
        return now > was ? "晋星" : now < was ? "减星" : "保持"
    }

    func name(_ id: String) -> (name: String, committee: String) {
        let rows = byBranch[id]!.values.sorted { $0.year > $1.year }
        return (
            rows.first(where: { !$0.name.isEmpty })?.name ?? "",
            rows.first(where: { !$0.committee.isEmpty })?.committee ?? ""
        )
    }

    /// A committee as the other reports name it, with its id (`市财政局机关党委（CZJ）`); its id
    /// alone when the ledger holds no name for it (a recording made before it kept names).
    func committeeLabel(_ id: String) -> String {
        guard let name = committeeNames[id], name != id else { return id }
        return "\(name)（\(id)）"
    }

    /// 重点管理: branches whose stars now (in their latest year that is approved) are one or none.
    var closeManagement: [BranchYear] {
        var out: [BranchYear] = []
        for id in order {
            guard let b = byBranch[id]!.values.filter({ $0.current != nil }).max(by: { $0.year < $1.year }),
                b.current! <= 1
            else { continue }
            out.append(b)
        }
        return out
    }

    /// An adjustment in the workbook and on the page (both written in Chinese).
    static func adjustmentText(_ a: BranchYear.Change) -> String {
        Message.ledgerAdjustment(date: a.date, stars: a.stars, reason: a.reason, document: a.document).text(.zh)
    }

    /// The date the outputs carry (the workbook's properties): the last log entry's day.
    var created: CivilDate {
        let at: String = log.last?["at"] ?? "2000-01-01"
        return CivilDate(iso: at.prefix(10)) ?? CivilDate(year: 2000, month: 1, day: 1)!
    }
}

/// `ledger export`: the 星级管理台账 workbook.
public enum LedgerBook {
    static let logCommands = [
        "record": "记入", "import": "导入", "object": "异议", "resolve": "异议处理", "approve": "批准", "review": "复审",
        "adjust": "调整",
    ]

    public static func write(_ file: LedgerFile, to path: String, upTo: Int?, language: Language) throws(Failure)
        -> String
    {
        let view = try LedgerView(file, upTo: upTo)
        let shown = Escaped.text(path)
        if FileManager.default.fileExists(atPath: path) {
            throw Failure(.cannotCreate, .ledgerOutputExists(path: shown))
        }
        var header = ["支部编号", "支部名称", "上级党组织"]
        for y in view.years { header += ["\(y.year) 拟评", "\(y.year) 批准", "\(y.year) 现星级", "\(y.year) 晋星/减星"] }
        header.append("调整记录")
        var rows: [[LedgerWorkbook.Cell]] = []
        for id in view.order {
            let n = view.name(id)
            var row: [LedgerWorkbook.Cell] = [.text(id), .text(n.name), .text(view.committeeLabel(n.committee))]
            var adjustments: [String] = []
            for y in view.years {
                guard let b = view.byBranch[id]![y.year] else {
                    row += [.empty, .empty, .empty, .empty]
                    continue
                }
                row += [
                    .int(b.proposed), b.approved.map(LedgerWorkbook.Cell.int) ?? .empty,
                    b.current.map(LedgerWorkbook.Cell.int) ?? .empty, .text(view.change(b)),
                ]
                adjustments += b.adjustments.map(LedgerView.adjustmentText)
            }
            row.append(.text(adjustments.joined(separator: "；")))
            rows.append(row)
        }
        let close = view.closeManagement.map { b -> [LedgerWorkbook.Cell] in
            let n = view.name(b.branchID)
            return [
                .text(b.branchID), .text(n.name), .text(view.committeeLabel(n.committee)), .int(b.year),
                .int(b.current ?? 0),
                .text(b.adjustments.map(LedgerView.adjustmentText).joined(separator: "；")),
            ]
        }
        let log = view.log.map { r -> [LedgerWorkbook.Cell] in
            func text(_ k: String) -> LedgerWorkbook.Cell { (r[k] as String?).map { .text($0) } ?? .empty }
            func int(_ k: String) -> LedgerWorkbook.Cell { (r[k] as Int?).map { .int($0) } ?? .empty }
            let command: String = r["command"]
            return [
                int("id"), text("at"), text("by"), .text(logCommands[command] ?? command), int("year"),
                text("branch_id"), int("stars"), text("date"), text("why"),
                text("document"), int("count"),
            ]
        }
        let book = LedgerWorkbook(
            title: "星级管理台账", created: view.created,
            sheets: [
                .init(name: "星级管理台账", header: header, rows: rows),
                .init(name: "重点管理", header: ["支部编号", "支部名称", "上级党组织", "年度", "现星级", "调整记录"], rows: close),
                .init(
                    name: "日志", header: ["序号", "时间", "操作人", "操作", "年度", "支部编号", "星级", "日期", "内容或理由", "文号", "支部数"],
                    rows: log),
            ])
        let temp = path + ".star-report-\(getpid()).tmp"
        do {
            try book.write(to: temp)
            guard link(temp, path) == 0 else {
                unlink(temp)
                throw Failure(.cannotCreate, .ledgerOutputExists(path: shown))
            }
            unlink(temp)
        } catch let f as Failure {
            throw f
        } catch {
            unlink(temp)
            throw Failure(.cannotCreate, .ledgerCannotWrite(path: shown, reason: Escaped.text("\(error)")))
        }
        return Message.ledgerExported(path: shown).text(language)
    }
}

/// `ledger report`: one self-contained HTML page (Templates/ledger.html.mustache), the same
/// bytes for the same ledger. Text from the ledger goes through Mustache's HTML escaping; the
/// charts are SVG made here of numbers only.
public enum LedgerPage {
    public static let fileName = "ledger.html"
    public static let templateName = "ledger.html.mustache"
    /// The page says who wrote it; an existing ledger.html without this is not overwritten.
    static let generator = "<meta name=\"generator\" content=\"star-report ledger\">"
    /// Branches listed by name per committee and year in a list; the rest are counted.
    static let listLimit = 200

    public static func write(
        _ file: LedgerFile, to dir: String, upTo: Int?, language: Language, templates: String? = nil
    ) throws(Failure) -> String {
        let view = try LedgerView(file, upTo: upTo)
        let path = (dir as NSString).appendingPathComponent(fileName)
        let shown = Escaped.text(path)
        // --templates DIR, else the page compiled into the binary (from Templates/)
        let templatePath = templates.map { ($0 as NSString).appendingPathComponent(templateName) } ?? templateName
        let found =
            templates == nil
            ? TemplateSet.shippedFile(templateName).map { Data($0) }
            : FileManager.default.contents(atPath: templatePath)
        guard let text = found else {
            throw Failure(.noInput, .templatesNotFound(dir: Escaped.text(templates ?? templateName)))
        }
        let template: MustacheTemplate
        do { template = try MustacheTemplate(string: String(decoding: text, as: UTF8.self)) } catch {
            throw Failure(.dataError, .templateOther(detail: Escaped.text("\(templatePath): \(error)")))
        }
        if let existing = FileManager.default.contents(atPath: path),
            !String(decoding: existing.prefix(4096), as: UTF8.self).contains(generator)
        {
            throw Failure(.cannotCreate, .ledgerOutputExists(path: shown))
        }
        let html = template.render(context(view))
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let temp = path + ".star-report-\(getpid()).tmp"
            try Data(html.utf8).write(to: URL(fileURLWithPath: temp))
            guard rename(temp, path) == 0 else {
                throw Failure(.cannotCreate, .ledgerCannotWrite(path: shown, reason: PlatformFile.reason(errno)))
            }
        } catch let f as Failure {
            throw f
        } catch {
            throw Failure(.cannotCreate, .ledgerCannotWrite(path: shown, reason: Escaped.text("\(error)")))
        }
        return Message.ledgerReported(path: shown).text(language)
    }

    static func context(_ view: LedgerView) -> [String: Any] {
        let committees = Set(view.years.flatMap { $0.branches.map(\.committee) }.filter { !$0.isEmpty }).sorted()
        let charts: [[String: Any]] = committees.map { c in
            let counts = view.years.map { y in
                var n = [Int](repeating: 0, count: 6)
                for b in y.branches where b.committee == c { n[LedgerView.stars(b)] += 1 }
                return (y.year, n)
            }
            return [
                "committee": view.committeeLabel(c), "svg": chart(counts),
                "rows": counts.map { ["year": $0.0, "counts": $0.1.map { ["n": $0] }] },
            ]
        }
        let years: [[String: Any]] = view.years.reversed().map { y in
            let groups = Dictionary(grouping: y.branches, by: \.committee)
            let perCommittee: [[String: Any]] = groups.keys.sorted().compactMap { c in
                let list = groups[c]!
                let rose = list.filter { view.change($0) == "晋星" }
                let fell = list.filter { view.change($0) == "减星" }
                let adjusted = list.filter { !$0.adjustments.isEmpty }
                guard !(rose.isEmpty && fell.isEmpty && adjusted.isEmpty) else { return nil }
                func item(_ b: BranchYear) -> [String: Any] {
                    let before = view.byBranch[b.branchID]?[b.year - 1].map(LedgerView.stars)
                    return [
                        "id": b.branchID, "name": view.name(b.branchID).name,
                        "from": before.map(StarLabel.chinese) ?? "", "to": StarLabel.chinese(LedgerView.stars(b)),
                    ]
                }
                // (swift-mustache takes 0 as true: sections test booleans)
                return [
                    "committee": c.isEmpty ? "—" : view.committeeLabel(c),
                    "rose": rose.prefix(listLimit).map(item), "roseCount": rose.count, "hasRose": !rose.isEmpty,
                    "roseMore": max(0, rose.count - listLimit), "hasRoseMore": rose.count > listLimit,
                    "fell": fell.prefix(listLimit).map(item), "fellCount": fell.count, "hasFell": !fell.isEmpty,
                    "fellMore": max(0, fell.count - listLimit), "hasFellMore": fell.count > listLimit,
                    "hasAdjustments": !adjusted.isEmpty,
                    "adjustments": adjusted.prefix(listLimit).flatMap { b in
                        b.adjustments.map {
                            [
                                "id": b.branchID, "name": view.name(b.branchID).name,
                                "text": LedgerView.adjustmentText($0),
                            ] as [String: Any]
                        }
                    },
                ]
            }
            let status = y.status == "notice" ? "公示中" : "已批准"
            return ["year": y.year, "status": status, "count": y.branches.count, "committees": perCommittee]
        }
        let close = view.closeManagement
        return [
            "first": view.years.first!.year, "last": view.years.last!.year,
            "severalYears": view.years.count > 1,
            "charts": charts, "years": years, "levels": (0...5).map { ["label": StarLabel.chinese($0)] },
            "closeLevels": Message.ledgerEitherLevel(first: 1, second: 0).text(.zh),
            "close": close.prefix(listLimit * 5).map { b in
                [
                    "id": b.branchID, "name": view.name(b.branchID).name,
                    "committee": view.committeeLabel(view.name(b.branchID).committee),
                    "year": b.year, "stars": StarLabel.chinese(b.current ?? 0),
                ] as [String: Any]
            },
            "closeCount": close.count, "closeMore": max(0, close.count - listLimit * 5),
            "hasCloseMore": close.count > listLimit * 5,
        ]
    }

    /// A grouped bar chart: for each star level 0–5 one bar per year. Numbers and the
    /// levels' names only (no text from the ledger), so it goes into the page unescaped.
    static func chart(_ counts: [(Int, [Int])]) -> String {
        let palette = ["#b0413e", "#d9822b", "#e0b220", "#6a9f3a", "#2f7fb8", "#6c4a9e", "#888888"]
        let width = 560
        let height = 220
        let left = 40
        let bottom = 30
        let top = 16
        let maxCount = max(1, counts.flatMap(\.1).max() ?? 1)
        let groupWidth = Double(width - left - 10) / 6
        let barWidth = groupWidth * 0.8 / Double(max(1, counts.count))
        var svg =
            """
            <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height + 24)\" viewBox=\"0 0 \
            \(width) \(height + 24)\" role=\"img\">
            """
        let plot = Double(height - bottom - top)
        svg +=
            """
            <line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\" \
            stroke=\"#333\"/>
            """
        for level in 0...5 {
            let x0 = Double(left) + Double(level) * groupWidth + groupWidth * 0.1
            for (i, (_, n)) in counts.enumerated() {
                let h = plot * Double(n[level]) / Double(maxCount)
                let x = x0 + Double(i) * barWidth
                let y = Double(height - bottom) - h
                svg +=
                    """
                    <rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(barWidth - 1))\" height=\"\(fmt(h))\" \
                    fill=\"\(palette[i % palette.count])\"/>
                    """
                if n[level] > 0 {
                    svg +=
                        """
                        <text x=\"\(fmt(x + barWidth / 2))\" y=\"\(fmt(y - 3))\" font-size=\"10\" \
                        text-anchor=\"middle\">\(n[level])</text>
                        """
                }
            }
            svg +=
                """
                <text x=\"\(fmt(x0 + groupWidth * 0.4))\" y=\"\(height - bottom + 16)\" font-size=\"12\" \
                text-anchor=\"middle\">\(StarLabel.chinese(level))</text>
                """
        }
        for (i, (year, _)) in counts.enumerated() {
            let x = left + i * 80
            svg +=
                """
                <rect x=\"\(x)\" y=\"\(height + 6)\" width=\"12\" height=\"12\" \
                fill=\"\(palette[i % palette.count])\"/>
                """
            svg += "<text x=\"\(x + 16)\" y=\"\(height + 16)\" font-size=\"12\">\(year)</text>"
        }
        return svg + "</svg>"
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
}
