// The catalogue's entries that take parameters, one typed function each: a call names every
// parameter of its text, and a test checks these functions against the texts
// (MessageFunctionTests). An entry without parameters is its `MessageID`: `Message(.csvEmpty)`.

/// Fields (StarValidate).
extension Message {
    public static func valueRequired(label: String) -> Message {
        Message(.valueRequired, arguments: ["label": label.messageArgument])
    }
    public static func notAnIdentifier(value: String) -> Message {
        Message(.notAnIdentifier, arguments: ["value": value.messageArgument])
    }
    public static func nameBlank(label: String) -> Message {
        Message(.nameBlank, arguments: ["label": label.messageArgument])
    }
    public static func nameControl(value: String) -> Message {
        Message(.nameControl, arguments: ["value": value.messageArgument])
    }
    public static func nameTooLong(count: Int) -> Message {
        Message(.nameTooLong, arguments: ["count": count.messageArgument])
    }
    public static func notAWholeNumber(min: Int, max: Int, value: String) -> Message {
        Message(
            .notAWholeNumber,
            arguments: ["min": min.messageArgument, "max": max.messageArgument, "value": value.messageArgument])
    }
    public static func rangeInteger(min: Int, max: Int, value: Int) -> Message {
        Message(
            .rangeInteger,
            arguments: ["min": min.messageArgument, "max": max.messageArgument, "value": value.messageArgument])
    }
    public static func notADecimal(max: Tenths, value: String) -> Message {
        Message(.notADecimal, arguments: ["max": max.messageArgument, "value": value.messageArgument])
    }
    /// - Parameter example: a value the field could hold (`9.5` for a score, `92.5` for 满意率).
    public static func tooManyDecimals(value: String, example: Tenths) -> Message {
        Message(.tooManyDecimals, arguments: ["value": value.messageArgument, "example": example.messageArgument])
    }
    public static func rangeDecimal(max: Tenths, value: String) -> Message {
        Message(.rangeDecimal, arguments: ["max": max.messageArgument, "value": value.messageArgument])
    }
    public static func badLevel(value: String) -> Message {
        Message(.badLevel, arguments: ["value": value.messageArgument])
    }
    public static func badDate(value: String) -> Message {
        Message(.badDate, arguments: ["value": value.messageArgument])
    }
    public static func dateOutOfBounds(value: CivilDate, last: Int) -> Message {
        Message(.dateOutOfBounds, arguments: ["value": value.messageArgument, "last": last.messageArgument])
    }
    public static func badBoolean(value: String) -> Message {
        Message(.badBoolean, arguments: ["value": value.messageArgument])
    }
    public static func wrongYear(year: Int, found: Int) -> Message {
        Message(.wrongYear, arguments: ["year": year.messageArgument, "found": found.messageArgument])
    }
    public static func wrongYearForAll(count: Int, found: String, year: Int) -> Message {
        Message(
            .wrongYearForAll,
            arguments: ["count": count.messageArgument, "found": found.messageArgument, "year": year.messageArgument])
    }
    public static func nameInvisible(value: String, label: String) -> Message {
        Message(.nameInvisible, arguments: ["value": value.messageArgument, "label": label.messageArgument])
    }
}

/// Across records.
extension Message {
    public static func duplicate(id: String, first: String) -> Message {
        Message(.duplicate, arguments: ["id": id.messageArgument, "first": first.messageArgument])
    }
    public static func registerDuplicate(id: String, first: String) -> Message {
        Message(.registerDuplicate, arguments: ["id": id.messageArgument, "first": first.messageArgument])
    }
    public static func registerBadID(value: String) -> Message {
        Message(.registerBadID, arguments: ["value": value.messageArgument])
    }
    public static func unknownBranch(id: String) -> Message {
        Message(.unknownBranch, arguments: ["id": id.messageArgument])
    }
    public static func missingSubmission(id: String, name: String) -> Message {
        Message(.missingSubmission, arguments: ["id": id.messageArgument, "name": name.messageArgument])
    }
    public static func missingSubmissionsOfBrokenSheets(count: Int, ids: Localized, files: Localized) -> Message {
        Message(
            .missingSubmissionsOfBrokenSheets,
            arguments: ["count": count.messageArgument, "ids": ids.messageArgument, "files": files.messageArgument])
    }
    public static func registerMismatch(name: String, committee: String) -> Message {
        Message(.registerMismatch, arguments: ["name": name.messageArgument, "committee": committee.messageArgument])
    }
    public static func lowParticipation(participants: Int, members: Int, percent: Int) -> Message {
        Message(
            .lowParticipation,
            arguments: [
                "participants": participants.messageArgument, "members": members.messageArgument,
                "percent": percent.messageArgument,
            ])
    }
    public static func tooManyParticipants(participants: Int, members: Int) -> Message {
        Message(
            .tooManyParticipants,
            arguments: ["participants": participants.messageArgument, "members": members.messageArgument])
    }
    public static func selfTooHigh(
        self selfValue: some MessageArgument, limit: some MessageArgument, superior: some MessageArgument
    ) -> Message {
        Message(
            .selfTooHigh,
            arguments: [
                "self": selfValue.messageArgument, "limit": limit.messageArgument, "superior": superior.messageArgument,
            ])
    }
    public static func committeeNames(id: String, name: String, where: String, other: String, otherWhere: String)
        -> Message
    {
        Message(
            .committeeNames,
            arguments: [
                "id": id.messageArgument, "name": name.messageArgument, "where": `where`.messageArgument,
                "other": other.messageArgument, "otherWhere": otherWhere.messageArgument,
            ])
    }
}

/// Files (StarIngest).
extension Message {
    public static func fileUnreadable(reason: String) -> Message {
        Message(.fileUnreadable, arguments: ["reason": reason.messageArgument])
    }
    public static func csvTooManyFields(limit: Int) -> Message {
        Message(.csvTooManyFields, arguments: ["limit": limit.messageArgument])
    }
    public static func csvFieldTooLong(column: Int, limit: Int) -> Message {
        Message(.csvFieldTooLong, arguments: ["column": column.messageArgument, "limit": limit.messageArgument])
    }
    public static func csvFieldCount(expected: Int, found: Int) -> Message {
        Message(.csvFieldCount, arguments: ["expected": expected.messageArgument, "found": found.messageArgument])
    }
    public static func csvUnknownColumn(column: Int, letter: String) -> Message {
        Message(.csvUnknownColumn, arguments: ["column": column.messageArgument, "letter": letter.messageArgument])
    }
    public static func csvUnknownColumnSuggest(column: Int, letter: String, found: String, suggestion: String)
        -> Message
    {
        Message(
            .csvUnknownColumnSuggest,
            arguments: [
                "column": column.messageArgument, "letter": letter.messageArgument, "found": found.messageArgument,
                "suggestion": suggestion.messageArgument,
            ])
    }
    public static func csvRepeatedColumn(column: Int, first: Int) -> Message {
        Message(.csvRepeatedColumn, arguments: ["column": column.messageArgument, "first": first.messageArgument])
    }
    public static func csvMissingColumns(columns: String) -> Message {
        Message(.csvMissingColumns, arguments: ["columns": columns.messageArgument])
    }
    public static func csvCellNotUTF8(value: String, gbk: Localized) -> Message {
        Message(.csvCellNotUTF8, arguments: ["value": value.messageArgument, "gbk": gbk.messageArgument])
    }
    public static func csvCellUTF8InGB18030(value: String) -> Message {
        Message(.csvCellUTF8InGB18030, arguments: ["value": value.messageArgument])
    }
    public static func registerHeader(columns: String) -> Message {
        Message(.registerHeader, arguments: ["columns": columns.messageArgument])
    }
    public static func previousStars(value: String) -> Message {
        Message(.previousStars, arguments: ["value": value.messageArgument])
    }
    public static func previousWrongYear(found: Int, year: Int, expected: Int) -> Message {
        Message(
            .previousWrongYear,
            arguments: [
                "found": found.messageArgument, "year": year.messageArgument, "expected": expected.messageArgument,
            ])
    }
    public static func previousThisYear(year: Int, expected: Int) -> Message {
        Message(.previousThisYear, arguments: ["year": year.messageArgument, "expected": expected.messageArgument])
    }
    public static func previousYearUnknown(expected: Int) -> Message {
        Message(.previousYearUnknown, arguments: ["expected": expected.messageArgument])
    }
    public static func previousFewFound(found: Int, total: Int, expected: Int) -> Message {
        Message(
            .previousFewFound,
            arguments: [
                "found": found.messageArgument, "total": total.messageArgument, "expected": expected.messageArgument,
            ])
    }
    public static func previousNoneFound(total: Int, count: Int, expected: Int) -> Message {
        Message(
            .previousNoneFound,
            arguments: [
                "total": total.messageArgument, "count": count.messageArgument, "expected": expected.messageArgument,
            ])
    }
    public static func xmlSyntax(detail: String) -> Message {
        Message(.xmlSyntax, arguments: ["detail": detail.messageArgument])
    }
    public static func xmlSchema(detail: String) -> Message {
        Message(.xmlSchema, arguments: ["detail": detail.messageArgument])
    }
    public static func xmlBadValue(what: Localized, value: String, expected: Localized) -> Message {
        Message(
            .xmlBadValue,
            arguments: [
                "what": what.messageArgument, "value": value.messageArgument, "expected": expected.messageArgument,
            ])
    }
    public static func xmlAboveMax(what: Localized, value: String, limit: String) -> Message {
        Message(
            .xmlAboveMax,
            arguments: ["what": what.messageArgument, "value": value.messageArgument, "limit": limit.messageArgument])
    }
    public static func xmlBelowMin(what: Localized, value: String, limit: String) -> Message {
        Message(
            .xmlBelowMin,
            arguments: ["what": what.messageArgument, "value": value.messageArgument, "limit": limit.messageArgument])
    }
    public static func xmlBadPattern(what: Localized, value: String) -> Message {
        Message(.xmlBadPattern, arguments: ["what": what.messageArgument, "value": value.messageArgument])
    }
    public static func xmlUnexpectedElement(what: Localized, expected: Localized) -> Message {
        Message(.xmlUnexpectedElement, arguments: ["what": what.messageArgument, "expected": expected.messageArgument])
    }
    public static func xmlMissingElement(what: Localized, expected: Localized) -> Message {
        Message(.xmlMissingElement, arguments: ["what": what.messageArgument, "expected": expected.messageArgument])
    }
    public static func xmlBadEnum(what: Localized, value: String, allowed: String) -> Message {
        Message(
            .xmlBadEnum,
            arguments: [
                "what": what.messageArgument, "value": value.messageArgument, "allowed": allowed.messageArgument,
            ])
    }
    public static func xmlWrongRoot(what: Localized) -> Message {
        Message(.xmlWrongRoot, arguments: ["what": what.messageArgument])
    }
    public static func xmlDuplicateAspect(what: Localized, key: String) -> Message {
        Message(.xmlDuplicateAspect, arguments: ["what": what.messageArgument, "key": key.messageArgument])
    }
    public static func xmlFileTooLarge(size: Int, limit: Int) -> Message {
        Message(.xmlFileTooLarge, arguments: ["size": size.messageArgument, "limit": limit.messageArgument])
    }
    public static func xmlTooManyAttributes(element: String, limit: Int) -> Message {
        Message(.xmlTooManyAttributes, arguments: ["element": element.messageArgument, "limit": limit.messageArgument])
    }
    public static func xmlTextTooLong(limit: Int) -> Message {
        Message(.xmlTextTooLong, arguments: ["limit": limit.messageArgument])
    }
    public static func xmlNameTooLong(limit: Int) -> Message {
        Message(.xmlNameTooLong, arguments: ["limit": limit.messageArgument])
    }
    public static func xmlEncoding(encoding: String) -> Message {
        Message(.xmlEncoding, arguments: ["encoding": encoding.messageArgument])
    }
}

/// Rules and config (StarRules).
extension Message {
    public static func tomlSyntax(detail: String) -> Message {
        Message(.tomlSyntax, arguments: ["detail": detail.messageArgument])
    }
    public static func tomlUnknownKey(known: String) -> Message {
        Message(.tomlUnknownKey, arguments: ["known": known.messageArgument])
    }
    public static func tomlUnknownKeySuggest(suggestion: String, known: String) -> Message {
        Message(
            .tomlUnknownKeySuggest,
            arguments: ["suggestion": suggestion.messageArgument, "known": known.messageArgument])
    }
    public static func tomlExpectedInt(min: Int, max: Int) -> Message {
        Message(.tomlExpectedInt, arguments: ["min": min.messageArgument, "max": max.messageArgument])
    }
    public static func tomlExpectedTenths(max: Tenths) -> Message {
        Message(.tomlExpectedTenths, arguments: ["max": max.messageArgument])
    }
    public static func notAnAddress(value: String) -> Message {
        Message(.notAnAddress, arguments: ["value": value.messageArgument])
    }
    public static func tomlTooLarge(size: Int, limit: Int) -> Message {
        Message(.tomlTooLarge, arguments: ["size": size.messageArgument, "limit": limit.messageArgument])
    }
    public static func tomlTooManyKeys(limit: Int) -> Message {
        Message(.tomlTooManyKeys, arguments: ["limit": limit.messageArgument])
    }
    public static func tomlMoreUnknownKeys(count: Int, shown: Int) -> Message {
        Message(.tomlMoreUnknownKeys, arguments: ["count": count.messageArgument, "shown": shown.messageArgument])
    }
    public static func configNotSet(placeholder: String, key: String) -> Message {
        Message(.configNotSet, arguments: ["placeholder": placeholder.messageArgument, "key": key.messageArgument])
    }
    public static func configNoAddress(id: String) -> Message {
        Message(.configNoAddress, arguments: ["id": id.messageArgument])
    }
    public static func configNoAddresses(count: Int, some: String) -> Message {
        Message(.configNoAddresses, arguments: ["count": count.messageArgument, "some": some.messageArgument])
    }
    public static func configUnknownCommittee(id: String, suggestion: Localized) -> Message {
        Message(
            .configUnknownCommittee, arguments: ["id": id.messageArgument, "suggestion": suggestion.messageArgument])
    }
    public static func rulesRequiredKey(key: String, what: Localized) -> Message {
        Message(.rulesRequiredKey, arguments: ["key": key.messageArgument, "what": what.messageArgument])
    }
    public static func rulesWeightsSum(sum: Int) -> Message {
        Message(.rulesWeightsSum, arguments: ["sum": sum.messageArgument])
    }
    public static func rulesOther(detail: String) -> Message {
        Message(.rulesOther, arguments: ["detail": detail.messageArgument])
    }
}

/// Workbooks (StarIngest).
extension Message {
    public static func xlsxNotAZip(detail: String) -> Message {
        Message(.xlsxNotAZip, arguments: ["detail": detail.messageArgument])
    }
    public static func xlsxTooManyParts(limit: Int) -> Message {
        Message(.xlsxTooManyParts, arguments: ["limit": limit.messageArgument])
    }
    public static func xlsxUnsafePath(path: String) -> Message {
        Message(.xlsxUnsafePath, arguments: ["path": path.messageArgument])
    }
    public static func xlsxPartTooLarge(part: String, limit: Int) -> Message {
        Message(.xlsxPartTooLarge, arguments: ["part": part.messageArgument, "limit": limit.messageArgument])
    }
    public static func xlsxZipBomb(part: String, limit: some MessageArgument, ratio: some MessageArgument) -> Message {
        Message(
            .xlsxZipBomb,
            arguments: ["part": part.messageArgument, "limit": limit.messageArgument, "ratio": ratio.messageArgument])
    }
    public static func xlsxOutsidePackage(part: String, target: String) -> Message {
        Message(.xlsxOutsidePackage, arguments: ["part": part.messageArgument, "target": target.messageArgument])
    }
    public static func xlsxMissingSharedString(cell: String, index: String) -> Message {
        Message(.xlsxMissingSharedString, arguments: ["cell": cell.messageArgument, "index": index.messageArgument])
    }
    public static func xlsxPartUnreadable(part: String) -> Message {
        Message(.xlsxPartUnreadable, arguments: ["part": part.messageArgument])
    }
    public static func xlsxDoctype(part: String) -> Message {
        Message(.xlsxDoctype, arguments: ["part": part.messageArgument])
    }
    public static func xlsxDoctypeReported(part: String, detail: String) -> Message {
        Message(.xlsxDoctypeReported, arguments: ["part": part.messageArgument, "detail": detail.messageArgument])
    }
    public static func xlsxNotWellFormed(part: String, detail: Localized) -> Message {
        Message(.xlsxNotWellFormed, arguments: ["part": part.messageArgument, "detail": detail.messageArgument])
    }
    public static func xlsxEmptySheet(sheet: String) -> Message {
        Message(.xlsxEmptySheet, arguments: ["sheet": sheet.messageArgument])
    }
    public static func xlsxUnknownColumn(name: String) -> Message {
        Message(.xlsxUnknownColumn, arguments: ["name": name.messageArgument])
    }
    public static func xlsxUnknownColumnSuggest(found: String, suggestion: String) -> Message {
        Message(
            .xlsxUnknownColumnSuggest,
            arguments: ["found": found.messageArgument, "suggestion": suggestion.messageArgument])
    }
    public static func xlsxRepeatedColumn(first: String, key: String) -> Message {
        Message(.xlsxRepeatedColumn, arguments: ["first": first.messageArgument, "key": key.messageArgument])
    }
    public static func xlsxMissingColumns(columns: Localized) -> Message {
        Message(.xlsxMissingColumns, arguments: ["columns": columns.messageArgument])
    }
}

/// Sheets as people fill them (SheetMessages.swift).
extension Message {
    public static func sheetTooManyStrings(part: String, limit: Int) -> Message {
        Message(.sheetTooManyStrings, arguments: ["part": part.messageArgument, "limit": limit.messageArgument])
    }
    public static func sheetTooManyStyles(part: String, limit: Int) -> Message {
        Message(.sheetTooManyStyles, arguments: ["part": part.messageArgument, "limit": limit.messageArgument])
    }
    public static func sheetTooManyMerges(limit: Int) -> Message {
        Message(.sheetTooManyMerges, arguments: ["limit": limit.messageArgument])
    }
    public static func sheetFormulaWithoutValue(cell: String) -> Message {
        Message(.sheetFormulaWithoutValue, arguments: ["cell": cell.messageArgument])
    }
    public static func sheetFormulasWithoutValues(count: Int, rows: Int, first: String) -> Message {
        Message(
            .sheetFormulasWithoutValues,
            arguments: ["count": count.messageArgument, "rows": rows.messageArgument, "first": first.messageArgument])
    }
    public static func sheetCellTooLong(limit: Int) -> Message {
        Message(.sheetCellTooLong, arguments: ["limit": limit.messageArgument])
    }
    public static func sheetBadNumber(value: String) -> Message {
        Message(.sheetBadNumber, arguments: ["value": value.messageArgument])
    }
    public static func sheetBadISODate(value: String) -> Message {
        Message(.sheetBadISODate, arguments: ["value": value.messageArgument])
    }
    public static func sheetDuplicateCell(cell: String) -> Message {
        Message(.sheetDuplicateCell, arguments: ["cell": cell.messageArgument])
    }
    public static func sheetNoHeader(sheets: String, row: Int, sheet: String, found: Int) -> Message {
        Message(
            .sheetNoHeader,
            arguments: [
                "sheets": sheets.messageArgument, "row": row.messageArgument, "sheet": sheet.messageArgument,
                "found": found.messageArgument,
            ])
    }
    public static func sheetNotABranch(row: Int, text: String) -> Message {
        Message(.sheetNotABranch, arguments: ["row": row.messageArgument, "text": text.messageArgument])
    }
    public static func sheetRowNotFilled(row: Int, id: String) -> Message {
        Message(.sheetRowNotFilled, arguments: ["row": row.messageArgument, "id": id.messageArgument])
    }
    public static func sheetMergeAcrossCommittees(range: String, committees: String) -> Message {
        Message(
            .sheetMergeAcrossCommittees,
            arguments: ["range": range.messageArgument, "committees": committees.messageArgument])
    }
    public static func sheetOldFormat(kind: Localized) -> Message {
        Message(.sheetOldFormat, arguments: ["kind": kind.messageArgument])
    }
    public static func satisfactionFraction(value: String, percent: String) -> Message {
        Message(.satisfactionFraction, arguments: ["value": value.messageArgument, "percent": percent.messageArgument])
    }
    public static func registerCommitteeMismatch(found: String, register: String) -> Message {
        Message(
            .registerCommitteeMismatch,
            arguments: ["found": found.messageArgument, "register": register.messageArgument])
    }
    public static func registerNameMismatch(found: String, register: String) -> Message {
        Message(
            .registerNameMismatch, arguments: ["found": found.messageArgument, "register": register.messageArgument])
    }
}

/// The star ledger (LedgerMessages.swift).
extension Message {
    public static func ledgerNotFound(path: String) -> Message {
        Message(.ledgerNotFound, arguments: ["path": path.messageArgument])
    }
    public static func ledgerNotALedger(path: String) -> Message {
        Message(.ledgerNotALedger, arguments: ["path": path.messageArgument])
    }
    public static func ledgerNewerSchema(path: String) -> Message {
        Message(.ledgerNewerSchema, arguments: ["path": path.messageArgument])
    }
    public static func ledgerOlderSchema(path: String) -> Message {
        Message(.ledgerOlderSchema, arguments: ["path": path.messageArgument])
    }
    public static func ledgerCannotOpen(path: String, reason: String) -> Message {
        Message(.ledgerCannotOpen, arguments: ["path": path.messageArgument, "reason": reason.messageArgument])
    }
    public static func ledgerBusy(path: String, seconds: Int) -> Message {
        Message(.ledgerBusy, arguments: ["path": path.messageArgument, "seconds": seconds.messageArgument])
    }
    public static func ledgerReportsNotFound(path: String) -> Message {
        Message(.ledgerReportsNotFound, arguments: ["path": path.messageArgument])
    }
    public static func ledgerReportsNoManifest(path: String) -> Message {
        Message(.ledgerReportsNoManifest, arguments: ["path": path.messageArgument])
    }
    public static func ledgerReportsChanged(file: String, path: String) -> Message {
        Message(.ledgerReportsChanged, arguments: ["file": file.messageArgument, "path": path.messageArgument])
    }
    public static func ledgerReportsNoResults(path: String) -> Message {
        Message(.ledgerReportsNoResults, arguments: ["path": path.messageArgument])
    }
    public static func ledgerResultsHeader(path: String) -> Message {
        Message(.ledgerResultsHeader, arguments: ["path": path.messageArgument])
    }
    public static func ledgerResultsUnreadable(path: String) -> Message {
        Message(.ledgerResultsUnreadable, arguments: ["path": path.messageArgument])
    }
    public static func ledgerResultsColumns(columns: String) -> Message {
        Message(.ledgerResultsColumns, arguments: ["columns": columns.messageArgument])
    }
    public static func ledgerResultsScore(value: String) -> Message {
        Message(.ledgerResultsScore, arguments: ["value": value.messageArgument])
    }
    public static func ledgerDuplicateBranch(id: String, year: Int) -> Message {
        Message(.ledgerDuplicateBranch, arguments: ["id": id.messageArgument, "year": year.messageArgument])
    }
    public static func ledgerRecorded(year: Int, count: Int, date: String) -> Message {
        Message(
            .ledgerRecorded,
            arguments: ["year": year.messageArgument, "count": count.messageArgument, "date": date.messageArgument])
    }
    public static func ledgerRecordReplaced(year: Int, count: Int, date: String) -> Message {
        Message(
            .ledgerRecordReplaced,
            arguments: ["year": year.messageArgument, "count": count.messageArgument, "date": date.messageArgument])
    }
    public static func ledgerRecordSame(year: Int) -> Message {
        Message(.ledgerRecordSame, arguments: ["year": year.messageArgument])
    }
    public static func ledgerRecordApproved(year: Int) -> Message {
        Message(.ledgerRecordApproved, arguments: ["year": year.messageArgument])
    }
    public static func ledgerImported(year: Int, count: Int) -> Message {
        Message(.ledgerImported, arguments: ["year": year.messageArgument, "count": count.messageArgument])
    }
    public static func ledgerImportExists(year: Int) -> Message {
        Message(.ledgerImportExists, arguments: ["year": year.messageArgument])
    }
    public static func ledgerNoYear(year: Int) -> Message {
        Message(.ledgerNoYear, arguments: ["year": year.messageArgument])
    }
    public static func ledgerNoBranchInYear(year: Int, id: String) -> Message {
        Message(.ledgerNoBranchInYear, arguments: ["year": year.messageArgument, "id": id.messageArgument])
    }
    public static func ledgerStarsRange(value: Int) -> Message {
        Message(.ledgerStarsRange, arguments: ["value": value.messageArgument])
    }
    public static func ledgerTextRequired(option: String) -> Message {
        Message(.ledgerTextRequired, arguments: ["option": option.messageArgument])
    }
    public static func ledgerNotInNotice(year: Int) -> Message {
        Message(.ledgerNotInNotice, arguments: ["year": year.messageArgument])
    }
    public static func ledgerObjected(id: String, year: Int) -> Message {
        Message(.ledgerObjected, arguments: ["id": id.messageArgument, "year": year.messageArgument])
    }
    public static func ledgerNoOpenObjection(id: String, year: Int) -> Message {
        Message(.ledgerNoOpenObjection, arguments: ["id": id.messageArgument, "year": year.messageArgument])
    }
    public static func ledgerResolved(count: Int, id: String, year: Int, stars: Int) -> Message {
        Message(
            .ledgerResolved,
            arguments: [
                "count": count.messageArgument, "id": id.messageArgument, "year": year.messageArgument,
                "stars": StarLabel.level(stars).messageArgument,
            ])
    }
    public static func ledgerAlreadyApproved(year: Int) -> Message {
        Message(.ledgerAlreadyApproved, arguments: ["year": year.messageArgument])
    }
    public static func ledgerNoticeRunning(year: Int, notice: String, end: String, date: String) -> Message {
        Message(
            .ledgerNoticeRunning,
            arguments: [
                "year": year.messageArgument, "notice": notice.messageArgument, "end": end.messageArgument,
                "date": date.messageArgument,
            ])
    }
    public static func ledgerObjectionsOpen(year: Int, count: Int, ids: String) -> Message {
        Message(
            .ledgerObjectionsOpen,
            arguments: ["year": year.messageArgument, "count": count.messageArgument, "ids": ids.messageArgument])
    }
    public static func ledgerApproved(year: Int, count: Int, review: Int) -> Message {
        Message(
            .ledgerApproved,
            arguments: ["year": year.messageArgument, "count": count.messageArgument, "review": review.messageArgument])
    }
    public static func ledgerNotApproved(year: Int) -> Message {
        Message(.ledgerNotApproved, arguments: ["year": year.messageArgument])
    }
    public static func ledgerNotForReview(id: String, stars: Int, year: Int) -> Message {
        Message(
            .ledgerNotForReview,
            arguments: [
                "id": id.messageArgument, "stars": StarLabel.level(stars).messageArgument, "year": year.messageArgument,
            ])
    }
    public static func ledgerAlreadyReviewed(id: String, year: Int) -> Message {
        Message(.ledgerAlreadyReviewed, arguments: ["id": id.messageArgument, "year": year.messageArgument])
    }
    public static func ledgerReviewed(id: String, year: Int, stars: Int) -> Message {
        Message(
            .ledgerReviewed,
            arguments: [
                "id": id.messageArgument, "year": year.messageArgument, "stars": StarLabel.level(stars).messageArgument,
            ])
    }
    public static func ledgerNeverRated(id: String) -> Message {
        Message(.ledgerNeverRated, arguments: ["id": id.messageArgument])
    }
    public static func ledgerNoApprovedYear(id: String) -> Message {
        Message(.ledgerNoApprovedYear, arguments: ["id": id.messageArgument])
    }
    public static func ledgerAdjustRaise(id: String, current: Int, year: Int, stars: Int) -> Message {
        Message(
            .ledgerAdjustRaise,
            arguments: [
                "id": id.messageArgument, "current": StarLabel.level(current).messageArgument,
                "year": year.messageArgument,
                "stars": StarLabel.level(stars).messageArgument,
            ])
    }
    public static func ledgerAdjustSame(id: String, current: Int, year: Int) -> Message {
        Message(
            .ledgerAdjustSame,
            arguments: [
                "id": id.messageArgument, "current": StarLabel.level(current).messageArgument,
                "year": year.messageArgument,
            ])
    }
    public static func ledgerAdjustBeforeApproval(year: Int, id: String, approved: String) -> Message {
        Message(
            .ledgerAdjustBeforeApproval,
            arguments: ["year": year.messageArgument, "id": id.messageArgument, "approved": approved.messageArgument])
    }
    public static func ledgerAdjusted(id: String, from: Int, stars: Int, year: Int) -> Message {
        Message(
            .ledgerAdjusted,
            arguments: [
                "id": id.messageArgument, "from": StarLabel.level(from).messageArgument,
                "stars": StarLabel.level(stars).messageArgument,
                "year": year.messageArgument,
            ])
    }
    public static func ledgerRunNoYear(path: String, year: Int) -> Message {
        Message(.ledgerRunNoYear, arguments: ["path": path.messageArgument, "year": year.messageArgument])
    }
    public static func ledgerRunNotApproved(year: Int, path: String) -> Message {
        Message(.ledgerRunNotApproved, arguments: ["year": year.messageArgument, "path": path.messageArgument])
    }
    public static func ledgerHistoryBranch(id: String, name: String) -> Message {
        Message(.ledgerHistoryBranch, arguments: ["id": id.messageArgument, "name": name.messageArgument])
    }
    /// - Parameters: approved, current: nil until the year is approved, said as `ledgerNone`.
    public static func ledgerHistoryYear(
        year: Int, status: String, proposed: Int, approved: Int?, current: Int?, final: String, rules: String
    ) -> Message {
        Message(
            .ledgerHistoryYear,
            arguments: [
                "year": year.messageArgument, "status": status.messageArgument,
                "proposed": StarLabel.level(proposed).messageArgument, "approved": ledgerLevel(approved),
                "current": ledgerLevel(current), "final": final.messageArgument, "rules": rules.messageArgument,
            ])
    }
    /// A star level (`二星级`, `2 stars`), or `ledgerNone` for a year not yet approved.
    static func ledgerLevel(_ stars: Int?) -> Argument {
        stars.map { StarLabel.level($0).messageArgument } ?? Message(.ledgerNone).messageArgument
    }
    public static func ledgerHistoryObjection(date: String, by: String, text: String, result: String) -> Message {
        Message(
            .ledgerHistoryObjection,
            arguments: [
                "date": date.messageArgument, "by": by.messageArgument, "text": text.messageArgument,
                "result": result.messageArgument,
            ])
    }
    public static func ledgerHistoryResolved(stars: Int, reason: String) -> Message {
        Message(
            .ledgerHistoryResolved,
            arguments: ["stars": StarLabel.level(stars).messageArgument, "reason": reason.messageArgument])
    }
    public static func ledgerHistoryReview(date: String, by: String, stars: Int, reason: String) -> Message {
        Message(
            .ledgerHistoryReview,
            arguments: [
                "date": date.messageArgument, "by": by.messageArgument, "stars": StarLabel.level(stars).messageArgument,
                "reason": reason.messageArgument,
            ])
    }
    /// - Parameter document: the 文号, if any, shown in brackets after the reason.
    public static func ledgerHistoryAdjustment(date: String, by: String, stars: Int, reason: String, document: String?)
        -> Message
    {
        Message(
            .ledgerHistoryAdjustment,
            arguments: [
                "date": date.messageArgument, "by": by.messageArgument, "stars": StarLabel.level(stars).messageArgument,
                "reason": reason.messageArgument, "document": ledgerDocument(document),
            ])
    }
    /// - Parameter document: the 文号, if any, shown in brackets after the reason.
    public static func ledgerAdjustment(date: String, stars: Int, reason: String, document: String?) -> Message {
        Message(
            .ledgerAdjustment,
            arguments: [
                "date": date.messageArgument, "stars": StarLabel.level(stars).messageArgument,
                "reason": reason.messageArgument, "document": ledgerDocument(document),
            ])
    }
    public static func ledgerDocument(document: String) -> Message {
        Message(.ledgerDocument, arguments: ["document": document.messageArgument])
    }
    /// The 文号 in brackets, or nothing.
    static func ledgerDocument(_ document: String?) -> Argument {
        document.map { ledgerDocument(document: $0).messageArgument } ?? "".messageArgument
    }
    public static func ledgerEitherLevel(first: Int, second: Int) -> Message {
        Message(
            .ledgerEitherLevel,
            arguments: [
                "first": StarLabel.level(first).messageArgument, "second": StarLabel.level(second).messageArgument,
            ])
    }
    public static func ledgerOutputExists(path: String) -> Message {
        Message(.ledgerOutputExists, arguments: ["path": path.messageArgument])
    }
    public static func ledgerCannotWrite(path: String, reason: String) -> Message {
        Message(.ledgerCannotWrite, arguments: ["path": path.messageArgument, "reason": reason.messageArgument])
    }
    public static func ledgerExported(path: String) -> Message {
        Message(.ledgerExported, arguments: ["path": path.messageArgument])
    }
    public static func ledgerReported(path: String) -> Message {
        Message(.ledgerReported, arguments: ["path": path.messageArgument])
    }
    public static func templateNotXlsx(committee: String) -> Message {
        Message(.templateNotXlsx, arguments: ["committee": committee.messageArgument])
    }
    public static func templateExists(output: String) -> Message {
        Message(.templateExists, arguments: ["output": output.messageArgument])
    }
    public static func templateNoRegister(input: String) -> Message {
        Message(.templateNoRegister, arguments: ["input": input.messageArgument])
    }
    public static func templateUnknownCommittee(committee: String, known: String) -> Message {
        Message(
            .templateUnknownCommittee,
            arguments: ["committee": committee.messageArgument, "known": known.messageArgument])
    }
    public static func templateCannotWrite(output: String, reason: String) -> Message {
        Message(.templateCannotWrite, arguments: ["output": output.messageArgument, "reason": reason.messageArgument])
    }
    public static func excelCannotWrite(name: String, reason: String) -> Message {
        Message(.excelCannotWrite, arguments: ["name": name.messageArgument, "reason": reason.messageArgument])
    }
}

/// Templates.
extension Message {
    public static func templateMissing(detail: Localized) -> Message {
        Message(.templateMissing, arguments: ["detail": detail.messageArgument])
    }
    public static func templateSyntax(detail: String) -> Message {
        Message(.templateSyntax, arguments: ["detail": detail.messageArgument])
    }
    public static func templateOther(detail: String) -> Message {
        Message(.templateOther, arguments: ["detail": detail.messageArgument])
    }
}

/// The command line and the output folder (no diagnostic code).
extension Message {
    public static func progressReading(percent: Int, records: Int, rate: Int, left: Int, elapsed: Int) -> Message {
        Message(
            .progressReading,
            arguments: [
                "percent": percent.messageArgument, "records": records.messageArgument, "rate": rate.messageArgument,
                "left": left.messageArgument,
                "elapsed": elapsed.messageArgument,
            ])
    }
    public static func progressRating(elapsed: Int) -> Message {
        Message(.progressRating, arguments: ["elapsed": elapsed.messageArgument])
    }
    public static func progressWriting(written: Int, total: Int, elapsed: Int) -> Message {
        Message(
            .progressWriting,
            arguments: [
                "written": written.messageArgument, "total": total.messageArgument, "elapsed": elapsed.messageArgument,
            ])
    }
    public static func account(
        files: Localized, xml: Localized, csv: Localized, rows: Localized, excel: some MessageArgument,
        records: Localized, rated: Int, rejected: Int, unreadable: some MessageArgument
    ) -> Message {
        Message(
            .account,
            arguments: [
                "files": files.messageArgument, "xml": xml.messageArgument, "csv": csv.messageArgument,
                "rows": rows.messageArgument, "excel": excel.messageArgument,
                "records": records.messageArgument, "rated": rated.messageArgument,
                "rejected": rejected.messageArgument, "unreadable": unreadable.messageArgument,
            ])
    }
    public static func accountExcel(sheets: Localized, rows: Localized) -> Message {
        Message(.accountExcel, arguments: ["sheets": sheets.messageArgument, "rows": rows.messageArgument])
    }
    public static func accountUnreadable(count: Localized) -> Message {
        Message(.accountUnreadable, arguments: ["count": count.messageArgument])
    }
    public static func summaryLine(errors: Localized, warnings: Localized) -> Message {
        Message(.summaryLine, arguments: ["errors": errors.messageArgument, "warnings": warnings.messageArgument])
    }
    public static func summaryLineFiles(errors: Localized, warnings: Localized, files: Localized) -> Message {
        Message(
            .summaryLineFiles,
            arguments: [
                "errors": errors.messageArgument, "warnings": warnings.messageArgument, "files": files.messageArgument,
            ])
    }
    public static func moreWarnings(count: String, code: String, shown: String) -> Message {
        Message(
            .moreWarnings,
            arguments: ["count": count.messageArgument, "code": code.messageArgument, "shown": shown.messageArgument])
    }
    public static func allWarningsIn(count: String) -> Message {
        Message(.allWarningsIn, arguments: ["count": count.messageArgument])
    }
    public static func written(folder: String, count: Int, kinds: Localized) -> Message {
        Message(
            .written,
            arguments: [
                "folder": folder.messageArgument, "count": count.messageArgument, "kinds": kinds.messageArgument,
            ])
    }
    public static func outLinkNowhere(shown: String) -> Message {
        Message(.outLinkNowhere, arguments: ["shown": shown.messageArgument])
    }
    public static func outIsFile(shown: String) -> Message {
        Message(.outIsFile, arguments: ["shown": shown.messageArgument])
    }
    public static func usageHint(detail: String, help: String) -> Message {
        Message(.usageHint, arguments: ["detail": detail.messageArgument, "help": help.messageArgument])
    }
    public static func outRoot(shown: String) -> Message {
        Message(.outRoot, arguments: ["shown": shown.messageArgument])
    }
    public static func outCurrent(shown: String) -> Message {
        Message(.outCurrent, arguments: ["shown": shown.messageArgument])
    }
    public static func outIsInput(shown: String) -> Message {
        Message(.outIsInput, arguments: ["shown": shown.messageArgument])
    }
    public static func outInsideInput(shown: String, input: String) -> Message {
        Message(.outInsideInput, arguments: ["shown": shown.messageArgument, "input": input.messageArgument])
    }
    public static func outHoldsInput(shown: String, input: String) -> Message {
        Message(.outHoldsInput, arguments: ["shown": shown.messageArgument, "input": input.messageArgument])
    }
    public static func outMountPoint(shown: String) -> Message {
        Message(.outMountPoint, arguments: ["shown": shown.messageArgument])
    }
    public static func outUnreadable(shown: String, reason: String) -> Message {
        Message(.outUnreadable, arguments: ["shown": shown.messageArgument, "reason": reason.messageArgument])
    }
    public static func outForeign(shown: String, what: String) -> Message {
        Message(.outForeign, arguments: ["shown": shown.messageArgument, "what": what.messageArgument])
    }
    public static func outChanged(shown: String, file: String) -> Message {
        Message(.outChanged, arguments: ["shown": shown.messageArgument, "file": file.messageArgument])
    }
    public static func outCannotCreateBeside(target: String) -> Message {
        Message(.outCannotCreateBeside, arguments: ["target": target.messageArgument])
    }
    public static func outCannotWrite(name: String, target: String) -> Message {
        Message(.outCannotWrite, arguments: ["name": name.messageArgument, "target": target.messageArgument])
    }
    public static func outCannotReadBack(temp: String) -> Message {
        Message(.outCannotReadBack, arguments: ["temp": temp.messageArgument])
    }
    public static func outAppeared(target: String) -> Message {
        Message(.outAppeared, arguments: ["target": target.messageArgument])
    }
    public static func outCannotMove(target: String, reason: String) -> Message {
        Message(.outCannotMove, arguments: ["target": target.messageArgument, "reason": reason.messageArgument])
    }
    public static func outCannotFlushOpen(path: String) -> Message {
        Message(.outCannotFlushOpen, arguments: ["path": path.messageArgument])
    }
    public static func outCannotFlush(reason: String) -> Message {
        Message(.outCannotFlush, arguments: ["reason": reason.messageArgument])
    }
    public static func outCannotCreateParent(parent: String) -> Message {
        Message(.outCannotCreateParent, arguments: ["parent": parent.messageArgument])
    }
    public static func outCannotLock(path: String) -> Message {
        Message(.outCannotLock, arguments: ["path": path.messageArgument])
    }
    public static func outLocked(target: String) -> Message {
        Message(.outLocked, arguments: ["target": target.messageArgument])
    }
    public static func outLockRace(path: String) -> Message {
        Message(.outLockRace, arguments: ["path": path.messageArgument])
    }
    public static func sysReason(message: Message, reason: String) -> Message {
        Message(.sysReason, arguments: ["message": message.messageArgument, "reason": reason.messageArgument])
    }
    public static func sysShort(message: Message, reason: String) -> Message {
        Message(.sysShort, arguments: ["message": message.messageArgument, "reason": reason.messageArgument])
    }
    public static func fewDescriptors(allowed: Int, needed: Int) -> Message {
        Message(.fewDescriptors, arguments: ["allowed": allowed.messageArgument, "needed": needed.messageArgument])
    }
    public static func littleMemory(allowed: Int, needed: Int) -> Message {
        Message(.littleMemory, arguments: ["allowed": allowed.messageArgument, "needed": needed.messageArgument])
    }
    public static func yearUnknown(input: String) -> Message {
        Message(.yearUnknown, arguments: ["input": input.messageArgument])
    }
    public static func noSubmissions(input: String) -> Message {
        Message(.noSubmissions, arguments: ["input": input.messageArgument])
    }
    public static func previousNotFound(path: String) -> Message {
        Message(.previousNotFound, arguments: ["path": path.messageArgument])
    }
    public static func rulesNotFound(path: String) -> Message {
        Message(.rulesNotFound, arguments: ["path": path.messageArgument])
    }
    public static func templatesNotFound(dir: String) -> Message {
        Message(.templatesNotFound, arguments: ["dir": dir.messageArgument])
    }
    public static func inputNotFound(dir: String) -> Message {
        Message(.inputNotFound, arguments: ["dir": dir.messageArgument])
    }
    public static func cannotRead(path: String, reason: some MessageArgument) -> Message {
        Message(.cannotRead, arguments: ["path": path.messageArgument, "reason": reason.messageArgument])
    }
    public static func readResources(path: String) -> Message {
        Message(.readResources, arguments: ["path": path.messageArgument])
    }
    public static func cannotList(dir: String, reason: String) -> Message {
        Message(.cannotList, arguments: ["dir": dir.messageArgument, "reason": reason.messageArgument])
    }
    public static func outNameTooLong(shown: String, name: String, bytes: Int) -> Message {
        Message(
            .outNameTooLong,
            arguments: ["shown": shown.messageArgument, "name": name.messageArgument, "bytes": bytes.messageArgument])
    }
    public static func outPathTooLong(shown: String, bytes: Int, max: Int) -> Message {
        Message(
            .outPathTooLong,
            arguments: ["shown": shown.messageArgument, "bytes": bytes.messageArgument, "max": max.messageArgument])
    }
    public static func outForeignDuringRun(shown: String, what: String, temp: String) -> Message {
        Message(
            .outForeignDuringRun,
            arguments: ["shown": shown.messageArgument, "what": what.messageArgument, "temp": temp.messageArgument])
    }
    public static func outChangedDuringRun(shown: String, file: String, temp: String) -> Message {
        Message(
            .outChangedDuringRun,
            arguments: ["shown": shown.messageArgument, "file": file.messageArgument, "temp": temp.messageArgument])
    }
    public static func outUnreadableDuringRun(shown: String, reason: String, temp: String) -> Message {
        Message(
            .outUnreadableDuringRun,
            arguments: ["shown": shown.messageArgument, "reason": reason.messageArgument, "temp": temp.messageArgument])
    }
    public static func sysFileSize(message: Message, reason: String) -> Message {
        Message(.sysFileSize, arguments: ["message": message.messageArgument, "reason": reason.messageArgument])
    }
    public static func previousNoResults(path: String) -> Message {
        Message(.previousNoResults, arguments: ["path": path.messageArgument])
    }
    public static func outOpenInOffice(file: String, app: String, shown: String, lock: String) -> Message {
        Message(
            .outOpenInOffice,
            arguments: [
                "file": file.messageArgument, "app": app.messageArgument, "shown": shown.messageArgument,
                "lock": lock.messageArgument,
            ])
    }
    public static func outOpenInOfficeDuringRun(file: String, app: String, lock: String, shown: String, temp: String)
        -> Message
    {
        Message(
            .outOpenInOfficeDuringRun,
            arguments: [
                "file": file.messageArgument, "app": app.messageArgument, "lock": lock.messageArgument,
                "shown": shown.messageArgument, "temp": temp.messageArgument,
            ])
    }
    public static func initNoYear(dir: String) -> Message {
        Message(.initNoYear, arguments: ["dir": dir.messageArgument])
    }
    public static func initNotAFolder(dir: String) -> Message {
        Message(.initNotAFolder, arguments: ["dir": dir.messageArgument])
    }
    public static func initExists(dir: String, files: String) -> Message {
        Message(.initExists, arguments: ["dir": dir.messageArgument, "files": files.messageArgument])
    }
    public static func initCannotWrite(path: String, reason: String) -> Message {
        Message(.initCannotWrite, arguments: ["path": path.messageArgument, "reason": reason.messageArgument])
    }
    public static func initWritten(year: Int, dir: String) -> Message {
        Message(.initWritten, arguments: ["year": year.messageArgument, "dir": dir.messageArgument])
    }
    public static func errorsCellLine(line: String, column: String) -> Message {
        Message(.errorsCellLine, arguments: ["line": line.messageArgument, "column": column.messageArgument])
    }
    public static func errorsCellRow(line: String) -> Message {
        Message(.errorsCellRow, arguments: ["line": line.messageArgument])
    }
    public static func errorsReportsFolder(shown: String) -> Message {
        Message(.errorsReportsFolder, arguments: ["shown": shown.messageArgument])
    }
    /// `count`: the number alone in Chinese, `3 workbooks` in English.
    public static func errorsWritten(folder: String, count: Localized) -> Message {
        Message(.errorsWritten, arguments: ["folder": folder.messageArgument, "count": count.messageArgument])
    }
    public static func errorsNone(folder: String) -> Message {
        Message(.errorsNone, arguments: ["folder": folder.messageArgument])
    }
}

/// Send (StarSend).
extension Message {
    public static func sendReportsNotFound(dir: String) -> Message {
        Message(.sendReportsNotFound, arguments: ["dir": dir.messageArgument])
    }
    public static func sendNoMessages(dir: String) -> Message {
        Message(.sendNoMessages, arguments: ["dir": dir.messageArgument])
    }
    public static func sendUnknownOnly(id: String, dir: String) -> Message {
        Message(.sendUnknownOnly, arguments: ["id": id.messageArgument, "dir": dir.messageArgument])
    }
    public static func sendNoConfigListed(dir: String) -> Message {
        Message(.sendNoConfigListed, arguments: ["dir": dir.messageArgument])
    }
    public static func sendConfigNotFound(path: String) -> Message {
        Message(.sendConfigNotFound, arguments: ["path": path.messageArgument])
    }
    public static func sendNoSMTP(path: String) -> Message {
        Message(.sendNoSMTP, arguments: ["path": path.messageArgument])
    }
    public static func sendDryRunNoSMTP(path: String) -> Message {
        Message(.sendDryRunNoSMTP, arguments: ["path": path.messageArgument])
    }
    public static func sendCaFileUnreadable(path: String) -> Message {
        Message(.sendCaFileUnreadable, arguments: ["path": path.messageArgument])
    }
    public static func sendServer(url: String, security: String, from: String) -> Message {
        Message(
            .sendServer,
            arguments: ["url": url.messageArgument, "security": security.messageArgument, "from": from.messageArgument])
    }
    public static func sendActionAlreadySent(time: String) -> Message {
        Message(.sendActionAlreadySent, arguments: ["time": time.messageArgument])
    }
    public static func sendActionChanged(time: String) -> Message {
        Message(.sendActionChanged, arguments: ["time": time.messageArgument])
    }
    public static func sendActionCannotSend(reason: String) -> Message {
        Message(.sendActionCannotSend, arguments: ["reason": reason.messageArgument])
    }
    public static func sendInvalidAddress(address: String) -> Message {
        Message(.sendInvalidAddress, arguments: ["address": address.messageArgument])
    }
    public static func sendChangedHint(count: Int, ids: String) -> Message {
        Message(.sendChangedHint, arguments: ["count": count.messageArgument, "ids": ids.messageArgument])
    }
    public static func sendConfirm(count: Int) -> Message {
        Message(.sendConfirm, arguments: ["count": count.messageArgument])
    }
    public static func sendLogUnwritable(path: String, reason: String) -> Message {
        Message(.sendLogUnwritable, arguments: ["path": path.messageArgument, "reason": reason.messageArgument])
    }
    public static func sendAccepted(committee: String, address: String, reply: String) -> Message {
        Message(
            .sendAccepted,
            arguments: [
                "committee": committee.messageArgument, "address": address.messageArgument,
                "reply": reply.messageArgument,
            ])
    }
    public static func sendRefused(committee: String, address: String, reply: String) -> Message {
        Message(
            .sendRefused,
            arguments: [
                "committee": committee.messageArgument, "address": address.messageArgument,
                "reply": reply.messageArgument,
            ])
    }
    public static func sendDeferred(committee: String, address: String, reply: String) -> Message {
        Message(
            .sendDeferred,
            arguments: [
                "committee": committee.messageArgument, "address": address.messageArgument,
                "reply": reply.messageArgument,
            ])
    }
    public static func sendNotSent(committee: String, reason: String) -> Message {
        Message(.sendNotSent, arguments: ["committee": committee.messageArgument, "reason": reason.messageArgument])
    }
    public static func sendRetrying(committee: String, reason: String, attempt: Int, delay: Int) -> Message {
        Message(
            .sendRetrying,
            arguments: [
                "committee": committee.messageArgument, "reason": reason.messageArgument,
                "attempt": attempt.messageArgument, "delay": delay.messageArgument,
            ])
    }
    public static func sendUnreachable(url: String, detail: String) -> Message {
        Message(.sendUnreachable, arguments: ["url": url.messageArgument, "detail": detail.messageArgument])
    }
    public static func sendLoginRefused(user: String, detail: String) -> Message {
        Message(.sendLoginRefused, arguments: ["user": user.messageArgument, "detail": detail.messageArgument])
    }
    public static func sendTLSRefused(detail: String, hint: String) -> Message {
        Message(.sendTLSRefused, arguments: ["detail": detail.messageArgument, "hint": hint.messageArgument])
    }
    public static func sendBadSettings(detail: String) -> Message {
        Message(.sendBadSettings, arguments: ["detail": detail.messageArgument])
    }
    public static func sendProgress(done: Int, total: Int, rate: String) -> Message {
        Message(
            .sendProgress,
            arguments: ["done": done.messageArgument, "total": total.messageArgument, "rate": rate.messageArgument])
    }
    public static func sendClosing(sent: Int, skipped: Int, failed: Int) -> Message {
        Message(
            .sendClosing,
            arguments: [
                "sent": sent.messageArgument, "skipped": skipped.messageArgument, "failed": failed.messageArgument,
            ])
    }
    public static func sendDryRunClosing(send: Int, skipped: Int, failed: Int) -> Message {
        Message(
            .sendDryRunClosing,
            arguments: [
                "send": send.messageArgument, "skipped": skipped.messageArgument, "failed": failed.messageArgument,
            ])
    }
    public static func sendLogAt(path: String) -> Message {
        Message(.sendLogAt, arguments: ["path": path.messageArgument])
    }
    public static func sendUnreadableLog(count: Int, path: String) -> Message {
        Message(.sendUnreadableLog, arguments: ["count": count.messageArgument, "path": path.messageArgument])
    }
    public static func sendLogIsLink(path: String) -> Message {
        Message(.sendLogIsLink, arguments: ["path": path.messageArgument])
    }
    public static func sendNoManifest(id: String) -> Message {
        Message(.sendNoManifest, arguments: ["id": id.messageArgument])
    }
    public static func sendNotInManifest(id: String) -> Message {
        Message(.sendNotInManifest, arguments: ["id": id.messageArgument])
    }
    public static func sendNotAsWritten(id: String) -> Message {
        Message(.sendNotAsWritten, arguments: ["id": id.messageArgument])
    }
    public static func sendActionUnknown(time: String) -> Message {
        Message(.sendActionUnknown, arguments: ["time": time.messageArgument])
    }
    public static func sendUnknownHint(count: Int, ids: String) -> Message {
        Message(.sendUnknownHint, arguments: ["count": count.messageArgument, "ids": ids.messageArgument])
    }
    public static func sendUnknownNow(committee: String, address: String, detail: String) -> Message {
        Message(
            .sendUnknownNow,
            arguments: [
                "committee": committee.messageArgument, "address": address.messageArgument,
                "detail": detail.messageArgument,
            ])
    }
    public static func sendTLSHintHost(url: String) -> Message {
        Message(.sendTLSHintHost, arguments: ["url": url.messageArgument])
    }
    public static func sendTLSHintCAFileSet(path: String) -> Message {
        Message(.sendTLSHintCAFileSet, arguments: ["path": path.messageArgument])
    }
    public static func sendConfigNotFoundFromResults(path: String, dir: String) -> Message {
        Message(.sendConfigNotFoundFromResults, arguments: ["path": path.messageArgument, "dir": dir.messageArgument])
    }
    public static func sendWhyResolve(host: String) -> Message {
        Message(.sendWhyResolve, arguments: ["host": host.messageArgument])
    }
    public static func sendWhyConnectTimeout(seconds: Int) -> Message {
        Message(.sendWhyConnectTimeout, arguments: ["seconds": seconds.messageArgument])
    }
    public static func sendWhyStalled(seconds: Int, reply: String) -> Message {
        Message(.sendWhyStalled, arguments: ["seconds": seconds.messageArgument, "reply": reply.messageArgument])
    }
    public static func sendWhyNoStartTLS(reply: String) -> Message {
        Message(.sendWhyNoStartTLS, arguments: ["reply": reply.messageArgument])
    }
    public static func sendWhyCAFile(path: String) -> Message {
        Message(.sendWhyCAFile, arguments: ["path": path.messageArgument])
    }
    public static func sendWhyURL(url: String) -> Message {
        Message(.sendWhyURL, arguments: ["url": url.messageArgument])
    }
    public static func sendWhyOther(code: Int, reply: String) -> Message {
        Message(.sendWhyOther, arguments: ["code": code.messageArgument, "reply": reply.messageArgument])
    }
    public static func sendWhyServerSaid(reply: String) -> Message {
        Message(.sendWhyServerSaid, arguments: ["reply": reply.messageArgument])
    }
    public static func sendWhySetopt(option: String, code: Int) -> Message {
        Message(.sendWhySetopt, arguments: ["option": option.messageArgument, "code": code.messageArgument])
    }
    public static func sendStoppedAt(committee: String, count: Int) -> Message {
        Message(.sendStoppedAt, arguments: ["committee": committee.messageArgument, "count": count.messageArgument])
    }
    public static func sendCheckOK(url: String, security: String, user: String) -> Message {
        Message(
            .sendCheckOK,
            arguments: ["url": url.messageArgument, "security": security.messageArgument, "user": user.messageArgument])
    }
    public static func sendCheckOKNoLogin(url: String, security: String) -> Message {
        Message(.sendCheckOKNoLogin, arguments: ["url": url.messageArgument, "security": security.messageArgument])
    }
    public static func sendCheckConnecting(url: String) -> Message {
        Message(.sendCheckConnecting, arguments: ["url": url.messageArgument])
    }
}

/// Run --pdf (StarPipeline; PDFMessages.swift).
extension Message {
    public static func pdfFailed(program: String, status: String) -> Message {
        Message(.pdfFailed, arguments: ["program": program.messageArgument, "status": status.messageArgument])
    }
    public static func pdfTimedOut(program: String, seconds: String) -> Message {
        Message(.pdfTimedOut, arguments: ["program": program.messageArgument, "seconds": seconds.messageArgument])
    }
    public static func pdfCannotStart(program: String, reason: String) -> Message {
        Message(.pdfCannotStart, arguments: ["program": program.messageArgument, "reason": reason.messageArgument])
    }

    // --help (HelpMessages.swift)
    public static func helpOverview(text: String) -> Message {
        Message(.helpOverview, arguments: ["text": text.messageArgument])
    }
    /// The usage's heading: with "" the text its continuation lines are indented under.
    public static func helpUsage(text: String) -> Message {
        Message(.helpUsage, arguments: ["text": text.messageArgument])
    }
    public static func helpSeeSubcommand(command: String, subcommand: Message) -> Message {
        Message(
            .helpSeeSubcommand,
            arguments: ["command": command.messageArgument, "subcommand": subcommand.messageArgument])
    }
    public static func helpValues(values: [String]) -> Message {
        Message(.helpValues, arguments: ["values": Message.list(values).messageArgument])
    }
    public static func helpDefault(value: String) -> Message {
        Message(.helpDefault, arguments: ["value": value.messageArgument])
    }

    // a command line that does not parse (HelpMessages.swift)
    /// `argument`, `option`: as ArgumentParser names them, each language its way (`--input <文件夹>`).
    public static func usageMissing(argument: Localized) -> Message {
        Message(.usageMissing, arguments: ["argument": argument.messageArgument])
    }
    public static func usageMissingOneOf(arguments: [String]) -> Message {
        Message(.usageMissingOneOf, arguments: ["arguments": Message.list(arguments).messageArgument])
    }
    public static func usageUnknownOption(option: String) -> Message {
        Message(.usageUnknownOption, arguments: ["option": option.messageArgument])
    }
    public static func usageUnknownOptionSuggest(option: String, suggestion: String) -> Message {
        Message(
            .usageUnknownOptionSuggest,
            arguments: ["option": option.messageArgument, "suggestion": suggestion.messageArgument])
    }
    public static func usageMissingValue(option: Localized) -> Message {
        Message(.usageMissingValue, arguments: ["option": option.messageArgument])
    }
    public static func usageUnexpected(arguments: [String]) -> Message {
        Message(.usageUnexpected, arguments: ["arguments": Message.list(arguments).messageArgument])
    }
    /// `values`: the values the option takes (none when ArgumentParser does not list them).
    public static func usageInvalidValue(option: Localized, value: String, values: [String]) -> Message {
        Message(
            .usageInvalidValue,
            arguments: [
                "option": option.messageArgument, "value": value.messageArgument,
                "values": values.isEmpty ? Message.Argument.text("") : helpValues(values: values).messageArgument,
            ])
    }
    public static func usageNoValue(option: String, value: String) -> Message {
        Message(.usageNoValue, arguments: ["option": option.messageArgument, "value": value.messageArgument])
    }

    public static func usageUnknownSubcommand(word: String) -> Message {
        Message(.usageUnknownSubcommand, arguments: ["word": word.messageArgument])
    }
    public static func usageUnknownSubcommandSuggest(word: String, suggestion: String) -> Message {
        Message(
            .usageUnknownSubcommandSuggest,
            arguments: ["word": word.messageArgument, "suggestion": suggestion.messageArgument])
    }

    public static func ledgerReportOutputIsFile(output: String) -> Message {
        Message(.ledgerReportOutputIsFile, arguments: ["output": output.messageArgument])
    }

    /// A few words or values in a sentence: `a、b` in Chinese, `a, b` in English.
    static func list(_ items: [String]) -> Localized {
        Localized(zh: items.joined(separator: "、"), en: items.joined(separator: ", "))
    }
}
