import CCurl
import CCurlShim

/// A libcurl call that failed: which one (an option's `CURLOPT_` name, an info's `CURLINFO_`
/// name) and libcurl's code. Never ignored: SMTPTransport turns it into a catalogue message.
struct CurlError: Error, Equatable {
    var call: String
    var code: CURLcode
}

/// The one owner of a libcurl easy handle and the only code that calls libcurl: every call's
/// result is checked. A setter throws when libcurl refuses it (libcurl too old, or built without
/// a feature). What the handle points to is kept alive as long as it may use it (libcurl copies
/// neither a string list nor a callback's object): until the option is set again, or until the
/// handle is cleaned up in `deinit`, which may still call a callback (SMTP's QUIT).
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    /// libcurl's own words for the last failure (CURLOPT_ERRORBUFFER): looked at, never shown.
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    /// The lists set per option, freed when replaced and after the handle.
    private var lists: [CURLoption.RawValue: UnsafeMutablePointer<curl_slist>] = [:]
    /// The objects set per option (a callback's userdata), released after the handle.
    private var objects: [CURLoption.RawValue: AnyObject] = [:]

    /// Fails when libcurl cannot start: its global set-up, the handle, or its error buffer.
    init?() {
        guard Self.globalInit == CURLE_OK, let h = curl_easy_init() else {
            errorBuffer.deallocate()
            return nil
        }
        handle = h
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        guard (try? set(CURLOPT_ERRORBUFFER, pointer: errorBuffer)) != nil else { return nil }
    }

    /// `curl_global_init`, once per process before the first handle (a static is initialised once).
    private static let globalInit: CURLcode = star_curl_global_init()

    deinit {
        curl_easy_cleanup(handle)
        for list in lists.values { curl_slist_free_all(list) }
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        try check(star_setopt_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, _ value: String) throws(CurlError) {
        try check(star_setopt_string(handle, option, value), option)
    }

    /// A `curl_off_t` option (`CURLOPT_INFILESIZE_LARGE`).
    func set(_ option: CURLoption, large value: Int64) throws(CurlError) {
        try check(star_setopt_off(handle, option, curl_off_t(value)), option)
    }

    /// A pointer option (the error buffer).
    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(CurlError) {
        try check(star_setopt_pointer(handle, option, pointer), option)
    }

    /// An object a callback gets as its userdata (`CURLOPT_READDATA`, `CURLOPT_HEADERDATA`), or
    /// none: held until the option is set again or the handle goes.
    func set(_ option: CURLoption, object: AnyObject?) throws(CurlError) {
        try set(option, pointer: object.map { Unmanaged.passUnretained($0).toOpaque() })
        objects[option.rawValue] = object
    }

    /// A data callback (`CURLOPT_READFUNCTION`, `CURLOPT_HEADERFUNCTION`).
    func set(_ option: CURLoption, callback: star_curl_data_cb) throws(CurlError) {
        try check(star_setopt_callback(handle, option, callback), option)
    }

    /// A string list (`CURLOPT_MAIL_RCPT`), or none: the list is built here and kept until the
    /// option is set again or the handle goes.
    func set(_ option: CURLoption, list strings: [String]?) throws(CurlError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for s in strings ?? [] {
            guard let longer = curl_slist_append(list, s) else {
                curl_slist_free_all(list)
                throw CurlError(call: Self.name(of: option), code: CURLE_OUT_OF_MEMORY)
            }
            list = longer
        }
        do { try set(option, pointer: UnsafeMutableRawPointer(list)) } catch {
            curl_slist_free_all(list)
            throw error
        }
        curl_slist_free_all(lists.removeValue(forKey: option.rawValue))
        if let list { lists[option.rawValue] = list }
    }

    /// A `long` the transfer left (`CURLINFO_RESPONSE_CODE`).
    func info(_ info: CURLINFO) throws(CurlError) -> Int {
        var value = 0
        let result = star_getinfo_long(handle, info, &value)
        guard result == CURLE_OK else { throw CurlError(call: Self.name(of: info), code: result) }
        return value
    }

    /// Runs the transfer (or, with `CURLOPT_CONNECT_ONLY`, the connection set-up); its result is
    /// the outcome to read, not an error of the wrapper.
    func perform() -> CURLcode {
        errorBuffer[0] = 0
        return curl_easy_perform(handle)
    }

    /// libcurl's text for the last `perform`'s failure ("" when it gave none).
    var errorText: String { String(cString: errorBuffer) }

    private func check(_ result: CURLcode, _ option: CURLoption) throws(CurlError) {
        guard result == CURLE_OK else { throw CurlError(call: Self.name(of: option), code: result) }
    }

    /// The name of each option star-report sets, for the message that libcurl refused it.
    static let optionNames: [CURLoption.RawValue: String] = Dictionary(
        uniqueKeysWithValues: [
            (CURLOPT_URL, "CURLOPT_URL"), (CURLOPT_PROTOCOLS_STR, "CURLOPT_PROTOCOLS_STR"),
            (CURLOPT_USE_SSL, "CURLOPT_USE_SSL"), (CURLOPT_SSL_VERIFYPEER, "CURLOPT_SSL_VERIFYPEER"),
            (CURLOPT_SSL_VERIFYHOST, "CURLOPT_SSL_VERIFYHOST"), (CURLOPT_CAINFO, "CURLOPT_CAINFO"),
            (CURLOPT_USERNAME, "CURLOPT_USERNAME"), (CURLOPT_PASSWORD, "CURLOPT_PASSWORD"),
            (CURLOPT_UPLOAD, "CURLOPT_UPLOAD"), (CURLOPT_NOSIGNAL, "CURLOPT_NOSIGNAL"),
            (CURLOPT_VERBOSE, "CURLOPT_VERBOSE"), (CURLOPT_CONNECTTIMEOUT, "CURLOPT_CONNECTTIMEOUT"),
            (CURLOPT_SERVER_RESPONSE_TIMEOUT, "CURLOPT_SERVER_RESPONSE_TIMEOUT"),
            (CURLOPT_LOW_SPEED_LIMIT, "CURLOPT_LOW_SPEED_LIMIT"), (CURLOPT_LOW_SPEED_TIME, "CURLOPT_LOW_SPEED_TIME"),
            (CURLOPT_ERRORBUFFER, "CURLOPT_ERRORBUFFER"), (CURLOPT_HEADERDATA, "CURLOPT_HEADERDATA"),
            (CURLOPT_HEADERFUNCTION, "CURLOPT_HEADERFUNCTION"), (CURLOPT_READFUNCTION, "CURLOPT_READFUNCTION"),
            (CURLOPT_READDATA, "CURLOPT_READDATA"), (CURLOPT_MAIL_FROM, "CURLOPT_MAIL_FROM"),
            (CURLOPT_MAIL_RCPT, "CURLOPT_MAIL_RCPT"), (CURLOPT_INFILESIZE_LARGE, "CURLOPT_INFILESIZE_LARGE"),
            (CURLOPT_CONNECT_ONLY, "CURLOPT_CONNECT_ONLY"),
        ].map { ($0.0.rawValue, $0.1) })

    /// An option's name (its number for one not in `optionNames`). Not asked of libcurl:
    /// `curl_easy_option_by_id` needs libcurl 7.73, and the message is for an older libcurl.
    static func name(of option: CURLoption) -> String { optionNames[option.rawValue] ?? "CURLOPT \(option.rawValue)" }

    static func name(of info: CURLINFO) -> String {
        info == CURLINFO_RESPONSE_CODE ? "CURLINFO_RESPONSE_CODE" : "CURLINFO \(info.rawValue)"
    }
}
