#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a CSV file's bytes into UTF-8, the way Excel users expect, without being told the
/// encoding: a UTF-8 BOM → UTF-8; valid UTF-8 → UTF-8; else GB18030 (what Excel writes on Chinese
/// Windows, a superset of GBK); else an error naming the line of the first bad byte.
public enum TextDecoding {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", utf8BOM = "UTF-8 (BOM)", gb18030 = "GB18030" }

    public struct DecodeError: Error, Equatable {
        /// 1-based line of the first byte that is neither UTF-8 nor GB18030.
        public var line: Int
    }

    public static func toUTF8(_ bytes: [UInt8]) -> Result<(bytes: [UInt8], encoding: Encoding), DecodeError> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            if let bad = firstInvalidUTF8(rest) { return .failure(DecodeError(line: lineOf(offset: bad, in: rest))) }
            return .success((rest, .utf8BOM))
        }
        if firstInvalidUTF8(bytes) == nil { return .success((bytes, .utf8)) }
        switch gb18030ToUTF8(bytes) {
        case .success(let out): return .success((out, .gb18030))
        case .failure(let bad): return .failure(DecodeError(line: lineOf(offset: bad.offset, in: bytes)))
        }
    }

    /// Offset of the first byte that breaks UTF-8, or nil if all is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32 = 0
            if b & 0xE0 == 0xC0 {
                need = 1; cp = UInt32(b & 0x1F); min = 0x80
            } else if b & 0xF0 == 0xE0 {
                need = 2; cp = UInt32(b & 0x0F); min = 0x800
            } else if b & 0xF8 == 0xF0 {
                need = 3; cp = UInt32(b & 0x07); min = 0x10000
            } else {
                return i
            }
            for k in 1...need {
                guard i + k < n, bytes[i + k] & 0xC0 == 0x80 else { return i }
                cp = cp << 6 | UInt32(bytes[i + k] & 0x3F)
            }
            if cp < min || cp > 0x10FFFF || (0xD800...0xDFFF).contains(cp) { return i }
            i += need + 1
        }
        return nil
    }

    static func lineOf(offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A { line += 1 }
        return line
    }

    /// GB18030 → UTF-8 with glibc's iconv (0.4 s for 200 MB here, and it tells where it failed;
    /// Foundation's decoder does not). Returns the offset of the first undecodable byte on failure.
    struct BadByte: Error { var offset: Int }

    static func gb18030ToUTF8(_ input: [UInt8]) -> Result<[UInt8], BadByte> {
        let cd = iconv_open("UTF-8", "GB18030")
        guard cd != iconv_t(bitPattern: -1) else { return .failure(BadByte(offset: 0)) }
        defer { iconv_close(cd) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inCopy = input
        let result: Result<Int, BadByte> = inCopy.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if rc == -1 { return .failure(BadByte(offset: inBuf.count - inLeft)) }
                return .success(outBuf.count - outLeft)
            }
        }
        switch result {
        case .success(let written): return .success(Array(output[0..<written]))
        case .failure(let offset): return .failure(offset)
        }
    }
}
