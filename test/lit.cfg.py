# -*- Python -*- lit configuration for the ascend-compiler FileCheck tests.

import os

import lit.formats
from lit.llvm import llvm_config

config.name = "ascend-compiler"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test", ".onnxtxt"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.ascend_obj_root, "test")

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
llvm_config.add_tool_substitutions(["ascend-compile", "ascend-opt", "ascend-run",
                                    "ascend-translate"],
                                   [config.ascend_tools_dir])
# Debian's python3 has numpy and onnx; the one first on PATH may not.
config.substitutions.append(("%python", "/usr/bin/python3"))
config.substitutions.append(
    ("%npytool", "/usr/bin/python3 " + os.path.join(config.ascend_src_root,
                                                    "utils", "npytool.py")))

config.substitutions.append(("%ascend_src_root", config.ascend_src_root))
# Test models are generated with the Debian python3-onnx, which only
# /usr/bin/python3 sees.
config.substitutions.append(("%onnx_python", "/usr/bin/python3"))
# Splits textual ONNX test files into cases at `# -----` lines; a
# substitution because a RUN line naming the marker would itself be split.
config.substitutions.append(("%onnx_split", "--split-input-file='# -----'"))
config.substitutions.append(("%ascend_obj_root", config.ascend_obj_root))

# The ONNX backend node tests (Debian package libonnx-testdata).
if os.path.isdir("/usr/share/libonnx-testdata/data/node"):
    config.available_features.add("onnx-testdata")

# ONNX Runtime for Node.js, the reference of the model comparisons
# (scripts/setup-ort.sh installs it into third_party/onnxruntime).
if os.path.isfile(os.path.join(config.ascend_src_root, "third_party",
                               "onnxruntime", "node_modules",
                               "onnxruntime-node", "package.json")):
    config.available_features.add("onnxruntime")
config.substitutions.append(
    ("%compare_ort", "/usr/bin/python3 " + os.path.join(
        config.ascend_src_root, "utils", "compare_ort.py") +
     " --build " + config.ascend_obj_root))
config.substitutions.append(
    ("%make_models", "/usr/bin/python3 " + os.path.join(
        config.ascend_src_root, "examples", "make_models.py")))
