/// A message split into what was found and what to do, for the error lists (`validate --errors`).
///
/// The catalogue's texts say both in one sentence, the advice last: `应有 3 列…；请检查…`,
/// `expected 3 fields…; look for…`. The split is made in the template, before the parameters
/// are filled in, so text quoted from the data never moves it: the advice is what follows the
/// last `；` (Chinese) or `; ` (English) outside a `{parameter}`; without one, what follows
/// the last `，` `？` `：` `。` before `请` (Chinese), or the last `: ` `? ` `. ` `, ` before an
/// imperative (English: `…is unknown: pass --year YYYY`). A message with none of these has no
/// separate advice.
extension Message {
    public func parts(_ language: Language) -> (message: String, action: String) {
        let entry = Catalogue.entry(id)
        let template = language == .zh ? entry.zh : entry.en
        guard let (head, tail) = Message.split(template, language: language) else {
            return (text(language), "")
        }
        let values = arguments.mapValues { $0.text(language) }
        return (Catalogue.fill(head, values), Message.capitalised(Catalogue.fill(tail, values), language))
    }

    /// Words an English piece of advice starts with.
    static let imperatives: Set<String> = [
        "add", "change", "check", "correct", "delete", "enter", "fill", "give", "leave", "look", "make", "open", "pass",
        "put",
        "remove", "rename", "run", "save", "set", "split", "type", "use", "write", "close", "raise", "fix", "keep",
    ]

    /// (what was found, what to do) of a template, or nil.
    static func split(_ template: String, language: Language) -> (String, String)? {
        // candidate places outside `{…}`: the last `；` / `; `, else the last other mark
        // (`，` `？` `：` `。`, or `: ` `? ` `. ` `, `) that advice follows
        let chars = Array(template)
        var depth = 0
        var semicolon: Int?
        var other: Int?
        for (i, c) in chars.enumerated() {
            if c == "{" {
                depth += 1
                continue
            }
            if c == "}" {
                depth = max(0, depth - 1)
                continue
            }
            guard depth == 0, i + 1 < chars.count else { continue }
            switch language {
            case .zh:
                if c == "；" { semicolon = i } else if "，？：。".contains(c) && chars[i + 1] == "请" { other = i }
            case .en:
                guard chars[i + 1] == " " else { continue }
                if c == ";" {
                    semicolon = i
                } else if ":?.,".contains(c) {
                    let word = String(chars[(i + 2)...].prefix { $0.isLetter }).lowercased()
                    if imperatives.contains(word) { other = i }
                }
            }
        }
        guard let at = semicolon ?? other else { return nil }
        // a question or a sentence keeps its mark; a separator is dropped
        let keep = "？?。.".contains(chars[at])
        let head = String(chars[..<(keep ? at + 1 : at)]).trimmingCharacters(in: " ")
        let tail = String(chars[(at + 1)...]).trimmingCharacters(in: " ")
        return head.isEmpty || tail.isEmpty ? nil : (head, tail)
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
