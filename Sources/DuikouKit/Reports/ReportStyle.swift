/// The style sheet of the HTML report: a system CJK font stack, an A4-wide column, shades that
/// survive greyscale printing, and print rules that keep charts and table rows whole.
enum ReportStyle {
    static let css = """
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; background: #ecebe8; color: #1a1a1a; line-height: 1.55; font-size: 14px;
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
        main { max-width: 794px; margin: 24px auto; padding: 36px 40px 28px; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.18); }
        header { border-bottom: 3px solid #2f4b6e; padding-bottom: 12px; }
        h1 { margin: 0 0 6px; font-size: 24px; line-height: 1.3; color: #1f3550; }
        .dateline { margin: 0; font-size: 16px; font-weight: bold; }
        .basis { margin: 4px 0 0; font-size: 12.5px; color: #4d4d4d; }
        .sample { display: inline-block; margin: 8px 0 0; padding: 1px 8px; border: 1.5px solid #8a1c1c; color: #8a1c1c; font-size: 12.5px; font-weight: bold; }
        h2 { margin: 30px 0 10px; padding-left: 10px; border-left: 5px solid #2f4b6e; font-size: 18px; line-height: 1.35; color: #1f3550; break-after: avoid; }
        h3 { margin: 18px 0 6px; font-size: 14.5px; break-after: avoid; }
        .lede { margin: 6px 0 14px; }
        .figures { display: grid; grid-template-columns: repeat(5, 1fr); gap: 8px; }
        .figure { display: flex; flex-direction: column; justify-content: space-between; padding: 7px 9px;
          border: 1px solid #c9d2dc; border-top: 3px solid #2f4b6e; }
        .figure .label { font-size: 12px; color: #4d4d4d; }
        .figure .value { font-size: 20px; font-weight: bold; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .figure .unit { margin-left: 3px; font-size: 12px; font-weight: normal; }
        figure { margin: 10px 0 14px; break-inside: avoid; }
        figcaption { margin-bottom: 4px; font-size: 13px; font-weight: bold; color: #333; }
        svg.chart { display: block; width: 100%; height: auto; }
        table { width: 100%; margin: 6px 0 12px; border-collapse: collapse; font-size: 12.5px; }
        caption { caption-side: top; padding-bottom: 2px; text-align: right; font-size: 12px; color: #4d4d4d; }
        th, td { padding: 4px 6px; border-bottom: 1px solid #d4d4d4; text-align: left; vertical-align: top; }
        thead th { border-bottom: 1.5px solid #1a1a1a; background: #eef1f5; }
        tfoot td { border-top: 1.5px solid #1a1a1a; font-weight: bold; }
        th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
        th { word-break: keep-all; }
        td.num, .nowrap { white-space: nowrap; }
        .wide { min-width: 10em; }
        table.compact { width: auto; min-width: 60%; }
        tbody tr:nth-child(even) { background: #f6f7f9; }
        tr.group th { padding-top: 10px; border-bottom: 1px solid #2f4b6e; background: #fff; font-size: 13px; color: #1f3550; }
        .sub { display: block; font-size: 11.5px; color: #555; }
        .met { color: #1d5e33; font-weight: bold; white-space: nowrap; }
        .unmet { color: #8a1c1c; font-weight: bold; white-space: nowrap; }
        .empty { margin: 6px 0 12px; padding: 10px 12px; border: 1px dashed #999; color: #4d4d4d; }
        .note { margin: 4px 0 10px; font-size: 12.5px; color: #4d4d4d; }
        footer { margin-top: 28px; padding-top: 8px; border-top: 1px solid #c9d2dc; font-size: 12px; color: #4d4d4d; }
        footer p { margin: 0 0 4px; }
        footer ol { margin: 0; padding-left: 20px; }
        @media (max-width: 720px) {
          main { margin: 0; padding: 16px; }
          .figures { grid-template-columns: repeat(2, 1fr); }
        }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { background: #fff; font-size: 10pt; }
          main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
          h2 { margin-top: 18pt; }
          figure, tr, .figures, .figure { break-inside: avoid; }
          thead { display: table-header-group; }
        }

        """
}
