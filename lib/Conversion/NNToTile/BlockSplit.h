//===- BlockSplit.h - Dealing tiles to blocks -------------------*- C++ -*-===//
//
// Kernels deal full tiles t = b + j * B to block b and give a ragged tail to
// one block; the ISA has counted loops but no branches, so both become loop
// trip counts computed from the block index.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_BLOCKSPLIT_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_BLOCKSPLIT_H

#include "mlir/IR/Builders.h"

namespace ascend {

/// ceil(a / b) and `v` rounded up to a multiple of `m`, for the non-negative
/// sizes and counts of tiling.
inline int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }
inline int64_t roundUp(int64_t v, int64_t m) { return ceilDiv(v, m) * m; }

/// (tiles - b + blocks - 1) / blocks: how many of `tiles` tiles, dealt round
/// robin over `blocks` blocks, block `blockIdx` gets.
mlir::Value buildDealtTileCount(mlir::OpBuilder &b, mlir::Location loc,
                                mlir::Value blockIdx, int64_t tiles,
                                int64_t blocks);

/// 1 - min(1, |b - owner|): one trip on block `owner`, none elsewhere.
mlir::Value buildOwnerTripCount(mlir::OpBuilder &b, mlir::Location loc,
                                mlir::Value blockIdx, int64_t owner);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_BLOCKSPLIT_H
