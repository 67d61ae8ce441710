#!/usr/bin/env python3
"""Writes the cells of a `duikou export KIND --format csv --lang zh` file to an .xlsx with openpyxl
in write-only mode: the comparison of `duikou-bench --spreadsheet-rows N` for issue 14.

    scripts/openpyxl-write.py IN.csv OUT.xlsx [TIMES.json]

The same cells as `duikou export KIND --format xlsx` writes: one sheet, the header row, then every
row with text as strings, the amount columns (headers naming 万元 or 平方公里) as exact decimal
numbers and the date columns (headers ending in 日期) as date cells; empty fields stay empty cells.
It is the cheapest openpyxl path: plain values appended to a write-only sheet, no per-cell styles
(duikou's amount format, bold header, widths and frozen pane are left out; openpyxl gives date
cells its own date format).

Reading and converting the CSV is timed apart from writing, so that only the writing is compared:
the seconds of each go to TIMES.json (or stdout) as {"read_s": ..., "write_s": ..., "lxml": ...}.
"""
import csv
import datetime
import decimal
import json
import sys
import time


def convert(header, rows):
    """The CSV's text as the Python values openpyxl writes: str, Decimal, date or None."""
    amounts = {i for i, name in enumerate(header) if "万元" in name or "平方公里" in name}
    dates = {i for i, name in enumerate(header) if name.endswith("日期")}
    converted = []
    for row in rows:
        values = []
        for i, text in enumerate(row):
            if text == "":
                values.append(None)
            elif i in amounts:
                values.append(decimal.Decimal(text))
            elif i in dates:
                values.append(datetime.date.fromisoformat(text))
            else:
                values.append(text)
        converted.append(values)
    return converted


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    source, target = sys.argv[1], sys.argv[2]
    import openpyxl
    from openpyxl.xml import LXML

    started = time.perf_counter()
    with open(source, newline="", encoding="utf-8-sig") as file:
        reader = csv.reader(file)
        header = next(reader)
        rows = convert(header, reader)
    read_s = time.perf_counter() - started

    started = time.perf_counter()
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("项目")
    sheet.append(header)
    for values in rows:
        sheet.append(values)
    workbook.save(target)
    write_s = time.perf_counter() - started

    times = json.dumps({"read_s": round(read_s, 4), "write_s": round(write_s, 4), "rows": len(rows), "lxml": bool(LXML)})
    if len(sys.argv) == 4:
        with open(sys.argv[3], "w") as file:
            file.write(times + "\n")
    else:
        print(times)


if __name__ == "__main__":
    main()
