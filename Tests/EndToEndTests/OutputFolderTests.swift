import Foundation
import TestSupport
import Testing

@testable import StarPipeline

@Suite struct OutputFolderTests {
    /// Small pieces go through a buffer, large ones (a whole notice) straight from their own
    /// storage; the file must hold every piece in order either way.
    @Test func piecesOfEverySizeArriveInOrder() throws {
        let dir = try temporaryDirectory("output")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pieces = [
            "开头", String(repeating: "行", count: 40_000), "x", String(repeating: "ab", count: 600_000), "", "星级\n",
            String(repeating: "中", count: 25_000),
        ]
        let target = dir.appendingPathComponent("reports").path
        let checked = try OutputTarget.check(target, input: dir.appendingPathComponent("input").path)
        let lock = try OutputLock(checked)
        defer { lock.release() }
        let folder = try OutputFolder(checked)
        try folder.stream("big.txt") { write in pieces.forEach(write) }
        try folder.write("small.txt", "一行\n")
        try folder.commit()
        let big = try String(contentsOfFile: target + "/big.txt", encoding: .utf8)
        #expect(big == pieces.joined())
        #expect(try String(contentsOfFile: target + "/small.txt", encoding: .utf8) == "一行\n")
    }
}
