//===- Compiler.h - ONNX model to execution plan ----------------*- C++ -*-===//
//
// The compile pipeline as one library call: ascend-compile is a thin
// command line over it. Every step is a registered pass; this only strings
// them together, in phases that can be stopped after and dumped.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_DRIVER_COMPILER_H
#define ASCEND_DRIVER_COMPILER_H

#include "ascend/Import/OnnxImporter.h"

#include "llvm/Support/LogicalResult.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>

namespace mlir {
class MLIRContext;
class OpPassManager;
} // namespace mlir

namespace ascend {

/// Where compilation can stop, in pipeline order.
enum class CompilePhase {
  /// Imported and cleaned-up nn graph.
  NN,
  /// nn graph with ops grouped into nn.kernel regions.
  Fused,
  /// tile-level program, memory planned and synchronized.
  Tile,
  /// isa.plan (its text form is the assembly).
  ISA,
  /// Binary plan file.
  Plan,
};

/// Parses "nn", "fused", "tile", "isa", "asm" (= isa) or "plan".
std::optional<CompilePhase> parseCompilePhase(llvm::StringRef name);
llvm::StringRef getCompilePhaseName(CompilePhase phase);

enum class Precision { Mixed, FP16, FP32 };
std::optional<Precision> parsePrecision(llvm::StringRef name);

struct CompileOptions {
  llvm::SmallVector<InputShape> inputShapes;
  std::string target = "ascend910";
  Precision precision = Precision::Mixed;
  CompilePhase stopAfter = CompilePhase::Plan;
  /// When set, the IR after every phase is written there as NN-<phase>.mlir.
  std::string dumpDir;
  /// Print one line per phase (name and time) to stderr.
  bool progress = false;
  /// Print op locations (ONNX node names and types) in MLIR outputs.
  bool debugInfo = false;
};

/// Adds the passes that take an nn graph (after fusion) down to an isa.plan.
void buildTileToPlanPipeline(mlir::OpPassManager &pm,
                             const CompileOptions &options);

/// Compiles the ONNX model at `path` and writes the result of the last phase
/// to `os` (MLIR text, or the binary plan). Errors are reported as
/// diagnostics on `context`, naming the file and ONNX node.
llvm::LogicalResult compileOnnxFile(llvm::StringRef path,
                                    const CompileOptions &options,
                                    mlir::MLIRContext &context,
                                    llvm::raw_ostream &os);

} // namespace ascend

#endif // ASCEND_DRIVER_COMPILER_H
