#!/usr/bin/env python3
"""Copies a workbook of `duikou export projects --format xlsx` with the two headers that
`duikou import projects` does not read yet renamed to the ones it does: 状态日期 to 日期 and
园区编号 to 园区 (the header row of the first sheet only; every other byte of every part as it was).
`duikou-bench --spreadsheet-rows N` imports the copy.

    scripts/xlsx-import-headers.py IN.xlsx OUT.xlsx
"""
import sys
import zipfile

RENAMED = {"状态日期": "日期", "园区编号": "园区"}


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with zipfile.ZipFile(sys.argv[1]) as source, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                end = data.index(b"</row>")
                header = data[:end].decode("utf-8")
                for old, new in RENAMED.items():
                    header = header.replace(f">{old}<", f">{new}<")
                data = header.encode("utf-8") + data[end:]
            target.writestr(item, data)


if __name__ == "__main__":
    main()
