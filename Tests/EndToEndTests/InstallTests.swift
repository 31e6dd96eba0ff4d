import Foundation
import TestSupport
import Testing

/// The manual tool `make install` runs (`make test` builds it first; `swift test` alone may not
/// have it, and a test cannot build it: SwiftPM's lock is held while the tests run).
let manualTool = repoRoot.appendingPathComponent(".build/debug/generate-manual").path
let installToolsPresent = which("make") != nil && FileManager.default.isExecutableFile(atPath: manualTool)

/// `make` in the repository, with the test's own make variables only.
func runMake(_ arguments: [String]) throws -> ProcessOutput {
    try runProcess(
        which("make")!, ["--no-print-directory"] + arguments,
        environment: ["MAKEFLAGS": "", "MAKELEVEL": "", "MFLAGS": ""])
}

/// Every file under `dir` (relative path → bytes), folders as `nil`.
func tree(_ dir: URL) throws -> [String: Data?] {
    var out: [String: Data?] = [:]
    let fm = FileManager.default
    for path in fm.subpaths(atPath: dir.path) ?? [] {
        var isDir: ObjCBool = false
        _ = fm.fileExists(atPath: dir.path + "/" + path, isDirectory: &isDir)
        out[path] = isDir.boolValue ? nil : fm.contents(atPath: dir.path + "/" + path)
    }
    return out
}

@Suite(.serialized) struct InstallTests {
    let fm = FileManager.default

    /// A copy of the binary, far from the checkout and from any Templates folder, run from yet
    /// another folder, writes byte for byte what the built binary writes: the templates, the rules
    /// scheme and the XML schema are inside it.
    @Test func aCopiedBinaryRunsAnywhere() throws {
        let dir = try temporaryDirectory("copied 副本")
        defer { try? fm.removeItem(at: dir) }
        let bin = dir.appendingPathComponent("bin 程序")
        let elsewhere = dir.appendingPathComponent("别处 cwd")
        try fm.createDirectory(at: bin, withIntermediateDirectories: true)
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("star-report").path
        try fm.copyItem(atPath: starReportBinary, toPath: copy)
        let out = dir.appendingPathComponent("输出 reports")
        let runs = [
            ["run", "--input", repoRoot.path + "/SampleData/2025", "--output", out.path + "/2025"],
            [
                "run", "--input", repoRoot.path + "/SampleData/2026", "--output", out.path + "/2026", "--previous",
                out.path + "/2025/results.csv",
            ],
        ]
        for args in runs {
            let r = try runProcess(starReportBinary, args, environment: ["STAR_REPORT_LANG": "en"])
            #expect(r.status == 0, "\(r.errText)")
        }
        let built = try tree(out)
        for args in runs {
            let r = try runProcess(copy, args, cwd: elsewhere, environment: ["STAR_REPORT_LANG": "en"])
            #expect(r.status == 0, "\(r.errText)")
        }
        let copied = try tree(out)
        #expect(
            built.filter { $0.value != nil }.count == 34 && built.keys.contains("2026/notice.html")
                && built.keys.contains("2026/results.json"), "\(built.keys.sorted())")
        #expect(copied == built)
        // nothing was looked for or left beside the copy or in the folder it ran from
        #expect(try fm.contentsOfDirectory(atPath: bin.path) == ["star-report"])
        #expect(try fm.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        // `--templates` still overrides the built-in ones
        let templates = dir.appendingPathComponent("模板 templates")
        try fm.copyItem(at: repoRoot.appendingPathComponent("Templates"), to: templates)
        let subject = templates.appendingPathComponent("subject.txt.mustache")
        try "{{%CONTENT_TYPE:TEXT}}\n自定义主题 {{year}}\n".write(to: subject, atomically: true, encoding: .utf8)
        let r = try runProcess(
            copy,
            [
                "run", "--input", repoRoot.path + "/SampleData/2026", "--output", out.path + "/custom", "--templates",
                templates.path,
            ],
            cwd: elsewhere)
        #expect(r.status == 0, "\(r.errText)")
        let eml = try String(contentsOf: out.appendingPathComponent("custom/summary-CZJ.txt"), encoding: .utf8)
        #expect(eml.contains("自定义主题 2026"), "\(eml.prefix(300))")
    }

    /// `make reports` (with the debug binary, the release build taken as done: building it here
    /// would take minutes) prints its lines in Chinese, as the product speaks by default: where the
    /// two years' reports, the ledger and the ledger page (`ledger report`) were written.
    @Test(.enabled(if: which("make") != nil)) func makeReportsWritesTheLedgerPageAndSpeaksChinese() throws {
        let dir = try temporaryDirectory("make-reports")
        defer { try? fm.removeItem(at: dir) }
        let reports = dir.appendingPathComponent("reports").path
        let r = try runProcess(
            which("make")!,
            [
                "--no-print-directory", "-o", "release", "reports", "RELEASE_BIN=" + starReportBinary,
                "REPORTS=" + reports,
            ],
            environment: ["MAKEFLAGS": "", "MAKELEVEL": "", "MFLAGS": "", "STAR_REPORT_LANG": "zh"])
        #expect(r.status == 0, "\(r.errText)")
        let lines = r.outText.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "报告已写入 \(reports)/2025：共 16 个文件（公示 2 个，汇总邮件 10 个，结果 3 个，警告清单 1 个）；加 --list 可列出每个文件",
                "星级管理台账已写入 \(reports)/ledger.sqlite：2025 年度已批准，含异议、复审和年中调整（2026 年度的晋星/减星据此）",
                "报告已写入 \(reports)/2026：共 16 个文件（公示 2 个，汇总邮件 10 个，结果 3 个，警告清单 1 个）；加 --list 可列出每个文件",
                "已写出台账页面 \(reports)/ledger/ledger.html",
                "用浏览器打开 \(reports)/2026/notice.html；要张贴的 PDF 请运行 make notice-pdf",
            ], "\(r.outText)")
        let page = try String(contentsOfFile: reports + "/ledger/ledger.html", encoding: .utf8)
        #expect(page.contains("星级管理台账") && page.contains("降为二星级"))
        // nothing of the recipe's own is left in the reports folder
        #expect(
            try fm.contentsOfDirectory(atPath: reports).filter { !$0.hasPrefix("ledger.sqlite") }.sorted() == [
                "2025", "2026", "ledger",
            ])
    }

    /// `make install` into a temporary PREFIX (with a space and Chinese in it) installs the binary,
    /// the man page and the completions; the installed binary runs SampleData from another folder;
    /// `make uninstall` leaves nothing of them. The same with DESTDIR. The debug build is installed
    /// (`BIN=`): building the release binary here would take minutes.
    @Test(
        .enabled(
            if: installToolsPresent || pdfRequired,
            """
            SKIPPED: make or .build/debug/generate-manual is missing (make test builds it), make install is not \
            checked
            """
        ))
    func makeInstallAndUninstall() throws {
        try #require(
            installToolsPresent, "CI is set but make or .build/debug/generate-manual is missing: run make test")
        let dir = try temporaryDirectory("install 安装")
        defer { try? fm.removeItem(at: dir) }
        let prefix = dir.appendingPathComponent("usr 本地")
        let installed = [
            "bin/star-report", "share/man/man1/star-report.1", "share/bash-completion/completions/star-report",
            "share/zsh/site-functions/_star-report", "share/fish/vendor_completions.d/star-report.fish",
        ]
        let install = try runMake(["install", "PREFIX=" + prefix.path, "BIN=" + starReportBinary])
        #expect(install.status == 0, "\(install.errText)")
        #expect(install.outText == installed.map { prefix.path + "/" + $0 + "\n" }.joined(), "\(install.outText)")
        let files = try tree(prefix).filter { $0.value != nil }
        #expect(files.keys.sorted() == installed.sorted())
        let binary = try Data(contentsOf: URL(fileURLWithPath: starReportBinary))
        #expect(files["bin/star-report"]! == binary)
        #expect(fm.isExecutableFile(atPath: prefix.path + "/bin/star-report"))
        let man = String(decoding: files["share/man/man1/star-report.1"]!!, as: UTF8.self)
        #expect(
            man.contains(".Nm star-report") && man.contains("Rates primary party organisations")
                && man.contains("Fl -dry-run"), "\(man.prefix(400))")
        let text = { (name: String) in String(decoding: files[name]!!, as: UTF8.self) }
        #expect(
            text("share/bash-completion/completions/star-report").contains(
                "complete -o filenames -F _star-report star-report"))
        #expect(text("share/zsh/site-functions/_star-report").hasPrefix("#compdef star-report"))
        #expect(text("share/fish/vendor_completions.d/star-report.fish").contains("complete -c 'star-report'"))

        // the installed binary, run from a folder with nothing in it
        let work = dir.appendingPathComponent("工作 work")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        let run = try runProcess(
            prefix.path + "/bin/star-report", ["run", "--input", repoRoot.path + "/SampleData/2026", "--output", "r"],
            cwd: work,
            environment: ["STAR_REPORT_LANG": "en"])
        #expect(run.status == 0, "\(run.errText)")
        #expect(fm.fileExists(atPath: work.path + "/r/notice.html"))

        let uninstall = try runMake(["uninstall", "PREFIX=" + prefix.path])
        #expect(uninstall.status == 0, "\(uninstall.errText)")
        let left = try tree(prefix)
        #expect(left.isEmpty, "\(left.keys.sorted())")
        // a second uninstall finds nothing to remove and fails nothing
        #expect(try runMake(["uninstall", "PREFIX=" + prefix.path]).status == 0)

        // DESTDIR: staged under it, with PREFIX as the final place
        let stage = dir.appendingPathComponent("stage 暂存")
        let staged = try runMake(["install", "DESTDIR=" + stage.path, "PREFIX=/usr", "BIN=" + starReportBinary])
        #expect(staged.status == 0, "\(staged.errText)")
        #expect(try tree(stage).filter { $0.value != nil }.keys.sorted() == installed.map { "usr/" + $0 }.sorted())
        #expect(try runMake(["uninstall", "DESTDIR=" + stage.path, "PREFIX=/usr"]).status == 0)
        let stageLeft = try tree(stage)
        #expect(stageLeft == ["usr": nil], "\(stageLeft.keys.sorted())")
    }
}
