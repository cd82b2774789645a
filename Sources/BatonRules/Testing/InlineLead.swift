import BatonLang
import BatonYAML

/// A test's inline `lead:` mapping turned into JSON bytes, so that it is
/// decoded by `TypedJSONDecoder` exactly as a lead file would be: the same
/// rules for bad input, the same messages.
enum InlineLead {
    /// Why a YAML value has no JSON form, at the node.
    struct Unrepresentable: Error {
        var node: YAMLNode
        var message: String
    }

    /// JSON text of `node`: mappings become objects, lists arrays, and
    /// scalars take their YAML 1.2 core schema type (`250` a number, `true`
    /// a boolean, `2026-11-25T12:00:00Z` a string).
    static func json(of node: YAMLNode) throws(Unrepresentable) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: 512)
        try write(node, to: &writer)
        return writer.bytes
    }

    // Recursion is bounded: the YAML reader refuses nesting deeper than 256.
    private static func write(_ node: YAMLNode, to writer: inout JSONWriter) throws(Unrepresentable) {
        switch node.kind {
        case .mapping(let pairs):
            writer.beginObject()
            for pair in pairs {
                writer.key(pair.keyText)
                try write(pair.value, to: &writer)
            }
            writer.endObject()
        case .sequence(let items):
            writer.beginArray()
            for item in items { try write(item, to: &writer) }
            writer.endArray()
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: writer.null()
            case .bool(let value): writer.bool(value)
            case .int(let value): writer.int(value)
            case .string(let text): writer.string(text)
            case .double(let value):
                guard value.isFinite else {
                    throw Unrepresentable(node: node, message: "\(scalar.text) is not a finite number")
                }
                writer.double(value)
            }
        }
    }

    /// The node that a decoder error path (`lead.events[2].at`,
    /// `lead.tags["k"]`) names, or the deepest node of the path that exists
    /// (the lead itself for a missing required field).
    static func node(at path: String, in lead: YAMLNode) -> YAMLNode {
        var current = lead
        for component in components(of: path).dropFirst() {
            switch (component, current.kind) {
            case (.field(let name), .mapping(let pairs)), (.key(let name), .mapping(let pairs)):
                guard let pair = pairs.last(where: { $0.keyText == name }) else { return current }
                current = pair.value
            case (.index(let index), .sequence(let items)):
                guard index >= 0, index < items.count else { return current }
                current = items[index]
            default:
                return current
            }
        }
        return current
    }

    enum PathComponent: Equatable {
        case field(String)
        case index(Int)
        case key(String)
    }

    /// Splits `lead.events[2].at` into `lead`, `events`, `[2]`, `at`; a
    /// quoted key (`["a.b"]`) keeps its dots and brackets.
    static func components(of path: String) -> [PathComponent] {
        var result: [PathComponent] = []
        let scalars = Array(path.unicodeScalars)
        var index = 0
        var field = ""
        func flushField() {
            if !field.isEmpty { result.append(.field(field)) }
            field = ""
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "." {
                flushField()
                index += 1
            } else if scalar == "[" {
                flushField()
                index += 1
                if index < scalars.count, scalars[index] == "\"" {
                    index += 1
                    var key = ""
                    while index < scalars.count, scalars[index] != "\"" {
                        if scalars[index] == "\\", index + 1 < scalars.count { index += 1 }
                        key.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    index += 1
                    result.append(.key(key))
                } else {
                    var digits = ""
                    while index < scalars.count, scalars[index] != "]" {
                        digits.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    result.append(.index(Int(digits) ?? -1))
                }
                while index < scalars.count, scalars[index] != "]" { index += 1 }
                index += 1
            } else {
                field.unicodeScalars.append(scalar)
                index += 1
            }
        }
        flushField()
        return result
    }
}
