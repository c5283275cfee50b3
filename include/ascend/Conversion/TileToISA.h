//===- TileToISA.h - Lower tile programs to an isa.plan ---------*- C++ -*-===//

#ifndef ASCEND_CONVERSION_TILETOISA_H
#define ASCEND_CONVERSION_TILETOISA_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace ascend {

#define GEN_PASS_DECL
#include "Conversion/TileToISA/Passes.h.inc"

/// Registers `ascend-lower-tile-to-isa`.
void registerTileToISAPasses();

} // namespace ascend

#endif // ASCEND_CONVERSION_TILETOISA_H
