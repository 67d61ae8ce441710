/// The cell styles of a workbook Duikou writes, and the `styles.xml` that defines them.
enum XLSXStyle: Int {
    /// Text and plain numbers.
    case plain = 0
    /// The header row: bold.
    case header = 1
    /// Amounts in 万元: thousands separated, four decimals, so that every yuan shows (`#,##0.0000`).
    case wan = 2
    /// Dates: `yyyy-mm-dd`.
    case date = 3
    /// Rates: a percentage with one decimal.
    case percent = 4
    /// A fill-in cell of a template: text, unlocked on a protected sheet.
    case input = 5
    /// A fill-in amount in 万元, unlocked.
    case inputWan = 6
    /// A fill-in date, unlocked.
    case inputDate = 7

    /// The number format of amounts in 万元. Four fixed decimals rather than `#,##0.####`, which
    /// leaves a bare decimal point after whole numbers in Excel.
    static let wanFormat = "#,##0.0000"
    /// The number format of dates.
    static let dateFormat = "yyyy-mm-dd"

    /// `xl/styles.xml`: the number formats, a regular and a bold font, and one cell format per case
    /// (the fill-in ones unlocked; text fill-in cells in the text format `@`, so that what is typed
    /// stays as typed).
    static let stylesXML = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="3"><numFmt numFmtId="164" formatCode="\(wanFormat)"/>\
        <numFmt numFmtId="165" formatCode="\(dateFormat)"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>\
        <font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
