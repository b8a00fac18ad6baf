# The handbook's tasks. `make serve` is the one to start with.
GO      ?= go
BIN     := ./handbook
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

.PHONY: all build serve test check update bench bench-100k bench-go bench-search bench-serve clean

all: check test build

# Build the binary, then the handbook into public/.
build: $(BIN)
	$(BIN) build

$(BIN): FORCE
	$(GO) build -ldflags "-X main.Version=$(VERSION)" -o $(BIN) ./cmd/handbook

# Build the handbook and serve it on http://127.0.0.1:1313/.
serve: $(BIN)
	$(BIN) serve

# Every test: unit, golden, whole-site and end-to-end.
test:
	$(GO) test -race -count=1 ./...

# Formatting and vet.
check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

# Rewrite golden files after an intended change to rendered HTML.
update:
	$(GO) test ./generator ./generator/markdown -run 'Golden' -update

# Cold builds of generated 1,000- and 10,000-page handbooks by handbook and
# by Hugo, alternating, 5 runs each, against the floor (goldmark + chroma
# alone): medians, ratios and the performance targets (see README,
# "Performance"). hugo is installed with apt-get if missing.
bench:
	@command -v hugo >/dev/null || apt-get install -y hugo >/dev/null 2>&1 || \
		(apt-get update >/dev/null 2>&1 && apt-get install -y hugo >/dev/null 2>&1) || \
		echo "could not install hugo; measuring handbook only"
	$(GO) run ./cmd/buildbench

# The scale target: handbook alone at 10,000 and 100,000 pages.
bench-100k:
	$(GO) run ./cmd/buildbench -pages 100000 -runs 3

# The Go benchmarks of the build, in process.
bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./generator/

# Search against its targets on a generated 10,000-page handbook, with
# Pagefind (installed by npm into a temporary folder) beside it.
bench-search:
	$(GO) run ./cmd/searchbench -pages 10000

# How fast serve shows an edit on a 10,000-page handbook, against hugo
# server on the same content (hugo is installed with apt-get if missing).
bench-serve: $(BIN)
	@command -v hugo >/dev/null || apt-get install -y hugo >/dev/null 2>&1 || \
		(apt-get update >/dev/null 2>&1 && apt-get install -y hugo >/dev/null 2>&1) || \
		echo "could not install hugo; measuring handbook only"
	$(GO) run ./internal/benchserve -handbook $(BIN)

clean:
	rm -rf public $(BIN)

FORCE:
