import Foundation

/// Where a command prints: stdout for results, stderr for diagnostics, and on a terminal a
/// progress line that the next message replaces; questions are asked only when stdin is a
/// terminal.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    /// Progress on stderr, without a newline: only when stderr is a terminal.
    public var progress: (@Sendable (String) -> Void)?
    /// stdin is a terminal: confirmation can be asked.
    public var interactive: Bool
    public var readAnswer: @Sendable () -> String?

    public init(
        out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
        progress: (@Sendable (String) -> Void)? = nil,
        interactive: Bool = false, readAnswer: @escaping @Sendable () -> String? = { nil }
    ) {
        self.out = out
        self.err = err
        self.progress = progress
        self.interactive = interactive
        self.readAnswer = readAnswer
    }

    /// stdout and stderr; on a terminal, a message first clears the progress line it replaces.
    public static var standard: Console {
        let tty = isatty(STDERR_FILENO) != 0
        let clear = tty ? "\r\u{1B}[K" : ""
        let out: @Sendable (String) -> Void = { s in FileHandle.standardOutput.write(Data((s + "\n").utf8)) }
        let err: @Sendable (String) -> Void = { s in FileHandle.standardError.write(Data((clear + s + "\n").utf8)) }
        let draw: @Sendable (String) -> Void = { s in FileHandle.standardError.write(Data((clear + s).utf8)) }
        let read: @Sendable () -> String? = { readLine() }
        return Console(
            out: out, err: err, progress: tty ? draw : nil, interactive: isatty(STDIN_FILENO) != 0, readAnswer: read)
    }
}
