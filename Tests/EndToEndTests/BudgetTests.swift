import Foundation
import TestSupport
import Testing

// The built binary on inputs whose cost would not be linear: each is refused quickly with one
// error naming its cap (docs/input-formats.md states the caps).

@Suite(.serialized) struct InputBudgetTests {
    func sampleCopy(_ name: String) throws -> (URL, URL) {
        let dir = try temporaryDirectory(name)
        let input = dir.appendingPathComponent("2026")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("SampleData/2026"), to: input)
        return (dir, input)
    }

    func replaceInFile(_ file: URL, _ target: String, _ replacement: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(target))
        try text.replacingOccurrences(of: target, with: replacement).write(to: file, atomically: true, encoding: .utf8)
    }

    /// 30,000 attributes on `<branch>` cost libxml2 N² (seconds to hours): refused in ≤ 2 s with
    /// one error naming the cap; so is a 200,000-character name (minutes when 20M).
    @Test func quadraticXMLIsRefusedQuickly() throws {
        let (dir, input) = try sampleCopy("xml-budget")
        defer { try? FileManager.default.removeItem(at: dir) }
        let attributes = (0..<30_000).map { "a\($0)=\"x\"" }.joined(separator: " ")
        try replaceInFile(input.appendingPathComponent("CZJ-01.xml"), "id=\"CZJ-01\" ", "id=\"CZJ-01\" \(attributes) ")
        let start = Date()
        let (s, _, err) = try runBinary(["validate", "--input", input.path])
        let seconds = Date().timeIntervalSince(start)
        #expect(s == 65, "\(err)")
        #expect(seconds <= 2, "\(seconds) s")
        let errors = err.split(separator: "\n").filter { $0.contains(": error[") }
        #expect(errors.count == 1, "\(errors)")
        #expect(
            errors.first?.contains("CZJ-01.xml:3: error[E-XML-LIMIT]: <branch> has more than 32 attributes") == true,
            "\(errors)")

        let (dir2, input2) = try sampleCopy("xml-budget-name")
        defer { try? FileManager.default.removeItem(at: dir2) }
        let file = input2.appendingPathComponent("CZJ-01.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let name = try #require(text.range(of: "<name>[^<]*</name>", options: .regularExpression))
        try text.replacingCharacters(in: name, with: "<name>" + String(repeating: "名", count: 200_000) + "</name>")
            .write(
                to: file, atomically: true, encoding: .utf8)
        let start2 = Date()
        let (s2, _, err2) = try runBinary(["validate", "--input", input2.path])
        #expect(Date().timeIntervalSince(start2) <= 2)
        #expect(s2 == 65, "\(err2)")
        let errors2 = err2.split(separator: "\n").filter { $0.contains(": error[") }
        #expect(
            errors2.count == 1
                && errors2[0].contains(
                    """
                    error[E-XML-LIMIT]: a text, attribute value or comment starting on this line is longer than \
                    10000 characters
                    """
                ), "\(errors2)")
    }

    /// A file over the size cap is one error, before any parsing.
    @Test func oversizedXMLIsOneError() throws {
        let (dir, input) = try sampleCopy("xml-budget-size")
        defer { try? FileManager.default.removeItem(at: dir) }
        let comment = "<!--" + String(repeating: "x", count: 9_000) + "-->\n"
        try replaceInFile(
            input.appendingPathComponent("CZJ-01.xml"), "</branch>",
            "</branch>" + String(repeating: comment, count: 120))
        let (s, _, err) = try runBinary(["validate", "--input", input.path])
        #expect(s == 65)
        let errors = err.split(separator: "\n").filter { $0.contains(": error[") }
        #expect(
            errors.count == 1 && errors[0].contains("CZJ-01.xml:1: error[E-XML-LIMIT]")
                && errors[0].contains("over the limit of 1048576 bytes"), "\(errors)")
    }

    /// Submissions in UTF-16 (with or without a byte order mark) and in GBK are still read.
    @Test func utf16AndGBKSubmissionsAreRead() throws {
        let (dir, input) = try sampleCopy("xml-encodings")
        defer { try? FileManager.default.removeItem(at: dir) }
        func rewrite(_ name: String, _ encoding: String.Encoding, declared: String) throws {
            let file = input.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
                of: "encoding=\"UTF-8\"", with: "encoding=\"\(declared)\"")
            try #require(text.data(using: encoding)).write(to: file)
        }
        try rewrite("CZJ-01.xml", .utf16, declared: "UTF-16")  // with a BOM
        try rewrite("CZJ-02.xml", .utf16LittleEndian, declared: "UTF-16")
        let file = input.appendingPathComponent("CZJ-03.xml").path
        let (status, _) = try python(
            """
            import sys; t = open(sys.argv[1], encoding='utf-8').read().replace('encoding=\"UTF-8\"', \
            'encoding=\"GB18030\"'); 
            """
                + "open(sys.argv[1], 'wb').write(t.encode('gb18030'))", [file])
        #expect(status == 0)
        let (s, _, err) = try runBinary(["validate", "--input", input.path])
        #expect(s == 0, "\(err)")
        #expect(err.contains("16 XML files") && err.contains("0 rejected"), "\(err)")
    }
}
