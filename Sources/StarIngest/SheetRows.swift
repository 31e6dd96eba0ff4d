import StarModel

/// Rows of a committee's sheet that are no branch: notes (`注：以上数据经…审核`), totals
/// (`合计`, `小计`, `总计`), titles and a repeated header. Each is skipped with one warning
/// naming the row, instead of one error per cell.
enum SheetRows {
    /// Words that mark a total or a note when a row has no branch id.
    static let markers = ["合计", "小计", "总计", "平均", "注：", "注:", "备注", "说明", "填表", "制表", "审核", "联系人", "签字", "盖章"]

    /// A header row holds at least this many known column names.
    static let headerMinimum = 5

    /// Why the row is no branch, shown in the warning (its first texts), or nil when it is one
    /// (or looks like one that lacks its id: that is an error for the row, not a skip).
    /// - Parameters:
    ///   - id: the text under the branch id column.
    ///   - texts: the row's non-empty cell texts in column order, every column.
    static func notABranch(id: String, texts allTexts: () -> [String]) -> String? {
        // the fast path of every branch row: an id that is no column name and no total
        // (every marker is Chinese, so an id of ASCII, as ids are, holds none)
        if !id.isEmpty && CSVSubmissionReader.byName[id] == nil
            && (id.utf8.allSatisfy { $0 < 0x80 } || !markers.prefix(3).contains(where: { id.contains($0) }))
        {
            return nil
        }
        let texts = allTexts()
        guard !texts.isEmpty else { return nil }
        let shown = show(texts)
        if texts.filter({ CSVSubmissionReader.byName[$0] != nil }).count >= headerMinimum { return shown }
        if markers.prefix(3).contains(where: { id.contains($0) }) { return shown }
        guard id.isEmpty else { return nil }
        if texts.contains(where: { t in markers.contains { t.contains($0) } }) { return shown }
        // a title or a note across merged cells: one or two texts and no figures
        if texts.count <= 2 && !texts.contains(where: { Double($0) != nil }) { return shown }
        return nil
    }

    /// The row's first texts, at most 30 characters.
    static func show(_ texts: [String]) -> String {
        let joined = texts.prefix(4).joined(separator: " ")
        let cut = joined.count > 30 ? String(joined.prefix(30)) + "…" : joined
        return Escaped.text(cut)
    }
}
