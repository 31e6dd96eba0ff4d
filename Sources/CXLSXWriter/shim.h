#ifndef STAR_REPORT_XLSXWRITER_SHIM_H
#define STAR_REPORT_XLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
