# Passbook build. `make` builds build/passbook; `make test` builds with
# AddressSanitizer + UndefinedBehaviorSanitizer and runs every test.

CC      ?= gcc
PKGS    := jansson sqlite3 openssl libargon2 libpcre2-8
# Headers only, opened on first use rather than linked (every start would pay for them):
# Tesseract when a page needs OCR (src/extract/ocr_lib.h), the others by util/lazylib.h.
DLOPEN_PKGS := tesseract lept xlsxwriter libxml-2.0 libmicrohttpd libpq libcurl
MUPDF   := -lmupdf -lmupdf-third -lharfbuzz -lfreetype -ljbig2dec -lopenjp2 \
           -ljpeg -lgumbo -lmujs -lz -lm
WARN    := -Wall -Wextra -Wno-unused-parameter -Wno-clobbered -Wshadow \
           -Wstrict-prototypes -Wmissing-prototypes
CFLAGS_BASE = -std=gnu11 $(WARN) -Isrc -D_GNU_SOURCE -MMD -MP -pthread \
           $(shell pkg-config --cflags $(PKGS) $(DLOPEN_PKGS) 2>/dev/null)
LDLIBS  = $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(MUPDF) -lpthread
# The executable exports its inline OpenMP runtime, which libtesseract's
# parallel regions bind to (src/extract/ocr_omp.h), and leptonica's image
# writer and reader for the line images Tesseract keeps (src/extract/ocr_pixmem.h),
# and Tesseract's loader of a table the LSTM never reads (src/extract/ocr_ambigs.h);
# -u links the OpenMP runtime and that loader from the archive (ocr.c needs ocr_pixmem.o).
OCR_AMBIGS := _ZN9tesseract13UnicharAmbigs13LoadUniversalERKNS_10UNICHARSETEPS1_
EXE_LDFLAGS = -Wl,--dynamic-list=src/extract/ocr_omp.sym -Wl,-u,GOMP_parallel_sections -Wl,-u,$(OCR_AMBIGS)

# Two flavours share the sources: the release build and the sanitizer build.
REL_DIR  := build
ASAN_DIR := build/asan
REL_FLAGS  := -O2 -g
ASAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
              -fno-sanitize-recover=undefined

SRCS     := $(sort $(wildcard src/*/*.c))
MAIN     := src/main.c
UNIT_SRCS := $(sort $(wildcard tests/unit/*/test_*.c))

DATA     := $(shell find data -type f 2>/dev/null)
REL_OBJS  := $(SRCS:%.c=$(REL_DIR)/obj/%.o) $(REL_DIR)/obj/embedded_data.o
ASAN_OBJS := $(SRCS:%.c=$(ASAN_DIR)/obj/%.o) $(ASAN_DIR)/obj/embedded_data.o
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(ASAN_DIR)/tests/%)

.PHONY: all deps test-deps run install uninstall test test-pg unit fuzz soak bench clean format deb scan-corpus
all: deps $(REL_DIR)/passbook

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

# The release build also takes CPPFLAGS, CFLAGS and LDFLAGS from the caller (the Debian
# package's hardening flags); the sanitizer build does not.
$(REL_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(REL_FLAGS) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(ASAN_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(ASAN_FLAGS) -c $< -o $@

# Everything under data/ (tracked source: tables, journey and console assets) is compiled into the
# binary (scripts/embed.sh), and so is the console's chart library, taken at build time from
# Debian's libjs-chart.js (installed by scripts/install-deps.sh; never copied into the repository).
CHARTJS := /usr/share/javascript/chart.js/chart.min.js
EMBED_EXTRA := console/chart.min.js=$(CHARTJS)

$(CHARTJS):
	@scripts/install-deps.sh

$(REL_DIR)/gen/embedded_data.c: $(DATA) scripts/embed.sh $(CHARTJS)
	@mkdir -p $(dir $@)
	scripts/embed.sh $@ $(EMBED_EXTRA)

$(REL_DIR)/obj/embedded_data.o: $(REL_DIR)/gen/embedded_data.c
	$(CC) $(CFLAGS_BASE) -O0 -c $< -o $@

$(ASAN_DIR)/obj/embedded_data.o: $(REL_DIR)/gen/embedded_data.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -O0 -c $< -o $@

$(REL_DIR)/libpassbook.a: $(REL_OBJS)
	@rm -f $@; ar rcs $@ $^

$(ASAN_DIR)/libpassbook.a: $(ASAN_OBJS)
	@rm -f $@; ar rcs $@ $^

$(REL_DIR)/passbook: $(REL_DIR)/obj/src/main.o $(REL_DIR)/libpassbook.a src/extract/ocr_omp.sym
	$(CC) $(REL_FLAGS) $(CFLAGS) $(LDFLAGS) $(EXE_LDFLAGS) -pthread $(filter-out %.sym,$^) $(LDLIBS) -o $@

$(ASAN_DIR)/passbook: $(ASAN_DIR)/obj/src/main.o $(ASAN_DIR)/libpassbook.a src/extract/ocr_omp.sym
	$(CC) $(ASAN_FLAGS) $(EXE_LDFLAGS) -pthread $(filter-out %.sym,$^) $(LDLIBS) -o $@

$(ASAN_DIR)/tests/%: tests/unit/%.c tests/unit/check.h $(ASAN_DIR)/libpassbook.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(ASAN_FLAGS) -Itests/unit $< $(ASAN_DIR)/libpassbook.a $(LDLIBS) -o $@

# Flags come from the environment (PASSBOOK_LISTEN, PASSBOOK_DATA, ...; README,
# "Configuration"); the defaults are 127.0.0.1:8080 and ./var.
run: all
	@echo "Passbook: create an organisation in another terminal with"
	@echo "  build/passbook org create --name 'My Lender' --data $${PASSBOOK_DATA:-var}"
	@echo "then call http://$${PASSBOOK_LISTEN:-127.0.0.1:8080}/bank-connect/v1/session/ with its api_key."
	$(REL_DIR)/passbook serve

# make install [PREFIX=/usr/local] [DESTDIR=]: the binary, the systemd unit (sandboxed,
# user passbook, data in /var/lib/passbook), its environment file and the docs.
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
SYSCONFDIR ?= /etc
UNITDIR    ?= $(PREFIX)/lib/systemd/system
DOCDIR     ?= $(PREFIX)/share/doc/passbook

install: $(REL_DIR)/passbook
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSCONFDIR)/default $(DESTDIR)$(DOCDIR)
	install -m 0755 $(REL_DIR)/passbook $(DESTDIR)$(BINDIR)/passbook
	sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' packaging/passbook.service.in \
	    >$(DESTDIR)$(UNITDIR)/passbook.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/passbook.service
	[ -e $(DESTDIR)$(SYSCONFDIR)/default/passbook ] || \
	    install -m 0644 packaging/passbook.default $(DESTDIR)$(SYSCONFDIR)/default/passbook
	install -m 0644 README.md LICENSE docs/*.md $(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/passbook $(DESTDIR)$(UNITDIR)/passbook.service
	rm -rf $(DESTDIR)$(DOCDIR)

unit: test-deps $(UNIT_BINS)

test: test-deps $(ASAN_DIR)/passbook $(UNIT_BINS)
	@tests/run.sh

# Every API suite on PostgreSQL only (make test runs them on both stores).
test-pg: test-deps $(ASAN_DIR)/passbook
	@PB_TEST_FILTER=api-pg/ tests/run.sh

# Ten minutes of mixed traffic with kill -9 every few seconds (make test runs 40 s of it).
soak: test-deps $(ASAN_DIR)/passbook
	@PB_SOAK_SECONDS=$${PB_SOAK_SECONDS:-600} python3 tests/api/test_soak.py

# The scanned corpora of issue 17 (tools/statements/scan.py) in build/corpus/scan-{smoke,full,heldout},
# the folders tests/extract/run_accuracy.sh reads (PB_CORPUS_SET=scan-full ...); PB_CORPUS_SEED=N.
scan-corpus: test-deps
	@for s in scan-smoke scan-full scan-heldout; do sh tests/extract/corpus.sh $$s $${PB_CORPUS_SEED:-1} || exit 1; done

fuzz: test-deps
	@$(MAKE) -f tests/fuzz/Makefile

bench: all
	@for b in bench/*.sh; do echo "== $$b"; $$b; done

format:
	clang-format -i $(SRCS) $(MAIN) $$(find src -name '*.h')

clean:
	rm -rf build

-include $(REL_OBJS:.o=.d) $(ASAN_OBJS:.o=.d) $(REL_DIR)/obj/src/main.d $(ASAN_DIR)/obj/src/main.d $(UNIT_BINS:=.d)
