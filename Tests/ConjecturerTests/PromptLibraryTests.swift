import Conjecturer
import Foundation
import LeanPlayTestSupport
import ModelClient
import Testing

@Suite("PromptLibrary")
struct PromptLibraryTests {
    /// Every variable any project template uses, with sample values.
    static let fullContext: PromptContext = [
        "problem_id": "amc12_p1",
        "theorem_name": "amc12_p1",
        "informal": "Show that for all real x with x < 2 & x > 0, x^2 < 4.",
        "header": "import Mathlib\nopen Real",
        "exemplars": .list([["informal": "Show 1 + 1 = 2.", "formal_statement": "theorem ex1 : 1 + 1 = 2 := by sorry"]]),
        "statement": "theorem amc12_p1 (x : ℝ) (h₀ : 0 < x) (h₁ : x < 2) : x ^ 2 < 4 := by sorry",
        "lean_error": "1:8: unknown identifier 'foo'",
        "count": "3",
        "proof": "nlinarith [h₀, h₁]",
        "goals": "x : ℝ\nh₀ : 0 < x\n⊢ x ^ 2 < 4",
        "tactics": .list([["tactic": "intro x"]]),
        "failed_tactics": .list([["tactic": "simp"]]),
    ]

    @Test("the project's Prompts/ folder loads with every kind the pipeline needs")
    func loadsProjectPrompts() throws {
        let library = try Fixtures.prompts()
        #expect(library.ids(kind: "formalize").count >= 3)
        #expect(Set(library.ids(kind: "variants")).isSuperset(of: [
            "variants/special_case", "variants/generalization", "variants/weaker_conclusion",
            "variants/stronger_hypothesis", "variants/sub_lemma", "variants/perturbed_constants", "variants/contrapositive",
        ]))
        for id in ["repair/statement", "prove/whole_proof", "prove/repair_proof", "prove/next_tactic"] {
            #expect(library.template(id) != nil, "missing \(id)")
        }
        #expect(library.template("formalize/direct")?.roles == ["system", "user"])
        #expect(library.template("formalize/direct")?.description.isEmpty == false)
    }

    @Test("every template file in Prompts/ renders with a sample context, verbatim and fully")
    func everyTemplateRenders() throws {
        let library = try Fixtures.prompts()
        let ids = library.ids.filter { !$0.hasPrefix("partials/") }
        #expect(ids.count >= 15)
        for id in ids {
            let messages = try library.render(id, context: Self.fullContext)
            #expect(!messages.isEmpty, "\(id) rendered no message")
            #expect(messages.last?.role == "user", "\(id) should end with the user's message")
            for message in messages {
                #expect(!message.content.contains("{{"), "\(id) left a tag unrendered")
                #expect(!message.content.contains("&amp;") && !message.content.contains("&lt;"), "\(id) HTML-escaped its variables")
            }
        }
        let partials = library.ids(kind: "partials")
        #expect(partials.count >= 2)
        for id in partials { #expect(try !library.render(id, context: Self.fullContext).isEmpty) }
    }

    @Test("formalize/few_shot shows the exemplars and the problem; an empty header leaves no header block")
    func fewShotRendersExemplars() throws {
        let library = try Fixtures.prompts()
        var context = Self.fullContext
        context["header"] = ""
        context["exemplars"] = .list([
            ["informal": "Show 1 + 1 = 2.", "formal_statement": "theorem ex1 : 1 + 1 = 2 := by sorry"],
            ["informal": "Show 3 ≤ 5.", "formal_statement": "theorem ex2 : 3 ≤ 5 := by sorry"],
        ])
        let user = try #require(library.render("formalize/few_shot", context: context).last).content
        #expect(user.contains("theorem ex1 : 1 + 1 = 2 := by sorry"))
        #expect(user.contains("theorem ex2 : 3 ≤ 5 := by sorry"))
        #expect(user.contains("Show that for all real x with x < 2 & x > 0, x^2 < 4."))
        #expect(user.contains("named `amc12_p1`"))
        #expect(!user.contains("The file starts with this header"))
        #expect(!user.contains("\n\n\n"), "runs of blank lines are collapsed")
    }

    @Test("a missing variable is a typed error naming the template file and the variable")
    func missingVariable() throws {
        let library = try Fixtures.prompts()
        let error = try #require(throws: ConjecturerError.self) {
            try library.render("formalize/direct", context: ["theorem_name": "t"])
        }
        #expect(error.code == .missingVariable)
        #expect(error.origin?.hasSuffix("formalize/direct.mustache") == true)
        #expect(error.message.contains("{{informal}}"))
    }

    @Test("a variable used only inside a section is optional")
    func optionalSectionVariable() throws {
        let folder = try Fixtures.folder(["kind/t.mustache": "A{{#note}} ({{note}}){{/note}} {{name}}"])
        let library = try PromptLibrary.load(from: folder)
        #expect(try library.render("kind/t", context: ["name": "x"]) == [ChatMessage(role: "user", content: "A x")])
        #expect(try library.render("kind/t", context: ["name": "x", "note": "n"]) == [ChatMessage(role: "user", content: "A (n) x")])
    }

    @Test("unknown template id, bad Mustache, unknown role, missing partial, missing folder: typed errors naming the file")
    func badTemplates() throws {
        let library = try Fixtures.prompts()
        #expect(throws: ConjecturerError.self) { try library.render("formalize/nope", context: [:]) }

        let unclosed = try Fixtures.folder(["formalize/broken.mustache": "Hello {{#items}} never closed"])
        let syntax = try #require(throws: ConjecturerError.self) { try PromptLibrary.load(from: unclosed) }
        #expect(syntax.code == .templateSyntax)
        #expect(syntax.origin?.hasSuffix("formalize/broken.mustache") == true)

        let role = try Fixtures.folder(["x/r.mustache": "{{! role: narrator }}\nhi"])
        let roleError = try #require(throws: ConjecturerError.self) { try PromptLibrary.load(from: role) }
        #expect(roleError.code == .templateSyntax)
        #expect(roleError.message.contains("narrator"))

        let partial = try Fixtures.folder(["x/p.mustache": "{{> partials/absent}}"])
        let partialError = try #require(throws: ConjecturerError.self) { try PromptLibrary.load(from: partial) }
        #expect(partialError.code == .missingPartial)
        #expect(partialError.origin?.hasSuffix("x/p.mustache") == true)

        let unterminated = try Fixtures.folder(["x/u.mustache": "Hello {{name"])
        #expect(throws: ConjecturerError.self) { try PromptLibrary.load(from: unterminated) }

        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-prompts-\(UUID().uuidString)")
        let folderError = try #require(throws: ConjecturerError.self) { try PromptLibrary.load(from: missing) }
        #expect(folderError.code == .promptsFolderMissing)

        let binary = try Fixtures.temporaryDirectory()
        try Data([0x48, 0xFF, 0xFE]).write(to: binary.appendingPathComponent("bad.mustache"))
        let utf8Error = try #require(throws: ConjecturerError.self) { try PromptLibrary.load(from: binary) }
        #expect(utf8Error.code == .templateUnreadable)
    }

    @Test("templates load at run time: a user's folder adds and overrides templates, role sections split messages")
    func userFolderOverrides() throws {
        let user = try Fixtures.folder([
            "formalize/direct.mustache": "{{! description: mine }}\n{{! role: system }}\nBe terse.\n{{! role: user }}\nFormalize: {{informal}}\n",
            "formalize/mine.mustache": "Just {{informal}}",
        ])
        let library = try PromptLibrary.load(from: [SharedFixtures.promptsDirectory, user])
        #expect(library.ids(kind: "formalize").contains("formalize/mine"))
        #expect(library.template("formalize/direct")?.description == "mine")
        let messages = try library.render("formalize/direct", context: ["informal": "x < y"])
        #expect(messages == [ChatMessage(role: "system", content: "Be terse."), ChatMessage(role: "user", content: "Formalize: x < y")])
        #expect(try library.render("formalize/mine", context: ["informal": "a & b"]) == [ChatMessage(role: "user", content: "Just a & b")])
    }
}

/// The templates LeanPlay ships are bundled as package resources and found without the checkout.
@Suite("Bundled prompts")
struct BundledPromptsTests {
    @Test func everyTemplateOfThePromptsFolderIsBundled() throws {
        let bundled = try PromptLibrary.bundled()
        let source = try PromptLibrary.load(from: SharedFixtures.promptsDirectory)
        #expect(bundled.ids == source.ids, "add a .copy line to the LeanPlayPrompts target for every folder of Prompts/")
        #expect(!PromptLibrary.bundledFolder.path.hasPrefix(SharedFixtures.promptsDirectory.path + "/"))
        for id in ["formalize/direct", "prove/whole_proof", "repair/statement", "variants/special_case"] {
            #expect(bundled.template(id) != nil, "\(id)")
        }
    }

    @Test func aFolderAddsAndOverridesTemplates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("prompts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("formalize"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{! role: user }}\nOVERRIDE {{informal}}\n".write(
            to: folder.appendingPathComponent("formalize/direct.mustache"), atomically: true, encoding: .utf8)
        try "{{! role: user }}\nNEW {{informal}}\n".write(
            to: folder.appendingPathComponent("formalize/mine.mustache"), atomically: true, encoding: .utf8)
        let library = try PromptLibrary.bundled(adding: [folder])
        let shipped = try PromptLibrary.bundled()
        #expect(library.ids == (shipped.ids + ["formalize/mine"]).sorted())
        let messages = try library.render("formalize/direct", context: ["informal": "x", "theorem_name": "t"])
        #expect(messages.map(\.content) == ["OVERRIDE x"])
        #expect(try library.render("formalize/mine", context: ["informal": "y"]).map(\.content) == ["NEW y"])
    }
}
