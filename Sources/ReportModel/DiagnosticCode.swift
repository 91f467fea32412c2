extension Diagnostic {
    /// What kind of problem a diagnostic is about, as a stable name that tools can match on
    /// (`--diagnostics json`) while the wording of its message changes. Each is explained,
    /// with what to do about it, in `docs/diagnostics.md`; a code once published is never
    /// renamed or given another meaning.
    public enum Code: String, Sendable, Codable, CaseIterable {
        // Reading a file
        case fileUnreadable = "file-unreadable"
        case fileTooLarge = "file-too-large"
        case notUTF8 = "not-utf8"
        case characterDropped = "character-dropped"
        case characterNotAllowed = "character-not-allowed"
        case nestingTooDeep = "nesting-too-deep"

        // Front matter, the desk's configuration and -M
        case frontMatterUnclosed = "front-matter-unclosed"
        case yamlInvalid = "yaml-invalid"
        case yamlDuplicateKey = "yaml-duplicate-key"
        case yamlNotMapping = "yaml-not-mapping"
        case yamlTooLarge = "yaml-too-large"
        case unknownKey = "unknown-key"
        case valueType = "value-type"
        case valueMissing = "value-missing"
        case titleMissing = "title-missing"
        case dateInvalid = "date-invalid"
        case languageInvalid = "language-invalid"
        case tlpInvalid = "tlp-invalid"
        case yardstickInvalid = "yardstick-invalid"
        case issnInvalid = "issn-invalid"
        case emailInvalid = "email-invalid"
        case overrideInvalid = "override-invalid"
        case overrideOnModel = "override-on-model"
        case optionInvalid = "option-invalid"
        case assetFolderMissing = "asset-folder-missing"
        case configurationIgnored = "configuration-ignored"
        case wordsInvalid = "words-invalid"
        case unknownWord = "unknown-word"
        case languageWithoutWords = "language-without-words"

        // The body of a report
        case headingInBlock = "heading-in-block"
        case headingLevelSkipped = "heading-level-skipped"
        case titleHeadingRepeated = "title-heading-repeated"
        case titleMismatch = "title-mismatch"
        case sectionKindsConflict = "section-kinds-conflict"
        case rawHTML = "raw-html"
        case htmlComment = "html-comment"
        case unsupportedMarkdown = "unsupported-markdown"
        case pandocSyntax = "pandoc-syntax"
        case unknownAttribute = "unknown-attribute"
        case unknownClass = "unknown-class"
        case attributeBlockInvalid = "attribute-block-invalid"
        case tableCellsLost = "table-cells-lost"
        case tableTooLarge = "table-too-large"
        case markupTooCostly = "markup-too-costly"
        case widthInvalid = "width-invalid"
        case figureWithoutText = "figure-without-text"
        case referenceUnresolved = "reference-unresolved"
        case footnoteDuplicate = "footnote-duplicate"
        case footnoteUnused = "footnote-unused"
        case footnoteMissing = "footnote-missing"
        case addressInactive = "address-inactive"
        case idInvalid = "id-invalid"
        case idDuplicate = "id-duplicate"
        case leadInMissing = "lead-in-missing"
        case gradeInvalid = "grade-invalid"
        case likelihoodInvalid = "likelihood-invalid"
        case assessmentInvalid = "assessment-invalid"

        // Files a report refers to
        case fileNotFound = "file-not-found"
        case fileOutsideFolder = "file-outside-folder"
        case imageInvalid = "image-invalid"
        case imageUnsafe = "image-unsafe"

        // A report model in JSON, and XML
        case modelInvalid = "model-invalid"
        case xmlNotWellFormed = "xml-not-well-formed"
        case schemaUnreadable = "schema-unreadable"
        case schemaInvalid = "schema-invalid"

        // Building the editions
        case noReports = "no-reports"
        case editionsCollide = "editions-collide"
        case fileNameInvalid = "file-name-invalid"
        case ignoreFileInvalid = "ignore-file-invalid"
        case epubUndated = "epub-undated"
        case accessibilityUnmet = "accessibility-unmet"
        case styleSheetUnreadable = "style-sheet-unreadable"
        case styleSheetUnsafe = "style-sheet-unsafe"
        case referenceDocInvalid = "reference-doc-invalid"
        case pdfEngineMessage = "pdf-engine-message"
        case pdfEngineMissing = "pdf-engine-missing"
        case pdfSkipped = "pdf-skipped"
        case pdfFailed = "pdf-failed"
        case writeFailed = "write-failed"
        case `internal` = "internal"
    }
}
