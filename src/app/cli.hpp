// The avatar-mirror command line: parses argv, loads the config, sets up logging, runs one
// subcommand and turns every error into one line on stderr and a non-zero exit status.
#pragma once

namespace am {

int run_cli(int argc, char** argv);

}  // namespace am
