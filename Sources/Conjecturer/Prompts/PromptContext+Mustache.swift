import Mustache

/// Empty text: renders as nothing and is falsy in sections (swift-mustache treats any String as truthy).
struct EmptyPromptText: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

extension PromptValue {
    /// The object swift-mustache renders: String, Bool, arrays and dictionaries.
    var mustacheObject: Any {
        switch self {
        case .text(let text): text.isEmpty ? EmptyPromptText() : text
        case .flag(let flag): flag
        case .list(let items): items.map(\.mustacheObject)
        case .object(let context): context.mustacheObject
        }
    }
}

extension PromptContext {
    /// The dictionary swift-mustache renders.
    var mustacheObject: [String: Any] { values.mapValues(\.mustacheObject) }
}
