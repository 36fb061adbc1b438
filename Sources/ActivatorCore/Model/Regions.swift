/// The regions a city is placed in, for cohort tables and comparisons: the regional groupings
/// the United Nations uses to report on the Sustainable Development Goals, built from the M49
/// standard's regions (UN Statistics Division). An answers file stores a region's id; words a
/// person typed stay as they are ("other") unless they name one of these regions in a language
/// Activator speaks, and a country names the region it is in.
package enum Regions {
  package struct Region: Sendable {
    package let id: String
    /// The region's name in each language's message file.
    let name: MessageKey
    /// Other ways people write it, comma-separated, in each language's message file.
    let also: MessageKey
    /// ISO 3166-1 alpha-2 codes of the countries and areas M49 places in it.
    let countries: [String]
  }

  package static let all: [Region] = [
    Region(
      id: "sub-saharan-africa", name: .regionSubSaharanAfrica, also: .regionAlsoSubSaharanAfrica,
      countries: [
        "AO", "BJ", "BW", "IO", "BF", "BI", "CV", "CM", "CF", "TD", "KM", "CG", "CD", "CI", "DJ", "GQ", "ER", "SZ",
        "ET", "TF",
        "GA", "GM", "GH", "GN", "GW", "KE", "LS", "LR", "MG", "MW", "ML", "MR", "MU", "YT", "MZ", "NA", "NE", "NG",
        "RE", "RW",
        "SH", "ST", "SN", "SC", "SL", "SO", "ZA", "SS", "TZ", "TG", "UG", "ZM", "ZW",
      ]),
    Region(
      id: "northern-africa-western-asia", name: .regionNorthernAfricaWesternAsia,
      also: .regionAlsoNorthernAfricaWesternAsia,
      countries: [
        "DZ", "EG", "LY", "MA", "SD", "TN", "EH", "AM", "AZ", "BH", "CY", "GE", "IQ", "IL", "JO", "KW", "LB", "OM",
        "PS", "QA",
        "SA", "SY", "TR", "AE", "YE",
      ]),
    Region(
      id: "central-southern-asia", name: .regionCentralSouthernAsia, also: .regionAlsoCentralSouthernAsia,
      countries: ["KZ", "KG", "TJ", "TM", "UZ", "AF", "BD", "BT", "IN", "IR", "MV", "NP", "PK", "LK"]),
    Region(
      id: "eastern-south-eastern-asia", name: .regionEasternSouthEasternAsia, also: .regionAlsoEasternSouthEasternAsia,
      countries: [
        "CN", "HK", "JP", "KP", "KR", "MO", "MN", "TW", "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL",
        "VN",
      ]),
    Region(
      id: "latin-america-caribbean", name: .regionLatinAmericaCaribbean, also: .regionAlsoLatinAmericaCaribbean,
      countries: [
        "AI", "AG", "AR", "AW", "BS", "BB", "BZ", "BO", "BQ", "BV", "BR", "KY", "CL", "CO", "CR", "CU", "CW", "DM",
        "DO", "EC",
        "SV", "FK", "GF", "GD", "GP", "GT", "GY", "HT", "HN", "JM", "MQ", "MX", "MS", "NI", "PA", "PY", "PE", "PR",
        "BL", "KN",
        "LC", "MF", "VC", "GS", "SX", "SR", "TT", "TC", "UY", "VE", "VG", "VI",
      ]),
    Region(
      id: "oceania", name: .regionOceania, also: .regionAlsoOceania,
      countries: [
        "AS", "CK", "FJ", "PF", "GU", "KI", "MH", "FM", "NR", "NC", "NU", "MP", "PW", "PG", "PN", "WS", "SB", "TK",
        "TO", "TV",
        "UM", "VU", "WF",
      ]),
    Region(
      id: "australia-new-zealand", name: .regionAustraliaNewZealand, also: .regionAlsoAustraliaNewZealand,
      countries: ["AU", "CX", "CC", "HM", "NZ", "NF"]),
    Region(
      id: "europe-northern-america", name: .regionEuropeNorthernAmerica, also: .regionAlsoEuropeNorthernAmerica,
      countries: [
        "AX", "AL", "AD", "AT", "BY", "BE", "BA", "BG", "HR", "CZ", "DK", "EE", "FO", "FI", "FR", "DE", "GI", "GR",
        "GG", "VA",
        "HU", "IS", "IE", "IM", "IT", "JE", "LV", "LI", "LT", "LU", "MT", "MD", "MC", "ME", "NL", "MK", "NO", "PL",
        "PT", "RO",
        "RU", "SM", "RS", "SK", "SI", "ES", "SJ", "SE", "CH", "UA", "GB", "BM", "CA", "GL", "PM", "US",
      ]),
  ]

  /// The region's name in `language` for an id; anything else as it is (a region typed as
  /// "other").
  package static func name(_ region: String, language: String) -> String {
    guard let known = all.first(where: { $0.id == region }) else { return region }
    return Localizer(language)(known.name)
  }

  /// The id of the region `text` names: its id, or its name or another way of writing it in any
  /// language Activator speaks, accents and case aside; nil for anything else.
  package static func id(for text: String) -> String? {
    let wanted = key(text)
    guard !wanted.isEmpty else { return nil }
    return byName[wanted]
  }

  /// The region of the country `text` names (an English or Spanish name, or an ISO code).
  package static func implied(byCountry text: String) -> String? {
    countryCodes[key(text)].flatMap { code in all.first { $0.countries.contains(code) }?.id }
  }

  /// The country `text` names (a name in any language Activator speaks, or an ISO code), as the
  /// language writes it ("Sénégal" in French for "Senegal" or "SN"); `text` itself when it names
  /// no country, as a city may write a territory of its own.
  package static func countryName(_ text: String, language: String) -> String {
    guard let code = countryCodes[key(text)], let names = countryNames[code],
      let shown = LanguageChoice.match(language, in: Array(names.keys)).flatMap({ names[$0] })
    else { return text }
    return shown
  }

  /// `countryNameTable` read: each alpha-2 code's name by language.
  static let countryNames: [String: [String: String]] = {
    var names: [String: [String: String]] = [:]
    for line in countryNameTable.split(separator: "\n") {
      let parts = line.split(separator: "\t")
      if parts.count == 3 { names[String(parts[0]), default: [:]][String(parts[1])] = String(parts[2]) }
    }
    return names
  }()

  /// `countryTable` read: a country's name or code, by its key, to its alpha-2 code.
  static let countryCodes: [String: String] = {
    var codes: [String: String] = [:]
    for line in countryTable.split(separator: "\n") {
      let parts = line.split(separator: "\t")
      if parts.count == 2 { codes[String(parts[0])] = String(parts[1]) }
    }
    return codes
  }()

  /// Every id, name and other writing, by its key.
  static let byName: [String: String] = {
    var names: [String: String] = [:]
    for region in all {
      names[key(region.id)] = region.id
      for language in MessageCatalogue.shared.available {
        let t = Localizer(language)
        for written in [t(region.name)] + t(region.also).split(separator: ",").map(String.init) {
          let folded = key(written)
          if !folded.isEmpty { names[folded] = region.id }
        }
      }
    }
    return names
  }()

  /// Lowercase letters and digits without accents, words separated by one space: "América
  /// Latina" and "america-latina" are written alike. Scripts/generate-countries does the same.
  static func key(_ text: String) -> String {
    var words: [String] = []
    var word = ""
    for character in Fold.text(text) {
      if character.isLetter || character.isNumber {
        word.append(character)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words.joined(separator: " ")
  }
}
