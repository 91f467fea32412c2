import NameBasedUUID
import Testing

@Suite struct NameBasedUUIDTests {
    /// The expected values come from Python's `uuid.uuid5(uuid.NAMESPACE_URL, name)`, an
    /// implementation of RFC 9562 independent of ours.
    @Test func agreesWithPythonsVersion5UUIDs() {
        #expect(NameBasedUUID.urn(for: Array("https://example.org/r".utf8)) == "urn:uuid:36c5c9f4-c65c-5b8e-b987-44a7f6f820bc")
        #expect(NameBasedUUID.urn(for: Array("imprint:identifier:brief-7".utf8)) == "urn:uuid:2cc4c704-171b-589a-b815-caf6e1e8e6cd")
    }
}
