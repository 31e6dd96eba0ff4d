import CLibXML2
import Foundation
import StarModel

/// Inflated chunks handed from the thread that inflates a part to the thread that parses it;
/// at most a few chunks wait, so a sheet of any size takes a few hundred KB.
///
/// A condition, not a Mutex: both ends block (the inflater while 8 chunks wait, the parser while
/// none does) until the other end wakes them, and a Mutex cannot wait.
// @unchecked Sendable: its mutable state is touched only under its condition's lock.
private final class ChunkPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var head = 0
    private var finished = false
    private var cancelled = false
    private var failed: XLSXRefusal?

    /// Why the inflater stopped, if it failed (read under the lock: the parser may ask while the
    /// inflater still runs).
    var failure: XLSXRefusal? {
        condition.lock()
        defer { condition.unlock() }
        return failed
    }

    struct Cancelled: Error {}

    func put(_ d: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count - head >= 8 && !cancelled { condition.wait() }
        if cancelled { throw XLSXRefusal(message: Message(.xlsxCancelled)) }
        chunks.append(d)
        condition.broadcast()
    }

    func finish(_ error: XLSXRefusal?) {
        condition.lock()
        failed = failed ?? error
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func take() -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while head == chunks.count && !finished { condition.wait() }
        guard head < chunks.count else { return nil }
        let d = chunks[head]
        head += 1
        if head >= 64 {
            chunks.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return d
    }

    func cancel() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        head = 0
        condition.broadcast()
        condition.unlock()
    }

    func waitFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}

/// The source libxml2 pulls from: the current chunk and the pipe behind it.
private final class PullSource {
    let pipe: ChunkPipe
    var current = Data()
    var offset = 0
    init(pipe: ChunkPipe) { self.pipe = pipe }

    func read(into buffer: UnsafeMutablePointer<CChar>, max: Int) -> Int32 {
        while offset >= current.count {
            guard let next = pipe.take() else { return pipe.failure == nil ? 0 : -1 }
            current = next
            offset = 0
        }
        let n = min(max, current.count - offset)
        current.withUnsafeBytes { raw in
            UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + offset, byteCount: n)
        }
        offset += n
        return Int32(n)
    }
}

/// The first XML error libxml2 reports for a part.
private final class FirstError {
    var message: String?
    var line = 1
    func add(_ e: xmlErrorPtr) {
        guard message == nil else { return }
        var m = e.pointee.message.map { String(cString: $0) } ?? "XML 错误"
        while m.last == "\n" || m.last == " " { m.removeLast() }
        message = m
        line = max(1, Int(e.pointee.line))
    }
}

private let readCallback: xmlInputReadCallback = { ctx, buffer, len in
    guard let ctx, let buffer else { return -1 }
    return Unmanaged<PullSource>.fromOpaque(ctx).takeUnretainedValue().read(into: buffer, max: Int(len))
}
private let closeCallback: xmlInputCloseCallback = { _ in 0 }
private let errorCallback: xmlStructuredErrorFunc = { ctx, error in
    guard let ctx, let error else { return }
    Unmanaged<FirstError>.fromOpaque(ctx).takeUnretainedValue().add(error)
}

/// One part of a workbook walked node by node with libxml2's `xmlTextReader`, while another
/// thread inflates it: the part is never held whole, a sheet never becomes one DOM.
///
/// Safety: `XML_PARSE_NONET`, never `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or `XML_PARSE_HUGE`;
/// a DOCTYPE (and so any entity declaration) or an entity reference anywhere refuses the file:
/// no part of SpreadsheetML needs one.
final class XLSXXMLStream {
    static let options =
        Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        | Int32(XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)

    let part: String
    let reader: xmlTextReaderPtr
    private let source: PullSource
    private let pipe: ChunkPipe
    private let errors = FirstError()

    /// Node types of xmlreader.h.
    static let element: Int32 = 1, text: Int32 = 3, cdata: Int32 = 4, entityReference: Int32 = 5,
        documentType: Int32 = 10,
        whitespace: Int32 = 13, significantWhitespace: Int32 = 14, endElement: Int32 = 15

    private init(part: String, pipe: ChunkPipe) throws {
        self.part = part
        self.pipe = pipe
        source = PullSource(pipe: pipe)
        _ = InputFolder.libxml2Ready
        guard
            let r = xmlReaderForIO(
                readCallback, closeCallback, Unmanaged.passUnretained(source).toOpaque(), part, nil,
                XLSXXMLStream.options)
        else {
            pipe.cancel()
            throw XLSXRefusal(message: .xlsxPartUnreadable(part: part), part: part)
        }
        reader = r
        xmlTextReaderSetStructuredErrorHandler(r, errorCallback, Unmanaged.passUnretained(errors).toOpaque())
    }

    /// Walks `part` of `archive`: `body` calls `next()` until it returns false.
    static func walk(_ part: String, in archive: XLSXArchive, _ body: (XLSXXMLStream) throws -> Void) throws {
        let pipe = ChunkPipe()
        // A thread of its own (not a dispatch queue): the reading threads block on this one.
        let producer = Thread {
            do {
                try archive.stream(part) { chunk throws in try pipe.put(chunk) }
                pipe.finish(nil)
            } catch {
                let r = error as? XLSXRefusal ?? XLSXRefusal.zip("部件 \(part) 无法解压")
                pipe.finish(r.code.isEmpty ? nil : r)
            }
        }
        producer.stackSize = 1 << 20
        producer.start()
        let stream: XLSXXMLStream
        do { stream = try XLSXXMLStream(part: part, pipe: pipe) } catch {
            pipe.waitFinished()
            throw error
        }
        var thrown: Error?
        do { try body(stream) } catch { thrown = error }
        xmlFreeTextReader(stream.reader)
        // Stop the inflater (the body may stop before the end) and prefer its refusal: a bomb
        // or a corrupt ZIP shows up in the parser as a failed read.
        pipe.cancel()
        pipe.waitFinished()
        if let f = pipe.failure { throw f }
        if let thrown { throw thrown }
    }

    /// The current node's type (0 at the start).
    private(set) var type: Int32 = 0

    /// Moves to the next node; false at the end. Refuses a DOCTYPE or entity, and malformed XML.
    func next() throws -> Bool {
        let rc = xmlTextReaderRead(reader)
        if rc == 1 {
            type = xmlTextReaderNodeType(reader)
            if type == XLSXXMLStream.documentType || type == XLSXXMLStream.entityReference {
                throw XLSXRefusal(
                    message: .xlsxDoctype(part: part), part: part, line: Int(xmlTextReaderGetParserLineNumber(reader)))
            }
            return true
        }
        if rc == 0 { return false }
        if let f = pipe.failure { throw f }
        if let m = errors.message, m.contains("DOCTYPE") || m.contains("ntity") {
            throw XLSXRefusal(message: .xlsxDoctypeReported(part: part, detail: m), part: part, line: errors.line)
        }
        throw XLSXRefusal(
            message: .xlsxNotWellFormed(
                part: part, detail: Localized(zh: errors.message ?? "读取失败", en: errors.message ?? "cannot be read")),
            part: part, line: errors.line)
    }

    var isElement: Bool { type == XLSXXMLStream.element }
    var isEndElement: Bool { type == XLSXXMLStream.endElement }
    var isText: Bool {
        type == XLSXXMLStream.text || type == XLSXXMLStream.cdata || type == XLSXXMLStream.significantWhitespace
            || type == XLSXXMLStream.whitespace
    }
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// An interned name: compare `localName` with it by pointer (libxml2's dictionary).
    func intern(_ s: String) -> UnsafePointer<xmlChar>? { xmlTextReaderConstString(reader, s) }

    var localName: UnsafePointer<xmlChar>? { xmlTextReaderConstLocalName(reader) }

    var localNameString: String { localName.map { String(cString: $0) } ?? "" }

    /// The current text node's text, without making a String of it.
    func withValue(_ body: (UnsafePointer<xmlChar>) -> Void) {
        if let v = xmlTextReaderConstValue(reader) { body(v) }
    }

    /// The text of the current text node.
    var value: String { xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? "" }

    /// Calls `body` with each attribute's local name and value, then returns to the element.
    func attributes(_ body: (UnsafePointer<xmlChar>, UnsafePointer<xmlChar>) -> Void) {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            if let n = xmlTextReaderConstLocalName(reader), let v = xmlTextReaderConstValue(reader) { body(n, v) }
        }
        xmlTextReaderMoveToElement(reader)
    }

    /// The attribute `name` (local name) of the current element.
    func attribute(_ name: String) -> String? {
        var out: String?
        attributes { n, v in if out == nil && String(cString: n) == name { out = String(cString: v) } }
        return out
    }

    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }
}
