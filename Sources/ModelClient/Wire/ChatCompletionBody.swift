import Foundation

/// The JSON body of `POST /chat/completions`. Nil fields are omitted (synthesized `encodeIfPresent`).
struct ChatCompletionBody: Encodable, Sendable {
    var model: String
    var messages: [ChatMessage]
    var n: Int
    var temperature: Double?
    var topP: Double?
    var maxTokens: Int?
    var seed: Int?
    var stop: [String]?

    enum CodingKeys: String, CodingKey {
        case model, messages, n, temperature, seed, stop
        case topP = "top_p"
        case maxTokens = "max_tokens"
    }

    /// The body asking for `count` samples, with the seed shifted by `seedOffset` (see `SamplingParameters.seed`).
    init(model: String, request: ChatRequest, count: Int, seedOffset: Int) {
        let parameters = request.parameters
        self.model = model
        messages = request.messages
        n = count
        temperature = parameters.temperature
        topP = parameters.topP
        maxTokens = parameters.maxTokens
        seed = parameters.seed.map { $0 &+ seedOffset }
        stop = parameters.stop
    }

    /// The encoded JSON.
    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
