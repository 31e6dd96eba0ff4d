import Foundation
import StarModel
import StarRules

/// The language of every message `star-report send` shows a person: Chinese (the default) or
/// English (`--lang en` or `STAR_REPORT_LANG=en`). The texts are in the catalogue (`Catalogue`,
/// the `send…` messages).
public typealias SendLanguage = Language

extension Language {
    /// `--lang` first, then `STAR_REPORT_LANG`, else Chinese.
    public static func choose(_ flag: String?, environment: [String: String]) -> Language {
        choose(arguments: flag.map { ["--lang", $0] } ?? [], environment: environment)
    }
}

extension Sender {
    /// A catalogue message in the language of this send. (Its arguments are already in that
    /// language, so a nested text such as the security of the connection goes in as it is.)
    func text(_ message: Message) -> String { message.text(options.language) }

    /// An entry without parameters, in the language of this send.
    func text(_ id: MessageID) -> String { Message(id).text(options.language) }

    /// The security of the connection, for the plan's server line.
    static func security(_ s: SMTPSettings.Security) -> MessageID {
        switch s {
        case .startTLS: .sendStartTLS
        case .implicitTLS: .sendImplicitTLS
        case .none: .sendClearText
        }
    }

    /// Messages per second for the progress line: whole above 10, else one decimal.
    static func rate(_ rate: Double) -> String { rate >= 10 ? String(Int(rate)) : String(format: "%.1f", rate) }
}

extension EmlFile.AddressProblem {
    /// Why a message cannot be sent to its `To:`.
    var message: Message {
        switch self {
        case .noToHeader: Message(.sendNoToHeader)
        case .severalToHeaders: Message(.sendSeveralToHeaders)
        case .noAddress: Message(.sendNoAddress)
        case .severalAddresses: Message(.sendSeveralAddresses)
        case .invalid(let a): .sendInvalidAddress(address: a)
        }
    }
}
