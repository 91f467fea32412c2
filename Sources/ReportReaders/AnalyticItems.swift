import ReportModel

/// Key judgments, risks and sources: the list items of the report sections of docs/report-markdown.md §4.
extension BodyBuilder {
    /// How many attributes a report's diagnostics are looked for at their column.
    static let attributeSearches = 100

    func keyJudgment(_ item: MarkdownNode) -> KeyJudgment {
        let (title, endsSentence, blocks, attributes) = analyticContent(item, needsTitle: "a key judgment")
        var judgment = KeyJudgment(id: attributes?.id, title: title, blocks: blocks)
        judgment.titleEndsSentence = endsSentence
        for attribute in attributes?.attributes ?? [] {
            switch attribute.key {
            case "likelihood": judgment.likelihood = likelihood(attribute, at: item)
            case "confidence": judgment.confidence = value(attribute, at: item)
            case "impact": judgment.impact = value(attribute, at: item)
            default: judgment.attributes.append(unknown(attribute, at: item, known: "likelihood, impact, confidence"))
            }
        }
        return judgment
    }

    func risk(_ item: MarkdownNode) -> Risk {
        let (title, endsSentence, blocks, attributes) = analyticContent(item, needsTitle: "a risk")
        var risk = Risk(id: attributes?.id, title: title, blocks: blocks)
        risk.titleEndsSentence = endsSentence
        for attribute in attributes?.attributes ?? [] {
            switch attribute.key {
            case "likelihood": risk.likelihood = likelihood(attribute, at: item)
            case "impact": risk.impact = value(attribute, at: item)
            case "confidence": risk.confidence = value(attribute, at: item)
            default: risk.attributes.append(unknown(attribute, at: item, known: "likelihood, impact, confidence"))
            }
        }
        return risk
    }

    func source(_ item: MarkdownNode) -> Source {
        let (blocks, attributes) = itemContent(item)
        var source = Source(id: attributes?.id, blocks: blocks)
        for attribute in attributes?.attributes ?? [] {
            if attribute.key == "grade" {
                if let grade = AdmiraltyGrade(attribute.value) {
                    source.grade = grade
                } else {
                    log.error(.gradeInvalid,
                        "'\(attribute.value)' is not an Admiralty grade: write reliability A–F and credibility 1–6, as in B2",
                        at: location(of: attribute, in: item))
                }
            } else {
                source.attributes.append(unknown(attribute, at: item, known: "grade"))
            }
        }
        return source
    }

    /// The bold lead-in as title (without its closing colon or full stop), whether that was a
    /// full stop (true) or a colon (false; nil: neither), and the item's blocks with the
    /// lead-in taken off the first paragraph.
    private func analyticContent(_ item: MarkdownNode, needsTitle what: String) -> ([Inline], Bool?, [Block], AttributeBlock?) {
        var (blocks, attributes) = itemContent(item)
        guard case .paragraph(var inlines) = blocks.first, case .strong(var title) = inlines.first else {
            log.warning(.leadInMissing, "\(what) starts with a bold lead-in that is its title, as in **Title:** text", at: location(item))
            return ([], nil, blocks, attributes)
        }
        inlines.removeFirst()
        var closing = ""
        title = title.trimmingTrailing { character in
            guard ":.".contains(character) || character.isWhitespace else { return false }
            closing.append(character)
            return true
        }
        inlines = inlines.trimmingLeading { character in
            guard ":.".contains(character) || character.isWhitespace else { return false }
            closing.append(character)
            return true
        }
        if inlines.isEmpty { blocks.removeFirst() } else { blocks[0] = .paragraph(inlines) }
        let endsSentence: Bool? = closing.contains(":") ? false : closing.contains(".") ? true : nil
        return (title, endsSentence, blocks, attributes)
    }

    private func likelihood(_ attribute: Attribute, at item: MarkdownNode) -> Likelihood? {
        if let likelihood = Likelihood(attribute.value, yardstick: yardstick) { return likelihood }
        let allowed = yardstick.terms.map(\.token).joined(separator: ", ")
        log.error(.likelihoodInvalid,
            "'\(attribute.value)' is not a likelihood of the \(yardstick.rawValue) yardstick; use one of \(allowed), or a percentage such as 70%",
            at: location(of: attribute, in: item))
        return nil
    }

    /// Where `attribute` is written in the item's attribute block (`{… likelihood=maybe}`,
    /// as the author spelled it), for a diagnostic at its column; the item's place when it
    /// cannot be found. Only the item's first 64 lines of at most 4,096 bytes are searched,
    /// so that a diagnostic costs no more than its item's text, and only for the report's
    /// first `attributeSearches` (a report of nothing but bad attributes stays linear).
    private func location(of attribute: Attribute, in item: MarkdownNode) -> SourceLocation {
        attributeSearches += 1
        guard attributeSearches <= Self.attributeSearches else { return location(item) }
        let written = attribute.key + "="
        for line in item.startLine...max(item.startLine, min(item.endLine, item.startLine + 63)) {
            let text = source.lineText(line)
            guard text.utf8.count <= 4096 else { continue }
            for block in text.matches(of: /\{[^{}]*\}/) {
                for found in text[block.range].ranges(of: written) {
                    guard found.lowerBound == block.range.lowerBound || " {\t".contains(text[text.index(before: found.lowerBound)]) else { continue }
                    let rest = text[found.upperBound..<block.range.upperBound].drop { $0 == "\"" || $0 == "'" }
                    guard rest.hasPrefix(attribute.value),
                        let after = rest.dropFirst(attribute.value.count).first, "\"' }\t".contains(after)
                    else { continue }
                    var location = source.location(line: line, byteColumn: text[..<found.lowerBound].utf8.count + 1)
                    location.end = source.position(line: line, lastByte: text[..<rest.startIndex].utf8.count + attribute.value.utf8.count)
                    return location
                }
            }
        }
        return location(item)
    }

    private func value<T: RawRepresentable & CaseIterable>(_ attribute: Attribute, at item: MarkdownNode) -> T?
    where T.RawValue == String {
        if let value = T(rawValue: attribute.value) { return value }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        log.error(.assessmentInvalid, "'\(attribute.value)' is not a valid \(attribute.key); use one of \(allowed)", at: location(of: attribute, in: item))
        return nil
    }

    private func unknown(_ attribute: Attribute, at item: MarkdownNode, known: String) -> Attribute {
        let hint = NearName.hint(for: attribute.key, among: known.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        log.warning(.unknownAttribute, "the attribute '\(attribute.key)' has no meaning here\(hint); known: \(known)", at: location(of: attribute, in: item))
        return attribute
    }
}

extension Array where Element == Inline {
    /// Drops characters matching `predicate` from the end of the trailing text.
    func trimmingTrailing(_ predicate: (Character) -> Bool) -> [Inline] {
        var result = self
        while case .text(let text) = result.last {
            let trimmed = String(text.reversed().drop(while: predicate).reversed())
            if trimmed.isEmpty { result.removeLast() } else {
                result[result.count - 1] = .text(trimmed)
                break
            }
        }
        return result
    }

    /// Drops characters matching `predicate` from the start of the leading text.
    func trimmingLeading(_ predicate: (Character) -> Bool) -> [Inline] {
        var result = self
        while case .text(let text) = result.first {
            let trimmed = String(text.drop(while: predicate))
            if trimmed.isEmpty { result.removeFirst() } else {
                result[0] = .text(trimmed)
                break
            }
        }
        return result
    }
}
