public import Foundation

/// The prompt templates LeanPlay ships (this folder's `formalize/`, `partials/`, `prove/`, `repair/` and
/// `variants/`), bundled as package resources so that they are found wherever the binary runs.
///
/// SwiftPM copies them into `LeanPlay_LeanPlayPrompts.resources`, built beside the executables; an installed
/// `leanplay` needs that folder installed beside it too.
public enum BundledPrompts {
    /// The folder that holds the bundled templates, laid out like the project's `Prompts/`.
    public static var folder: URL {
        Bundle.module.resourceURL ?? Bundle.module.bundleURL
    }
}
