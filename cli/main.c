/* main.c - only main(), so fuzz targets can link everything else. */
#include <string.h>

#include "annotate.h"
#include "run.h"

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--annotate") == 0)
            return err_annotate_main(argc, argv);
    return err_cli_main(argc, argv);
}
