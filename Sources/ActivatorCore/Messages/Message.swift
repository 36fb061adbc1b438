/// Something the engine says to a person, by key, with what fills its placeholders; the words
/// come from the message catalogue (`Messages/<language>.yaml`) when it is shown, in the
/// language of whoever reads it.
package struct Message: Sendable, Hashable, CustomStringConvertible {
  package let key: MessageKey
  package var arguments: [String: MessageArgument]

  package init(_ key: MessageKey, _ arguments: [String: MessageArgument] = [:]) {
    self.key = key
    self.arguments = arguments
  }

  /// The message in `language` (English where that language has no catalogue or lacks the key).
  package func text(_ language: String) -> String { MessageCatalogue.shared.render(self, in: language) }

  /// The English text, for logs and tests.
  package var description: String { text("en") }
}

/// What fills a placeholder. Numbers and lists are written the way the language writes them.
package indirect enum MessageArgument: Sendable, Hashable {
  /// Inserted as it is: names, ids, values from files.
  case text(String)
  /// A number in the language's notation, at most two decimals ("12,500.5", "12 500,5").
  case number(Double)
  /// A whole number in the language's notation; a message's plural form follows it.
  case count(Int)
  /// Another message, in the same language.
  case message(Message)
  /// Items joined the way the language joins a list ("a, b and c", "a, b y c").
  case list([MessageArgument])
  /// Items joined as alternatives ("a, b or c", "a, b o c").
  case alternatives([MessageArgument])
  /// Text in the language's quotation marks.
  case quoted(String)
  /// A number with every digit it has, in the language's notation, grouped or not ("1,200.5",
  /// "1200,5"; a year is never grouped): what a person typed, shown back to them.
  case figure(Double, grouped: Bool)
  /// Text from a survey, in the reader's language (a unit, an option's label).
  case localized(LocalizedText)
}

extension MessageArgument: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
  package init(stringLiteral value: String) { self = .text(value) }
}
