/// The catalogue's entries about `run --pdf` (the notice printed by headless Chromium), kept
/// beside the rest of the catalogue by theme.
extension Catalogue {
    static let pdfEntries: [MessageID: Entry] = [
        .pdfNoChromium: Entry(
            code: "",
            zh:
                """
                找不到 Chromium，没有打印 notice.pdf（其余报告已写出）：请安装 Chromium 和中文字体（Debian/Ubuntu：sudo apt-get install \
                chromium fonts-noto-cjk），然后再运行
                """,
            en:
                """
                Chromium was not found, so notice.pdf was not printed (the other reports are written): install \
                Chromium and a Chinese font (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk), then \
                run again
                """
        ),
        .pdfFailed: Entry(
            code: "",
            zh: "Chromium（{program}）没能打印 notice.pdf（退出码 {status}），其余报告已写出：可在浏览器中打开 notice.html 后打印",
            en:
                """
                Chromium ({program}) could not print notice.pdf (exit status {status}); the other reports are \
                written: open notice.html in a browser and print it
                """
        ),
        .pdfTimedOut: Entry(
            code: "",
            zh: "Chromium（{program}）在 {seconds} 秒内没有打印完 notice.pdf，已停止它；其余报告已写出：可在浏览器中打开 notice.html 后打印",
            en:
                """
                Chromium ({program}) did not finish notice.pdf within {seconds} s and was stopped; the other \
                reports are written: open notice.html in a browser and print it
                """
        ),
        .pdfCannotStart: Entry(
            code: "",
            zh: "无法启动 Chromium（{program}：{reason}），没有打印 notice.pdf（其余报告已写出）：请检查 Chromium 的安装",
            en:
                """
                cannot start Chromium ({program}: {reason}), so notice.pdf was not printed (the other reports are \
                written): check the Chromium installation
                """
        ),
    ]
}
