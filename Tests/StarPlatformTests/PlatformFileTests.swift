import Foundation
import StarPlatform
import SystemPackage
import TestSupport
import Testing

/// The file calls the stages share: a whole regular file, and nothing else, is read; a link is
/// refused where asked; a folder's names come as the file system holds them.
@Suite struct PlatformFileCalls {
    @Test func aRegularFileIsReadWholeAndWrittenWhole() throws {
        let dir = try temporaryFolder("platform")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.path + "/data.bin"
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let out = try PlatformFile.create(path)
        try bytes.withUnsafeBytes { try out.writeAllBytes($0) }
        try out.sync()
        try out.closeChecked()
        #expect(try PlatformFile.contents(of: path, followLink: false) == bytes)
        let empty = dir.path + "/empty"
        try PlatformFile.create(empty).closeChecked()
        #expect(try PlatformFile.contents(of: empty, followLink: false) == [])
        let fd = try PlatformFile.openForReading(path, followLink: false)
        defer { try? fd.close() }
        var total = 0
        var pieces = 0
        let size = try fd.readRegularFile(inPiecesOf: 1 << 16) { piece in
            total += piece.count
            pieces += 1
        }
        #expect(size == bytes.count && total == bytes.count && pieces == 5)
    }

    @Test func aFolderOrFIFOIsNotReadAndALinkIsRefusedWhereAsked() throws {
        let dir = try temporaryFolder("platform")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: PlatformFile.ReadFailure.notRegular) {
            try PlatformFile.contents(of: dir.path, followLink: false)
        }
        let fifo = dir.path + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(throws: PlatformFile.ReadFailure.notRegular) { try PlatformFile.contents(of: fifo, followLink: true) }
        try Data("x".utf8).write(to: dir.appendingPathComponent("file"))
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link", withDestinationPath: "file")
        #expect(try PlatformFile.contents(of: dir.path + "/link", followLink: true) == Array("x".utf8))
        #expect(throws: PlatformFile.ReadFailure.system(.tooManySymbolicLinkLevels)) {
            try PlatformFile.contents(of: dir.path + "/link", followLink: false)
        }
        #expect(throws: PlatformFile.ReadFailure.system(.noSuchFileOrDirectory)) {
            try PlatformFile.contents(of: dir.path + "/none", followLink: false)
        }
    }

    @Test func aFolderListsItsNamesAsBytes() throws {
        let dir = try temporaryFolder("platform")
        defer { try? FileManager.default.removeItem(at: dir) }
        let odd: [UInt8] = Array("ab".utf8) + [0xFF]
        let path = (Array(dir.path.utf8) + [0x2F] + odd).map { CChar(bitPattern: $0) } + [0]
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        close(fd)
        try Data().write(to: dir.appendingPathComponent("汇总.txt"))
        #expect(
            try PlatformFile.nameBytes(in: dir.path).sorted { $0.lexicographicallyPrecedes($1) } == [
                odd, Array("汇总.txt".utf8),
            ])
        #expect(Set(try PlatformFile.names(in: dir.path)) == ["ab\u{FFFD}", "汇总.txt"])
        #expect(
            Set(try PlatformFile.names(in: dir.path))
                == Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)))
        #expect(throws: Errno.noSuchFileOrDirectory) { try PlatformFile.names(in: dir.path + "/none") }
        try PlatformFile.syncFolder(dir.path)
        #expect(throws: Errno.notDirectory) { try PlatformFile.syncFolder(dir.path + "/汇总.txt") }
    }
}
