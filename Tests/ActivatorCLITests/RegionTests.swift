import ActivatorCore
import Testing

/// Issue 12, item 8: the region is chosen from a fixed, localised list (the UN's SDG regional
/// groupings of M49) and stored as an id; the country names the region offered first; "other"
/// takes words; cohort summaries put one region under one name however it was written.
@Suite(.serialized) struct RegionTests {
  let folder = Binary.temporaryFolder()
  let survey = Binary.fixture("questionnaire/ciudad.yaml")
  let rules = Binary.fixture("questionnaire/ciudad-rules")

  func lines(_ language: String, out: String, _ input: [String]) -> Run {
    Run.activator(
      ["survey", "--survey", survey, "--rules", rules, "--lang", language, "--out", out],
      stdin: input.joined(separator: "\n") + "\n", cwd: folder)
  }

  func file(_ name: String) -> String { Binary.read(folder + "/" + name) ?? "" }

  func expectScreen(_ pty: PTYProcess, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(pty.waitFor(text), "not on the screen: \(text)\n\(pty.screen.text)", sourceLocation: sourceLocation)
  }

  @Test func theCountryOffersItsRegionWhichIsStoredAsAnId() {
    let run = lines("es", out: "line.yaml", ["Villa Clara", "México", "", "", "", "q"])
    #expect(run.status == 130, "\(run.stderr)")
    // Offered because of the country, not an answer given before: line mode says so.
    #expect(
      run.stdout.contains("  5) América Latina y el Caribe (la región en la que está el país)\n"), "\(run.stdout)")
    #expect(!run.stdout.contains("(respuesta actual)"), "\(run.stdout)")
    #expect(run.stdout.contains("Enter elige la marcada"), "\(run.stdout)")
    #expect(run.stdout.contains("  9) Otra (escribirla)\n"))
    #expect(
      file("line.yaml").contains("  country: México\n  region: latin-america-caribbean\n"), "\(file("line.yaml"))")

    // The same keys in the terminal write the same file.
    let pty = PTYProcess(
      ["survey", "--survey", survey, "--rules", rules, "--lang", "es", "--out", "tty.yaml"], cwd: folder)
    expectScreen(pty, "Nombre de la ciudad")
    pty.send("Villa Clara")
    pty.press(.enter)
    expectScreen(pty, "País")
    pty.send("México")
    pty.press(.enter)
    expectScreen(pty, "❯ América Latina y el Caribe")
    pty.press(.enter)
    expectScreen(pty, "Su nombre")
    pty.press(.enter)
    expectScreen(pty, "Su cargo")
    pty.press(.enter)
    expectScreen(pty, "Preguntas sobre los servicios en línea.")
    pty.press(.ctrlC)
    #expect(pty.waitForExit() == 130)
    #expect(file("tty.yaml") == file("line.yaml"))
  }

  @Test func otherTakesWordsAndWordsNamingAListedRegionBecomeItsId() {
    _ = lines("en", out: "a.yaml", ["Villa Clara", "", "9", "Latinoamérica", "", "", "q"])
    #expect(file("a.yaml").contains("  region: latin-america-caribbean\n"), "\(file("a.yaml"))")
    _ = lines("en", out: "b.yaml", ["Villa Clara", "", "9", "Southern Cone", "", "", "q"])
    #expect(file("b.yaml").contains("  region: Southern Cone\n"), "\(file("b.yaml"))")
    // Nothing chosen: the region is left out.
    _ = lines("en", out: "c.yaml", ["Villa Clara", "", "", "", "", "q"])
    #expect(!file("c.yaml").contains("region:"), "\(file("c.yaml"))")
  }

  @Test func oneRegionHowEverItWasWrittenIsOneGroupUnderOneName() throws {
    let example = try #require(Binary.read(Binary.root + "/Examples/valmora.yaml"))
    let region = try #require(example.firstMatch(of: /\n  region: [^\n]*\n/)).output
    for (name, written) in [
      ("a", "Latin America"), ("b", "América Latina"), ("c", "Latinoamérica"), ("d", "latin-america-caribbean"),
    ] {
      Binary.write(folder + "/\(name).yaml", example.replacing(region, with: "\n  region: \(written)\n"))
    }
    let files = ["a.yaml", "b.yaml", "c.yaml", "d.yaml"]
    let csv = Run.activator(["score"] + files + ["--summary", "--format", "csv", "-q"], cwd: folder)
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(csv.stdout.contains("region: latin-america-caribbean,"), "\(csv.stdout)")
    #expect(!csv.stdout.contains("region: Latin America,"))
    let table = Run.activator(["score"] + files + ["--summary", "--format", "table", "--lang", "es"], cwd: folder)
    #expect(table.stdout.contains("América Latina y el Caribe"), "\(table.stdout)")
  }

  @Test func theTemplateListsTheRegionsById() {
    let template = Run.activator(["template", "--survey", survey, "--lang", "en"], cwd: folder)
    #expect(
      template.stdout.contains("#   latin-america-caribbean — Latin America and the Caribbean\n"), "\(template.stdout)")
  }
}
