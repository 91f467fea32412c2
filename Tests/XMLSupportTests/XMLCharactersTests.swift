import Testing
@testable import XMLSupport

/// The byte-level scan finds exactly the characters the scalar-level rule forbids.
@Suite struct XMLCharactersTests {
    static let pool: [Unicode.Scalar] = [
        "a", "\t", "\n", "\r", "\u{0}", "\u{1}", "\u{1F}", " ", "\u{7F}", "é", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}",
        "\u{FFBE}", "\u{EFBF}", "\u{BFBF}", "\u{10000}", "\u{10FFFF}", "한", "\u{FEFF}",
    ]

    @Test func scanningBytesAgreesWithScalars() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            // Up to 23 scalars, so that runs of eight bytes and more take the word-at-a-time path.
            for _ in 0..<Int(state % 24) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                scalars.append(Self.pool[Int(state >> 33) % Self.pool.count])
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let text = String(scalars)
            #expect(
                XMLCharacters.hasForbidden(text.utf8) == text.unicodeScalars.contains { !XMLCharacters.isAllowed($0) },
                "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
