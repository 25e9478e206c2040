public import Foundation
import Conjecturer
public import Ledger
public import LeanSource
public import ModelClient
public import Prover

/// How a self-play round is run. Every field has a working default.
public struct SelfPlayConfiguration: Sendable, Hashable {
    /// How statements are proved.
    public var prover: ProverConfiguration
    /// The header for corpus problems that carry none: used to formalize (prompt, validation, repair),
    /// to validate corpus statements and variants, and recorded with each formalization in the ledger.
    public var defaultHeader: String
    /// Queue items worked per round.
    public var queueLimit: Int
    /// Model formalizations sampled per problem without a formal statement.
    public var formalizationSamples: Int
    /// Variants asked for per varied formalization.
    public var variantsPerTarget: Int
    /// How many formalizations are varied per round (hard open ones and recently proved ones).
    public var variantTargets: Int
    /// Seed for the conjecturer's sampling (templates, exemplars, temperatures).
    public var seed: UInt64
    /// Where each finished round writes its training exports (`<kind>.jsonl`); nil writes none.
    public var exportDirectory: URL?
    /// The exports written to `exportDirectory`.
    public var exportKinds: [ExportKind]
    /// Temperature, top_p and max_tokens of the formalizer's requests (nil fields keep the
    /// formalizer's defaults); `[models.formalizer]` inheriting `[models.default]` in `leanplay.toml`.
    public var formalizerSampling = SamplingParameters()
    /// Temperature and max_tokens of the variant generator's requests (nil fields keep the defaults);
    /// `[models.variant_generator]` inheriting `[models.default]`.
    public var variantSampling = SamplingParameters()
    /// Statement repair rounds of the formalizer (`[search] repair_rounds`).
    public var formalizationRepairRounds = AutoformalizationSettings().repairRounds
    /// How this process shares the ledger with other peers (peer id, lease length, polling); the default
    /// is a peer named `HOST-PID` with 60-second leases.
    public var peer = PeerConfiguration()

    /// Creates a configuration.
    public init(
        prover: ProverConfiguration = ProverConfiguration(), defaultHeader: String = LeanPreamble.defaultHeader, queueLimit: Int = 64,
        formalizationSamples: Int = 4, variantsPerTarget: Int = 2, variantTargets: Int = 4, seed: UInt64 = 0,
        exportDirectory: URL? = nil, exportKinds: [ExportKind] = [.sft, .repair, .steps, .pairs, .curriculum]
    ) {
        precondition(queueLimit > 0, "a round must be allowed to work at least one queue item")
        self.prover = prover
        self.defaultHeader = defaultHeader
        self.queueLimit = queueLimit
        self.formalizationSamples = formalizationSamples
        self.variantsPerTarget = variantsPerTarget
        self.variantTargets = variantTargets
        self.seed = seed
        self.exportDirectory = exportDirectory
        self.exportKinds = exportKinds
    }
}
