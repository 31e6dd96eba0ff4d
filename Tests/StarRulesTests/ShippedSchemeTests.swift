import Foundation
import StarRules
import Testing

/// The default scheme is compiled into the binary (the EmbedFiles plugin): it is the file in
/// Sources/StarRules/Resources, byte for byte.
@Suite struct ShippedSchemeTests {
    @Test func compiledInSchemeIsTheFileOfResources() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/StarRules/Resources").appendingPathComponent(RulesFile.defaultName)
        #expect(Array(RulesFile.defaultText.utf8) == [UInt8](try Data(contentsOf: file)))
    }
}
