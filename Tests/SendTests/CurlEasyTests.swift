import CCurl
import Testing

@testable import StarSend

/// The libcurl handle's wrapper: a setter libcurl refuses throws with the option's name and
/// libcurl's code; lists and callback objects are kept while set.
@Suite struct CheckedCurlCalls {
    @Test func aRefusedSetterIsNamedWithLibcurlsCode() throws {
        let curl = try #require(CurlEasy())
        #expect(throws: CurlError(call: "CURLOPT_USE_SSL", code: CURLE_BAD_FUNCTION_ARGUMENT)) {
            try curl.set(CURLOPT_USE_SSL, 99)
        }
        #expect(throws: CurlError(call: "CURLOPT 99999", code: CURLE_UNKNOWN_OPTION)) {
            try curl.set(CURLoption(rawValue: 99999), 1)
        }
    }

    /// The names are CurlEasy's own (a libcurl too old for an option may not know its name);
    /// the libcurl of the tests does.
    @Test func theOptionsTheSendSetsAreNamedAsLibcurlNamesThem() throws {
        for (option, name) in CurlEasy.optionNames {
            let known = try #require(curl_easy_option_by_id(CURLoption(rawValue: option)))
            #expect("CURLOPT_" + String(cString: known.pointee.name) == name)
        }
        #expect(CurlEasy.name(of: CURLOPT_PROTOCOLS_STR) == "CURLOPT_PROTOCOLS_STR")
        #expect(CurlEasy.name(of: CURLINFO_RESPONSE_CODE) == "CURLINFO_RESPONSE_CODE")
    }

    @Test func listsAndObjectsAreSetAndUnset() throws {
        let curl = try #require(CurlEasy())
        final class Box {}
        weak var gone: Box?
        do {
            let box = Box()
            gone = box
            try curl.set(CURLOPT_READDATA, object: box)
        }
        #expect(gone != nil)
        try curl.set(CURLOPT_READDATA, object: nil)
        #expect(gone == nil)
        try curl.set(CURLOPT_MAIL_RCPT, list: ["<a@example.org>", "<b@example.org>"])
        try curl.set(CURLOPT_MAIL_RCPT, list: nil)
        #expect(try curl.info(CURLINFO_RESPONSE_CODE) == 0)
        #expect(curl.errorText == "")
    }
}
