import Testing

/// The rule language measured against CEL: for every literal form, operator, function and macro
/// of the supported subset, the values and errors the CEL language definition (google/cel-spec,
/// doc/langdef.md) and the ideas of its conformance tests (tests/simple/testdata) call for.
/// Where the rule language deliberately answers otherwise, the case is in
/// CELDifferencesTests instead, and docs/rules.md lists it under "Differences from CEL".
///
/// CEL's checker refuses `1 == 1.0` unless one side is wrapped in `dyn()`; the rule language
/// mixes whole numbers and decimals without it (a documented difference), so the conformance
/// tests' `dyn(…)` cases appear here unwrapped, with the value CEL gives at runtime.
@Suite struct CELConformanceTests {
  @Test(arguments: CELCases.literals) func literals(_ c: CELCase) throws { try CELHarness.check(c) }
  @Test(arguments: CELCases.limits) func limits(_ c: CELCase) throws { try CELHarness.check(c) }
  @Test(arguments: CELCases.equality) func equality(_ c: CELCase) throws { try CELHarness.check(c) }
  @Test(arguments: CELCases.ordering) func ordering(_ c: CELCase) throws { try CELHarness.check(c) }
  @Test(arguments: CELCases.membership) func membership(_ c: CELCase) throws { try CELHarness.check(c) }
  @Test(arguments: CELCases.integerMath) func integerMath(_ c: CELCase) throws { try CELHarness.check(c) }
  @Test(arguments: CELCases.doubleMath) func doubleMath(_ c: CELCase) throws { try CELHarness.check(c) }
  @Test(arguments: CELCases.logic) func logic(_ c: CELCase) throws { try CELHarness.check(c) }
  @Test(arguments: CELCases.lists) func lists(_ c: CELCase) throws { try CELHarness.check(c) }
  @Test(arguments: CELCases.macros) func macros(_ c: CELCase) throws { try CELHarness.check(c) }
  @Test(arguments: CELCases.strings) func strings(_ c: CELCase) throws { try CELHarness.check(c) }
  @Test(arguments: CELCases.conversions) func conversions(_ c: CELCase) throws { try CELHarness.check(c) }
  @Test(arguments: CELCases.aggregates) func aggregates(_ c: CELCase) throws { try CELHarness.check(c) }
}

enum CELCases {
  static func repeated(_ parts: [String], _ count: Int, separator: String, last: String) -> String {
    (0..<count).map { parts[$0 % parts.count] }.joined(separator: separator) + separator + last
  }

  // MARK: - Literals (langdef "Syntax", "Numeric Values", "String and Bytes Values")

  static let literals: [CELCase] = [
    .init("zero", "0", 0),
    .init("whole number", "17", 17),
    .init("largest int", "9223372036854775807", .int(Int.max)),
    .init("smallest int, written with its minus sign", "-9223372036854775808", .int(Int.min)),
    .init("smallest int in hexadecimal", "-0x8000000000000000", .int(Int.min)),
    .init("hexadecimal, either case", "0x1F + 0XfF", 286),
    .init("one past the largest int", "9223372036854775808", refused: "out of range"),
    .init("smallest int's digits in parentheses are not a literal", "-(9223372036854775808)", refused: "out of range"),
    .init("far out of range", "99999999999999999999999", refused: "out of range"),
    .init("negating the smallest int overflows", "-(-9223372036854775808)", error: "overflow"),
    .init("'0x' needs digits", "0x", refused: "hexadecimal digits"),
    .init("decimal zero", "0.0", 0.0),
    .init("exponent without a fraction is a double", "0e+0", 0.0),
    .init("whole number with an exponent is a double", "1e3", 1000.0),
    .init("negative with exponent", "-2.3e+1", -23.0),
    .init("fraction without a leading digit", ".5", 0.5),
    .init("upper-case exponent", "2.5E-1", 0.25),
    .init("true", "true", true),
    .init("false", "false", false),
    .init("null", "null", nil),
    .init("empty list", "[]", []),
    .init("list with a negative number", "[-1]", [-1]),
    .init("trailing comma in a list", "[1, 2,]", [1, 2]),
    .init("empty text", "''", ""),
    .init("empty text in double quotes", "\"\"", ""),
    .init("empty raw text", "r\"\"", ""),
    .init("escaped quote", #"'\''"#, "'"),
    .init("punctuation escapes", #"' \\ \? \" \' \` '"#, " \\ ? \" ' ` "),
    .init("control escapes", #"'\a\b\f\n\r\t\v'"#, "\u{07}\u{08}\u{0C}\n\r\t\u{0B}"),
    .init("hexadecimal escapes name code points", #"'\x41\X62\xff'"#, "Ab\u{FF}"),
    .init("octal escapes name code points", #"'\101\000\377'"#, "A\u{0}\u{FF}"),
    .init("octal escapes above 377 do not exist", #"'\477'"#, refused: "unknown escape"),
    .init("four-digit escape", #"'\u00e9\u01aB'"#, "\u{E9}\u{1AB}"),
    .init("eight-digit escape", #"'\U0001F62C'"#, "\u{1F62C}"),
    .init("unassigned code point", #"'\U00088888'"#, "\u{88888}"),
    .init("surrogate pair in two escapes", #"'\uD83D\uDE2C'"#, "\u{1F62C}"),
    .init("lone surrogate", #"'\uD800'"#, refused: "not a Unicode character"),
    .init("beyond Unicode", #"'\U00110000'"#, refused: "not a Unicode character"),
    .init("short escape", #"'\u12'"#, refused: "4 hexadecimal digits"),
    .init("unknown escape", #"'\q'"#, refused: "unknown escape"),
    .init("raw text keeps backslashes", #"r'\n\u0041\\'"#, #"\n\u0041\\"#),
    .init("upper-case raw prefix", #"R"\t""#, #"\t"#),
    .init("tripled quotes hold quotes and line breaks", "'''it's\nhere'''", "it's\nhere"),
    .init("tripled double quotes", "\"\"\"x''x\"\"\"", "x''x"),
    .init("escapes in tripled quotes", #"'''\x41'''"#, "A"),
    .init("line break in single quotes", "'a\nb'", refused: "end of the line"),
    .init("unclosed text", "'abc", refused: "never closed"),
    .init("comment to the end of the line", "1 // one\n+ 2", 3),
    .init("form feed is white space", "1\u{0C}+ 2", 3),
    .init("reserved word", "while", refused: "reserved word"),
  ]

  // MARK: - Limits every implementation must support (tests/simple/testdata/parse)

  static let limits: [CELCase] = [
    .init("32 nested parentheses", String(repeating: "(", count: 32) + "7" + String(repeating: ")", count: 32), 7),
    .init(
      "far too many parentheses", String(repeating: "(", count: 60) + "7" + String(repeating: ")", count: 60),
      refused: "nested more than"),
    .init("12 nested calls", String(repeating: "int(double(", count: 6) + "7" + String(repeating: "))", count: 6), 7),
    .init(
      "12 nested list literals",
      "size(" + String(repeating: "[", count: 12) + "0" + String(repeating: "]", count: 12) + ")", 1),
    .init(
      "12 indexes in a row",
      String(repeating: "[", count: 12) + "'foo'" + String(repeating: "]", count: 12)
        + String(repeating: "[0]", count: 12), "foo"),
    .init(
      "12 indexes inside indexes", String(repeating: "[0][", count: 12) + "0" + String(repeating: "]", count: 12), 0),
    .init("24 chained conditionals", repeated(["true ? true :"], 24, separator: " ", last: "false"), true),
    .init("32 terms joined by ||", repeated(["false"], 32, separator: " || ", last: "true"), true),
    .init("32 terms joined by &&", repeated(["true"], 32, separator: " && ", last: "false"), false),
    .init("24 additions and subtractions", "3" + String(repeating: " - 3 + 3", count: 12), 3),
    .init("24 multiplications and divisions", "4" + String(repeating: " * 4 / 4", count: 12), 4),
    .init("32 negations", String(repeating: "!", count: 32) + "true", true),
    .init("32 minus signs", String(repeating: "-", count: 32) + "19", 19),
    .init("32-item list", "[" + (0..<32).map(String.init).joined(separator: ", ") + "][17]", 17),
    .init("32 call arguments", "max(" + (0..<32).map(String.init).joined(separator: ", ") + ")", 31),
  ]

  // MARK: - == and != (langdef "Equality"; comparisons.textproto)

  static let equality: [CELCase] = [
    .init("equal ints", "1 == 1", true),
    .init("different ints", "-1 == 1", false),
    .init("equal doubles", "1.0 == 1.0e+0", true),
    .init("different doubles", "-1.0 == 1.0", false),
    .init("negative zero equals zero", "-0.0 == 0.0", true),
    .init("int and double, same number", "1 == 1.0", true),
    .init("int and double, different numbers", "2 == 1.0", false),
    .init("double and int", "1.0 == 1", true),
    .init("equal texts in different quotes", "'' == \"\"", true),
    .init("different texts", "'a' == 'b'", false),
    .init("raw and plain text", "'abc' == r'abc'", true),
    .init("case matters", "'abc' == 'ABC'", false),
    .init("same non-ASCII text", "'ίσος' == 'ίσος'", true),
    .init("accent matters", "'a' == 'à'", false),
    .init("no Unicode normalisation", #"'Am\u00E9lie' == 'Ame\u0301lie'"#, false),
    .init("no repair of broken sequences", #"'\U0001F436' == '\xef\xbf\xbd\xef\xbf\xbd'"#, false),
    .init("null equals null", "null == null", true),
    .init("null is not unequal to null", "null != null", false),
    .init("equal bools", "true == true", true),
    .init("different bools", "false == true", false),
    .init("empty lists", "[] == []", true),
    .init("lists of null", "[null] == [null]", true),
    .init("equal lists", "[1, 2, 3] == [1, 2, 3]", true),
    .init("order matters", "[1, 2, 3] == [1, 3, 2]", false),
    .init("lengths differ", "[1, 2] == [1, 2, 3]", false),
    .init("case inside lists", "['case'] == ['cAse']", false),
    .init("lists of numbers of both kinds", "[1.0, 2.0, 3] == [1, 2, 3.0]", true),
    .init("lists of numbers, one differs", "[1.0, 2.1] == [1, 2]", false),
    .init("lists of texts, normalisation ignored", #"['\u00e9'] == ['e\u0301']"#, false),
    .init("ints unequal", "24 != 42", true),
    .init("ints not unequal", "1 != 1", false),
    .init("doubles unequal", "9.0e+3 != 9001.0", true),
    .init("doubles not unequal", "1.0 != 1e+0", false),
    .init("texts unequal", "'abc' != ''", true),
    .init("texts not unequal", "'abc' != 'abc'", false),
    .init("bools unequal", "false != true", true),
    .init("lists unequal", "[] != [1]", true),
    .init("lists of lists not unequal", "[[]] != [[]]", false),
    .init("lists of bools unequal", "[true, false, true] != [true, true, false]", true),
    .init("list and number", "[1] == 1", refused: "cannot compare"),
    .init("text and number", "'1' == 1", refused: "cannot compare"),
    .init("null and number", "null == 1", refused: "cannot compare"),
  ]

  // MARK: - < <= > >= (langdef "Ordering")

  static let ordering: [CELCase] = [
    .init("int less", "-1 < 0", true),
    .init("int not less than itself", "0 < 0", false),
    .init("double less", "1.0 < 1.0000001", true),
    .init("negative zero is not less than zero", "-0.0 < 0.0", false),
    .init("text less", "'a' < 'b'", true),
    .init("empty text first", "'' < 'a'", true),
    .init("upper case before lower case", "'Abc' < 'aBC'", true),
    .init("prefix first", "'abc' < 'abcd'", true),
    .init("accented after plain", #"'a' < '\u00E1'"#, true),
    .init("code points, not decomposed letters", #"'f' < '\u1EBF'"#, true),
    .init("combining accent compared as a code point", #"'a\u0301' < 'b'"#, true),
    .init("equal texts not less", "'abc' < 'abc'", false),
    .init("empty not less than empty", "'' < ''", false),
    .init("first code point decides", "'a' < 'AB'", false),
    .init("false before true", "false < true", true),
    .init("true not before true", "true < true", false),
    .init("true not before false", "true < false", false),
    .init("int greater", "42 > -42", true),
    .init("int not greater than itself", "0 > 0", false),
    .init("double greater", "1e+1 > 1e+0", true),
    .init("same double written twice", ".99 > 9.9e-1", false),
    .init("text greater by case", "'abc' > 'aBc'", true),
    .init("text greater than empty", "'A' > ''", true),
    .init("Greek after Latin", "'α' > 'omega'", true),
    .init("true after false", "true > false", true),
    .init("false not after true", "false > true", false),
    .init("int at most", "0 <= 1", true),
    .init("int at most, equal", "1 <= 1", true),
    .init("int not at most", "1 <= -1", false),
    .init("tiny double", "0.0 <= 0.1e-31", true),
    .init("zero at most zero", "0.0 <= 0e-1", true),
    .init("double not at most", "1.0 <= 0.99", false),
    .init("text at most", "'aBc' <= 'abc'", true),
    .init("non-ASCII equal", "'α' <= 'α'", true),
    .init("non-ASCII after ASCII", "'α' <= 'a'", false),
    .init("false at most true", "false <= true", true),
    .init("true not at most false", "true <= false", false),
    .init("int at least", "0 >= -1", true),
    .init("int at least, equal", "999 >= 999", true),
    .init("int not at least", "999 >= 1000", false),
    .init("double at least, equal", "9.80665 >= 9.80665e+0", true),
    .init("double not at least", "0.9999 >= 1.0", false),
    .init("text at least", "'abcd' >= 'abc'", true),
    .init("text not at least", "'abc' >= 'abd'", false),
    .init("non-ASCII at least", "'τ' >= 't'", true),
    .init("true at least false", "true >= false", true),
    .init("int less than double", "1 < 2.0", true),
    .init("double less than int", "1.0 < 2", true),
    .init("int not less than equal double", "1 < 1.0", false),
    .init("int greater than double", "2 > 1.0", true),
    .init("whole numbers beyond 2^53 compare exactly", "9007199254740993 > 9007199254740992", true),
    .init("whole numbers next to the largest int", "9223372036854775807 > 9223372036854775806", true),
    .init("whole numbers beyond 2^53, computed side", "9007199254740992 < 9007199254740992 + 1", true),
    .init("whole number beyond 2^53 meets a decimal as a decimal", "9007199254740993 > 9007199254740992.0", false),
    .init("largest int is not below 2^63 as a double", "9223372036854775807 < 9223372036854775808.0", false),
    .init("largest int is below a larger double", "9223372036854775807 < 9223372036854777857.0", true),
    .init("largest int is not below a negative double", "9223372036854775807 < -9223372036854777857.0", false),
    .init("smallest int equals -2^63 written as a double", "-9223372036854775808 <= -9223372036854775809.0", true),
    .init("smallest int above a lower double", "-9223372036854775808 > -9223372036854777857.0", true),
    .init("2^63 as a double is at most the largest int", "9223372036854775808.0 <= 9223372036854775807", true),
    .init("largest int at least 2^63 as a double", "9223372036854775807 >= 9223372036854775808.0", true),
    .init("lists have no order", "[0] < [1]", refused: "cannot compare"),
    .init("null has no order", "null < null", refused: "cannot compare"),
    .init("text and number have no order", "'foo' < 1024", refused: "cannot compare"),
    .init("bool and number have no order", "true > 0", refused: "cannot compare"),
  ]

  // MARK: - in

  static let membership: [CELCase] = [
    .init("nothing is in the empty list", "'empty' in []", false),
    .init("first item", "'elem' in ['elem', 'elemA', 'elemB']", true),
    .init("missing item", "'not' in ['elem1', 'elem2', 'elem3']", false),
    .init("number in numbers", "2 in [1, 2, 3]", true),
    .init("int found among doubles", "2 in [1.5, 2.0]", true),
    .init("list in list of lists", "[1] in [[0], [1]]", true),
    .init("code points, not canonical equivalence", #"'\u00e9' in ['e\u0301']"#, false),
    .init("right side must be a list", "'a' in 'abc'", refused: "must be a list"),
    .init("item type must fit the list", "1 in ['1']", refused: "can never be in"),
  ]

  // MARK: - Whole numbers (integer_math.textproto, langdef "Overflow")

  static let integerMath: [CELCase] = [
    .init("add", "42 + 2", 44),
    .init("add a negative", "42 + (-2)", 40),
    .init("add two negatives", "-42 + (-2)", -44),
    .init("subtract", "42 - 2", 40),
    .init("subtract a negative", "42 - (-2)", 44),
    .init("subtract two negatives", "-42 - (-2)", -40),
    .init("multiply", "42 * 2", 84),
    .init("multiply by a negative", "42 * (-2)", -84),
    .init("multiply two negatives", "-42 * (-2)", 84),
    .init("multiply by zero", "15 * 0", 0),
    .init("divide", "42 / 2", 21),
    .init("divide a negative", "-42 / 2", -21),
    .init("divide two negatives", "-42 / (-2)", 21),
    .init("division truncates toward zero", "-7 / 2", -3),
    .init("remainder", "42 % 5", 2),
    .init("remainder takes the dividend's sign", "42 % (-5)", 2),
    .init("remainder of two negatives", "-42 % (-5)", -2),
    .init("negate", "-(42)", -42),
    .init("negate zero", "-(0)", 0),
    .init("negate twice", "-(-42)", 42),
    .init("division by zero", "15 / 0", error: "division by zero"),
    .init("remainder by zero", "42 % 0", error: "division by zero"),
    .init("addition overflows", "9223372036854775807 + 1", error: "overflow"),
    .init("subtraction overflows", "-9223372036854775808 - 1", error: "overflow"),
    .init("multiplication overflows", "9223372036854775807 * 2", error: "overflow"),
    .init("multiplication overflows below", "-9223372036854775808 * -1", error: "overflow"),
    .init("division overflows", "-9223372036854775808 / -1", error: "overflow"),
    .init("remainder overflows", "-9223372036854775808 % -1", error: "overflow"),
    .init("largest sum that fits", "9223372036854775806 + 1", .int(Int.max)),
  ]

  // MARK: - Decimals (fp_math.textproto)

  static let doubleMath: [CELCase] = [
    .init("add", "4.25 + 15.25", 19.5),
    .init("add a negative", "17.75 + (-7.75)", 10.0),
    .init("add two negatives", "-4.125 + (-2.125)", -6.25),
    .init("subtract", "42.0 - 12.0", 30.0),
    .init("subtract a negative", "42.875 - (-22.0)", 64.875),
    .init("subtract two negatives", "-4.875 - (-0.125)", -4.75),
    .init("multiply", "42.5 * 0.2", 8.5),
    .init("multiply by a negative", "40.75 * (-2.25)", -91.6875),
    .init("multiply two negatives", "-3.0 * (-2.5)", 7.5),
    .init("multiply by zero", "15.36 * 0.0", 0.0),
    .init("divide", "0.0625 / 0.002", 31.25),
    .init("divide a negative", "-2.0 / 2.0", -1.0),
    .init("divide two negatives", "-8.875 / (-0.0625)", 142.0),
    .init("negate", "-(4.5)", -4.5),
    .init("negate twice", "-(-1.25)", 1.25),
    .init("negate zero gives negative zero", "-(0.0)", -0.0),
    .init("left identity of +", "0.0 + 1.75", 1.75),
    .init("right identity of +", " 2.5 + 0.0", 2.5),
    .init("+ commutes", "7.5 + 1.5 == 1.5 + 7.5", true),
    .init("+ associates here", "5.625 + (15.75 + 2.0) == (5.625 + 15.75) + 2.0", true),
    .init("left identity of *", "1.0 * 45.25", 45.25),
    .init("right identity of *", "-25.25 * 1.0", -25.25),
    .init("* commutes", "1.5 * 25.875 == 25.875 * 1.5", true),
    .init("* associates here", "1.5 * (23.625 * 0.75) == (1.5 * 23.625) * 0.75", true),
    .init("* distributes here", "5.75 * (1.5 + 2.5) == 5.75 * 1.5 + 5.75 * 2.5", true),
    .init("rounding as IEEE 754", "0.1 + 0.2", 0.30000000000000004),
    .init("underflow to zero", "1e-324 / 2.0", 0.0),
    .init("smallest subnormal halved", "5e-324 / 2.0", 0.0),
    .init("no remainder of decimals", "47.5 % 5.5", refused: "whole numbers"),
  ]

  // MARK: - Logic (logic.textproto, langdef "Logical Operators")

  static let logic: [CELCase] = [
    .init("condition true", "true ? 1 : 2", 1),
    .init("condition false", "false ? 'foo' : 'bar'", "bar"),
    .init("error in the condition", "2 / 0 > 4 ? 'baz' : 'quux'", error: "division by zero"),
    .init("error in the branch not taken", "true ? 1 : 2 / 0", 1),
    .init("error in the branch taken", "false ? 1 : 2 / 0", error: "division by zero"),
    .init("condition must be yes/no", "'cows' ? false : 17", refused: "must be yes/no"),
    .init("and: both true", "true && true", true),
    .init("and: both false", "false && false", false),
    .init("and: false left", "false && true", false),
    .init("and: false right", "true && false", false),
    .init("and: false left absorbs an error", "false && (2 / 0 > 3 ? false : true)", false),
    .init("and: false right absorbs an error", "(2 / 0 > 3 ? false : true) && false", false),
    .init("and: error right", "true && 1 / 0 != 0", error: "division by zero"),
    .init("and: error left", "1 / 0 != 0 && true", error: "division by zero"),
    .init("and: only yes/no", "'less filling' && true", refused: "joins yes/no values"),
    .init("or: both true", "true || true", true),
    .init("or: both false", "false || false", false),
    .init("or: true right", "false || true", true),
    .init("or: true left", "true || false", true),
    .init("or: true left absorbs an error", "true || (2 / 0 > 3 ? false : true)", true),
    .init("or: true right absorbs an error", "(2 / 0 > 3 ? false : true) || true", true),
    .init("or: error right", "false || 1 / 0 != 0", error: "division by zero"),
    .init("or: error left", "1 / 0 != 0 || false", error: "division by zero"),
    .init("or: only yes/no", "'less filling' || 'tastes great'", refused: "joins yes/no values"),
    .init("not true", "!true", false),
    .init("not false", "!false", true),
    .init("not of an error", "!(1 / 0 > 0)", error: "division by zero"),
    .init("not only yes/no", "!0", refused: "needs a yes/no value"),
  ]

  // MARK: - Lists (lists.textproto)

  static let lists: [CELCase] = [
    .init("join", "[0, 1, 2] + [3, 4, 5] == [0, 1, 2, 3, 4, 5]", true),
    .init("join does not commute", "[0, 1, 2] + [3, 4, 5] == [3, 4, 5, 0, 1, 2]", false),
    .init("join repeats", "[2] + [2] == [2, 2]", true),
    .init("join with the empty list", "[] + [1]", [1]),
    .init("index", "[1, 2, 3][1]", 2),
    .init("index past the end", "[1, 2, 3][3]", error: "out of range"),
    .init("negative index", "[1, 2, 3][-1]", error: "out of range"),
    .init("index of the empty list", "[][0]", error: "out of range"),
    .init("index must be a whole number", "[1, 2][1.0]", refused: "whole number"),
    .init("size function", "size([1, 2, 3])", 3),
    .init("size method", "[1, 2, 3].size()", 3),
    .init("size of the empty list", "size([])", 0),
    .init("an error inside a list literal", "[1, 2 / 0]", error: "division by zero"),
  ]

  // MARK: - Macros (macros.textproto, langdef "Macros")

  static let macros: [CELCase] = [
    .init("exists: all true", "[1, 2, 3].exists(e, e > 0)", true),
    .init("exists: one true", "[1, 2, 3].exists(e, e == 2)", true),
    .init("exists: none true", "[1, 2, 3].exists(e, e > 3)", false),
    .init("exists: every item an error", "[1, 2, 3].exists(e, e / 0 == 17)", error: "division by zero"),
    .init("exists: a true item absorbs an error", "[0, 2].exists(x, 2 / x == 1)", true),
    .init("exists on the empty list", "[].exists(e, e == 2)", false),
    .init("all: all true", "[1, 2, 3].all(e, e > 0)", true),
    .init("all: one true", "[1, 2, 3].all(e, e == 2)", false),
    .init("all: none true", "[1, 2, 3].all(e, e == 17)", false),
    .init("all: a false item absorbs an error", "[1, 2, 3].all(e, 6 / (2 - e) == 6)", false),
    .init("all: error with no false item", "[1, 2, 3].all(e, e / 0 != 17)", error: "division by zero"),
    .init("all on the empty list", "[].all(e, e > 0)", true),
    .init("exists_one on the empty list", "[].exists_one(a, a == 7)", false),
    .init("exists_one: one item, true", "[7].exists_one(a, a == 7)", true),
    .init("exists_one: one item, false", "[8].exists_one(a, a == 7)", false),
    .init("exists_one: none", "[1, 2, 3].exists_one(x, x > 20)", false),
    .init("exists_one: exactly one", "[6, 7, 8].exists_one(foo, foo % 5 == 2)", true),
    .init("exists_one: several", "[0, 1, 2, 3, 4].exists_one(n, n % 2 == 1)", false),
    .init("exists_one: all", "['foal', 'foo', 'four'].exists_one(n, n.startsWith('fo'))", false),
    .init("exists_one does not stop early", "[3, 2, 1, 0].exists_one(n, 12 / n > 1)", error: "division by zero"),
    .init("map on the empty list", "[].map(n, n / 2)", []),
    .init("map one item", "[3].map(n, n * n)", [9]),
    .init("map several", "[2, 4, 6].map(n, n / 2)", [1, 2, 3]),
    .init("map with an error", "[2, 1, 0].map(n, 4 / n)", error: "division by zero"),
    .init("map with a filter", "[1, 2, 3, 4].map(n, n % 2 == 0, n * 10)", [20, 40]),
    .init("map to text", "[1, 2].map(n, string(n))", ["1", "2"]),
    .init("filter on the empty list", "[].filter(n, n % 2 == 0)", []),
    .init("filter one, kept", "[2].filter(n, n == 2)", [2]),
    .init("filter one, dropped", "[1].filter(n, n > 3)", []),
    .init("filter none", "[1, 2, 3].filter(e, e > 3)", []),
    .init("filter some", "[0, 1, 2, 3, 4].filter(x, x % 2 == 1)", [1, 3]),
    .init("filter all", "[1, 2, 3].filter(n, n > 0)", [1, 2, 3]),
    .init("filter does not stop early", "[3, 2, 1, 0].filter(n, 12 / n > 4)", error: "division by zero"),
    .init("inner variable hides the outer one", "[[1, 2], [3]].all(x, x.all(x, x > 0))", true),
    .init("outer variable visible inside", "[1, 2].exists(x, [2, 3].exists(y, x == y))", true),
    .init("nested macros over the empty list", "[[]].all(l, l.all(e, e > 0))", true),
    .init("predicate must be yes/no", "[1, 2].all(x, x + 1)", refused: "must be yes/no"),
    .init("macros need a list", "'abc'.all(c, c == 'a')", refused: "works on lists"),
  ]

  // MARK: - Text (string.textproto, langdef "String and Bytes Values")

  static let strings: [CELCase] = [
    .init("size of empty text", "size('')", 0),
    .init("size of one ASCII letter", "size('A')", 1),
    .init("size of one non-ASCII letter", "size('ÿ')", 1),
    .init("size counts code points", "size('πέντε')", 5),
    .init("size counts a combining accent apart", #"size('e\u0301')"#, 2),
    .init("size method", "'four'.size()", 4),
    .init("startsWith", "'foobar'.startsWith('foo')", true),
    .init("startsWith, no", "'foobar'.startsWith('bar')", false),
    .init("startsWith on empty text", "''.startsWith('foo')", false),
    .init("startsWith empty text", "'foobar'.startsWith('')", true),
    .init("startsWith, both empty", "''.startsWith('')", true),
    .init("startsWith, non-ASCII", "'завтра'.startsWith('за')", true),
    .init("startsWith the base letter of a combined letter", #"'e\u0301'.startsWith('e')"#, true),
    .init("startsWith half of a line break", #"'\r\n'.startsWith('\r')"#, true),
    .init("endsWith", "'foobar'.endsWith('bar')", true),
    .init("endsWith, no", "'foobar'.endsWith('foo')", false),
    .init("endsWith on empty text", "''.endsWith('foo')", false),
    .init("endsWith empty text", "'foobar'.endsWith('')", true),
    .init("endsWith, both empty", "''.endsWith('')", true),
    .init("endsWith, non-ASCII", "'forté'.endsWith('té')", true),
    .init("endsWith a combining accent", #"'e\u0301'.endsWith('\u0301')"#, true),
    .init("endsWith the composed letter, not the decomposed", #"'caf\u00e9'.endsWith('e\u0301')"#, false),
    .init("contains", "'hello'.contains('he')", true),
    .init("contains empty text", "'hello'.contains('')", true),
    .init("contains, no", "'hello'.contains('ol')", false),
    .init("contains after a false start", "'abababc'.contains('ababc')", true),
    .init("contains, non-ASCII", "'Straße'.contains('aß')", true),
    .init("contains the base letter of a combined letter", #"'e\u0301'.contains('e')"#, true),
    .init("contains half of a line break", #"'a\r\nb'.contains('\n')"#, true),
    .init("longer text is not contained", "'ab'.contains('abc')", false),
    .init("join", "'he' + 'llo'", "hello"),
    .init("join and compare", "'hello' + ' ' == 'hello'", false),
    .init("join empty first", "'' + 'abc'", "abc"),
    .init("join empty last", "'abc' + ''", "abc"),
    .init("join two empty", "'' + ''", ""),
    .init("join non-ASCII", "'¢' + 'ÿ' + 'Ȁ'", "¢ÿȀ"),
    .init("join mixed", "'r' + 'ô' + 'le'", "rôle"),
    .init("text tests need text", "'abc'.contains(1)", refused: "works on text"),
    .init(
      "a typed answer is compared code point by code point", #"remarks == 'Am\u00E9lie'"#, false,
      answers: ["remarks": .text("Ame\u{301}lie")]),
    .init(
      "a typed answer starts with its base letters", "remarks.startsWith('Ame')", true,
      answers: ["remarks": .text("Ame\u{301}lie")]),
    .init(
      "a typed answer is ordered by code point", "remarks < 'Amf'", true,
      answers: ["remarks": .text("Ame\u{301}lie")]),
    .init(
      "a typed answer in a list of texts", #"remarks in ['Am\u00E9lie']"#, false,
      answers: ["remarks": .text("Ame\u{301}lie")]),
    .init(
      "a typed answer equal to itself", #"remarks == 'Ame\u0301lie'"#, true,
      answers: ["remarks": .text("Ame\u{301}lie")]),
  ]

  // MARK: - Conversions (conversions.textproto)

  static let conversions: [CELCase] = [
    .init("double of zero", "double(0)", 0.0),
    .init("double of a large int", "double(1000000000000)", 1e12),
    .init("double of a negative int", "double(-1000000000000000)", -1e15),
    .init("double of the largest int rounds", "double(9223372036854775807)", 9.223372036854775807e18),
    .init("double of text zero", "double('0')", 0.0),
    .init("double of text zero with a fraction", "double('0.0')", 0.0),
    .init("double of text negative zero", "double('-0.0')", -0.0),
    .init("double of whole-number text", "double('123')", 123.0),
    .init("double of text", "double('123.456')", 123.456),
    .init("double of negative text", "double('-987.654')", -987.654),
    .init("double of text with an exponent", "double('6.02214e23')", 6.02214e23),
    .init("double of text with a negative exponent", "double('1.38e-23')", 1.38e-23),
    .init("double of negative text with an exponent", "double('-84.32e7')", -8.432e8),
    .init("double of negative text, negative exponent", "double('-5.43e-21')", -5.43e-21),
    .init("double of a double", "double(2.5)", 2.5),
    .init("double of text that is no number", "double('two')", error: "not a number"),
    .init("int truncates a negative", "int(-123.456)", -123),
    .init("int truncates", "int(1.9)", 1),
    .init("int truncates toward zero", "int(-7.9)", -7),
    .init("int of a half", "int(11.5)", 11),
    .init("int of a negative half", "int(-3.5)", -3),
    .init("int of a huge double", "int(1e99)", error: "does not fit"),
    .init("int of the largest double below 2^63", "int(9223372036854774784.0)", 9_223_372_036_854_774_784),
    .init("int of the smallest double above -2^63", "int(-9223372036854774784.0)", -9_223_372_036_854_774_784),
    .init("int of 2^63 (what the largest int reads as)", "int(9223372036854775807.0)", error: "does not fit"),
    .init("int of -2^63 as a double", "int(-9223372036854775808.0)", error: "does not fit"),
    .init("int of text", "int('987')", 987),
    .init("int of negative text", "int('-42')", -42),
    .init("int of text out of range", "int('9223372036854775808')", error: "not a whole number"),
    .init("int of text with a fraction", "int('1.5')", error: "not a whole number"),
    .init("int of an int", "int(7)", 7),
    .init("string of an int", "string(123)", "123"),
    .init("string of a negative int", "string(-456)", "-456"),
    .init("string of a double", "string(123.456)", "123.456"),
    .init("string of a small negative double", "string(-4.5e-3)", "-0.0045"),
    .init("string of text", "string('abc')", "abc"),
    .init("string of a bool", "string(true)", "true"),
    .init("string of a list", "string([1])", refused: "converts numbers, text and yes/no values"),
    .init("int of a bool", "int(true)", refused: "converts numbers and text"),
  ]

  // MARK: - Aggregates (the rule language's own; min and max after cel-go's math extension)
  //
  // CEL's standard library has no aggregates. cel-go's math extension takes `math.greatest` and
  // `math.least` of several arguments or of one list, keeps whole numbers whole, and gives an
  // error for an empty list; min and max follow it. sum, avg and count take the same two forms:
  // sum and count of nothing are 0, avg of nothing has no value, whole-number sums overflow as
  // `+` does, and an average is a decimal.

  static let aggregates: [CELCase] = [
    .init("max of arguments", "max(1, 5, 3)", 5),
    .init("max of a list", "max([1, 5, 3])", 5),
    .init("max of a list mixing whole numbers and decimals", "max([3, 2.0])", 3.0),
    .init("max of mixed numbers is a decimal", "max(1, 2.5)", 2.5),
    .init("min of negatives", "min(-1, -5)", -5),
    .init("min of one argument", "min(7)", 7),
    .init("min of an empty list", "min([])", error: "min() of an empty list"),
    .init("max of text", "max(['a'])", refused: "max() works on numbers"),
    .init("sum of arguments", "sum(1, 2, 3)", 6),
    .init("sum of a list", "sum([1, 2, 3])", 6),
    .init("sum of decimals", "sum([0.1, 0.2])", 0.30000000000000004),
    .init("sum of nothing", "sum([])", 0),
    .init("sum overflows as + does", "sum([9223372036854775807, 1])", error: "integer overflow"),
    .init("sum of negatives reaching the smallest int", "sum([-9223372036854775807, -1])", .int(Int.min)),
    .init(
      "sum beyond the largest double", "sum([1.7976931348623157e308, 1.7976931348623157e308])", error: "out of range"),
    .init("avg of whole numbers is a decimal", "avg([1, 2])", 1.5),
    .init("mean is avg", "mean(1, 2, 4)", 2.3333333333333335),
    .init("avg of nothing", "avg([])", error: "avg() of an empty list"),
    .init("avg of a list holding a division by zero", "avg([1, 1 / 0])", error: "division by zero"),
    .init("count of yes/no values", "count([true, false, true])", 2),
    .init("count of arguments", "count(1 < 2, 2 < 1)", 1),
    .init("count of nothing", "count([])", 0),
    .init("count of numbers", "count([1, 2])", refused: "size() counts the items"),
    .init("aggregate of a mapped list", "sum([1, 2, 3].map(x, x * x))", 14),
  ]
}
