# The two commands of the README: "make demo" runs the kiosk's demo and
# "make test" runs every test, each installing what it needs first.

GO ?= go
export CGO_ENABLED = 1

.PHONY: demo test deps build-deps vet unit pcsc bench

demo: build-deps
	$(GO) run ./cmd/kiosk demo

test: deps vet unit pcsc

deps:
	scripts/install-deps.sh

build-deps:
	scripts/install-deps.sh --build-only

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: files above need formatting"; exit 1; }
	$(GO) vet ./...

unit:
	$(GO) test -count=1 ./...

# The PC/SC integration tests: a real pcscd with vsmartcard-vpcd in a
# private network namespace, with the project's virtual e-KTP and SAM.
pcsc:
	scripts/pcsc-test.sh

bench:
	scripts/bench.sh
