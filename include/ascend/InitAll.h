//===- InitAll.h - Register ascend-compiler dialects and passes -*- C++ -*-===//
//
// One place that lists everything a tool needs in its registry: our dialects,
// the upstream dialects our IR mixes in, and the passes ascend-opt exposes.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_INITALL_H
#define ASCEND_INITALL_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace ascend {

/// Adds nn, tile and isa plus the upstream dialects they are used with (func,
/// arith, scf, memref, tensor, bufferization) to `registry`.
void registerAllDialects(mlir::DialectRegistry &registry);

/// Registers our passes and the upstream passes ascend-opt offers.
void registerAllPasses();

} // namespace ascend

#endif // ASCEND_INITALL_H
