#include "app/cli.hpp"

int main(int argc, char** argv) { return am::run_cli(argc, argv); }
