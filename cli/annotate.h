/*
 * annotate.h - `err --annotate`: copy a log through, explaining its codes.
 *
 * Placeholder header created by the err CLI so main.c can dispatch to it;
 * the annotate helper owns this file and cli/annotate.c.
 */
#ifndef ERR_ANNOTATE_H
#define ERR_ANNOTATE_H

/* Entry point when any argument is exactly "--annotate"; returns the exit
 * status for main(). */
int err_annotate_main(int argc, char **argv);

#endif /* ERR_ANNOTATE_H */
