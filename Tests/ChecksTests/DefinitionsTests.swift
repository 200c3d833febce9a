import Checks
import Formulas
import Testing

/// Entrywise definitions of one vector written more than once: the latest holds, and removing it
/// gives the place back to the one written before — never to whichever a hash order finds first.
struct DefinitionsTests {
    let pk = Symbol("p", index: "k")
    let pj = Symbol("p", index: "j")
    let p = Symbol("p")

    @Test func theLatestEntrywiseDefinitionHoldsAndTheOneBeforeComesBack() {
        var definitions = Definitions()
        definitions[pk] = .number(1)
        definitions[pj] = .number(2)
        #expect(definitions.templates[p]?.letter == "j")
        definitions[pj] = nil
        #expect(definitions.templates[p]?.letter == "k")
        #expect(definitions.templates[p]?.body == .number(1))
        definitions[pk] = nil
        #expect(definitions.templates[p] == nil)
    }

    @Test func aTableGivesTheSameTemplateWhateverItsOrder() {
        let table: [Symbol: Expression] = [pk: .number(1), pj: .number(2)]
        #expect(Definitions(table).templates[p]?.letter == "k")
        #expect(Evaluator.templates(in: table)[p]?.letter == "k")
    }
}
