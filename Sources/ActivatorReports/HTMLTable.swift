/// The one place report tables are written, so every table has the same semantics: a caption,
/// column headers with `scope="col"`, one column of row headers with `scope="row"`, numeric
/// columns right-aligned, and a scroll container of its own so a wide table never makes the
/// page scroll sideways on a narrow screen (WCAG 1.4.10); the container is a labelled region
/// that takes keyboard focus, so it can be scrolled without a mouse.
struct HTMLTable {
  struct Column {
    var title: String
    var numeric: Bool

    init(_ title: String, numeric: Bool = false) {
      self.title = title
      self.numeric = numeric
    }
  }

  var caption: String
  /// A caption that would repeat the heading right above it is left to assistive technology.
  var captionShown = true
  var classes: String?
  var columns: [Column]
  /// The column whose cells name their row (the city, the pillar…).
  var rowHeader = 0

  /// Writes the table; `rows` adds the rows one by one through `Rows.row`.
  func write(_ page: inout Markup, rows: (inout Rows) -> Void) {
    page.open("div", [("class", "scroll"), ("role", "region"), ("aria-label", caption), ("tabindex", "0")])
    page.open("table", classes.map { [("class", $0)] } ?? [])
    page.element("caption", captionShown ? [] : [("class", "sr-only")], text: caption)
    page.open("thead")
    page.open("tr")
    for column in columns {
      page.element("th", [("scope", "col")] + (column.numeric ? [("class", "num")] : []), text: column.title)
    }
    page.close("tr")
    page.close("thead")
    page.open("tbody")
    var body = Rows(table: self)
    rows(&body)
    page.raw(body.markup.output)
    page.close("tbody")
    page.close("table")
    page.close("div")
  }

  struct Rows {
    let table: HTMLTable
    fileprivate(set) var markup = Markup()

    fileprivate init(table: HTMLTable) { self.table = table }

    mutating func row(_ cells: (inout Cells) -> Void) {
      var row = Cells(table: table)
      cells(&row)
      markup.open("tr")
      markup.raw(row.markup.output)
      markup.close("tr")
    }
  }

  /// The cells of one row, in column order.
  struct Cells {
    let table: HTMLTable
    fileprivate var markup = Markup()
    fileprivate var column = 0

    fileprivate init(table: HTMLTable) { self.table = table }

    mutating func cell(classes: String = "", _ body: (inout Markup) -> Void) {
      let header = column == table.rowHeader
      let numeric = column < table.columns.count && table.columns[column].numeric
      let classList = ([numeric ? "num" : ""] + [classes]).filter { !$0.isEmpty }.joined(separator: " ")
      var attributes: [(String, String)] = header ? [("scope", "row")] : []
      if !classList.isEmpty { attributes.append(("class", classList)) }
      markup.element(header ? "th" : "td", attributes, body)
      column += 1
    }

    mutating func text(_ text: String, classes: String = "") {
      cell(classes: classes) { $0.text(text) }
    }
  }
}
