import StarPlatform

/// Why a command stops before it has done its work: the exit status, the catalogue message that
/// says so, and the problems of a file read (a rules file with errors, a results.csv the ledger
/// cannot take), printed before the message. Every stage throws this one type; the executable
/// prints it and exits with its status.
public struct Failure: Error, Sendable {
    public var status: ExitStatus
    public var message: Message
    public var diagnostics: [Diagnostic]

    public init(_ status: ExitStatus, _ message: Message, diagnostics: [Diagnostic] = []) {
        self.status = status
        self.message = message
        self.diagnostics = diagnostics
    }
}
