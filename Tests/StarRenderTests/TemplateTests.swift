import Foundation
import Mustache
import StarModel
import StarRating
import StarRules
import Testing

@testable import StarRender

let templatesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Templates").path

func tempTemplates(_ files: [String: String]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for name in TemplateSet.names {
        let src = URL(fileURLWithPath: templatesDir).appendingPathComponent(name + ".mustache")
        try FileManager.default.copyItem(at: src, to: dir.appendingPathComponent(name + ".mustache"))
    }
    for (name, text) in files {
        let url = dir.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: url)
        if !text.isEmpty { try text.write(to: url, atomically: true, encoding: .utf8) }
    }
    return dir.path
}

/// The default templates are compiled into the binary (the EmbedFiles plugin): they are the
/// files of Templates/, byte for byte, and nothing else.
@Suite struct ShippedTemplateTests {
    @Test func compiledInTemplatesAreTheFilesOfTemplates() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: templatesDir).filter { !$0.hasPrefix(".") }
            .sorted()
        #expect(TemplateSet.shippedFileNames == names)
        for name in names {
            let file = try Data(contentsOf: URL(fileURLWithPath: templatesDir).appendingPathComponent(name))
            #expect(TemplateSet.shippedFile(name) == [UInt8](file), "\(name) differs from Templates/\(name)")
        }
        _ = try TemplateSet.shipped()
    }
}

@Suite struct TemplateErrorTests {
    @Test func missingTemplateNamesTheFile() throws {
        let dir = try tempTemplates(["summary.txt.mustache": ""])
        #expect(throws: Failure.self) { try TemplateSet(directory: dir) }
        do { _ = try TemplateSet(directory: dir) } catch {
            #expect(error.status == .dataError && error.diagnostics.count == 1)
            #expect(error.diagnostics[0].location.file == dir + "/summary.txt.mustache")
            #expect(error.diagnostics[0].code == "E-TEMPLATE")
        }
    }

    @Test func syntaxErrorNamesFileAndLine() throws {
        let dir = try tempTemplates([
            "notice.txt.mustache": "{{%CONTENT_TYPE:TEXT}}\n第一行\n{{#groups}}\n{{label}}\n{{/branches}}\n"
        ])
        do {
            _ = try TemplateSet(directory: dir)
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.diagnostics[0].location.file == dir + "/notice.txt.mustache")
            #expect(error.diagnostics[0].location.line == 5)
            #expect(error.diagnostics[0].message.contains("{{/branches}}"))
        }
    }
}

@Suite struct EscapingTests {
    func outcome(name: String) -> (RatingOutcome, [Submission]) {
        let s = Submission(
            year: 2026,
            branch: BranchInfo(id: "X-1", name: name, committeeID: "C", committeeName: "<委员会>&", members: 5),
            selfScores: Array(repeating: Tenths(90), count: 10), massScores: Array(repeating: Tenths(90), count: 10),
            superiorScores: Array(repeating: Tenths(90), count: 10), massMemberParticipants: 5,
            satisfaction: Tenths(950))
        return (RatingEngine().rate([s], year: 2026), [s])
    }

    @Test func everythingTypedIsEscapedInHTML() throws {
        let (o, _) = outcome(name: "<script>alert(\"x\")</script>&支部")
        var config = NoticeConfig()
        config.issuer = "<b>机关工委</b>"
        let context = ReportContext(
            outcome: o, rules: .anyang2017, config: config, warnings: [], noticeDate: CivilDate(iso: "2026-12-31")!,
            quotaScope: .all, hasPrevious: false)
        let html = try TemplateSet(directory: templatesDir).render("notice.html", context.notice(objection: ""))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;支部"))
        #expect(html.contains("&lt;委员会&gt;&amp;"))
        #expect(html.contains("&lt;b&gt;机关工委&lt;/b&gt;"))
        // the plain-text notice keeps the text as typed
        let text = try TemplateSet(directory: templatesDir).render("notice.txt", context.notice(objection: ""))
        #expect(text.contains("<script>alert(\"x\")</script>&支部"))
    }

    @Test func csvGuardsAFormulaName() {
        let (o, _) = outcome(name: "=HYPERLINK(\"http://x\",\"点我\")")
        let csv = ResultsFiles.csv(o)
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",C,"))
    }
}

@Suite struct EmailTests {
    @Test func subjectIsEncodedInShortWords() {
        let s = EmailMessage.encodedWords("2026年度基层服务型党组织星级评定结果汇总（市住房和城乡建设局机关党委）")
        let words = s.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        #expect(words.allSatisfy { $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") && $0.count <= 75 })
        let decoded = words.map { w -> String in
            let b64 = String(w.dropFirst(10).dropLast(2))
            return String(decoding: Data(base64Encoded: b64)!, as: UTF8.self)
        }.joined()
        #expect(decoded == "2026年度基层服务型党组织星级评定结果汇总（市住房和城乡建设局机关党委）")
        #expect(EmailMessage.encodedWords("plain ascii") == "plain ascii")
    }

    @Test func dateHeaderComesFromTheNoticeDate() {
        let m = EmailMessage(
            fromName: "a", fromAddress: "a@b", toName: "c", toAddress: nil, subject: "s",
            date: CivilDate(iso: "2026-12-31")!,
            body: "b", attachmentName: "n.html", attachment: "<p></p>", idHint: "2026.C")
        #expect(m.rendered.contains("\r\nDate: Thu, 31 Dec 2026 09:00:00 +0800\r\n"))
        #expect(m.rendered.contains("\r\nTo: undisclosed-recipients:;\r\n"))
    }
}

@Suite struct LongNameLayoutTests {
    @Test func linesFitSeventyEightColumnsEvenWithHundredCharacterNames() throws {
        let long = String(repeating: "很", count: 100)
        let subs = (0..<12).map { i in
            Submission(
                year: 2026,
                branch: BranchInfo(
                    id: "L-\(i)", name: i % 2 == 0 ? long : "多行\n名称\t\(i)", committeeID: "C",
                    committeeName: long, members: 5),
                selfScores: Array(repeating: Tenths(50 + 4 * i), count: 10),
                massScores: Array(repeating: Tenths(50 + 4 * i), count: 10),
                superiorScores: Array(repeating: Tenths(50 + 4 * i), count: 10), massMemberParticipants: 5,
                satisfaction: Tenths(950))
        }
        var config = NoticeConfig()
        config.issuer = long
        config.objectionOffice = long
        config.objectionAddress = long
        let context = ReportContext(
            outcome: RatingEngine().rate(subs, year: 2026), rules: .anyang2017, config: config, warnings: [],
            noticeDate: CivilDate(iso: "2026-12-31")!, quotaScope: .all, hasPrevious: false)
        let templates = try TemplateSet(directory: templatesDir)
        for (name, text) in [
            ("notice.txt", templates.render("notice.txt", context.notice(objection: ""))),
            ("summary.txt", templates.render("summary.txt", context.summary(committeeID: "C", objection: ""))),
        ] {
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                #expect(DisplayWidth.of(line) <= 78, "\(name):\(i + 1) is \(DisplayWidth.of(line)) columns: \(line)")
            }
        }
    }
}

@Suite struct PiecewiseNoticeTests {
    /// Forty branches over every star level, one of them typed with markup.
    func context(rules: RuleSet = .anyang2017) -> ReportContext {
        let subs = (0..<40).map { i -> Submission in
            let aspect = Tenths(50 + i * 12 / 10)  // 5.0…9.6 → totals 50.0…96.0: every band
            return Submission(
                year: 2026,
                branch: BranchInfo(
                    id: "B-\(i)", name: i == 7 ? "<b>第\(i)支部</b>&" : "第\(i)党支部",
                    committeeID: "C\(i % 3)", committeeName: "委员会\(i % 3)", members: 5),
                selfScores: Array(repeating: aspect, count: 10), massScores: Array(repeating: aspect, count: 10),
                superiorScores: Array(repeating: aspect, count: 10),
                massMemberParticipants: 5, satisfaction: Tenths(i == 3 ? 400 : 950))
        }
        let o = RatingEngine().rate(subs, year: 2026)
        return ReportContext(
            outcome: o, rules: .anyang2017, config: NoticeConfig(), warnings: [],
            noticeDate: CivilDate(iso: "2026-12-31")!,
            quotaScope: .all, hasPrevious: false)
    }

    func pieces(_ t: TemplateSet, _ name: String, _ c: NoticeContext, rows: (any RowSource)? = nil) -> String {
        var out = ""
        t.renderNotice(name, c, rows: rows) { out += $0 }
        return out
    }

    @Test func shippedNoticesRenderTheSameInPieces() throws {
        let t = try TemplateSet(directory: templatesDir)
        let c = context()
        #expect(Set(c.outcome.results.map(\.stars)) == [0, 1, 2, 3, 4, 5])
        for name in ["notice.html", "notice.txt"] {
            #expect(t.parts[name] != nil, "\(name) is rendered group by group, row by row")
            // each committee's extract renders its rows; the notice is then made of them
            let rows = RowBytes(count: c.outcome.results.count)
            for committee in ["C0", "C1", "C2"] {
                let mine = RowBuffer()
                let extract = c.notice(committeeID: committee, objection: "异议")
                #expect(pieces(t, name, extract, rows: mine) == t.render(name, extract), "\(name) extract \(committee)")
                rows.absorb(mine)
            }
            var last: [UInt8] = []
            #expect(rows.appendKept(c.outcome.results.count - 1, to: &last) && !last.isEmpty, "every row was kept")
            #expect(
                pieces(t, name, c.notice(objection: "异议"), rows: rows) == t.render(name, c.notice(objection: "异议")),
                "\(name)")
        }
    }

    @Test(arguments: [
        """
        {{%CONTENT_TYPE:TEXT}}\n头{{total}}\n{{#groups}}\n  {{label}} <{{count}}>\n{{#branches}}{{name}};\
        {{/branches}}\n{{/groups}}\n尾{{year}}\n
        """,
        """
        <p>{{title}}</p>{{#groups}}<h2>{{label}}</h2>{{#branches}}<i>{{name}}</i>{{/branches}}{{/groups}}<p>{{year}}</p>
        """,
        "<p>\n  {{#groups}}  \n<h2>{{label}}{{title}}</h2>\n\t{{/groups}}\r\n</p>",
        "{{#groups}}{{label}}{{/groups}}",
        "{{#year}}{{#groups}}{{label}}{{/groups}}{{/year}}",
        "没有分组 {{title}}",
    ])
    func customTemplatesRenderTheSameInPieces(template: String) throws {
        let dir = try tempTemplates(["notice.html.mustache": template])
        let t = try TemplateSet(directory: dir)
        let c = context().notice(objection: "")
        #expect(pieces(t, "notice.html", c) == t.render("notice.html", c))
    }
}

/// Rows rendered by a compiled `RowProgram` give the text Mustache gives; a template the
/// program does not do is rendered by Mustache.
@Suite struct CompiledRowTests {
    let context = PiecewiseNoticeTests().context()

    @Test func theShippedRowsAreCompiledAndRenderAsMustacheDoes() throws {
        let t = try TemplateSet(directory: templatesDir)
        for name in ["notice.html", "notice.txt"] {
            let p = try #require(t.parts[name])
            #expect(
                p.fastHead != nil && p.fastGroupHead != nil && p.fastRow != nil && p.fastGroupTail != nil
                    && p.fastTail != nil, "\(name)")
            let c = context.notice(objection: "异议")
            #expect(
                p.fastHead?.render(c, outer: Layered(layers: [])) != nil,
                "\(name): every value of the head is rendered compiled")
        }
        let parts = try #require(t.summaryParts)
        let head = try #require(parts.fastHead)
        let tail = try #require(parts.fastTail)
        #expect(parts.fastRow != nil)
        for committee in ["C0", "C1", "C2"] {
            let s = context.summary(committeeID: committee, objection: "异议")
            #expect(
                head.render(s, outer: Layered(layers: [])) != nil && tail.render(s, outer: Layered(layers: [])) != nil,
                "every value is rendered compiled")
            #expect(t.renderSummary(s) == t.render("summary.txt", s), "summary \(committee)")
        }
    }

    /// A notice whose row (between `{{#branches}}` and `{{/branches}}`, each alone on its line)
    /// is `row`, under the pragma `pragma`.
    static func notice(_ pragma: String, _ row: String) -> String {
        pragma + "<h1>{{title}}</h1>\n{{#groups}}\n<h2>{{label}}</h2>\n{{#branches}}\n" + row
            + "{{/branches}}\n{{/groups}}\n<p>{{year}}</p>\n"
    }

    @Test(arguments: [
        // values: escaped, triple, ampersand, spaces in the tag, transforms, names of the group and the notice
        (
            notice(
                "{{%CONTENT_TYPE:HTML}}\n",
                """
                <td>{{name}}</td>{{{name}}}|{{&name}}|{{ name }}|{{pad10(name)}}|{{right6(final)\
                }}|{{label}}/{{year}}\n
                """
            ), true
        ),
        // standalone section lines, inverted sections, a missing name
        (
            notice(
                "{{%CONTENT_TYPE:TEXT}}\n",
                """
                  {{index}} {{name}}\n  {{#hasNote}}\n    说明：{{note}}\n  {{/hasNote}}\n{{^review}}\nno review \
                {{nothing}}\n{{/review}}\n
                """
            ), true
        ),
        (
            notice(
                "{{%CONTENT_TYPE:TEXT}}\n",
                "{{#review}}R{{/review}}{{^review}}-{{/review}}{{#hasNote}}\n{{note}}{{/hasNote}};\n"), true
        ),
        // two tags on one line are not standalone; a section at the very start and end of the row
        (
            notice("{{%CONTENT_TYPE:TEXT}}\n", "{{#review}}{{/review}}\n{{name}}\n{{#hasNote}}{{note}}{{/hasNote}}\n"),
            true
        ),
        (notice("{{%CONTENT_TYPE:TEXT}}\n", "{{#hasNote}}\n{{note}}\n{{/hasNote}}\n"), true),
        // a layout section in a row
        (notice("{{%CONTENT_TYPE:TEXT}}\n", "{{#wrap4}}{{name}} {{committee}}{{/wrap4}}\n"), true),
        // left to Mustache: no pragma, a comment, a dotted name, CRLF lines, a partial
        (notice("", "<td>{{name}}</td>\n"), false),
        (notice("{{%CONTENT_TYPE:HTML}}\n", "{{! note }}{{name}}\n"), false),
        (notice("{{%CONTENT_TYPE:HTML}}\n", "{{name.first}}\n"), false),
        (notice("{{%CONTENT_TYPE:TEXT}}\n", "{{#review}}\r\n{{name}}\r\n{{/review}}\r\n"), false),
        (notice("{{%CONTENT_TYPE:HTML}}\n", "{{>other}}\n"), false),
    ])
    func customRowsRenderAsMustacheDoes(template: String, compiled: Bool) throws {
        let dir = try tempTemplates(["notice.html.mustache": template])
        let t = try TemplateSet(directory: dir)
        let parts = try #require(t.parts["notice.html"])
        #expect((parts.fastRow != nil) == compiled)
        for c in [context.notice(objection: ""), context.notice(committeeID: "C1", objection: "")] {
            var pieces = ""
            t.renderNotice("notice.html", c) { pieces += $0 }
            #expect(pieces == t.render("notice.html", c))
            // a compiled row renders every row itself, not by handing it to Mustache
            if let fast = parts.fastRow {
                for group in c.groups {
                    for k in group.branches.order {
                        let row = NoticeRow(
                            result: group.branches.results[k], index: Int(group.branches.numbers[k]),
                            rules: group.branches.rules)
                        #expect(fast.render(row, outer: Layered(layers: [group, c])) != nil)
                    }
                }
            }
        }
    }

    /// A notice whose sections are not alone on their lines, or that uses a list's own names,
    /// is rendered whole.
    @Test(arguments: [
        "{{%CONTENT_TYPE:TEXT}}\n{{#groups}}{{#branches}}{{name}};{{/branches}}{{/groups}}",
        """
        {{%CONTENT_TYPE:TEXT}}\n{{#groups}}\n{{#branches}}\n{{name}}{{^last()}},{{/last()\
        }}\n{{/branches}}\n{{/groups}}\n
        """,
    ])
    func aNoticeThatCannotBeCutIsRenderedWhole(template: String) throws {
        let dir = try tempTemplates(["notice.html.mustache": template])
        let t = try TemplateSet(directory: dir)
        #expect(t.parts["notice.html"] == nil)
        let c = context.notice(objection: "")
        var pieces = ""
        t.renderNotice("notice.html", c) { pieces += $0 }
        #expect(pieces == t.render("notice.html", c))
    }

    /// A layout section's content (`{{#wrap4}}…{{/wrap4}}`) compiled gives what Mustache gives.
    @Test(arguments: [
        "  {{code}} {{levels}}{{#isMax}}不超过{{/isMax}}{{^isMax}}不低于{{/isMax}}{{percent}}%",
        "{{#isMax}}\nmax\n{{/isMax}}\n{{^isMax}}\nmin {{limit}}\n{{/isMax}}\n",
        "  {{#isReport}}\n  r\n  {{/isReport}}\nx{{nothing}}",
        "{{code}}\n{{#changed}}\nc\n{{/changed}}",
    ])
    func layoutSectionContentRendersAsMustacheDoes(raw: String) throws {
        let summary = context.summary(committeeID: "C0", objection: "")
        let lines = try #require(summary.child(named: "quotaChecks") as? [any MustacheParent])
        #expect(!lines.isEmpty)
        let mustache = try MustacheTemplate(string: "{{%CONTENT_TYPE:TEXT}}" + raw)
        #expect(SectionTemplates.shared.template(raw).program != nil)
        for line in lines {
            #expect(SectionTemplates.shared.template(raw).program?.render(line, outer: Layered(layers: [])) != nil)
            #expect(SectionTemplates.shared.render(raw, line) == mustache.render(line))
        }
    }

    @Test func aCustomSummaryRowRendersAsMustacheDoes() throws {
        let row =
            """
            {{%CONTENT_TYPE:TEXT}}\n{{committeeName}}\n{{#branches}}\n{{pad12(name)}}|{{right4(stars)\
            }}|{{fit3(codes)}}|{{committeeName}}{{^nothing}}-{{/nothing}}\n{{/branches}}\n{{count}}\n
            """
        let dir = try tempTemplates(["summary.txt.mustache": row])
        let t = try TemplateSet(directory: dir)
        let fast = try #require(t.summaryParts?.fastRow)
        #expect(t.summaryParts?.fastHead != nil)
        for committee in ["C0", "C1", "C2"] {
            let s = context.summary(committeeID: committee, objection: "")
            for branch in s.branches { #expect(fast.render(branch, outer: Layered(layers: [s])) != nil) }
            #expect(t.renderSummary(s) == t.render("summary.txt", s))
        }
    }
}

@Suite struct ByteHTMLTests {
    @Test(arguments: [
        "", "市财政局机关第一党支部", "<script>alert(\"x\")</script>", "A&B 'quoted' > <", "&amp;", "👨‍👩‍👧<b>", "a\u{0}b",
    ])
    func escapesLikeMustachesDefault(text: String) throws {
        let mustache = try MustacheTemplate(string: "{{v}}").render(["v": text])
        #expect(ByteHTML().escapeText(text) == mustache)
    }

    /// Mustache's default looks whole Characters up, so "&" followed by a combining mark slips
    /// through unescaped; escaping bytes catches it.
    @Test func escapesAnAmpersandBeforeACombiningMark() {
        #expect(ByteHTML().escapeText("&\u{301}lt;") == "&amp;\u{301}lt;")
    }

    @Test func shippedHTMLTemplateUsesIt() throws {
        let text = try String(contentsOfFile: templatesDir + "/notice.html.mustache", encoding: .utf8)
        #expect(text.hasPrefix("{{%CONTENT_TYPE:HTML}}\n"))
    }
}

@Suite struct ExplainingReportsTests {
    /// Ten branches: one with satisfaction below 50 % (C1), one with three unexcused absences
    /// (C4), the rest plain; quotas of the default scheme.
    func context(rules: RuleSet = .anyang2017) -> ReportContext {
        let subs = (0..<10).map { i -> Submission in
            let aspect = Tenths(60 + i * 4)
            return Submission(
                year: 2026,
                branch: BranchInfo(id: "B-\(i)", name: "第\(i)党支部", committeeID: "C", committeeName: "委员会", members: 5),
                selfScores: Array(repeating: aspect, count: 10), massScores: Array(repeating: aspect, count: 10),
                superiorScores: Array(repeating: aspect, count: 10), massMemberParticipants: 5,
                satisfaction: Tenths(i == 8 ? 400 : 950), unexcusedAbsences: i == 7 ? 3 : 0)
        }
        return ReportContext(
            outcome: RatingEngine(rules: rules).rate(subs, year: 2026), rules: rules, config: NoticeConfig(),
            warnings: [],
            noticeDate: CivilDate(iso: "2026-12-31")!, quotaScope: .all, hasPrevious: false)
    }

    @Test func noticeSaysWhyStarsDifferFromTheBand() throws {
        let c = context()
        let r = c.outcome.results
        #expect(c.rules.note(r[8]) == "满意率低于50%")
        #expect(c.rules.note(r[7]) == "无故缺席")
        #expect(r.filter { $0.stars == $0.bandStars }.allSatisfy { c.rules.note($0).isEmpty })
        let t = try TemplateSet(directory: templatesDir)
        let html = t.render("notice.html", c.notice(objection: ""))
        #expect(html.contains("<th>说明</th>"))
        #expect(html.contains("<td class=\"note\">满意率低于50%</td>"))
        let text = t.render("notice.txt", c.notice(objection: ""))
        #expect(text.contains("说明：满意率低于50%"))
        #expect(text.contains("说明：无故缺席"))
    }

    /// A city's own numbers: the notice's 说明 and the summary's legend say what its rules say.
    @Test func aCitysRulesExplainThemselves() throws {
        var rules = RuleSet.anyang2017
        rules.satisfactionNoStarBelow = Tenths(450)
        rules.absenceThreshold = 2
        rules.absenceCap = 3
        rules.quotas[0].percent = Tenths(150)
        let c = context(rules: rules)
        let t = try TemplateSet(directory: templatesDir)
        let notice = t.render("notice.txt", c.notice(objection: ""))
        #expect(notice.contains("说明：满意率低于45%"))
        let text = t.render("summary.txt", c.summary(committeeID: "C", objection: ""))
        #expect(text.contains("C1  民主评议满意率低于45%，不定星级"))
        #expect(text.contains("C4  年度内无故缺席累计2次及以上，最高三星级并降低一个星级"))
        #expect(text.contains("Q1  五星级名额不超过参评总数的15%"))
        #expect(!text.contains("低于50%") && !text.contains("累计3次"))
    }

    @Test func summaryEndsWithALegendOfItsCodes() throws {
        let c = context()
        let t = try TemplateSet(directory: templatesDir)
        let s = c.summary(committeeID: "C", objection: "")
        #expect(s.legend.map(\.code) == RuleCode.sorted(Set(c.outcome.results.flatMap(\.ruleCodes) + ["Q1", "Q2"])))
        let text = t.render("summary.txt", s)
        for code in s.legend.map(\.code) { #expect(text.contains("  \(code)  "), "\(code) in the legend") }
        #expect(text.contains("C1  民主评议满意率低于50%，不定星级"))
    }

    @Test func subjectAndObjectionComeFromTheirTemplates() throws {
        let dir = try tempTemplates([
            "subject.txt.mustache": "{{%CONTENT_TYPE:TEXT}}\n{{committeeName}}：{{year}}年星级结果\n",
            "objection.txt.mustache": "{{%CONTENT_TYPE:TEXT}}\n异议请找{{objectionOffice}}。\n",
        ])
        let t = try TemplateSet(directory: dir)
        let c = context()
        let objection = t.renderLine("objection.txt", c.objectionValues)
        #expect(objection == "异议请找（待补充）。")
        var s = c.summary(committeeID: "C", objection: objection)
        s.subject = t.renderLine("subject.txt", s)
        #expect(s.subject == "委员会：2026年星级结果")
        let text = t.render("summary.txt", s)
        #expect(text.contains("主  题：委员会：2026年星级结果"))
        #expect(text.contains("异议请找（待补充）。"))
        #expect(t.render("notice.txt", c.notice(objection: objection)).contains("异议请找（待补充）。"))
    }

    @Test func columnWidthsAndWrappingAreTheTemplates() throws {
        let dir = try tempTemplates([
            "notice.txt.mustache": """
            {{%CONTENT_TYPE:TEXT}}
            {{#groups}}
            {{#branches}}
            [{{right3(index)}}|{{pad8(name)}}|{{fit5(committee)}}]
            {{/branches}}
            {{/groups}}
            {{#wrap3}}{{title}}{{title}}{{/wrap3}}
            {{#right}}{{noticeDate}}{{/right}}

            """
        ])
        let t = try TemplateSet(directory: dir)
        let text = t.renderNotice("notice.txt", context().notice(objection: ""))
        #expect(text.contains("[  1|第9党支…|委员…]"))
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("   ") && $0.contains("公示") })
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 78 })
        #expect(lines.last.map { DisplayWidth.of($0) == 78 && $0.hasSuffix("2026年12月31日") } == true)
    }
}
