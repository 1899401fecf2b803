# winerr: generator -> tables -> libwinerr -> err.
#
# Every directory and every data source is a variable, so another
# distribution (or a Windows SDK) can point the build elsewhere:
#   make MINGW_INCLUDE=/usr/x86_64-w64-mingw32/sys-root/mingw/include
#   make SQL_MESSAGES=messages.csv ERR_CSV=err-dump.csv WINSDK_INCLUDE=sdk/include
#   (WINSDK_INCLUDE: an SDK's Include/<version>, one of its folders, the
#   Windows Kits/10 folder, xwin's splat folder or msvc-wine's install folder)

# ---- where things are -------------------------------------------------------
PREFIX       ?= /usr/local
BINDIR       ?= $(PREFIX)/bin
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
MANDIR       ?= $(PREFIX)/share/man
BASHCOMPDIR  ?= $(PREFIX)/share/bash-completion/completions
DATADIR      ?= $(PREFIX)/share/winerr
DESTDIR      ?=

BUILD        ?= build
GEN          := $(BUILD)/gen

MINGW_INCLUDE  ?= /usr/share/mingw-w64/include
WINAPI_SRC     ?= /usr/share/cargo/registry/winapi-0.3.9/src
IMPACKET_DIR   ?= /usr/lib/python3/dist-packages/impacket
WINSDK_INCLUDE ?=
# Wine's Windows headers (libwine-dev), read when present: about 1,200 names
# mingw-w64 and winapi-rs lack.  `make deps` does not install Wine.
WINE_INCLUDE   ?= $(firstword $(wildcard /usr/include/wine/wine/windows/winerror.h \
                    /usr/include/wine/windows/winerror.h))
WINE_INCLUDE   := $(patsubst %/winerror.h,%,$(WINE_INCLUDE))
SQL_MESSAGES   ?=
ERR_CSV        ?=
# make check's builds against newer header sets (mingw-w64 14, Wine 10) and
# a WINSDK_INCLUDE; the sanitizer and coverage runs set it to no.
HEADER_BUILDS ?= yes
# The SQL Server export the tests build a sql_err table from, where present.
SQL_MESSAGES_TEST ?= ../shared/data/sql-messages.csv

PYTHON ?= python3
# Debian's interpreter, which python3-jsonschema installs into: the CLI
# tests validate every JSON line against cli/err.schema.json with it.
JSONSCHEMA_PYTHON ?= /usr/bin/python3
GPERF  ?= gperf
CPPCHECK ?= cppcheck
CC     ?= cc
AR     ?= ar

VERSION := $(shell sed -n 's/^\#define WINERR_VERSION_STRING "\(.*\)"/\1/p' lib/winerr.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))

# ---- flags ------------------------------------------------------------------
CFLAGS   ?= -O2 -g
WARN     := -Wall -Wextra -Werror
LIB_CFLAGS := -std=c11 $(WARN) -fPIC -fvisibility=hidden -DWINERR_BUILDING \
              -Ilib -I$(GEN) $(CFLAGS)
# No C that gperf writes is compiled: generator/gperf_slots.py reads its hash
# and slots out of it as data, so every unit builds with the full warnings.
CLI_CFLAGS := -std=c11 $(WARN) -Ilib -Icli $(CFLAGS)
TEST_CFLAGS := -std=c11 $(WARN) -Ilib -Icli -Itests/lib $(CFLAGS)
GPERF_FLAGS := -L ANSI-C -t -T -P -C -E

# ---- sources ----------------------------------------------------------------
LIB_SRC  := $(wildcard lib/*.c)
LIB_OBJ  := $(LIB_SRC:lib/%.c=$(BUILD)/lib/%.o)
# cli/win32.c is the Windows build's alone (make windows).
CLI_SRC  := $(filter-out cli/win32.c,$(wildcard cli/*.c))
CLI_OBJ  := $(CLI_SRC:cli/%.c=$(BUILD)/cli/%.o)
TEST_SRC := $(wildcard tests/lib/test_*.c)
TEST_BIN := $(TEST_SRC:tests/lib/%.c=$(BUILD)/tests/%)

STATIC_LIB := $(BUILD)/libwinerr.a
SHARED_LIB := $(BUILD)/libwinerr.so.$(VERSION)
SONAME     := libwinerr.so.$(SOMAJOR)
ERR_BIN    := $(BUILD)/err
PC_FILE    := $(BUILD)/winerr.pc

GEN_INPUTS := $(wildcard generator/*.py generator/tools/*.py) \
              $(shell find $(MINGW_INCLUDE) -name '*.h' 2>/dev/null) \
              $(shell find $(WINAPI_SRC) -name '*.rs' 2>/dev/null) \
              $(wildcard $(IMPACKET_DIR)/*_errors.py) \
              $(if $(WINSDK_INCLUDE),$(shell find $(WINSDK_INCLUDE) -iname '*.h' 2>/dev/null)) \
              $(if $(WINE_INCLUDE),$(shell find $(WINE_INCLUDE) -name '*.h' 2>/dev/null)) \
              $(wildcard $(SQL_MESSAGES) $(ERR_CSV))
GEN_FLAGS  := --mingw-include $(MINGW_INCLUDE) --winapi-src $(WINAPI_SRC) \
              --impacket-dir $(IMPACKET_DIR) \
              $(if $(WINSDK_INCLUDE),--winsdk-include $(WINSDK_INCLUDE)) \
              $(if $(WINE_INCLUDE),--wine-include $(WINE_INCLUDE)) \
              $(if $(SQL_MESSAGES),--sql-messages $(SQL_MESSAGES)) \
              $(if $(ERR_CSV),--err-csv $(ERR_CSV))

.PHONY: all deps deps-deb dist check-deb check check-sanitize check-valgrind fuzz coverage lint bench bench-repeat install \
        uninstall clean report FORCE
all: $(STATIC_LIB) $(SHARED_LIB) $(ERR_BIN) $(PC_FILE) $(BUILD)/report.txt

# ---- build dependencies (Debian) --------------------------------------------
DEB_PACKAGES := gcc make python3 gperf libcmocka-dev mingw-w64-common \
                librust-winapi-dev python3-impacket pkg-config clang \
                libclang-rt-14-dev llvm valgrind cppcheck gcovr hyperfine time \
                python3-jsonschema
# The Python binding (python/): headers, setuptools, pytest, venv.
DEB_PACKAGES += python3-dev python3-setuptools python3-pytest python3-venv
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; \
	  done); \
	if [ -z "$$missing" ]; then echo "deps: all build dependencies are installed"; exit 0; fi; \
	echo "deps: installing:" $$missing; \
	sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	$$sudo apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing

# The Debian packaging tools (make dist, make check-deb, tests/deb_test.sh).
DEB_TOOLS := debhelper dh-python dpkg-dev fakeroot lintian git
deps-deb: deps
	@$(MAKE) -s deps DEB_PACKAGES="$(DEB_TOOLS)"

# ---- generated tables -------------------------------------------------------
# The options file changes only when the generator's options do, so a new
# SQL_MESSAGES (say) regenerates and an unchanged build does nothing.
$(GEN)/options: FORCE
	@mkdir -p $(GEN)
	@echo '$(GEN_FLAGS)' | cmp -s - $@ || echo '$(GEN_FLAGS)' > $@

# gperf runs in batches of 24 tables, not one shell (and one mv) per table:
# with an SDK there are 285 tables, and the processes cost more than gperf.
# A failed run leaves no stamp, so the next make writes every table again.
$(GEN)/stamp: $(GEN)/options $(GEN_INPUTS)
	$(PYTHON) -m generator $(GEN_FLAGS) --out $(GEN)
	@cd $(GEN) && ls names_*.gperf | sed 's/\.gperf$$//' | \
	  xargs -P 2 -n 24 sh -c 'for t; do $(GPERF) $(GPERF_FLAGS) $$t.gperf > $$t.inc || exit 1; done' sh
	$(PYTHON) -m generator.gperf_slots $(GEN)
	@echo "gperf: $$(ls $(GEN)/names_*.gperf | wc -l) name tables"
	@touch $@

# The generator's report, with what its tables cost once compiled.
$(BUILD)/report.txt: $(GEN)/stamp $(BUILD)/lib/data.o $(BUILD)/lib/names.o
	@{ cat $(GEN)/report.txt; echo; echo "== compiled tables (size(1) of the objects holding them)"; \
	   size $(BUILD)/lib/data.o $(BUILD)/lib/names.o; \
	   echo "total compiled table bytes: $$(size $(BUILD)/lib/data.o $(BUILD)/lib/names.o | \
	        awk 'NR>1 {t+=$$4} END {print t}')"; } > $@

report: $(BUILD)/report.txt
	@cat $<

# ---- library ----------------------------------------------------------------
$(BUILD)/lib/%.o: lib/%.c lib/winerr.h lib/internal.h lib/chars.h $(GEN)/stamp
	@mkdir -p $(@D)
	$(CC) $(LIB_CFLAGS) -c $< -o $@

$(STATIC_LIB): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(SHARED_LIB): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,-z,relro -Wl,-z,now $(LDFLAGS) -o $@ $^
	ln -sf $(notdir $@) $(BUILD)/$(SONAME)
	ln -sf $(notdir $@) $(BUILD)/libwinerr.so

# The .pc names the install's directories, so install writes its own copy:
# the one in the build directory serves `make PREFIX=...` builds only.
PC_SED = sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
             -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|'
$(PC_FILE): lib/winerr.pc.in lib/winerr.h
	$(PC_SED) $< > $@

# ---- the err command --------------------------------------------------------
# The options file comes first (order-only: it never makes an object out of
# date) so that make -j starts the generator, the long step, at once: else
# make gives both job slots to the sixteen objects below first, and the
# generator starts seconds late.
$(BUILD)/cli/%.o: cli/%.c lib/winerr.h lib/chars.h $(wildcard cli/*.h) | $(GEN)/options
	@mkdir -p $(@D)
	$(CC) $(CLI_CFLAGS) -c $< -o $@

$(ERR_BIN): $(CLI_OBJ) $(STATIC_LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC_LIB)

# err with the scanner's other ways of reading a line (cli/scan.c): its byte
# loop, as a machine without SSE2 builds it; its SSE2 code, which a machine
# with AVX-512 does not run; and the reference that reads every word the slow
# way.  make check runs the annotate suite on each and compares their hits.
SCAN_VARIANTS := portable sse2 every-word
SCAN_FLAGS_portable := -DERR_SCAN_PORTABLE
SCAN_FLAGS_sse2 := -DERR_SCAN_NO_AVX512
SCAN_FLAGS_every-word := -DERR_SCAN_PORTABLE -DERR_SCAN_EVERY_WORD
SCAN_ERRS := $(SCAN_VARIANTS:%=$(BUILD)/err-%)
$(BUILD)/cli-%/scan.o: cli/scan.c lib/winerr.h lib/chars.h $(wildcard cli/*.h)
	@mkdir -p $(@D)
	$(CC) $(CLI_CFLAGS) $(SCAN_FLAGS_$*) -c $< -o $@

$(SCAN_ERRS): $(BUILD)/err-%: $(filter-out $(BUILD)/cli/scan.o,$(CLI_OBJ)) $(BUILD)/cli-%/scan.o \
                              $(STATIC_LIB)
	$(CC) $(LDFLAGS) -o $@ $^

# ---- tests ------------------------------------------------------------------
$(BUILD)/tests/%: tests/lib/%.c tests/lib/test_common.h $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(TEST_CFLAGS) -o $@ $< $(STATIC_LIB) -lcmocka

check: all $(TEST_BIN) $(SCAN_ERRS)
	+@BUILD=$(BUILD) PYTHON=$(PYTHON) JSONSCHEMA_PYTHON=$(JSONSCHEMA_PYTHON) PY_PYTHON="$(PY_PYTHON)" PY_LIB="$(PY_LIB)" CC="$(CC)" CFLAGS="$(CFLAGS)" LDFLAGS="$(LDFLAGS)" TEST_BINS="$(TEST_BIN)" \
	    SQL_MESSAGES_TEST="$(SQL_MESSAGES_TEST)" MINGW_INCLUDE="$(MINGW_INCLUDE)" \
	    WINAPI_SRC="$(WINAPI_SRC)" IMPACKET_DIR="$(IMPACKET_DIR)" \
	    WINSDK_INCLUDE="$(WINSDK_INCLUDE)" HEADER_BUILDS="$(HEADER_BUILDS)" MAKE="$(MAKE)" \
	    sh tests/run_checks.sh

clean:
	rm -rf $(BUILD) $(BUILD)-san $(BUILD)-san-sql $(BUILD)-cov $(BUILD)-cov-sql \
	    $(BUILD)-fuzz $(BUILD)-sql $(BUILD)-newhdr $(BUILD)-sdk

# ---- quality gates ----------------------------------------------------------
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# A clean build with ASan+UBSan, and every test under it.
check-sanitize:
	rm -rf $(BUILD)-san $(BUILD)-san-sql
	$(MAKE) BUILD=$(BUILD)-san CFLAGS="-O1 -g $(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" HEADER_BUILDS=no check

# valgrind memcheck over the library's tests and every CLI test invocation.
VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=all
check-valgrind: all $(TEST_BIN)
	@for t in $(TEST_BIN); do echo "==> valgrind $$t"; \
	    $(VALGRIND) $$t > $$t.valgrind.log 2>&1 || { cat $$t.valgrind.log; exit 1; }; \
	    tail -n 1 $$t.valgrind.log; done
	JSONSCHEMA_PYTHON=$(JSONSCHEMA_PYTHON) $(PYTHON) tests/cli/run_cli_tests.py --err $(BUILD)/err \
	    --wrapper "$(VALGRIND)"

FUZZ_SECONDS ?= 30
FUZZ_CC      ?= clang
FUZZ_BUILD   := $(BUILD)-fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_SRC     := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN     := $(FUZZ_SRC:tests/fuzz/%.c=$(FUZZ_BUILD)/%)
FUZZ_LIB_OBJ := $(LIB_SRC:lib/%.c=$(FUZZ_BUILD)/lib/%.o)
FUZZ_CLI_OBJ := $(filter-out $(FUZZ_BUILD)/cli/main.o,$(CLI_SRC:cli/%.c=$(FUZZ_BUILD)/cli/%.o))

$(FUZZ_BUILD)/lib/%.o: lib/%.c lib/winerr.h lib/internal.h lib/chars.h $(GEN)/stamp
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 -g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN) -DWINERR_BUILDING \
	    -Ilib -I$(GEN) -c $< -o $@
$(FUZZ_BUILD)/cli/%.o: cli/%.c lib/winerr.h lib/chars.h $(wildcard cli/*.h)
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 -g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN) -Ilib -Icli -c $< -o $@
$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB_OBJ) $(FUZZ_CLI_OBJ)
	$(FUZZ_CC) -std=c11 -g -O1 -fsanitize=fuzzer $(FUZZ_SAN) -Ilib -Icli -o $@ $^

# Kept between runs: make would otherwise delete them as intermediates.
.SECONDARY: $(FUZZ_LIB_OBJ) $(FUZZ_CLI_OBJ)

# Each target runs FUZZ_SECONDS from its seed corpus; a crash stops make and
# leaves the input in $(FUZZ_BUILD)/artifacts/.
fuzz: $(FUZZ_BIN)
	@mkdir -p $(FUZZ_BUILD)/artifacts
	@for t in $(FUZZ_BIN); do \
	    name=$${t##*/fuzz_}; corpus=$(FUZZ_BUILD)/corpus/$$name; mkdir -p $$corpus; \
	    echo "==> fuzz $$name for $(FUZZ_SECONDS) s"; \
	    $$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=4096 -print_final_stats=1 \
	        -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$name- $$corpus tests/fuzz/corpus/$$name \
	        > $(FUZZ_BUILD)/$$name.log 2>&1 || { tail -n 40 $(FUZZ_BUILD)/$$name.log; \
	        echo "fuzz: $$name FAILED; input in $(FUZZ_BUILD)/artifacts/"; exit 1; }; \
	    grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' $(FUZZ_BUILD)/$$name.log | tail -n 2; \
	done; echo "fuzz: $(words $(FUZZ_BIN)) targets, $(FUZZ_SECONDS) s each, no crash"

# Line coverage of lib/ and cli/ from the test suite.
coverage:
	rm -rf $(BUILD)-cov $(BUILD)-cov-sql
	$(MAKE) BUILD=$(BUILD)-cov CFLAGS="-O0 -g --coverage" LDFLAGS="--coverage" HEADER_BUILDS=no check
	@$(PYTHON) tests/coverage_summary.py $(BUILD)-cov

# cppcheck over our C.  Without -I$(GEN): parsing the generated tables takes
# it many minutes and finds nothing in code we write; their includes are
# then missing, which is no finding.
lint:
	$(CPPCHECK) --error-exitcode=1 --enable=warning,style,performance,portability \
	    --inline-suppr --quiet --suppress=missingInclude -Ilib -Icli lib cli
	@echo "lint: cppcheck clean on lib/ and cli/"

# ---- benchmarks ---------------------------------------------------------------
$(BUILD)/bench: tests/bench/bench.c $(STATIC_LIB)
	$(CC) -std=c11 $(WARN) -O2 -Ilib -o $@ $< $(STATIC_LIB)
$(BUILD)/spawn_bench: tests/bench/spawn_bench.c
	$(CC) -std=c11 $(WARN) -O2 -o $@ $<

# The lookup benchmark runs pinned to one CPU (BENCH_CPU) when taskset is
# there: a process the scheduler moves between cores mid-run leaves its
# caches behind, which only adds noise to both sides of the comparison.
BENCH_CPU ?= 0
BENCH_PIN := $(shell command -v taskset >/dev/null 2>&1 && echo taskset -c $(BENCH_CPU))
bench: all $(BUILD)/bench $(BUILD)/spawn_bench
	$(BENCH_PIN) $(BUILD)/bench
	sh tests/bench/cli_bench.sh $(BUILD)
	sh tests/bench/annotate_bench.sh $(BUILD)

# The lookup benchmark BENCH_RUNS times, BENCH_PAUSE s apart: how its
# speed-ups spread on a shared machine.
BENCH_RUNS  ?= 16
BENCH_PAUSE ?= 20
bench-repeat: $(BUILD)/bench
	BENCH_CPU=$(BENCH_CPU) sh tests/bench/repeat_bench.sh $(BUILD) $(BENCH_RUNS) $(BENCH_PAUSE)

# ---- the Python binding (python/) ------------------------------------------
# `import winerr`: a CPython extension over lib/ and cli/, built with
# PY_PYTHON (Debian's /usr/bin/python3 where it is there: a python3 found
# first on PATH, pyenv's say, may have no headers) into $(PY_LIB); `make
# check` runs its pytest suite with that same interpreter.
PY_PYTHON ?= $(firstword $(wildcard /usr/bin/python3) python3)
PY_BUILD  := $(BUILD)/python
PY_LIB    := $(abspath $(PY_BUILD))/lib
PY_STAMP  := $(PY_BUILD)/stamp

.PHONY: python bench-python
python: $(PY_STAMP)
$(PY_STAMP): python/setup.py $(wildcard python/src/*.c python/winerr/*) $(LIB_SRC) $(CLI_SRC) \
             lib/winerr.h lib/internal.h $(wildcard cli/*.h) $(GEN)/stamp
	@$(PY_PYTHON) -c 'import os, sys, sysconfig; \
	    sys.exit(0 if os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")) \
	    else "python: $(PY_PYTHON) has no Python.h: apt-get install python3-dev, or make PY_PYTHON=...")'
	cd python && WINERR_BUILD=$(abspath $(BUILD)) WINERR_WERROR=1 CC="$(CC)" CFLAGS="$(CFLAGS)" \
	    LDFLAGS="$(LDFLAGS)" $(PY_PYTHON) setup.py -q build --build-base $(abspath $(PY_BUILD))/b \
	    --build-lib $(PY_LIB)
	$(PY_PYTHON) -m compileall -q $(PY_LIB)/winerr
	@touch $@
check: $(PY_STAMP)

# The binding's test run under valgrind memcheck: no invalid access and no
# block definitely lost (CPython itself leaves objects reachable at exit, so
# only definite leaks count).  Tests that only measure RSS or start other
# programs are left to make check.
VALGRIND_PY := valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \
               --errors-for-leak-kinds=definite
.PHONY: check-valgrind-python
check-valgrind-python: all $(PY_STAMP)
	PYTHONMALLOC=malloc WINERR_UNDER_VALGRIND=1 PYTHONPATH=$(PY_LIB) WINERR_BUILD=$(BUILD) \
	    WINERR_ERR=$(abspath $(ERR_BIN)) $(VALGRIND_PY) $(PY_PYTHON) -m pytest -q \
	    -p no:cacheprovider python/tests
check-valgrind: check-valgrind-python

# The binding's figures beside their baselines (python/tests/bench_winerr.py).
bench-python: $(PY_STAMP)
	PYTHONPATH=$(PY_LIB) $(BENCH_PIN) $(PY_PYTHON) python/tests/bench_winerr.py --build $(BUILD)
bench: bench-python

# ---- Windows: err.exe, cross-built, run under Wine ---------------------------
# The same generated tables ($(GEN)) and the same sources, compiled with
# MinGW-w64 into one static x86-64 err.exe that imports only system DLLs;
# cli/win32.c adds what differs on Windows (README, "Windows").
WIN_CC      ?= x86_64-w64-mingw32-gcc
WIN_OBJDUMP ?= x86_64-w64-mingw32-objdump
WIN_CFLAGS  ?= -O2
WINE        ?= /usr/lib/wine/wine64
WINESERVER  ?= /usr/lib/wine/wineserver64
WIN_BUILD   := $(BUILD)/windows
WIN_EXE     := $(WIN_BUILD)/err.exe
WIN_LIB_OBJ := $(LIB_SRC:lib/%.c=$(WIN_BUILD)/lib/%.o)
WIN_CLI_OBJ := $(wildcard cli/*.c)
WIN_CLI_OBJ := $(WIN_CLI_OBJ:cli/%.c=$(WIN_BUILD)/cli/%.o)
# A private, headless Wine: its own prefix under the build directory, no
# display, no debug chatter, no offer to install Mono or Gecko.
WIN_PREFIX  := $(abspath $(WIN_BUILD))/wineprefix
WINE_ENV    := env -u DISPLAY -u WAYLAND_DISPLAY WINEPREFIX=$(WIN_PREFIX) WINEDEBUG=-all \
               WINEDLLOVERRIDES=mscoree,mshtml= WINESERVER=$(WINESERVER)
WIN_PACKAGES := gcc-mingw-w64-x86-64 wine64

.PHONY: deps-windows windows check-windows bench-windows
deps-windows:
	@$(MAKE) -s deps DEB_PACKAGES="$(WIN_PACKAGES)"

$(WIN_BUILD)/cc-found:
	@command -v $(WIN_CC) >/dev/null || { echo "windows: no $(WIN_CC): run make deps-windows"; exit 1; }
	@mkdir -p $(@D) && touch $@

$(WIN_BUILD)/lib/%.o: lib/%.c lib/winerr.h lib/internal.h $(GEN)/stamp | $(WIN_BUILD)/cc-found
	@mkdir -p $(@D)
	$(WIN_CC) -std=c11 $(WARN) -DWINERR_BUILDING -Ilib -I$(GEN) $(WIN_CFLAGS) -c $< -o $@
$(WIN_BUILD)/cli/%.o: cli/%.c lib/winerr.h $(wildcard cli/*.h) | $(WIN_BUILD)/cc-found
	@mkdir -p $(@D)
	$(WIN_CC) -std=c11 $(WARN) -Ilib -Icli $(WIN_CFLAGS) -c $< -o $@

# -municode: the program starts at win32.c's wmain, which has the command
# line in UTF-16.  -static: no MinGW runtime DLLs beside err.exe.
$(WIN_EXE): $(WIN_LIB_OBJ) $(WIN_CLI_OBJ)
	$(WIN_CC) -municode -static -s -o $@ $^
	@dlls=$$($(WIN_OBJDUMP) -p $@ | sed -n 's/^[[:space:]]*DLL Name: //p' | sort -f | tr '\n' ' '); \
	echo "windows: $@, $$(wc -c < $@) bytes, imports: $$dlls"; \
	for d in $$dlls; do case $$(echo $$d | tr A-Z a-z) in \
	    kernel32.dll|msvcrt.dll) ;; \
	    *) echo "windows: $$d is not a DLL every Windows has"; rm -f $@; exit 1;; esac; done

windows: $(WIN_EXE)

# The Wine prefix, made once; `wineboot -i` takes some seconds.
$(WIN_BUILD)/wineprefix/system.reg:
	@test -x $(WINE) || { echo "windows: no $(WINE): run make deps-windows"; exit 1; }
	@mkdir -p $(@D)
	@start=$$(date +%s); $(WINE_ENV) $(WINE) wineboot -i >$(WIN_BUILD)/wineboot.log 2>&1; \
	$(WINE_ENV) $(WINESERVER) -w; \
	echo "windows: Wine prefix made in $$(( $$(date +%s) - start )) s"

# What the test drivers run as "err": err.exe under this build's Wine.
$(WIN_BUILD)/err-wine: $(WIN_EXE) Makefile
	@printf '#!/bin/sh\nexec %s %s %s "$$@"\n' '$(WINE_ENV)' '$(WINE)' '$(abspath $(WIN_EXE))' > $@
	@chmod +x $@

# The CLI suites against err.exe under Wine; tests/windows/skip lists the
# tests that do not apply there, with the reason.  One wineserver serves
# the whole run.
check-windows: $(ERR_BIN) $(WIN_EXE) $(WIN_BUILD)/err-wine $(WIN_BUILD)/wineprefix/system.reg
	@$(WINE_ENV) $(WINESERVER) -p 60
	@ERR_LINUX=$(ERR_BIN) ERR_WINE=$(WIN_BUILD)/err-wine PYTHON=$(PYTHON) \
	    sh tests/windows/run.sh; rc=$$?; $(WINE_ENV) $(WINESERVER) -k 2>/dev/null; exit $$rc

# err.exe's size, and its start-up under Wine beside `cmd /c exit`.
bench-windows: $(WIN_EXE) $(ERR_BIN) $(BUILD)/spawn_bench $(WIN_BUILD)/wineprefix/system.reg
	@$(WINE_ENV) $(WINESERVER) -p 60
	@WINE_ENV='$(WINE_ENV)' WINE=$(WINE) sh tests/bench/windows_bench.sh $(WIN_BUILD); \
	rc=$$?; $(WINE_ENV) $(WINESERVER) -k 2>/dev/null; exit $$rc

# ---- install ----------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
	    $(DESTDIR)$(DATADIR)
	install -m 755 $(ERR_BIN) $(DESTDIR)$(BINDIR)/err
	install -m 644 $(STATIC_LIB) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(SHARED_LIB) $(DESTDIR)$(LIBDIR)/
	ln -sf $(notdir $(SHARED_LIB)) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(notdir $(SHARED_LIB)) $(DESTDIR)$(LIBDIR)/libwinerr.so
	install -m 644 lib/winerr.h $(DESTDIR)$(INCLUDEDIR)/
	$(PC_SED) lib/winerr.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/winerr.pc
	install -m 644 cli/err.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 cli/err.bash-completion $(DESTDIR)$(BASHCOMPDIR)/err
	install -m 644 cli/err.schema.json $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/err $(DESTDIR)$(LIBDIR)/libwinerr.a \
	    $(DESTDIR)$(LIBDIR)/$(notdir $(SHARED_LIB)) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	    $(DESTDIR)$(LIBDIR)/libwinerr.so $(DESTDIR)$(INCLUDEDIR)/winerr.h \
	    $(DESTDIR)$(PKGCONFIGDIR)/winerr.pc $(DESTDIR)$(MANDIR)/man1/err.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/err $(DESTDIR)$(DATADIR)/err.schema.json
	rmdir $(DESTDIR)$(DATADIR) 2>/dev/null || true

# ---- release ------------------------------------------------------------------
# winerr-$(VERSION).tar.gz from the files git tracks (as they are in the work
# tree), the same bytes on every run: names sorted, one owner, every mtime
# SOURCE_DATE_EPOCH (default: the last commit's time), gzip without a name or
# time.  It refuses when debian/changelog or NEWS.md name another version.
DIST := winerr-$(VERSION)
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
dist:
	@git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "dist: needs a git checkout"; exit 2; }
	@test -n "$(SOURCE_DATE_EPOCH)" || { echo "dist: no commit yet: set SOURCE_DATE_EPOCH"; exit 2; }
	@sh tests/version_test.sh --sources
	git ls-files -z | LC_ALL=C sort -z | \
	  LC_ALL=C tar --create --format=gnu --no-recursion --null \
	    --transform='s,^,$(DIST)/,' --mtime=@$(SOURCE_DATE_EPOCH) \
	    --owner=0 --group=0 --numeric-owner --mode='u+rw,go-w,a+rX' \
	    --files-from=- --file=$(DIST).tar.tmp
	gzip -n -9 < $(DIST).tar.tmp > $(DIST).tar.gz.tmp
	rm -f $(DIST).tar.tmp
	mv $(DIST).tar.gz.tmp $(DIST).tar.gz
	@echo "dist: $(DIST).tar.gz, $$(git ls-files | wc -l) files, sha256 $$(sha256sum $(DIST).tar.gz | cut -c1-16)"
	@git diff --quiet HEAD || echo "dist: note: tracked files differ from the last commit; the tarball holds them as they are now"

# Builds the Debian packages from `make dist`'s tarball, checks them with
# lintian, installs, tests and purges them (as root: it runs apt-get).
check-deb: dist
	sh tests/deb_test.sh $(DIST).tar.gz
