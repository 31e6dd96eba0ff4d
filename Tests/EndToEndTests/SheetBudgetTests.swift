import Foundation
import TestSupport
import Testing

/// Hostile workbooks cost work and memory in proportion to their size: a shared string is kept
/// once however many cells use it, and a cell's text over the limit is refused before any copy.
@Suite struct SheetBudgetTests {
    /// 400 rows whose 支部名称 is one shared string of a million CJK characters (a 124 KB file took
    /// 1.2 GB when each cell copied and trimmed it): one error per cell, memory bounded.
    @Test func aHugeSharedStringUsedByEveryRowIsRefusedPerCellInBoundedMemory() throws {
        let dir = try temporaryDirectory("huge-sst")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("2026")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let (status, out) = try python(
            """
            import openpyxl, os, re, resource, subprocess, sys, zipfile
            header = ["年度", "支部编号", "支部名称", "上级党组织编号", "上级党组织名称", "党员人数"]
            header += [f"{k}{i}" for k in ("自评", "测评", "考评") for i in range(1, 11)]
            header += ["参评党员人数", "参评群众人数", "满意率"]
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.append(header)
            for r in range(400):
                ws.append([2026, f"B{r:04d}", "NAME", "C", "机关党委", 10] + [9] * 30 + [10, 10, 95])
            wb.save(sys.argv[2] + "/plain.xlsx")
            # every 支部名称 refers to one shared string (as Excel writes a repeated text)
            src = zipfile.ZipFile(sys.argv[2] + "/plain.xlsx")
            sst = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   '<si><t xml:space="preserve"> '
                   + "党" * 1_000_000 + "</t></si></sst>").encode()
            rel = (b'<Relationship Id="rIdS" Target="sharedStrings.xml" '
                   b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
                   b'</Relationships>')
            with zipfile.ZipFile(sys.argv[2] + "/huge.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
                for i in src.infolist():
                    d = src.read(i.filename)
                    if i.filename == "xl/worksheets/sheet1.xml":
                        d = re.sub(rb't="inlineStr"><is><t>NAME</t></is>', b't="s"><v>0</v>', d)
                    if i.filename == "xl/_rels/workbook.xml.rels":
                        d = d.replace(b"</Relationships>", rel)
                    z.writestr(i.filename, d)
                z.writestr("xl/sharedStrings.xml", sst)
            os.remove(sys.argv[2] + "/plain.xlsx")
            p = subprocess.run([sys.argv[1], "validate", "--input", sys.argv[2]], capture_output=True, text=True)
            print(p.returncode)
            print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
            print(p.stderr)
            """, [binaryPath, input.path])
        #expect(status == 0, "\(out.prefix(2000))")
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "65")
        let peakMiB = Int(lines.count > 1 ? lines[1] : "") ?? .max
        #expect(peakMiB < 400, "peak \(peakMiB) MiB")
        #expect(
            lines.filter { $0.contains("error[E-XLSX-LIMIT]") && $0.contains("支部名称") }.count == 400,
            "\(out.prefix(2000))")
    }
}
