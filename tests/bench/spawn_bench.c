/* Wall time of starting a command, against a baseline command: runs the two
 * alternately (so both see the same machine state) and prints the medians.
 * usage: spawn_bench RUNS -- CMD ARGS... -- BASELINE ARGS...
 * Output: "<median ms of CMD> <median ms of BASELINE>". */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double run_ms(char **argv)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid;
    if (posix_spawn(&pid, argv[0], &fa, NULL, argv, environ) != 0) {
        fprintf(stderr, "spawn_bench: cannot run %s\n", argv[0]);
        exit(2);
    }
    int status;
    waitpid(pid, &status, 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    posix_spawn_file_actions_destroy(&fa);
    return (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 6 || strcmp(argv[2], "--") != 0) {
        fputs("usage: spawn_bench RUNS -- CMD ARGS... -- BASELINE ARGS...\n", stderr);
        return 2;
    }
    int runs = atoi(argv[1]);
    char **cmd = argv + 3, **base = NULL;
    for (int i = 3; i < argc; i++)
        if (strcmp(argv[i], "--") == 0) {
            argv[i] = NULL;
            base = argv + i + 1;
            break;
        }
    if (runs <= 0 || !base || !base[0]) {
        fputs("spawn_bench: need RUNS > 0 and a baseline command\n", stderr);
        return 2;
    }
    double *a = malloc(runs * sizeof *a), *b = malloc(runs * sizeof *b);
    if (!a || !b)
        return 2;
    for (int i = 0; i < runs; i++) {
        a[i] = run_ms(cmd);
        b[i] = run_ms(base);
    }
    qsort(a, runs, sizeof *a, cmp);
    qsort(b, runs, sizeof *b, cmp);
    printf("%.3f %.3f\n", a[runs / 2], b[runs / 2]);
    free(a);
    free(b);
    return 0;
}
