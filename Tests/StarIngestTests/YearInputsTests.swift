import Foundation
import StarModel
import StarRules
import Testing

@testable import StarIngest

@Suite struct YearInputsTests {
    func folder(_ name: String, files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("year-\(UUID().uuidString)")
            .appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (n, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(n)) }
        return dir
    }

    /// SampleData/2026: one listing gives every file with its digest, the config parsed, the
    /// register, and the year from the folder's name.
    @Test func theSampleYearIsReadWhole() throws {
        let year = try YearFolder.open(sampleDir)
        #expect(year.year == 2026)
        #expect(year.rules.version == "2017.1")
        let inputs = try year.read { $0 }
        #expect(inputs.records.count == 40)
        #expect(inputs.folderFileCount == 20 && inputs.files.count == 20)
        #expect(inputs.files.allSatisfy { $0.sha256.count == 64 })
        #expect(inputs.register?.count == 40)
        #expect(inputs.config.committeeEmails["WJW"] == "wjw-jgdw@example.gov.cn")
        #expect(inputs.configPath.hasSuffix("2026/config.toml"))
        #expect(inputs.diagnostics.isEmpty)
    }

    /// The folder's rules.toml is read once, by `open`, and still listed with its digest; a
    /// `--rules` file is listed after the folder's files.
    @Test func rulesFilesAreInputsWithTheirDigests() throws {
        let rules = RulesFile.defaultText.replacingOccurrences(of: "version = \"2017.1\"", with: "version = \"9\"")
        let dir = try folder("2026", files: ["rules.toml": rules, "a.csv": "branch_id\n"])
        let year = try YearFolder.open(dir.path)
        #expect(year.rules.version == "9")
        let inputs = try year.read { $0 }
        let account = try #require(inputs.files.first { $0.kind == .rules })
        #expect(account.sha256 == SHA256.hex(Array(rules.utf8)) && account.bytes == rules.utf8.count)

        let other = dir.deletingLastPathComponent().appendingPathComponent("other.toml")
        try Data(rules.replacingOccurrences(of: "version = \"9\"", with: "version = \"10\"").utf8).write(to: other)
        let given = try YearFolder.open(dir.path, rulesFile: other.path).read { $0 }
        #expect(given.rules.version == "10")
        #expect(given.files.count == given.folderFileCount + 1)
        #expect(given.files.last?.path == other.path && given.files.last?.kind == .rules)
    }

    /// Only `rules.toml` itself sets the rules; one that cannot be read (a link out of the
    /// folder) stops the run instead of the shipped rules taking its place.
    @Test func theFolderRulesFileIsRulesTomlAndMustBeReadable() throws {
        let rules = RulesFile.defaultText.replacingOccurrences(of: "version = \"2017.1\"", with: "version = \"9\"")
        let upper = try folder("2026", files: ["RULES.TOML": rules, "a.csv": "branch_id\n"])
        #expect(try YearFolder.open(upper.path).rules.version == "2017.1")
        let linked = try folder("2026", files: ["a.csv": "branch_id\n"])
        let outside = linked.deletingLastPathComponent().appendingPathComponent("elsewhere.toml")
        try Data(rules.utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(
            atPath: linked.appendingPathComponent("rules.toml").path, withDestinationPath: outside.path)
        do {
            _ = try YearFolder.open(linked.path)
            Issue.record("a rules.toml linked out of the folder was not refused")
        } catch {
            #expect(error.status == .ioError && error.message.value(of: "path")?.hasSuffix("rules.toml") == true)
        }
    }

    @Test func theYearComesFromTheFirstRecordWhenTheFolderIsNotAYear() throws {
        let header = FieldKey.allColumns.map(\.description).joined(separator: ",")
        let row = FieldKey.allColumns.map { $0 == .year ? "2024" : "x" }.joined(separator: ",")
        let dir = try folder("submissions", files: ["a.csv": header + "\n" + row + "\n"])
        #expect(try YearFolder.open(dir.path).year == 2024)
        #expect(try YearFolder.open(dir.path, year: 2030).year == 2030)
        let empty = try folder("nothing", files: ["notes.txt": "x"])
        #expect(throws: Failure.self) { try YearFolder.open(empty.path) }
        do {
            _ = try YearFolder.open(empty.path)
        } catch {
            #expect(error.status == .usage && error.message.id == .yearUnknown)
        }
    }

    @Test func badRulesAreAnErrorWithTheirDiagnostics() throws {
        let dir = try folder(
            "2026",
            files: ["rules.toml": "name = \"x\"\nversion = \"1\"\n[weights]\nself = 10\nmass = 10\nsuperior = 10\n"])
        do {
            _ = try YearFolder.open(dir.path)
            Issue.record("bad rules were accepted")
        } catch {
            #expect(error.status == .dataError)
            #expect(error.diagnostics.contains { $0.location.file.hasSuffix("rules.toml") && $0.severity == .error })
        }
    }

    @Test func aFolderWithoutSubmissionsOrMissingIsNoInput() throws {
        let dir = try folder("2026", files: ["notes.txt": "x"])
        do {
            _ = try YearFolder.open(dir.path).read { $0 }
            Issue.record("read a folder without submissions")
        } catch {
            #expect(error.status == .noInput && error.message.id == .noSubmissions)
        }
        do {
            _ = try YearFolder.open(dir.path + "/none")
            Issue.record("opened a missing folder")
        } catch {
            #expect(error.status == .noInput && error.message.id == .inputNotFound)
        }
    }
}
