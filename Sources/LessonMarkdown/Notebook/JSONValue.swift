import LitmusDiagnostics

/// A JSON value that remembers where it stands in the file, so notebook positions can point
/// into the `.ipynb` text itself.
indirect enum JSONValue: Sendable {
    case null(SourceLocation)
    case bool(Bool, SourceLocation)
    case number(Double, SourceLocation)
    case string(JSONString)
    case array([JSONValue], SourceLocation)
    case object([(key: String, value: JSONValue)], SourceLocation)

    var location: SourceLocation {
        switch self {
        case .null(let location), .bool(_, let location), .number(_, let location),
            .array(_, let location), .object(_, let location):
            location
        case .string(let string):
            string.location
        }
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let members, _) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    var stringValue: String? {
        if case .string(let string) = self { return string.value }
        return nil
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A decoded JSON string with the file position of each decoded byte run.
struct JSONString: Sendable {
    var value: String
    /// Position of the opening quote.
    var location: SourceLocation
    /// Decoded byte offset → file position, at the string's start and after every escape.
    var anchors: [(offset: Int, location: SourceLocation)]
}
