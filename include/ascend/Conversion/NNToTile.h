//===- NNToTile.h - Lower nn kernels to tile kernels ------------*- C++ -*-===//

#ifndef ASCEND_CONVERSION_NNTOTILE_H
#define ASCEND_CONVERSION_NNTOTILE_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace ascend {

#define GEN_PASS_DECL
#include "Conversion/NNToTile/Passes.h.inc"

/// Registers `ascend-lower-nn-to-tile`.
void registerNNToTilePasses();

} // namespace ascend

#endif // ASCEND_CONVERSION_NNTOTILE_H
