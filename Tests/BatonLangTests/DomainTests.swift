import Testing

@testable import BatonLang

/// `domain()` of ASCII text, worked out on the bytes (eight at a time, as a
/// range of them) gives what the path on Unicode scalars gives, whatever
/// the shape of the text and wherever its `@`, `:` or white space falls
/// relative to the eight-byte words.
@Suite struct DomainTests {
    static let texts = [
        "", " ", "@", "x@", "@gmail.com", "gmail", "gmail.com", "GMAIL.COM.", "www.gmail.com/about",
        "Ana.Souza@Globex.COM", "a@b@mail.acme.io", "first.last@sub.Example.COM", "a.very.long.local.part@gmail.com",
        "a b@gmail.com", "a@gmail .com", "x@gmail.com        ", "        x@gmail.com", "\tx@Yahoo.Com\n",
        "x@gmail.com.", "x@www.gmail.com", "https://www.Acme.com:8080/x?y", "http://user@sub.acme.com/",
        "https://user@www.Proton.me:8080/x?y", "http://[::1]:80/", "http://[::1", "ftp://gmail.com",
        "mailto:someone.long@gmail.com", "www.acme.co.uk/about", "not an address", "someone.at.example.com:8080",
        "a:b@c.d", "https://", "https:///path", "WWW.", "www.x", "x\u{0B}y@gmail.com", "x@gmail.com\u{0C}",
        "12345678@12345678.12345678", "1234567@", "12345678@", "123456789@a.b", "a@1234567:", "a@12345678://x.y",
    ]

    @Test(arguments: texts)
    func bytePathGivesWhatTheScalarPathGives(text: String) {
        #expect(UnicodeText.domain(text) == UnicodeText.scalarDomain(text), "\(text.debugDescription)")
    }
}
