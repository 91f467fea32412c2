import ReportModel

extension ISBNs {
    /// The colophon's ISBN lines, as every edition prints them: the print edition's, then
    /// the e-book's ("ISBN 978-0-306-40615-7 (print)"), each with its kind (`isbn-print`,
    /// `isbn-ebook`) for editions that mark them, in the report's language.
    public func lines(_ words: Words) -> [(kind: String, text: String)] {
        [
            print.map { ("isbn-print", words(.isbnPrint, ["isbn": $0.description])) },
            ebook.map { ("isbn-ebook", words(.isbnEbook, ["isbn": $0.description])) },
        ].compactMap { $0 }
    }
}
