/// sysexits.h codes used by the command line (outputs.md).
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    /// `run --pdf` without a working Chromium: every other report is written, notice.pdf is not
    /// (EX_UNAVAILABLE).
    case unavailable = 69
    case cannotCreate = 73
    case ioError = 74
    /// Out of memory or file descriptors (EX_OSERR).
    case osError = 71
    /// Another run is writing the same output folder (EX_TEMPFAIL).
    case tempFail = 75
}
