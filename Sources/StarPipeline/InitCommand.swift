import Foundation
import StarIngest
import StarModel
import StarPlatform

extension Pipeline {
    /// The files `star-report init` writes into a new year folder, in order.
    public static let initFiles = [InputFolder.configName, InputFolder.registerName, InputFolder.readmeName]

    /// `star-report init DIR [--year YYYY]`: a new year folder (docs/outputs.md, "A new year folder"): a
    /// config.toml with every setting explained in Chinese (all commented out, so the reports
    /// show （待补充） until they are filled in), the register's header in branches.csv, and a
    /// README.txt of the December steps. Never overwrites: if any of the three files is there,
    /// nothing is written and the exit status is 73. The year is `--year`, else DIR's name.
    public func initYear() -> ExitStatus {
        do {
            let dir = options.input
            guard !dir.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw Failure(.usage, .inputNotFound(dir: Escaped.text(dir)))
            }
            let folderName = URL(fileURLWithPath: dir).lastPathComponent
            guard let year = options.year ?? (folderName.count == 4 ? Int(folderName) : nil) else {
                throw Failure(.usage, .initNoYear(dir: Escaped.text(dir)))
            }
            guard (2000...2100).contains(year) else { throw Failure(.usage, Message(.yearRange)) }
            let fm = FileManager.default
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: dir, isDirectory: &isDir), !isDir.boolValue {
                throw Failure(.cannotCreate, .initNotAFolder(dir: Escaped.text(dir)))
            }
            // every file checked before any is written: a refusal leaves nothing behind
            var there: [String] = []
            for name in Self.initFiles {
                var st = stat()
                if lstat(joinPath(dir, name), &st) == 0 { there.append(name) }
            }
            if !there.isEmpty {
                throw Failure(
                    .cannotCreate,
                    .initExists(dir: Escaped.text(dir), files: there.map { Escaped.text($0) }.joined(separator: ", ")))
            }
            do {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw Failure(
                    .cannotCreate, .initCannotWrite(path: Escaped.text(dir), reason: error.localizedDescription))
            }
            let contents = [
                YearFolderFiles.config(year: year),
                YearFolderFiles.branches,
                YearFolderFiles.readme(year: year, dir: dir, folderIsYear: folderName == String(year)),
            ]
            var written: [String] = []
            for (name, text) in zip(Self.initFiles, contents) {
                let path = joinPath(dir, name)
                // O_EXCL: a file that appeared since the check is never replaced
                if let failure = YearFolderFiles.create(path, text) {
                    // only the files written just now are taken back
                    for w in written { unlink(joinPath(dir, w)) }
                    if failure == EEXIST {
                        throw Failure(.cannotCreate, .initExists(dir: Escaped.text(dir), files: Escaped.text(name)))
                    }
                    throw Failure(
                        .cannotCreate,
                        .initCannotWrite(path: Escaped.text(path), reason: PlatformFile.reason(failure)))
                }
                written.append(name)
            }
            for name in written { console.out(joinPath(dir, name)) }
            console.err(Message.initWritten(year: year, dir: Escaped.text(dir)).text(options.language))
            return .ok
        } catch {
            return fail(error)
        }
    }
}

/// The texts of a new year folder (Chinese: they are read and edited by the office that runs
/// the rating).
enum YearFolderFiles {
    /// Writes a new file (never one that is there); nil, or the errno of the failure (a
    /// half-written file is removed).
    static func create(_ path: String, _ text: String) -> Int32? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return errno }
        let bytes = Array(text.utf8)
        var off = 0
        var failure: Int32?
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + off, bytes.count - off) }
            if n <= 0 {
                failure = n < 0 ? errno : EIO
                break
            }
            off += n
        }
        if close(fd) != 0 && failure == nil { failure = errno }
        if failure != nil { unlink(path) }
        return failure
    }

    /// The register's header, as RegisterReader reads it (docs/input-formats.md).
    static let branches = "branch_id,branch_name,committee_id,committee_name\r\n"

    static func config(year: Int) -> String {
        """
        # star-report 的公示和邮件设置（\(year) 年度）。
        # 每一项都可以不填：没填的在报告中显示为（待补充），并有一条警告指出它。
        # 要填某一项，去掉该行开头的“# ”，再把引号中的示例改成真实内容。
        # 文本用英文双引号括起来；邮箱只写地址本身，例如 name@example.gov.cn。

        [notice]
        # 发文单位：公示落款的党组织全称
        # issuer = "中共某某市直属机关工作委员会"
        # 受理异议的部门
        # objection_office = "市直工委组织部"
        # 受理异议的电话
        # objection_phone = "0372-5101234"
        # 受理异议的地址
        # objection_address = "某某市某某区某某路1号"
        # 受理异议的邮箱（可不填）
        # objection_email = "zzb@example.gov.cn"
        # 发出汇总邮件的邮箱（邮件的发件人 From:）
        # sender_email = "zzb@example.gov.cn"

        # 各上级党组织接收汇总邮件的邮箱：每个上级党组织一段，
        # 方括号中的编号与 branches.csv 的 committee_id 一致。
        # [committees.CZJ]
        # email = "czj-jgdw@example.gov.cn"

        # 发送邮件的服务器，只有 star-report send 使用。
        # 密码不写在这里：发送前设置环境变量 STAR_REPORT_SMTP_PASSWORD。
        # [smtp]
        # 服务器地址：smtp://主机:587（STARTTLS 加密）或 smtps://主机:465（一开始就加密）
        # url = "smtp://mail.example.gov.cn:587"
        # 登录服务器的用户名
        # username = "zzb"
        # 服务器证书由单位自己的 CA 签发时，CA 证书文件的路径（相对于本文件所在的文件夹）
        # ca_file = "ca.pem"
        # 退信地址（信封发件人；默认为 sender_email）
        # envelope_from = "zzb@example.gov.cn"
        # 只有在自己电脑上的测试服务器才可以不加密：
        # tls = "none"

        """
    }

    /// A path as a shell word: quoted when it holds anything but plain characters.
    static func shell(_ s: String) -> String {
        let plain = s.unicodeScalars.allSatisfy {
            $0.value > 0x7F || CharacterSet.alphanumerics.contains($0) || "/._-+,:@".unicodeScalars.contains($0)
        }
        return plain && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func readme(year: Int, dir: String, folderIsYear: Bool) -> String {
        let input = shell(dir)
        let yearOption = folderIsYear ? "" : " --year \(year)"
        let reports = "reports/\(year)"
        let previous = "reports/\(year - 1)"
        return """
            \(year) 年度基层党组织星级评定：十二月的步骤
            ================================================

            以下命令都在运行 star-report init 时所在的文件夹中输入。
            按顺序进行：模板 → 收集 → 校验 → 评定 → 公示 → 发送。
            本文件不是材料：校验和评定时会有一条警告说它“未读取”，可以不理会。

            0. 准备
               在 branches.csv 中填好名册：每个支部一行，依次为支部编号、支部名称、
               上级党组织编号、上级党组织名称（第一行是表头，不要改）。
               在 config.toml 中填好公示和邮件的设置（每一项都有说明）。

            1. 模板（template）：为每个上级党组织写出填报用的 Excel 工作簿
               star-report template --input \(input)\(yearOption) --output 填报表-CZJ-\(year).xlsx --committee CZJ
               （CZJ 换成各上级党组织的编号，每个上级党组织一份；不加 --committee 则含全部支部）

            2. 收集（collect）：把工作簿发给各上级党组织，收回填好的工作簿，
               放进本文件夹（\(dir)）。XML 材料和 CSV 汇总表也放在这里。

            3. 校验（validate）：检查收回的材料，列出每个问题
               star-report validate --input \(input)\(yearOption) --errors 错误清单-\(year)
               有错误时，把 错误清单-\(year) 中各上级党组织的错误清单发回，改正后再校验，直到没有错误。

            4. 评定（run）：评定星级，写出公示、汇总、结果和邮件
               star-report run --input \(input)\(yearOption) --output \(reports) --previous \(previous)
               （\(previous) 是上一年度 run 写出的报告文件夹；第一年没有时去掉 --previous \(previous)）

            5. 公示（post）：打印或张贴 \(reports)/notice.html（纯文本为 notice.txt），公示 7 天。
               结果表 \(reports)/results.xlsx 可以直接用 Excel 打开。

            6. 发送（send）：把各上级党组织的汇总邮件发出
               star-report send --reports \(reports) --dry-run
               先看清发送计划（上级党组织、地址、大小），再真正发送：
               STAR_REPORT_SMTP_PASSWORD=邮箱密码 star-report send --reports \(reports)

            每个命令加 --help 可看说明；加 --lang en 显示英文。

            """
    }
}
