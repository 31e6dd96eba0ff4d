import Crypto
import Foundation

/// SHA-256 of input and report files (results.json's provenance, the output manifest), by
/// swift-crypto.
public enum SHA256 {
    /// Lower-case hex digest of `bytes`.
    public static func hex<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        hexString(Crypto.SHA256.hash(data: bytes))
    }

    /// An incremental digest, for files read in pieces.
    public struct Hasher {
        private var inner = Crypto.SHA256()
        public init() {}
        public mutating func update(_ bytes: UnsafeRawBufferPointer) { inner.update(bufferPointer: bytes) }
        public mutating func finalizeHex() -> String { SHA256.hexString(inner.finalize()) }
    }

    static func hexString<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
