import StarModel

/// The register `branches.csv` of an input folder, read on its own (for `star-report template`).
public enum RegisterFile {
    /// The register's branches and its diagnostics; nil when the folder has no register.
    public static func read(directory: String) -> (branches: [RegisteredBranch], diagnostics: [Diagnostic])? {
        let path =
            directory.hasSuffix("/") ? directory + InputFolder.registerName : directory + "/" + InputFolder.registerName
        guard let bytes = InputFolder.contents(of: path) else { return nil }
        var diagnostics: [Diagnostic] = []
        let branches = RegisterReader.read(bytes: bytes, path: path, diagnostics: &diagnostics)
        return (branches ?? [], diagnostics)
    }
}
