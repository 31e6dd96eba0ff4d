#ifndef STAR_REPORT_XLSX_DEFLATE_H
#define STAR_REPORT_XLSX_DEFLATE_H
/* The zlib level every .xlsx part star-report writes is deflated at (see xlsx_deflate.c). */
int star_xlsx_deflate_level(void);
#endif
