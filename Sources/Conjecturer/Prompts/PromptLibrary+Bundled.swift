public import Foundation
import LeanPlayPrompts

extension PromptLibrary {
    /// The folder holding the templates LeanPlay ships (the project's `Prompts/`, bundled as package
    /// resources): found wherever the binary runs, not only inside the checkout.
    public static var bundledFolder: URL { BundledPrompts.folder }

    /// The templates LeanPlay ships, with each folder of `adding` adding templates or replacing shipped ones
    /// with the same id (the relative path without `.mustache`, e.g. `formalize/direct`); later folders win.
    ///
    /// ```swift
    /// let library = try PromptLibrary.bundled(adding: [URL(fileURLWithPath: "/home/me/my-prompts")])
    /// ```
    ///
    /// - Throws: `ConjecturerError` naming the file or folder: `.promptsFolderMissing`, `.templateUnreadable`,
    ///   `.templateSyntax`, `.missingPartial`.
    public static func bundled(adding folders: [URL] = []) throws(ConjecturerError) -> PromptLibrary {
        try load(from: [bundledFolder] + folders)
    }
}
