import Foundation
import StarModel
import TestSupport
import Testing

@testable import StarRender

@Suite struct DisplayWidthTests {
    @Test func commonCases() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("市财政局（CZJ）") == 15)
        #expect(DisplayWidth.of("＝１") == 4)  // full-width forms
        #expect(DisplayWidth.of("한국") == 4)  // Hangul
        #expect(DisplayWidth.of("e\u{301}") == 1)  // combining acute
        #expect(DisplayWidth.of("a\u{200B}b") == 2)  // zero-width space (Cf)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("★") == 1)  // East Asian Ambiguous: one column
    }

    @Test func agreesWithPythonUnicodedataForEveryCodePoint() throws {
        let r = try runPython([
            "-c",
            """
            import unicodedata, sys
            out = []
            for c in range(0x20, 0x40000):
                if 0xD800 <= c <= 0xDFFF or 0x7F <= c < 0xA0: out.append('x'); continue
                ch = chr(c)
                if c >= 0x300 and (unicodedata.category(ch) in ('Mn', 'Me', 'Cf')
                                   or 0x1160 <= c <= 0x11FF): out.append('0')
                elif unicodedata.east_asian_width(ch) in ('W', 'F'): out.append('2')
                else: out.append('1')
            sys.stdout.write(''.join(out))
            """,
        ])
        let expected = Array(r.out)
        // The oracle must have run: a failed or silent python3 is a failure, not a pass.
        try #require(r.status == 0, "python3 oracle exited \(r.status): \(r.errText)")
        try #require(
            expected.count == 0x40000 - 0x20, "python3 oracle printed \(expected.count) of \(0x40000 - 0x20) widths")
        var mismatches: [String] = []
        for (i, e) in expected.enumerated() where e != UInt8(ascii: "x") {
            let cp = UInt32(0x20 + i)
            let w = DisplayWidth.of(Unicode.Scalar(cp)!)
            if UInt8(ascii: "0") + UInt8(w) != e { mismatches.append(String(cp, radix: 16)) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(10))")
    }
}

@Suite struct TextLayoutTests {
    @Test func padAndFitByColumns() {
        #expect(TextLayout.pad("中文", 6) == "中文  ")
        #expect(TextLayout.padLeft("9.5", 5) == "  9.5")
        #expect(TextLayout.fit("市住房和城乡建设局", 9) == "市住房和…")
        #expect(DisplayWidth.of(TextLayout.pad("市住房和城乡建设局机关第一党支部", 20)) == 20)
    }

    @Test func namesWithLineBreaksStayOnOneRow() {
        #expect(TextLayout.pad("多行\n名称", 10) == "多行 名称 ")
        #expect(TextLayout.pad("a\r\nb\tc", 6) == "a  b c")
    }

    @Test func shortTextsTakeTheShortWay() {
        #expect(TextLayout.wrap("", width: 10) == [])
        #expect(TextLayout.wrap("   ", width: 10) == [""])
        #expect(TextLayout.wrap("B1; D3  ", width: 10) == ["B1; D3"])
        #expect(TextLayout.wrap("中文名称", width: 8) == ["中文名称"])
        // (not 中文名称 / 甲: no paragraph ends on one character)
        #expect(TextLayout.wrap("中文名称甲", width: 8) == ["中文名", "称甲"])
        #expect(
            TextLayout.trimRight("名称  ") == "名称" && TextLayout.trimRight("  ") == ""
                && TextLayout.trimRight("a b") == "a b")
        #expect(TextLayout.pad("12345678901", 10) == "123456789…")
        #expect(TextLayout.trimLines("名称  \nb \r\n  c  ") == "名称\nb\r\n  c" && TextLayout.trimLines("a b") == "a b")
        #expect(TextLayout.trimLines("   ") == "" && TextLayout.trimLines("\n \n") == "\n\n")
        #expect(TextLayout.padLeft("中文", 3) == "中…" && TextLayout.padLeft("中文", 5) == " 中文")
        // C1 controls and the Unicode line separators become spaces too
        #expect(TextLayout.oneLine("a\u{85}b\u{2028}c\u{2029}d\u{7F}e") == "a b c d e")
        #expect(TextLayout.oneLine("é中文…") == "é中文…")
    }

    /// `fit` takes a shortcut over scalars when every one is a character of its own; on random
    /// mixes of such text and of text that is not (marks, emoji, joined sequences, flags), it
    /// cuts exactly where cutting by grapheme clusters does.
    @Test func fitCutsWhereCharactersDo() {
        func reference(_ s: String, _ width: Int) -> String {
            let s = TextLayout.oneLine(s)
            guard DisplayWidth.of(s) > width else { return s }
            var out = ""
            var w = 0
            for c in s {
                let cw = DisplayWidth.of(c)
                if w + cw > width - 1 { break }
                out.append(c)
                w += cw
            }
            return out + "…"
        }
        // the first 17 are of the scalars `fit` takes the short way for (ASCII, CJK punctuation,
        // ideographs, full-width forms); the others are not
        let pieces = [
            "市", "财政局", "A", "b7", " ", "（", "）", "，", "、", "Ｂ", "\u{3000}", "。", "〜", "〰", "ｈ", "～", "\u{9FFF}",
            "e\u{301}", "👍🏽", "🇨🇳", "👨‍👩‍👧", "\u{302A}", "가", "ᄀ\u{1161}", "\u{FE0F}", "é", "\t", "\u{A000}",
            "｡", "〰\u{FE0F}", "，\u{301}",
        ]
        // a fixed sequence (SplitMix64), so that a failure can be run again
        struct SplitMix: RandomNumberGenerator {
            var state: UInt64
            mutating func next() -> UInt64 {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
        }
        var generator = SplitMix(state: 7)
        for _ in 0..<4000 {
            // half the strings take the short way, half have a scalar that joins or is not simple
            let simple = Bool.random(using: &generator)
            let usable = simple ? Array(pieces.prefix(17)) : pieces
            let s = (0..<Int.random(in: 0...14, using: &generator)).map { _ in usable.randomElement()! }.joined()
            let width = Int.random(in: 1...24, using: &generator)
            #expect(TextLayout.fit(s, width) == reference(s, width), "\(s.debugDescription) in \(width)")
        }
    }

    @Test func wrapKeepsEveryCharacterAndTheWidth() {
        let text =
            "评定办法：基础分 = 自评×20% + 党员群众测评×30% + 上级党组织考评×50%，按规定加分、减分后为最终得分（满分100分）。"
            + String(repeating: "同分并列的党组织一并调整 ", count: 8)
        for width in [20, 41, 78] {
            let lines = TextLayout.wrap(text, width: width, indent: "  ")
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
            let rejoined = lines.enumerated().map { i, l in i == 0 ? l : String(l.dropFirst(2)) }.joined()
            #expect(rejoined.filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    @Test func aNumberInChineseTextIsNotCut() {
        let text = "C2 加分（表彰）：市级 2.5 分、省级5分、国家级7.5分，以最高的为准；Q1 五星级不超过10%，超出的按得分由低到高降为四星级"
        for width in 20...78 {
            let lines = TextLayout.wrap(text, width: width, indent: "    ")
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
            let rejoined = lines.enumerated().map { i, l in i == 0 ? l : String(l.dropFirst(4)) }.joined()
            #expect(rejoined.filter { $0 != " " } == text.filter { $0 != " " })
            for (a, b) in zip(lines, lines.dropFirst()) {
                let end = a.last!
                let start = b.dropFirst(4).first!
                #expect(!(end.isASCII && start.isASCII && end != " "), "cut at \(width): \(a) / \(b)")
            }
        }
    }

    /// Random paragraphs of CJK text, punctuation, short Latin words and numbers: no line
    /// is wider than the width, starts with closing punctuation or a space, or ends with opening
    /// punctuation, and no text is lost or added. (The cases a review found are among the fixed
    /// ones: a long name before `（id）`, closing punctuation around a space, `zjj.csv:8:38）`.)
    @Test func wrapKeepsItsRulesOnAnyText() {
        var rng = SplitMix(seed: 7)
        // (without spaces: the breaks at spaces are the tests above)
        let pieces = [
            "党", "支", "部", "评", "定", "结", "果", "（", "）", "，", "。", "：", "；", "、", "80", "%", "Q1", "7.5",
            "zjj.csv:8:38", "CZJ-01", "99.0分", "(", ")",
        ]
        let fixed = [
            "  中国共产党安阳市财政局机关国库集中支付中心第一党支部委员会第一党小组（CZJ-01）99.0分",
            "党的部（局党）；准为)（准）评结86 %示99市（关关为评）以党以关果 公（公局评） 、：财",
            "  市住房和城乡建设局建管处党支部第一党小组第二党小组（CZJ-01，zjj.csv:8:38）： Q1",
        ]
        let random = (0..<400).map { _ in
            (0..<Int.random(in: 5...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
        for text in fixed + random {
            for width in [40, 57, 78] {
                let lines = TextLayout.wrap(text, width: width, indent: "    ")
                #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(lines)")
                for (i, line) in lines.enumerated() {
                    let body = line.dropFirst(i == 0 ? 0 : 4)
                    if i > 0, let first = body.first {
                        #expect(first != " " && !TextLayout.closing.contains(first), "\(width): \(lines)")
                    }
                    if i < lines.count - 1, let last = line.last {
                        #expect(!TextLayout.opening.contains(last), "\(width): \(lines)")
                    }
                }
                let rejoined = lines.enumerated().map { i, l in i == 0 ? l : String(l.dropFirst(4)) }.joined()
                #expect(rejoined.filter { $0 != " " } == TextLayout.oneLine(text).filter { $0 != " " })
            }
        }
        // a `file:line:col` of 12 characters is not cut by the closing punctuation after it
        let place = TextLayout.wrap(fixed[2], width: 78, indent: "    ")
        #expect(place.contains { $0.contains("zjj.csv:8:38") }, "\(place)")
    }

    /// A paragraph does not end on one CJK character: the one before it moves down with it.
    @Test func noParagraphEndsOnOneCharacter() {
        let text = "B2  重大创新经验被上级推广，加分（市级3分，省级5分，国家级8分，以最高的为准）"
        #expect(
            TextLayout.wrap(text, width: 74, indent: "      ") == [
                "B2  重大创新经验被上级推广，加分（市级3分，省级5分，国家级8分，以最高的", "      为准）",
            ])
        for width in 20...80 {
            let lines = TextLayout.wrap(text, width: width, indent: "    ")
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
            let last = lines.last!.dropFirst(lines.count > 1 ? 4 : 0).filter { !TextLayout.closing.contains($0) }
            #expect(lines.count == 1 || last.count != 1 || last.first!.isASCII, "\(width): \(lines)")
            let rejoined = lines.enumerated().map { i, l in i == 0 ? l : String(l.dropFirst(4)) }.joined()
            #expect(rejoined.filter { $0 != " " } == text.filter { $0 != " " })
        }
    }

    @Test func noLineStartsWithClosingPunctuationAfterASpace() {
        let text = "the members' participation is normally at least 80 %)"
        for width in 20...60 {
            let lines = TextLayout.wrap(text, width: width, indent: "  ")
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
            #expect(lines.dropFirst().allSatisfy { !TextLayout.closing.contains($0.dropFirst(2).first!) }, "\(lines)")
            #expect(lines.dropFirst().allSatisfy { $0.dropFirst(2).first != " " }, "\(lines)")
        }
        // a full line before such a space: its last character moves down with it
        #expect(TextLayout.wrap("一二三四五六七八九十 %)", width: 20, indent: "") == ["一二三四五六七八九", "十 %)"])
        // no space within 12 columns before the break: the word before the space moves down with it
        let chinese = "评定办法：满意率低于规定的百分之八十的党支部不得评为五星级，参与率不足80 %)"
        for width in 20...60 {
            let lines = TextLayout.wrap(chinese, width: width, indent: "  ")
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
            #expect(lines.dropFirst().allSatisfy { $0.dropFirst(2).first != " " }, "\(width): \(lines)")
            #expect(lines.dropFirst().allSatisfy { !TextLayout.closing.contains($0.dropFirst(2).first!) }, "\(lines)")
        }
        #expect(
            TextLayout.wrap(text, width: 51, indent: "") == [
                "the members' participation is normally at least", "80 %)",
            ])
    }

    @Test func wrapWordsNeverCutsAWordNorAPlaceholder() {
        let text =
            "通过 SMTP 发送每个上级党组织的 summary-<编号>.eml（设置见 config.toml 的 [smtp]；密码："
            + "STAR_REPORT_SMTP_PASSWORD）。另把错误写成 错误清单-<编号>.xlsx，放进这个文件夹（默认：text）"
        let words = [
            "SMTP", "summary-<编号>.eml", "config.toml", "[smtp]", "STAR_REPORT_SMTP_PASSWORD", "错误清单-<编号>.xlsx",
        ]
        for width in 29...60 {  // the widest unit, STAR_REPORT_SMTP_PASSWORD）。, is 29 wide
            let lines = TextLayout.wrapWords(text, width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(lines)")
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
            for word in words { #expect(lines.contains { $0.contains(word) }, "\(word) cut at \(width): \(lines)") }
            // 避头尾: no line starts with closing punctuation nor ends with opening punctuation
            #expect(lines.dropFirst().allSatisfy { !TextLayout.closing.contains($0.first!) }, "\(lines)")
            #expect(lines.allSatisfy { !TextLayout.opening.contains($0.last!) }, "\(lines)")
            #expect(lines.allSatisfy { $0.first != " " && $0.last != " " })
        }
        // English breaks at spaces only
        let en = "Send each committee's summary-<id>.eml over SMTP (settings: [smtp] of config.toml)."
        let lines = TextLayout.wrapWords(en, width: 30)
        #expect(lines.joined(separator: " ") == en)
        #expect(
            TextLayout.wrapWords("--a-very-long-option-name-indeed", width: 10) == ["--a-very-long-option-name-indeed"])
    }
}

@Suite struct ResultsCSVTests {
    @Test func formulaGuardAndQuoting() {
        #expect(ResultsFiles.guardFormula("=SUM(A1)") == "'=SUM(A1)")
        #expect(ResultsFiles.guardFormula("+1") == "'+1")
        #expect(ResultsFiles.guardFormula("-x") == "'-x")
        #expect(ResultsFiles.guardFormula("@cmd") == "'@cmd")
        #expect(ResultsFiles.guardFormula("\tx") == "'\tx")
        #expect(ResultsFiles.guardFormula("\rx") == "'\rx")
        #expect(ResultsFiles.guardFormula("市财政局") == "市财政局")
        #expect(ResultsFiles.quote("a,b") == "\"a,b\"")
        #expect(ResultsFiles.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ResultsFiles.quote("line\nbreak") == "\"line\nbreak\"")
        #expect(ResultsFiles.quote("plain") == "plain")
        #expect(ResultsFiles.quote("两行\r\n名称") == "\"两行\r\n名称\"" && ResultsFiles.quote("中文，逗号") == "中文，逗号")
        #expect(ResultsFiles.guardFormula("＝全角") == "＝全角" && ResultsFiles.guardFormula("") == "")
        // a comma or quote with a combining mark after it is still quoted, and the quote doubled
        #expect(ResultsFiles.quote("a,\u{301}b") == "\"a,\u{301}b\"")
        #expect(ResultsFiles.quote("a\"\u{301}b") == "\"a\"\"\u{301}b\"")
    }
}

@Suite struct AbsolutePathTests {
    /// An input's path in results.json: against the current folder, `.` and `..` resolved on the text.
    @Test func relativePathsAreResolvedAgainstTheFolder() {
        #expect(ResultsFiles.absolutePath("a/./b/../c.xml", in: "/w") == "/w/a/c.xml")
        #expect(ResultsFiles.absolutePath("data//2026/x.csv", in: "/w") == "/w/data//2026/x.csv")
        #expect(ResultsFiles.absolutePath("../in/z.xml", in: "/w/main/") == "/w/in/z.xml")
        #expect(ResultsFiles.absolutePath("/x//y/../z", in: "/w") == "/x//y/../z")
        #expect(
            ResultsFiles.absolutePath("../../../a", in: "/w") == "/a"
                && ResultsFiles.absolutePath(".", in: "/w") == "/w")
        #expect(ResultsFiles.absolutePath("名册 2026/branches.csv", in: "/home/办公室") == "/home/办公室/名册 2026/branches.csv")
    }
}

@Suite struct JSONWriterTests {
    @Test func exactDecimalsAndEscapes() {
        let j = JSON.object([
            ("a", .tenths(StarModelTenths.make(875))), ("s", .string("引号\"\\\n\u{1}")),
            ("l", .array([.int(1), .null])),
        ])
        #expect(j.rendered() == "{\n  \"a\": 87.5,\n  \"s\": \"引号\\\"\\\\\\n\\u0001\",\n  \"l\": [1, null]\n}")
    }

    /// The compact layout used for the branches of results.json writes every value exactly as
    /// the indented layout does.
    @Test(arguments: [0, 5, -5, 10, -10, 875, -30, 1000, 123_456_789, -987_654_321])
    func compactWriterNumbersAgree(raw: Int) {
        var j = JSONWriter(capacity: 64)
        j.array([raw]) { $0.int($1) }
        j.raw(" ")
        j.tenths(StarModelTenths.make(raw))
        #expect(
            String(decoding: j.bytes, as: UTF8.self) == JSON.array([.int(raw)]).rendered() + " "
                + JSON.tenths(StarModelTenths.make(raw)).rendered())
    }

    @Test(arguments: ["", "plain", "引号\"\\\n\u{1}\t\r", "a\u{2028}b\u{2029}", "=1+2", "👨‍👩‍👧", "\u{7F}\u{1F}"])
    func compactWriterStringsAgree(s: String) throws {
        var j = JSONWriter(capacity: 64)
        j.raw("{")
        j.key("k")
        j.string(s)
        j.next("n")
        j.optional(Optional<Int>.none) { $0.int($1) }
        j.raw("}")
        let text = String(decoding: j.bytes, as: UTF8.self)
        #expect(text == "{\"k\":" + JSON.string(s).rendered() + ",\"n\":null}")
        let parsed = try JSONSerialization.jsonObject(with: Data(j.bytes)) as? [String: Any]
        #expect(parsed?["k"] as? String == s)
    }
}

@Suite struct StringWidthTests {
    @Test func stringWidthIsTheSumOfItsGraphemeClusters() {
        let samples = [
            "abc", "中文", "e\u{301}x", "👍🏽", "❤️", "👨‍👩‍👧", "市财政局（CZJ）", "a\u{200B}b", "한국어", "★☆", "", "Ａ１", "ﬁ", "🇨🇳",
        ]
        for s in samples {
            #expect(DisplayWidth.of(s) == s.reduce(0) { $0 + DisplayWidth.of($1) }, "\(s)")
        }
    }
}

@Suite struct KinsokuTests {
    static let closing = Set("，。、；：）」")

    @Test func noLineStartsWithClosingPunctuation() {
        // Each width puts some "，", "。" or "）" right at a break.
        let text = "一二三四五，六七八九十。一二三四五、一二三四（五）一二三四「五」"
        for width in 10...30 {  // narrower than three characters after the indent, a rule cannot always hold
            let lines = TextLayout.wrap(text, width: width, indent: "  ")
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width): \(lines)")
            for l in lines.dropFirst() {
                let first = l.drop { $0 == " " }.first
                #expect(first.map { !Self.closing.contains($0) } ?? true, "width \(width): \(lines)")
            }
            #expect(lines.dropLast().allSatisfy { $0.last != "（" && $0.last != "「" }, "width \(width): \(lines)")
            #expect(lines.map { $0.filter { $0 != " " } }.joined() == text)
        }
    }

    @Test func theBreakMovesTheLastCharacterDown() {
        #expect(TextLayout.wrap("一二三四五，六七", width: 10) == ["一二三四", "五，六七"])
        #expect(TextLayout.wrap("一二三四（五）", width: 10) == ["一二三四", "（五）"])
    }
}
