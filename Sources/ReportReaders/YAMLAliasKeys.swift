import CYaml

/// Where a YAML text uses an alias as a mapping key (`? *a`, `{*a : 1}`), found in
/// libyaml's events before Yams composes the text: Yams checks a mapping's keys for
/// duplicates by hashing each whole, so an alias key is its aliased tree hashed again for
/// every use (a 98 KB text took 17 s, and it grows with the square of the text). Keys are
/// names in every YAML Imprint reads; an alias is never needed there.
enum YAMLAliasKeys {
    /// The place of the first alias used as a key; nil when there is none, or when the text
    /// does not parse (Yams then says why).
    static func first(in text: String) -> (line: Int, column: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> (line: Int, column: Int)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // For each open collection: whether it is a mapping, and the count of its nodes.
            var open: [(isMapping: Bool, nodes: Int)] = []
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let type = event.type
                if type == YAML_STREAM_END_EVENT { return nil }
                let isNode = type == YAML_ALIAS_EVENT || type == YAML_SCALAR_EVENT || type == YAML_SEQUENCE_START_EVENT
                    || type == YAML_MAPPING_START_EVENT
                if isNode, let top = open.last {
                    if top.isMapping, top.nodes % 2 == 0, type == YAML_ALIAS_EVENT {
                        return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                    }
                    open[open.count - 1].nodes += 1
                }
                if type == YAML_SEQUENCE_START_EVENT { open.append((false, 0)) }
                if type == YAML_MAPPING_START_EVENT { open.append((true, 0)) }
                if type == YAML_SEQUENCE_END_EVENT || type == YAML_MAPPING_END_EVENT { open.removeLast() }
            }
            return nil
        }
    }
}
