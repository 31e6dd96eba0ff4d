/* Written by hand because no library here offers it: libxlsxwriter 1.1.4 (Debian 12) deflates
   every part of a workbook at zlib's default level (6) and has no option to change it. A
   million-branch results.xlsx is 736 MB of sheet XML, and level 6 spends about 8 s of one core on
   it, the longest serial job of the run; level 1 ("super fast" in the zip header) does the same in
   about a third of the time, for a somewhat larger file.

   libxlsxwriter calls minizip's zipOpenNewFileInZip4_64 from minizip's shared library. A
   definition in the executable comes first in the dynamic linker's search, so this one receives
   the call, lowers the default level to XLSX_LEVEL and hands everything else unchanged to
   minizip's own (found with dlsym(RTLD_NEXT)). Nothing else in the process calls minizip. The
   types are declared here as minizip's own header declares them (zipFile is a pointer, uInt
   unsigned int, uLong unsigned long), since Debian ships that header only in libminizip-dev.
   This works where the dynamic linker searches the executable first (Linux, ELF), which is
   where star-report is built and tested. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include "xlsx_deflate.h"

enum { Z_DEFLATED_METHOD = 8, Z_DEFAULT_LEVEL = -1, XLSX_LEVEL = 1, ZIP_INTERNAL_ERROR = -104 };

typedef int (*zip_open_file_fn)(void *file, const char *filename, const void *zipfi,
                                 const void *extrafield_local, unsigned size_extrafield_local,
                                 const void *extrafield_global, unsigned size_extrafield_global,
                                 const char *comment, int method, int level, int raw,
                                 int windowBits, int memLevel, int strategy, const char *password,
                                 unsigned long crcForCrypting, unsigned long versionMadeBy,
                                 unsigned long flagBase, int zip64);

int star_xlsx_deflate_level(void) { return XLSX_LEVEL; }

int zipOpenNewFileInZip4_64(void *file, const char *filename, const void *zipfi,
                            const void *extrafield_local, unsigned size_extrafield_local,
                            const void *extrafield_global, unsigned size_extrafield_global,
                            const char *comment, int method, int level, int raw, int windowBits,
                            int memLevel, int strategy, const char *password,
                            unsigned long crcForCrypting, unsigned long versionMadeBy,
                            unsigned long flagBase, int zip64) {
    static zip_open_file_fn minizip;  // dlsym is thread-safe and always gives the same address
    zip_open_file_fn next = __atomic_load_n(&minizip, __ATOMIC_ACQUIRE);
    if (next == 0) {
        next = (zip_open_file_fn)dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
        if (next == 0) return ZIP_INTERNAL_ERROR;
        __atomic_store_n(&minizip, next, __ATOMIC_RELEASE);
    }
    if (method == Z_DEFLATED_METHOD && level == Z_DEFAULT_LEVEL) level = XLSX_LEVEL;
    return next(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
                size_extrafield_global, comment, method, level, raw, windowBits, memLevel,
                strategy, password, crcForCrypting, versionMadeBy, flagBase, zip64);
}
