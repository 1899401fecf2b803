/* main.c - only main(), so fuzz targets can link everything else. */
#include "annotate.h"
#include "args.h"
#include "run.h"

int main(int argc, char **argv)
{
    if (err_cli_wants_annotate(argc, argv))
        return err_annotate_main(argc, argv);
    return err_cli_main(argc, argv);
}
