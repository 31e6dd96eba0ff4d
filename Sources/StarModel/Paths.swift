/// A folder and a name in it, as the user wrote the folder (with or without a final `/`).
public func joinPath(_ dir: String, _ name: String) -> String { dir.hasSuffix("/") ? dir + name : dir + "/" + name }
