/// A message split into what was found and what to do, for the error lists (`validate --errors`).
///
/// The catalogue's texts say both in one sentence, the advice last: `应有 3 列…；请检查…`,
/// `expected 3 fields…; look for…`. The split is made in the template, before the parameters
/// are filled in, so text quoted from the data never moves it: the advice is what follows the
/// last `；` (Chinese) or `; ` (English) outside a `{parameter}`; in English a last `: ` is
/// taken too when an imperative follows it (`…is unknown: pass --year YYYY`). A message
/// without either has no separate advice.
extension Message {
    public func parts(_ language: Language) -> (message: String, action: String) {
        let entry = Catalogue.entry(id)
        let template = language == .zh ? entry.zh : entry.en
        guard let (head, tail) = Message.split(template, language: language) else {
            return (text(language), "")
        }
        return (Catalogue.fill(head, args), Message.capitalised(Catalogue.fill(tail, args), language))
    }

    /// Words an English piece of advice starts with.
    static let imperatives: Set<String> = [
        "add", "change", "check", "correct", "delete", "enter", "fill", "give", "leave", "look", "make", "open", "pass", "put",
        "remove", "rename", "run", "save", "set", "split", "type", "use", "write", "close", "raise", "fix", "keep",
    ]

    /// (what was found, what to do) of a template, or nil.
    static func split(_ template: String, language: Language) -> (String, String)? {
        // positions outside `{…}`
        var depth = 0
        var semicolon: String.Index?
        var colon: String.Index?
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            if c == "{" {
                depth += 1
            } else if c == "}" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                let next = template.index(after: i)
                switch language {
                case .zh:
                    if c == "；" { semicolon = i }
                case .en:
                    if c == ";" && next < template.endIndex && template[next] == " " { semicolon = i }
                    if c == ":" && next < template.endIndex && template[next] == " " { colon = i }
                }
            }
            i = template.index(after: i)
        }
        func cut(_ at: String.Index) -> (String, String)? {
            let head = String(template[..<at]).trimmingCharacters(in: " ")
            let tail = String(template[template.index(after: at)...]).trimmingCharacters(in: " ")
            return head.isEmpty || tail.isEmpty ? nil : (head, tail)
        }
        if let semicolon { return cut(semicolon) }
        if language == .en, let colon {
            let tail = template[template.index(after: colon)...].drop { $0 == " " }
            let word = tail.prefix { $0.isLetter }.lowercased()
            if imperatives.contains(word) { return cut(colon) }
        }
        return nil
    }

    static func capitalised(_ s: String, _ language: Language) -> String {
        guard language == .en, let first = s.first, first.isLowercase else { return s }
        return first.uppercased() + s.dropFirst()
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return String(s)
    }
}
