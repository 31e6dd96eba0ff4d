import StarModel

/// What validation makes of a year's records: the submissions that can be rated and every
/// problem found, the next stage's input.
public struct ValidatedYear: Sendable {
    /// The submissions that can be rated, sorted by committee then branch id.
    public var submissions: SubmissionStore
    public var diagnostics: [Diagnostic]
    /// Records rejected (by their location), for the closing account.
    public var rejected: Int

    public init(submissions: SubmissionStore, diagnostics: [Diagnostic], rejected: Int) {
        self.submissions = submissions
        self.diagnostics = diagnostics
        self.rejected = rejected
    }
}
