/// A check of a ZIP file's directory before ZIPFoundation opens it: every record the directory
/// points at must lie inside the file. ZIPFoundation's in-memory archive traps (a Swift range
/// error) when a damaged directory sends it past the end of the bytes, so a broken download
/// would crash the run instead of giving one error; after this check it never seeks outside.
/// ZIP64 (a workbook over 4 GB) is refused: no committee sheet is that large.
enum XLSXZipCheck {
    static func problem(_ b: [UInt8]) -> String? {
        let n = b.count
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        guard n >= 22 else { return "文件过短" }
        // the end-of-central-directory record: within the last 64 KiB + 22 bytes
        var eocd = -1
        var i = n - 22
        while i >= max(0, n - 22 - 0xFFFF) {
            if b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 0x05 && b[i + 3] == 0x06 {
                eocd = i
                break
            }
            i -= 1
        }
        guard eocd >= 0 else { return "找不到 ZIP 目录，文件可能不完整" }
        let entries = u16(eocd + 10)
        let cdSize = u32(eocd + 12)
        let cdOffset = u32(eocd + 16)
        if entries == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF { return "ZIP64 格式（超过 4 GB）不受支持" }
        guard cdOffset + cdSize <= eocd else { return "ZIP 目录越界，文件可能不完整" }
        var p = cdOffset
        for _ in 0..<entries {
            guard p + 46 <= cdOffset + cdSize, u32(p) == 0x0201_4B50 else { return "ZIP 目录记录损坏" }
            let compressed = u32(p + 20)
            let nameLength = u16(p + 28)
            let extraLength = u16(p + 30)
            let commentLength = u16(p + 32)
            let local = u32(p + 42)
            if compressed == 0xFFFF_FFFF || u32(p + 24) == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                return "ZIP64 格式（超过 4 GB）不受支持"
            }
            p += 46 + nameLength + extraLength + commentLength
            guard p <= cdOffset + cdSize else { return "ZIP 目录记录损坏" }
            guard local + 30 <= cdOffset, u32(local) == 0x0403_4B50 else { return "ZIP 部件头损坏" }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            let localCompressed = u32(local + 18)
            let descriptor = u16(local + 6) & 0x08 != 0
            guard dataStart + compressed <= cdOffset, descriptor || dataStart + localCompressed <= cdOffset else {
                return "ZIP 部件数据越界，文件可能不完整"
            }
        }
        return nil
    }
}
