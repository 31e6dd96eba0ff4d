import Foundation
import PackagePlugin

/// Compiles a target's shipped files into it: the default templates (`Templates/`), the rules
/// scheme and the XML schema are data inside the binary, so a copied `star-report` runs anywhere.
/// (SwiftPM resources would not do: a copied binary's `Bundle.module` looks for the build folder
/// it was built in.) The files stay in their one home; `embed-files` turns them into
/// `EmbeddedFiles.swift` in the build folder on every build that changes them.
@main
struct EmbedFiles: BuildToolPlugin {
    /// The folder (relative to the package) whose files each target embeds.
    static let folders = [
        "StarIngest": "Sources/StarIngest/Resources",
        "StarRules": "Sources/StarRules/Resources",
        "StarRender": "Templates",
    ]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let folder = EmbedFiles.folders[target.name] else {
            Diagnostics.error("EmbedFiles: no folder is set for the target \(target.name)")
            return []
        }
        let directory = context.package.directoryURL.appending(path: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path(percentEncoded: false))
            .filter { !$0.hasPrefix(".") }.sorted()
        let inputs = names.map { directory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(folder) into \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
