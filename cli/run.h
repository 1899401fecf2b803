/* run.h - the err command, everything but main(). */
#ifndef ERR_RUN_H
#define ERR_RUN_H

/* Runs err with this command line; returns the exit status
 * (0 all matched, 1 something matched nothing, 2 usage or input error). */
int err_cli_main(int argc, char **argv);

#endif /* ERR_RUN_H */
