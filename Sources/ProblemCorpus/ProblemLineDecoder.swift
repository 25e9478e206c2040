import Foundation

/// Turns one JSONL line into a `Problem` according to a `CorpusFormat`.
struct ProblemLineDecoder {
    let format: CorpusFormat
    let file: String

    func decode(_ bytes: ArraySlice<UInt8>, line: Int) throws(CorpusError) -> Problem {
        func fail(_ code: CorpusError.Code, _ message: String) -> CorpusError {
            CorpusError(code: code, message: message, file: file, line: line)
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            let offset = Self.firstInvalidUTF8Offset(bytes)
            throw fail(.invalidUTF8, "invalid UTF-8 at byte \(offset) of the line. Re-encode the file as UTF-8.")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw fail(.malformedJSON, "malformed JSON (\(Self.describe(error))). Fix or remove the line.")
        }
        guard let fields = object as? [String: Any] else {
            throw fail(.malformedJSON, "the line is JSON but not an object. Each line must be one {…} problem.")
        }
        let lineFormat = format == .automatic ? CorpusFormat.detect(keys: fields.keys) : format
        guard let lineFormat else {
            throw fail(.unrecognizedFormat,
                       "keys \(fields.keys.sorted()) fit no known format. Expected LeanPlay {id, informal, …}, "
                       + "miniF2F {id|name, formal_statement, …} or ProofNet {id|name, nl_statement, formal_statement}.")
        }
        let reader = FieldReader(fields: fields, format: lineFormat, fail: fail)
        return try reader.problem()
    }

    /// Byte offset (0-based, within the line) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return offset
            }
        }
    }

    static func describe(_ error: any Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return text ?? "not parseable"
    }
}
