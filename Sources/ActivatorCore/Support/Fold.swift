/// Lowercase text without accents, so "movilidad" finds "Movilidad" and "camara" finds "cámara"
/// (catalog search, the questionnaire's type-ahead, region and country names).
public enum Fold {
  public static func text(_ value: String) -> String {
    var out = ""
    for scalar in value.lowercased().unicodeScalars {
      switch scalar {
      case "á", "à", "ä", "â", "ã": out += "a"
      case "é", "è", "ë", "ê": out += "e"
      case "í", "ì", "ï", "î": out += "i"
      case "ó", "ò", "ö", "ô", "õ": out += "o"
      case "ú", "ù", "ü", "û": out += "u"
      case "ñ": out += "n"
      case "ç": out += "c"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

}
