import ActivatorCore
import Testing

/// Issue 17, item 4c: a country an answers file names (in any language Activator speaks, or by
/// its ISO code) is shown in the report's language, from iso-codes' translations
/// (Scripts/generate-countries); what names no country is shown as written.
@Suite struct CountryNameTests {
  @Test func aCountryIsShownInTheReportsLanguage() {
    #expect(Regions.countryName("Senegal", language: "fr") == "Sénégal")
    #expect(Regions.countryName("SN", language: "ko") == "세네갈")
    #expect(Regions.countryName("대한민국", language: "pt-br") == "Coreia do Sul")
    #expect(Regions.countryName("Corée du Sud", language: "en") == "South Korea")
    #expect(Regions.countryName("OM", language: "pt-BR") == "Omã")
    #expect(Regions.countryName("Bolivia", language: "fr") == "Bolivie")
    #expect(Regions.countryName("Atlantis", language: "fr") == "Atlantis")
  }

  /// Brazilian Portuguese names were missing from the table (iso-codes keeps them under pt_BR).
  @Test func aCountryTypedInPortugueseNamesItsRegion() {
    #expect(Regions.implied(byCountry: "Coreia do Sul") == Regions.implied(byCountry: "KR"))
    #expect(Regions.implied(byCountry: "Coreia do Sul") != nil)
  }
}
