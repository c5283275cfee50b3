//===- TypedElementwise.h - Integer, bool and rounding ops ------*- C++ -*-===//
//
// Elementwise ops the float lowering (ElementwiseOps.h) does not cover:
// arithmetic on integer tensors, comparisons and logic producing bools,
// Where, Cast and Floor/Ceil. The vector unit computes s16/s32/s64, u64 and
// f16/f32 lanes; 8-bit data and bools (one byte, 0 or 1) widen through f16
// to s16 and narrow back, wrapping like numpy. Unsigned 16/32-bit data
// computes in signed lanes of its width, biased by 2^(w-1) where order
// matters.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_TYPEDELEMENTWISE_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_TYPEDELEMENTWISE_H

#include "ElementwiseOps.h"

#include "llvm/ADT/DenseMap.h"

namespace ascend {

/// Scratch ub buffers of one tile size, by lane type and slot, allocated at
/// a fixed point of the kernel (its entry) on first use. The typed lowering
/// uses at most kSlots of each type per op, which the tile size reserves.
class ScratchPool {
public:
  ScratchPool(mlir::OpBuilder &builder, mlir::Location loc,
              mlir::OpBuilder::InsertPoint allocPoint, int64_t tileSize)
      : builder(builder), loc(loc), allocPoint(allocPoint), tileSize(tileSize) {
  }

  /// Slot `slot` of lane type `type` (f16, f32, i16, i32, i64, ui64 or i1).
  mlir::Value get(mlir::Type type, unsigned slot);

  /// ub bytes per tile element that every slot of every type the ops of
  /// `body` may use takes.
  static int64_t getReservedBytesPerElement(mlir::Block &body);

private:
  mlir::OpBuilder &builder;
  mlir::Location loc;
  mlir::OpBuilder::InsertPoint allocPoint;
  int64_t tileSize;
  llvm::DenseMap<std::pair<mlir::Type, unsigned>, mlir::Value> buffers;
};

/// The element type of a tensor's ub buffer: unsigned 16/32-bit data sits
/// in signless (signed) lanes; the rest keeps its type (i1 is a byte, ui64
/// has u64 lanes).
mlir::Type getUBElementType(mlir::Type elem);

/// Whether emitTypedElementwise lowers `op` (instead of emitElementwise).
bool isTypedElementwise(mlir::Operation *op);

/// Emits `op` (operands `in`, result buffer `dst`) with scratch from
/// `e.pool`; fails with an error naming the node when the types have no
/// exact vector form.
mlir::LogicalResult emitTypedElementwise(mlir::Operation *op,
                                         llvm::ArrayRef<Operand> in,
                                         mlir::Value dst, TileEmitter &e);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_TYPEDELEMENTWISE_H
