import StarModel
import StarRating

/// Options of `star-report run` and `validate`.
public struct Options: Sendable {
    public var input: String
    public var output: String?
    public var year: Int?
    public var rules: String?
    public var templates: String?
    public var noticeDate: CivilDate?
    public var previous: String?
    public var quotaScope: QuotaScope?
    public var jsonDiagnostics = false
    /// The language of every message and of the text in validation.txt and the summaries.
    public var language: Language = .zh
    /// `run --list`: print every file written, not a count per kind.
    public var list = false
    /// `validate --errors DIR`: the folder for each committee's error list.
    public var errors: String?
    /// `run --pdf`: also print notice.pdf with headless Chromium.
    public var pdf = false
    /// `run --ledger FILE`: last year's stars from the star ledger instead of `--previous`.
    public var previousSource: (any PreviousStarsSource)?

    public init(
        input: String, output: String? = nil, year: Int? = nil, rules: String? = nil, templates: String? = nil,
        noticeDate: CivilDate? = nil, previous: String? = nil, quotaScope: QuotaScope? = nil,
        jsonDiagnostics: Bool = false,
        language: Language = .zh, list: Bool = false, errors: String? = nil, pdf: Bool = false
    ) {
        self.input = input
        self.output = output
        self.year = year
        self.rules = rules
        self.templates = templates
        self.noticeDate = noticeDate
        self.previous = previous
        self.quotaScope = quotaScope
        self.jsonDiagnostics = jsonDiagnostics
        self.language = language
        self.list = list
        self.errors = errors
        self.pdf = pdf
    }
}
