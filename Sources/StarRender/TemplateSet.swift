import Foundation
import Mustache
import StarModel

/// The report templates, read at run time from a folder (`Templates/` or `--templates DIR`)
/// and parsed once. A missing template or a Mustache syntax error names the file and line.
public struct TemplateSet: Sendable {
    public static let names = ["notice.html", "notice.txt", "summary.txt"]
    public static let fileExtension = "mustache"

    let library: MustacheLibrary

    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public var diagnostic: Diagnostic
        public var description: String { diagnostic.rendered }
    }

    public init(directory: String) throws(LoadError) {
        var library = MustacheLibrary()
        for name in TemplateSet.names {
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + name + "." + TemplateSet.fileExtension
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LoadError(diagnostic: .error("E-TEMPLATE", at: SourceLocation(file: path, line: 1),
                                                   "template not found (expected \(TemplateSet.names.map { $0 + ".mustache" }.joined(separator: ", ")) in \(directory))"))
            }
            let text = String(decoding: data, as: UTF8.self)
            do {
                try library.register(MustacheTemplate(string: text), named: name)
            } catch let e as MustacheTemplate.ParserError {
                throw LoadError(diagnostic: .error("E-TEMPLATE", at: SourceLocation(file: path, line: e.context.lineNumber, column: e.context.columnNumber),
                                                   "Mustache syntax error \(e.error) in: \(e.context.line)"))
            } catch {
                throw LoadError(diagnostic: .error("E-TEMPLATE", at: SourceLocation(file: path, line: 1), "cannot parse the template: \(error)"))
            }
        }
        self.library = library
    }

    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
