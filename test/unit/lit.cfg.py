# -*- Python -*- lit configuration running the GoogleTest unit tests.

import os

import lit.formats

config.name = "ascend-compiler-unit"
config.suffixes = []
config.test_exec_root = os.path.join(config.ascend_obj_root, "test", "unit")
config.test_source_root = config.test_exec_root
config.test_format = lit.formats.GoogleTest(".", "Tests")
