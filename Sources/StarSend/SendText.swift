import StarModel

/// Every message `star-report send` shows a person, in Chinese (the default) and English
/// (`--lang en` or `STAR_REPORT_LANG=en`).
public typealias SendLanguage = Language

extension Language {
    /// `--lang` first, then `STAR_REPORT_LANG`, else Chinese.
    public static func choose(_ flag: String?, environment: [String: String]) -> Language {
        choose(arguments: flag.map { ["--lang", $0] } ?? [], environment: environment)
    }
}

struct SendText {
    let lang: SendLanguage
    private func t(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

    func reportsNotFound(_ d: String) -> String { t("找不到报告文件夹：\(d)（请先运行 star-report run）", "reports folder not found: \(d) (run star-report run first)") }
    func noMessages(_ d: String) -> String { t("\(d) 中没有 summary-*.eml：请先运行 star-report run 生成报告", "no summary-*.eml in \(d): run star-report run first") }
    func unknownOnly(_ id: String, _ d: String) -> String { t("--only：\(d) 中没有 summary-\(id).eml", "--only: there is no summary-\(id).eml in \(d)") }
    func noConfigListed(_ d: String) -> String { t("\(d)/results.json 没有列出 config.toml：请用 --config FILE 指定", "\(d)/results.json lists no config.toml: pass --config FILE") }
    func configNotFound(_ p: String) -> String { t("找不到配置文件：\(p)（可用 --config FILE 指定）", "config file not found: \(p) (pass --config FILE)") }
    func noSMTP(_ p: String) -> String {
        t(
            "\(p) 中没有 [smtp] 设置：请添加 url = \"smtp://邮件服务器:587\"、username 等（见 README）",
            "\(p) has no [smtp] table: add url = \"smtp://mail-server:587\", username and so on (see the README)")
    }
    func dryRunNoSMTP(_ p: String) -> String { t("注意：\(p) 中还没有 [smtp] 设置，正式发送前请添加", "note: \(p) has no [smtp] table yet; add it before sending") }
    func caFileUnreadable(_ p: String) -> String { t("[smtp] ca_file 无法读取：\(p)", "[smtp] ca_file cannot be read: \(p)") }
    var noPassword: String {
        t(
            "[smtp] 设置了 username，但环境变量 STAR_REPORT_SMTP_PASSWORD 为空：请在环境中设置密码（不要写在命令行或文件里）",
            "[smtp] sets a username but the environment variable STAR_REPORT_SMTP_PASSWORD is empty: set the password there (never on the command line or in a file)")
    }
    func server(_ url: String, _ security: String, _ from: String) -> String { t("服务器：\(url)（\(security)），发件人：\(from)", "server: \(url) (\(security)), envelope sender: \(from)") }
    func security(_ s: String) -> String {
        switch s {
        case "startTLS": return t("STARTTLS，必须加密", "STARTTLS required")
        case "implicitTLS": return t("TLS 加密连接", "TLS from the start")
        default: return t("不加密（tls = \"none\"）", "clear text (tls = \"none\")")
        }
    }
    var noFrom: String {
        t("无法确定发件人：.eml 没有有效的 From: 地址，也没有设置 [smtp] envelope_from", "no envelope sender: the .eml has no valid From: address and [smtp] envelope_from is not set")
    }
    var planHeader: String { t("计划：", "plan:") }
    var colCommittee: String { t("委员会", "committee") }
    var colAddress: String { t("收件地址", "address") }
    var colSize: String { t("大小", "size") }
    var colAction: String { t("处理", "action") }
    var actSend: String { t("发送", "send") }
    var actResend: String { t("重新发送（--only）", "send again (--only)") }
    func actAlreadySent(_ time: String) -> String { t("已发送（\(time)），跳过", "already sent (\(time)), skipped") }
    func actChanged(_ time: String) -> String { t("内容已变（上次发送于 \(time)），不发送", "changed since it was sent (\(time)), not sent") }
    func actCannotSend(_ reason: String) -> String { t("无法发送：\(reason)", "cannot send: \(reason)") }
    func reason(_ p: EmlFile.AddressProblem) -> String {
        switch p {
        case .noToHeader: return t("没有 To: 头", "no To: header")
        case .severalToHeaders: return t("有多个 To: 头", "more than one To: header")
        case .noAddress: return t("没有收件地址（在 config.toml 的 [committees.ID] 中添加 email）", "no address (add email to [committees.ID] in config.toml)")
        case .severalAddresses: return t("To: 中有多个地址", "more than one address in To:")
        case .invalid(let a): return t("To: 地址无效：\(a)", "invalid To: address: \(a)")
        }
    }
    var noMessageID: String { t("没有 Message-ID", "no Message-ID") }
    func changedHint(_ ids: [String]) -> String {
        t(
            "\(ids.count) 封邮件在发送后内容有变，未重发；确需重发请用 --only \(ids.joined(separator: ","))",
            "\(ids.count) message(s) changed since they were sent and were not sent again; to send them on purpose: --only \(ids.joined(separator: ","))")
    }
    var needYes: String {
        t("没有终端可以确认：请加 --yes 发送，或先用 --dry-run 查看计划", "no terminal to confirm on: pass --yes to send, or --dry-run to see the plan first")
    }
    func confirm(_ n: Int) -> String { t("发送以上 \(n) 封邮件？(y/N) ", "Send these \(n) message(s)? (y/N) ") }
    var cancelled: String { t("已取消，未发送任何邮件", "cancelled; nothing was sent") }
    var anotherSend: String { t("另一个 star-report send 正在发送这个文件夹，请稍后再试", "another star-report send is sending this folder; try again later") }
    func logUnwritable(_ p: String, _ why: String) -> String { t("无法写入发送记录 \(p)：\(why)", "cannot write the send log \(p): \(why)") }
    func accepted(_ c: String, _ a: String, _ r: String) -> String { t("已发送 \(c) → \(a)：\(r)", "sent \(c) → \(a): \(r)") }
    func refused(_ c: String, _ a: String, _ r: String) -> String { t("被拒收 \(c) → \(a)：\(r)", "refused \(c) → \(a): \(r)") }
    func deferred(_ c: String, _ a: String, _ r: String) -> String { t("暂时失败 \(c) → \(a)：\(r)（稍后再次运行 send 即可）", "failed for now \(c) → \(a): \(r) (run send again later)") }
    func notSent(_ c: String, _ reason: String) -> String { t("未发送 \(c)：\(reason)", "not sent \(c): \(reason)") }
    func retrying(_ c: String, _ attempt: Int, _ ms: Int, _ why: String) -> String {
        t("\(c)：\(why)，\(ms) 毫秒后第 \(attempt) 次重试", "\(c): \(why); retry \(attempt) in \(ms) ms")
    }
    func unreachable(_ url: String, _ d: String) -> String { t("无法连接邮件服务器 \(url)：\(d)", "cannot reach the mail server \(url): \(d)") }
    func loginRefused(_ user: String, _ d: String) -> String {
        t(
            "邮件服务器拒绝登录（用户 \(user)）：\(d)；请检查 username 和 STAR_REPORT_SMTP_PASSWORD",
            "the mail server refused the login (user \(user)): \(d); check username and STAR_REPORT_SMTP_PASSWORD")
    }
    func tlsRefused(_ d: String) -> String {
        t(
            "无法建立加密连接，拒绝以明文发送：\(d)（私有邮件服务器的证书请用 [smtp] ca_file 指定）",
            "no secure connection, refusing to send in clear text: \(d) (for a private mail server's certificate, set [smtp] ca_file)")
    }
    func badSettings(_ d: String) -> String { t("[smtp] 设置有误：\(d)", "bad [smtp] settings: \(d)") }
    func stopped(_ n: Int) -> String { t("已停止，其余 \(n) 封未发送", "stopped; the other \(n) message(s) were not sent") }
    func progress(_ done: Int, _ total: Int, _ rate: Double) -> String {
        let r = rate >= 10 ? String(Int(rate)) : String(format: "%.1f", rate)
        return t("发送中 \(done)/\(total)，\(r) 封/秒", "sending \(done)/\(total), \(r)/s")
    }
    func closing(sent: Int, skipped: Int, failed: Int) -> String { t("已发送 \(sent) 封，跳过 \(skipped) 封，失败 \(failed) 封", "\(sent) sent, \(skipped) skipped, \(failed) failed") }
    func dryRunClosing(send: Int, skipped: Int, failed: Int) -> String {
        t(
            "试运行（--dry-run）：将发送 \(send) 封，跳过 \(skipped) 封，无法发送 \(failed) 封；没有发送任何邮件",
            "dry run: would send \(send), skip \(skipped), cannot send \(failed); nothing was sent")
    }
    func logAt(_ p: String) -> String { t("发送记录：\(p)", "send log: \(p)") }
    func unreadableLog(_ n: Int, _ p: String) -> String { t("警告：\(p) 中有 \(n) 行无法读取，已忽略", "warning: \(n) line(s) of \(p) could not be read and were ignored") }
    var dropped: String { t("连接中断", "connection dropped") }
}
