import Foundation
import StarModel
import ZIPFoundation

/// Why a workbook is refused before any of its cells is read. Each case becomes one error
/// diagnostic (code and Chinese message saying what to do), never a crash or unbounded work.
struct XLSXRefusal: Error, Sendable {
    var message: Message
    /// The part of the archive concerned (`xl/worksheets/sheet1.xml`), if any.
    var part: String?
    var line: Int = 1

    /// The diagnostic code: that of the message's catalogue entry (`E-XLSX-ZIP`…).
    var code: String { message.code }

    /// `detail` in Chinese, in both languages.
    static func zip(_ detail: String) -> XLSXRefusal { XLSXRefusal(message: .xlsxNotAZip(detail: detail)) }
}

/// The ZIP container of a workbook (ZIPFoundation), read with limits so that a hostile file
/// costs bounded work: at most `maxEntries` parts, at most `maxTotalInflated` bytes inflated in
/// all, and no part inflating more than `maxRatio` times its compressed size (beyond a small
/// allowance), whatever sizes its headers claim. Part names with `..`, a leading `/` or `\` are
/// refused outright, so no name from the archive is ever followed anywhere.
// @unchecked Sendable: ZIPFoundation's Archive is not Sendable;
// a workbook's parts are read one at a time, whichever thread reads them.
final class XLSXArchive: @unchecked Sendable {
    static let maxEntries = 10_000
    /// A million-branch sheet inflates to about 1.3 GB of XML; a bomb stops here.
    static let maxTotalInflated: UInt64 = 4 << 30
    static let maxRatio: UInt64 = 200
    /// Parts up to this size may inflate at any ratio (a sheet of empty rows compresses ~1000:1).
    static let ratioAllowance: UInt64 = 4 << 20

    private let archive: Archive
    private var entries: [String: Entry] = [:]
    private var inflated: UInt64 = 0

    /// The OLE compound-file signature: an encrypted (password-protected) workbook, or an old .xls.
    static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// - Parameter data: the same bytes for ZIPFoundation (by default a copy; the sheet reader
    ///   hands a view of `bytes` without copying, valid while it reads).
    init(bytes: [UInt8], data: Data? = nil) throws {
        if bytes.count >= 8 && Array(bytes[0..<8]) == XLSXArchive.oleMagic {
            throw XLSXRefusal(message: Message(.xlsxEncrypted))
        }
        guard bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B else {
            throw XLSXRefusal.zip(bytes.isEmpty ? "文件为空" : "没有 ZIP 文件头")
        }
        if let problem = XLSXZipCheck.problem(bytes) { throw XLSXRefusal.zip(problem) }
        do {
            archive = try Archive(data: data ?? Data(bytes), accessMode: .read)
        } catch {
            throw XLSXRefusal.zip("ZIP 目录损坏")
        }
        var count = 0
        for entry in archive {
            count += 1
            if count > XLSXArchive.maxEntries {
                throw XLSXRefusal(message: .xlsxTooManyParts(limit: XLSXArchive.maxEntries))
            }
            let path = entry.path
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if path.hasPrefix("/") || path.contains("\\") || parts.contains("..") || path.utf8.contains(0) {
                throw XLSXRefusal(message: .xlsxUnsafePath(path: path), part: path)
            }
            if entries[path] == nil { entries[path] = entry }
        }
        if entries.isEmpty { throw XLSXRefusal.zip("ZIP 中没有任何部件") }
    }

    func has(_ part: String) -> Bool { entries[part] != nil }

    /// A part's size once inflated, as its header claims (inflating never yields more).
    func size(_ part: String) -> UInt64 { entries[part]?.uncompressedSize ?? 0 }

    /// A part's bytes inflated whole (for the small parts: workbook.xml and its relationships).
    func data(_ part: String, limit: Int = 32 << 20) throws -> [UInt8]? {
        guard has(part) else { return nil }
        var out: [UInt8] = []
        try stream(part) { chunk in
            if out.count + chunk.count > limit {
                throw XLSXRefusal(message: .xlsxPartTooLarge(part: part, limit: limit >> 20), part: part)
            }
            out.append(contentsOf: chunk)
        }
        return out
    }

    private struct Bomb: Error {}
    private struct Passed: Error { var refusal: XLSXRefusal }

    /// Inflates a part chunk by chunk into `consumer`, counting every byte against the limits.
    /// - Parameter counted: false for a second look at a part already counted (the merged cells'
    ///   pass over a sheet): the per-part limits still apply.
    func stream(_ part: String, counted: Bool = true, _ consumer: (Data) throws -> Void) throws {
        guard let entry = entries[part] else { throw XLSXRefusal.zip("缺少部件 \(part)") }
        let bomb = XLSXRefusal(
            message: .xlsxZipBomb(
                part: part, limit: Int(XLSXArchive.maxTotalInflated >> 30), ratio: Int(XLSXArchive.maxRatio)),
            part: part)
        if counted && entry.uncompressedSize > XLSXArchive.maxTotalInflated - inflated { throw bomb }
        let ratioLimit = max(
            XLSXArchive.ratioAllowance,
            entry.compressedSize.multipliedReportingOverflow(by: XLSXArchive.maxRatio).partialValue)
        if entry.uncompressedSize > ratioLimit { throw bomb }
        var mine: UInt64 = 0
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                mine += UInt64(chunk.count)
                if counted { inflated += UInt64(chunk.count) }
                if inflated > XLSXArchive.maxTotalInflated || mine > ratioLimit || mine > entry.uncompressedSize {
                    throw Bomb()
                }
                do { try consumer(chunk) } catch let r as XLSXRefusal { throw Passed(refusal: r) }
            }
        } catch let p as Passed {
            throw p.refusal
        } catch is Bomb {
            throw bomb
        } catch {
            throw XLSXRefusal.zip("部件 \(part) 无法解压")
        }
        if mine != entry.uncompressedSize || (entry.checksum != 0 && checksum != entry.checksum) {
            throw XLSXRefusal.zip("部件 \(part) 的数据损坏（校验和不符）")
        }
    }
}
