import ArgumentParser
import LeanPlay

/// `--prompts DIR`: a folder of prompt templates laid out like `Prompts/`.
struct PromptsOption: ParsableArguments {
    @Option(help: "A folder of Mustache prompt templates laid out like Prompts/ that adds to or overrides the shipped ones.")
    var prompts: String?

    func apply(to configuration: inout LeanPlayConfiguration) {
        var overrides = LeanPlayConfiguration.Overrides()
        overrides.promptsDirectory = prompts
        configuration.apply(overrides)
    }
}
