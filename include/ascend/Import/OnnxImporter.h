//===- OnnxImporter.h - ONNX models to nn IR --------------------*- C++ -*-===//
//
// Imports an ONNX model (binary .onnx, optionally with external-data
// tensors, or the ONNX textual syntax) into a module holding
// `func.func @main` in the nn dialect, with static shapes. Errors are
// reported through the context's diagnostic handler.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_IMPORT_ONNXIMPORTER_H
#define ASCEND_IMPORT_ONNXIMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace mlir {
class MLIRContext;
} // namespace mlir

namespace ascend {

/// A user-given static shape for one graph input (`--input-shape`).
struct InputShape {
  std::string name;
  llvm::SmallVector<int64_t> dims;
};

/// Parses `NAME:D0,D1,...` (a scalar is `NAME:`). On failure returns false
/// and sets `error`.
bool parseInputShape(llvm::StringRef spec, InputShape &shape,
                     std::string &error);

struct OnnxImportOptions {
  /// Overrides of graph-input shapes, applied before shape inference.
  llvm::SmallVector<InputShape> inputShapes;
};

/// Imports the model in `data`; `path` names the file (for diagnostics,
/// external data, and the choice of syntax: `.onnxtxt` or text starting
/// with `<` is the textual syntax). Returns null after emitting diagnostics.
mlir::OwningOpRef<mlir::ModuleOp>
importOnnxModel(llvm::StringRef data, llvm::StringRef path,
                mlir::MLIRContext *context, const OnnxImportOptions &options);

/// Reads `path` and imports it. A binary model is parsed straight from the
/// file, so its bytes are in memory once (in the parsed model) and then move
/// into the IR's blobs.
mlir::OwningOpRef<mlir::ModuleOp>
importOnnxFile(llvm::StringRef path, mlir::MLIRContext *context,
               const OnnxImportOptions &options);

/// Prints `module` like Operation::print, except that the bytes of
/// dense_resource blobs are streamed into the `dialect_resources` section
/// instead of being turned into one string per blob first (MLIR's printer
/// holds two hex copies of a blob at once), so printing a model needs little
/// memory beyond the module itself. Only builtin blobs are printed: other
/// dialects' resources (the importer makes none) would be elided.
void printModuleStreamingBlobs(mlir::ModuleOp module, llvm::raw_ostream &os);

/// Registers the `--import-onnx` translation and its `--input-shape` option
/// for mlir-translate-style tools.
void registerImportOnnxTranslation();

} // namespace ascend

#endif // ASCEND_IMPORT_ONNXIMPORTER_H
