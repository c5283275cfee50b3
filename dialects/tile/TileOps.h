//===- TileOps.h - Operations of the tile dialect ---------------*- C++ -*-===//

#ifndef ASCEND_TILE_TILEOPS_H
#define ASCEND_TILE_TILEOPS_H

#include "common/PipeOpInterface.h"
#include "tile/TileAttrs.h"
#include "tile/TileDialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace ascend::tile {
/// Checks that every operand of a vector op is a ub buffer with a vector
/// element type (the op's traits already make the operand types equal).
llvm::LogicalResult verifyVectorOp(mlir::Operation *op);
/// f16, f32, or an integer the vector unit holds in ub: i1 (one byte, 0 or
/// 1), 8-bit (bitwise ops and vconv only), 16 or 32 bits, signless (signed)
/// or unsigned; unsigned lanes compute as signed ones of their width.
bool isVectorElementType(mlir::Type elem);
/// Shapes and layouts of the row-wise ops (TileRowOps.td).
llvm::LogicalResult verifyBroadcastOp(mlir::Operation *op);
llvm::LogicalResult verifyBrcbOp(mlir::Operation *op);
llvm::LogicalResult verifyRowReduceOp(mlir::Operation *op);
} // namespace ascend::tile

#define GET_OP_CLASSES
#include "tile/TileOps.h.inc"

#endif // ASCEND_TILE_TILEOPS_H
