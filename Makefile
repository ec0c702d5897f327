# Avatar Mirror: the two commands are `make run` and `make test`; everything else is here too.
BUILD_DIR  ?= build
BUILD_TYPE ?= Release
JOBS       ?= $(shell nproc)
SOURCE     ?=
ARGS       ?=
AM         := $(BUILD_DIR)/avatar-mirror
CMAKE_ARGS ?=
SRC_FILES   = $(shell git ls-files '*.cpp' '*.hpp' 2>/dev/null)

.PHONY: help setup setup-models build run run-debug test test-cov bench soak lint format check clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'
	@echo "  variables: SOURCE=camera:0|/dev/videoN|FILE|DIR|URL  ARGS='extra flags'  BUILD_TYPE=Release|Debug"

setup: ## install missing Debian packages and ONNX Runtime (idempotent, offline once done)
	@scripts/setup.sh

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS)

build: setup $(BUILD_DIR)/CMakeCache.txt ## set up, then build everything
	@cmake --build $(BUILD_DIR) -j $(JOBS)

setup-models: build ## fetch, check and convert every model (idempotent)
	@$(AM) models fetch

run: build ## run the mirror (SOURCE=... for a video, image folder or camera)
	$(AM) run $(if $(SOURCE),--source "$(SOURCE)") $(ARGS)

run-debug: build ## run with debug logging
	LOG_LEVEL=debug $(AM) run $(if $(SOURCE),--source "$(SOURCE)") $(ARGS)

test: setup-models ## the full test suite (fetches models and the reference runtimes first)
	@scripts/test-tools.sh
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) --timeout 1500

test-cov: ## the test suite with gcov line coverage of src/ (printed at the end)
	@$(MAKE) --no-print-directory test BUILD_DIR=build-cov BUILD_TYPE=Debug CMAKE_ARGS=-DAM_COVERAGE=ON
	@cd build-cov && find . -name '*.gcda' | xargs gcov -n -s $(CURDIR) 2>/dev/null \
	  | grep -A1 "^File '$(CURDIR)/src" | grep -v '^--'

bench: build ## the benchmarks (bench/)
	@scripts/bench.sh $(BUILD_DIR)

soak: build ## opt-in: loop a video 10 min with a client; RSS growth < 5%, no drop (SOAK_SECONDS=)
	@scripts/soak.sh $(BUILD_DIR)

lint: build ## clang-tidy (all cores), cppcheck and a clang-format check over src/
	@run-clang-tidy -p $(BUILD_DIR) -j $(JOBS) -quiet '$(CURDIR)/src/.*\.cpp$$' 2>/dev/null \
	  | sed 's/\x1b\[[0-9;]*m//g' | grep -E '^/.*: (warning|error):' && exit 1 || true
	@cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability --inline-suppr \
	  --suppress=missingIncludeSystem -I src $(filter src/%.cpp,$(SRC_FILES))
	@clang-format --dry-run --Werror $(SRC_FILES)

format: ## clang-format every C++ file
	@clang-format -i $(SRC_FILES)

check: lint test ## lint, then the tests

clean: ## remove build folders (the cache folder stays)
	rm -rf $(BUILD_DIR) build-cov
