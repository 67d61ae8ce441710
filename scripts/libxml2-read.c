/* The measurement behind the README's choice of our own XML tokenizer over libxml2's reader
   (BENCHMARKS.md, "Spreadsheets"): streams a sheet's XML with libxml2's xmlTextReader as an importer
   would, taking every node, the name and the r and t attributes of every cell, and the text of text
   nodes. Not part of the build.

     unzip -p projects.xlsx xl/worksheets/sheet1.xml > sheet.xml
     gcc -O2 scripts/libxml2-read.c -o /tmp/libxml2-read $(pkg-config --cflags --libs libxml-2.0)
     /usr/bin/time -f "%U s user" /tmp/libxml2-read sheet.xml
*/
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
    xmlTextReaderPtr r = xmlReaderForFile(argv[1], NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    if (!r) return 1;
    long nodes = 0, bytes = 0, cells = 0;
    int ret;
    while ((ret = xmlTextReaderRead(r)) == 1) {
        nodes++;
        int type = xmlTextReaderNodeType(r);
        if (type == XML_READER_TYPE_ELEMENT) {
            const xmlChar *name = xmlTextReaderConstLocalName(r);
            if (name[0] == 'c' && name[1] == 0) {
                cells++;
                xmlChar *ref = xmlTextReaderGetAttribute(r, BAD_CAST "r");
                xmlChar *t = xmlTextReaderGetAttribute(r, BAD_CAST "t");
                if (ref) { bytes += strlen((char *)ref); xmlFree(ref); }
                if (t) { bytes += strlen((char *)t); xmlFree(t); }
            }
        } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v) bytes += strlen((const char *)v);
        }
    }
    xmlFreeTextReader(r);
    printf("%ld nodes, %ld cells, %ld bytes, ret %d\n", nodes, cells, bytes, ret);
    return ret == 0 ? 0 : 2;
}
