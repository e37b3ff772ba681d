# Passbook build. `make` builds build/passbook; `make test` builds with
# AddressSanitizer + UndefinedBehaviorSanitizer and runs every test.

CC      ?= gcc
PKGS    := libmicrohttpd jansson sqlite3 libcurl openssl xlsxwriter
MUPDF   := -lmupdf -lmupdf-third -lharfbuzz -lfreetype -ljbig2dec -lopenjp2 \
           -ljpeg -lgumbo -lmujs -lz -lm
WARN    := -Wall -Wextra -Wno-unused-parameter -Wno-clobbered -Wshadow \
           -Wstrict-prototypes -Wmissing-prototypes
CFLAGS_BASE = -std=gnu11 $(WARN) -Isrc -D_GNU_SOURCE -MMD -MP -pthread \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  = $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(MUPDF) -lpthread

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

.PHONY: all deps test-deps run test unit fuzz bench clean format
all: deps $(REL_DIR)/passbook

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

$(REL_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(REL_FLAGS) -c $< -o $@

$(ASAN_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(ASAN_FLAGS) -c $< -o $@

# Everything under data/ (tracked source: tables, journey assets) is compiled into the binary (scripts/embed.sh).
$(REL_DIR)/gen/embedded_data.c: $(DATA) scripts/embed.sh
	@mkdir -p $(dir $@)
	scripts/embed.sh $@

$(REL_DIR)/obj/embedded_data.o: $(REL_DIR)/gen/embedded_data.c
	$(CC) $(CFLAGS_BASE) -O0 -c $< -o $@

$(ASAN_DIR)/obj/embedded_data.o: $(REL_DIR)/gen/embedded_data.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -O0 -c $< -o $@

$(REL_DIR)/libpassbook.a: $(REL_OBJS)
	@rm -f $@; ar rcs $@ $^

$(ASAN_DIR)/libpassbook.a: $(ASAN_OBJS)
	@rm -f $@; ar rcs $@ $^

$(REL_DIR)/passbook: $(REL_DIR)/obj/src/main.o $(REL_DIR)/libpassbook.a
	$(CC) $(REL_FLAGS) -pthread $^ $(LDLIBS) -o $@

$(ASAN_DIR)/passbook: $(ASAN_DIR)/obj/src/main.o $(ASAN_DIR)/libpassbook.a
	$(CC) $(ASAN_FLAGS) -pthread $^ $(LDLIBS) -o $@

$(ASAN_DIR)/tests/%: tests/unit/%.c tests/unit/check.h $(ASAN_DIR)/libpassbook.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(ASAN_FLAGS) -Itests/unit $< $(ASAN_DIR)/libpassbook.a $(LDLIBS) -o $@

run: all
	@mkdir -p var
	@echo "Passbook: create an organisation in another terminal with"
	@echo "  build/passbook org create --name 'My Lender' --data var"
	@echo "then call http://127.0.0.1:8080/bank-connect/v1/session/ with its api_key."
	$(REL_DIR)/passbook serve --listen 127.0.0.1:8080 --data var

unit: test-deps $(UNIT_BINS)

test: test-deps $(ASAN_DIR)/passbook $(UNIT_BINS)
	@tests/run.sh

fuzz: test-deps
	@$(MAKE) -f tests/fuzz/Makefile

bench: all
	@for b in bench/*.sh; do echo "== $$b"; $$b; done

format:
	clang-format -i $(SRCS) $(MAIN) $$(find src -name '*.h')

clean:
	rm -rf build

-include $(REL_OBJS:.o=.d) $(ASAN_OBJS:.o=.d) $(REL_DIR)/obj/src/main.d $(ASAN_DIR)/obj/src/main.d
