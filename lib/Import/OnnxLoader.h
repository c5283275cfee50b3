//===- OnnxLoader.h - libonnx calls behind a no-exception API ---*- C++ -*-===//
//
// libonnx (parser, shape inference) reports errors by throwing. Everything
// that calls it lives in OnnxLoader.cpp, the one file of the importer built
// with exceptions; this interface returns errors as strings.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_IMPORT_ONNXLOADER_H
#define ASCEND_LIB_IMPORT_ONNXLOADER_H

#include "onnx/onnx_pb.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace ascend::onnx_import {

/// Parses `data` as the ONNX textual syntax (`textual`) or a binary
/// ModelProto. On failure returns false and sets `error`.
bool parseModel(llvm::StringRef data, bool textual, onnx::ModelProto &model,
                std::string &error);

/// Parses the binary ModelProto in file `path`, streaming it from disk so the
/// file is never held in memory next to the parsed model.
bool parseModelFile(llvm::StringRef path, onnx::ModelProto &model,
                    std::string &error);

/// Checks every default-domain node against its op schema at `opset`
/// (input and output counts, attribute types, required attributes).
bool verifyNodes(const onnx::ModelProto &model, int64_t opset,
                 std::string &error);

/// Runs ONNX shape inference with data propagation on `model`. `strict`
/// makes a node whose inference fails an error; otherwise its outputs stay
/// unknown.
bool inferShapes(onnx::ModelProto &model, bool strict, std::string &error);

} // namespace ascend::onnx_import

#endif // ASCEND_LIB_IMPORT_ONNXLOADER_H
