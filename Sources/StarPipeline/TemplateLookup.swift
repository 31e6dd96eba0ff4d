import Foundation
import StarModel
import StarPlatform
import StarRender

/// Where the report templates come from: `--templates`, else `./Templates`, else the checkout
/// the binary was built in.
extension Pipeline {
    func loadTemplates() throws -> TemplateSet {
        let dir = options.templates ?? Pipeline.defaultTemplatesDirectory()
        guard let dir else {
            throw Stop(status: .noInput, Message(.noTemplates))
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw Stop(status: .noInput, .of(.templatesNotFound, ("dir", Escaped.text(dir))))
        }
        do { return try TemplateSet(directory: dir) } catch {
            throw Stop(status: .dataError, Message(.templateUnusable), diagnostics: [error.diagnostic])
        }
    }

    /// `./Templates` if present, else the `Templates` folder of the checkout the binary was built in.
    static func defaultTemplatesDirectory() -> String? {
        let fm = FileManager.default
        if fm.fileExists(atPath: "Templates/notice.html.mustache") { return "Templates" }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = url.appendingPathComponent("Templates")
            if fm.fileExists(atPath: candidate.appendingPathComponent("notice.html.mustache").path) { return candidate.path }
            url.deleteLastPathComponent()
        }
        return nil
    }
}
