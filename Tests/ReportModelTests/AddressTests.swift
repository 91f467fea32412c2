import ReportModel
import Testing

/// The one rule for addresses: only http, https and mailto are active, read as a browser
/// reads them, and percent-encoded so that no edition is made invalid.
struct AddressTests {
    @Test(arguments: [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "java\nscript:alert(1)", "java&#x09;script:alert(1)", "java&#9;script:alert(1)", "javascript&colon;alert(1)",
        "\u{1}javascript:alert(1)", "vbscript:msgbox", "data:text/html,<script>", "file:///etc/passwd",
        "notes.md", "../secret.txt", "//server/share/x.exe", "\\\\server\\share", "", "ftp://example.org/x",
        "http://", "https:///",
    ])
    func inactive(_ address: String) {
        guard case .inactive = Address.classify(address) else {
            Issue.record("'\(address)' was made active: \(Address.classify(address))")
            return
        }
    }

    @Test func activeAddressesKeepTheirFormAndLowerCaseTheirScheme() {
        #expect(Address.classify("https://example.org/a?b=c#d") == .active("https://example.org/a?b=c#d"))
        #expect(Address.classify("HTTPS://example.org/") == .active("https://example.org/"))
        #expect(Address.classify(" mailto:desk@example.org ") == .active("mailto:desk@example.org"))
        #expect(Address.classify("https://ru.wikipedia.org/wiki/Москва") == .active("https://ru.wikipedia.org/wiki/Москва"))
    }

    @Test func fragmentsAreCrossReferences() {
        #expect(Address.classify("#fig-1") == .fragment("fig-1"))
    }

    @Test func whatAURIMayNotHoldIsPercentEncoded() {
        #expect(Address.classify("https://example.org/a b[1]%zz\u{7F}\u{85}") == .active("https://example.org/a%20b%5B1%5D%25zz%7F%C2%85"))
        #expect(Address.classify("https://[::1]:8080/x[y]") == .active("https://[::1]:8080/x%5By%5D"))
        #expect(Address.classify("mailto:desk@example.org") == .active("mailto:desk@example.org"))
        #expect(Address.classify("https://example.org/%41") == .active("https://example.org/%41"))
    }

    @Test func emailAddresses() {
        #expect(Address.isEmail("desk@example.org"))
        for bad in ["a\"b@example.org", "a b@example.org", "no-at-sign", "a@b", "<a@example.org>", "a@@example.org",
            "a?attach=/etc/passwd@example.org", "a@example.org?attach=/etc/passwd", "a=b&c@example.org", "a/b@example.org", "a@example..org"] {
            #expect(!Address.isEmail(bad), "\(bad)")
        }
        #expect(Address.isEmail("first.last+desk_2@example-mail.org") && Address.isEmail("кремль@пример.рф"))
    }

    /// A `mailto:` address carries an address and nothing else: mail clients have honoured
    /// `attach=`, and a body or a second recipient is not what a reader clicks for.
    @Test func mailtoCarriesOneAddressAndNothingElse() {
        for bad in ["mailto:a@example.org?attach=/home/u/.ssh/id_rsa", "mailto:a@example.org?body=x", "mailto:a@example.org,b@example.org",
            "mailto:a\"b@example.org", "mailto:", "MAILTO:a@example.org&attach=x"] {
            guard case .inactive = Address.classify(bad) else {
                Issue.record("\(bad) is active")
                continue
            }
        }
        #expect(Address.mailto("a@example.org?attach=x") == nil && Address.mailto("a@example.org") == "mailto:a@example.org")
    }

    @Test func cssLengths() {
        for good in ["80%", "12cm", "1.5in", ".5em", "300px", "10Q"] { #expect(CSSLength.isValid(good), "\(good)") }
        for bad in ["", "cm", "1cm;background:url(x)", "1 cm", "-1cm", "1..2cm", "1.cm", "calc(1cm)", "12", "1e3px"] {
            #expect(!CSSLength.isValid(bad), "\(bad)")
        }
    }
}
