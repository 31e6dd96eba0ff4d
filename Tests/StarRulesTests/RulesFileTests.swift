import StarModel
import StarRating
import StarRules
import Testing

@Suite struct RulesFileTests {
    @Test func shippedDefaultFileIsTheAnyangScheme() throws {
        let fromFile = try RulesFile.loadDefault().get()
        #expect(fromFile.scheme == "anyang-2017")
        #expect(fromFile.version == "2017.1")
        // The built-in defaults and the shipped file are one scheme: every value, the version too.
        #expect(fromFile == RuleSet.anyang2017)
    }

    @Test func aVariantIsAConfigChange() throws {
        let text = """
            scheme = "other-city"
            version = "2026.2"
            [weights]
            self = 10
            mass = 40
            superior = 50
            [bonus]
            innovation_cumulative = true
            [satisfaction]
            satisfaction_threshold_inclusive = true
            [dates]
            reference_date = "2026-11-30"
            [quotas]
            scope = "committee"
            [[quota]]
            code = "Q1"
            levels = [5]
            bound = "max"
            percent = 12.5
            rounding = "floor"
            policy = "enforce"
            [[quota]]
            code = "Q3"
            levels = [4]
            bound = "max"
            percent = 20
            rounding = "floor"
            policy = "report"
            """
        let r = try RulesFile.parse(text, path: "rules.toml").get()
        #expect(r.scheme == "other-city" && r.version == "2026.2")
        #expect([r.weightSelf, r.weightMass, r.weightSuperior] == [10, 40, 50])
        #expect(r.innovationCumulative && r.satisfactionThresholdInclusive)
        #expect(r.referenceDate == CivilDate(iso: "2026-11-30"))
        #expect(r.quotaScope == .committee)
        #expect(r.quotas.map(\.code) == ["Q1", "Q3"])
        #expect(r.quotas[0].percent == Tenths(125))
        #expect(r.quotas[0].limit(for: 40) == 5)
        #expect(r.quotas[1].policy == .report)
    }

    func errors(_ text: String) -> [String] {
        guard case .failure(let list) = RulesFile.parse(text, path: "rules.toml") else { return [] }
        return list.items.in(.en).map(\.rendered)
    }

    @Test func badKeysAreNamedWithTheirLine() {
        let e = errors("scheme = \"x\"\nversion = \"1\"\n\n[deduction]\nmember_sanction = 2.25\nunknown_thing = 1\n")
        #expect(
            e == [
                """
                rules.toml:6: error[E-RULES]: deduction.unknown_thing: unknown key (expected one of: \
                leadership_major_sanction, leadership_minor_sanction, low_satisfaction, member_sanction, \
                municipal_committee_criticism, unexcused_absence, work_committee_criticism)
                """,
                """
                rules.toml:5: error[E-RULES]: deduction.member_sanction: expected a number 0.0–1000.0 with at \
                most one decimal
                """,
            ])
    }

    @Test func invalidTOMLGivesLineAndColumn() {
        let e = errors("scheme = \"x\"\nversion = \n")
        #expect(e.count == 1)
        #expect(e[0].hasPrefix("rules.toml:2:"))
        #expect(e[0].contains("error[E-RULES]: not valid TOML"))
    }

    @Test func enforceOnASetThatCannotBeEnforcedIsRefused() {
        let e = errors(
            """
            scheme = "x"
            version = "1"
            [[quota]]
            code = "Q9"
            levels = [4, 5]
            bound = "max"
            percent = 20.0
            rounding = "floor"
            policy = "enforce"
            """)
        #expect(
            e == [
                """
                rules.toml:9: error[E-RULES]: quota.policy: enforce works on a max of one star level or a min of \
                the lowest levels (0…k); this quota may only be \"report\"
                """
            ])
    }

    @Test func weightsMustSumToHundredAndBandsRise() {
        let e = errors(
            "scheme = \"x\"\nversion = \"1\"\n[weights]\nself = 30\nmass = 30\nsuperior = 30\n[bands]\nfive = 70.0\n")
        #expect(
            e == [
                "rules.toml:3: error[E-RULES]: weights: the weights must sum to 100, they sum to 90",
                "rules.toml:7: error[E-RULES]: bands: the band minimums must rise from one to five stars",
            ])
    }
}

@Suite struct NoticeConfigTests {
    @Test func settingsAndCommitteeAddressesAreRead() throws {
        let c = try NoticeConfig.parse(
            "[notice]\nissuer = \"工委\"\nobjection_phone = \"123\"\n[committees.CZJ]\nemail = \"a@b.cn\"\n",
            path: "config.toml"
        ).get()
        #expect(c.issuer == "工委" && c.objectionPhone == "123" && c.committeeEmails == ["CZJ": "a@b.cn"])
        let w = c.missingSettings(path: "config.toml", committees: ["CZJ", "JYJ"])
        #expect(w.map(\.field) == ["notice.objection_office", "notice.objection_address", "committees.JYJ.email"])
    }

    @Test func manyMissingAddressesAreOneWarning() {
        let w = NoticeConfig().missingSettings(path: "config.toml", committees: (1...20000).map { "C\($0)" })
        #expect(
            w.filter { $0.field?.hasPrefix("committees") == true }.in(.en).map(\.message)
                == [
                    """
                    no e-mail address for 20000 committees (C1, C2, C3, C4, C5, …); add [committees.ID] email = \
                    \"…\" to config.toml for each
                    """
                ])
    }

    /// An unknown key is a warning with the nearest known key; the rest of the file is kept.
    @Test func badConfigKeyIsNamedWithItsLine() {
        let (c, d) = NoticeConfig.read(
            "[notice]\nissuer = \"x\"\nobjection_phon = \"1\"\n[notise]\n", path: "config.toml")
        #expect(c.issuer == "x")
        #expect(
            d.in(.en).map(\.rendered) == [
                """
                config.toml:4: warning[W-CONFIG]: notise: unknown key: did you mean \"notice\"? (expected one of: \
                committees, notice, smtp)
                """,
                """
                config.toml:3: warning[W-CONFIG]: notice.objection_phon: unknown key: did you mean \
                \"objection_phone\"? (expected one of: issuer, objection_address, objection_email, \
                objection_office, objection_phone, sender_email)
                """,
            ])
        #expect(
            d[1].rendered.hasPrefix(
                "config.toml:3: warning[W-CONFIG]: notice.objection_phon: 未知的设置项，是否应为“objection_phone”？"))
    }

    /// A TOML syntax error is an error at its line and column; a committee that no branch
    /// belongs to is a warning; an address that is not one is an error with key and line.
    @Test func configIsReadStrictly() {
        let (_, syntax) = NoticeConfig.read("[notice]\nissuer = \"x\n", path: "config.toml")
        #expect(
            syntax.count == 1 && syntax[0].severity == .error && syntax[0].location.line == 2
                && syntax[0].location.column != nil)
        let (c, d) = NoticeConfig.read(
            """
            [committees.CZJ]\nemail = \"a@b.cn\"\n[committees.ZXJ]\nemail = \"z@b.cn\"\n[committees.JYJ]\nemail = \
            \"czj-jgdw at example\"\n
            """,
            path: "config.toml")
        #expect(d.map(\.code) == ["E-CONFIG"] && d[0].location.line == 6 && d[0].field == "committees.JYJ.email")
        let w = c.missingSettings(path: "config.toml", committees: ["CZJ", "ZJJ"]).filter {
            $0.field == "committees.ZXJ"
        }
        #expect(
            w.in(.en).map(\.rendered) == [
                """
                config.toml:3: warning[W-CONFIG]: committees.ZXJ: committee ZXJ is in config.toml but no branch \
                of the data belongs to it; check the id (did you mean ZJJ?)
                """
            ])
        // a committee of the register whose sheet could not be read is no typo of config.toml's
        let registered = c.missingSettings(path: "config.toml", committees: ["CZJ"], registered: ["ZXJ", "JYJ"])
        #expect(!registered.contains { $0.field == "committees.ZXJ" })
    }
}
