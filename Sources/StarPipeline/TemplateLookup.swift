import Foundation
import StarModel
import StarPlatform
import StarRender

/// Where the report templates come from: `--templates DIR`, else the default templates compiled
/// into the binary (from the repository's `Templates/`), so the binary needs no folder beside it.
extension Pipeline {
    func loadTemplates() throws -> TemplateSet {
        guard let dir = options.templates else { return try TemplateSet.shipped() }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw Failure(.noInput, .templatesNotFound(dir: Escaped.text(dir)))
        }
        return try TemplateSet(directory: dir)
    }
}
