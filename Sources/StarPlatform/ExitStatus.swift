/// sysexits.h codes of every command (docs/outputs.md, "Exit codes").
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    /// The mail server cannot be reached or refuses the login (EX_UNAVAILABLE).
    case unavailable = 69
    /// Out of memory or file descriptors (EX_OSERR).
    case osError = 71
    case cannotCreate = 73
    case ioError = 74
    /// Another run or send holds the same folder, or the server asked to try later (EX_TEMPFAIL).
    case tempFail = 75
    /// The mail server refused every recipient or the message (EX_NOPERM).
    case noPermission = 77
}
