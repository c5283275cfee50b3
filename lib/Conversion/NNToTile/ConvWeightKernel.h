//===- ConvWeightKernel.h - Packing runtime conv weights --------*- C++ -*-===//
//
// A convolution whose weights are a runtime tensor cannot have them packed on
// the host. The layout assignment casts such weights W [Cout, Cin, kh, kw] to
// NC1HWC0 ([Cout][C1][kh][kw][C0]): each 32-byte block is then the C0-vector
// of one (output channel, channel group, tap), and the order the conv kernel
// reads its weights in (see ConvBuilder::packWeights) is a permutation of
// those blocks plus zero blocks for the padding output channels. This
// kernel, launched just before the conv kernel, applies the permutation into
// a gm workspace the conv kernel then reads like packed constant weights.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_CONVWEIGHTKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_CONVWEIGHTKERNEL_H

#include "ascend/Machine/MachineModel.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

namespace ascend {

/// The packed order of a group == 1 convolution's weights: N tiles of `nt`
/// output columns (`numNT` of them, the last padded with zero columns past
/// `cout`), K steps of `c1k` channel groups (of `c1`) times `tpc` taps (of
/// `taps`), each step [c1k * tpc][nt][C0].
struct ConvWeightPacking {
  mlir::Type elem;
  int64_t cout = 0, c1 = 0, taps = 0, nt = 0, numNT = 0, c1k = 0, tpc = 0;

  /// Elements of the packed weights.
  int64_t size() const;
};

/// A kernel `name`(weights, workspace): `weights` the NC1HWC0 gm buffer
/// [Cout][C1][kh][kw][C0], `workspace` 1-D of `packing.size()` elements.
/// Fails with an error on `where` when one column's taps overflow ub.
mlir::FailureOr<mlir::func::FuncOp>
buildConvWeightKernel(mlir::OpBuilder &moduleBuilder, mlir::Location loc,
                      llvm::StringRef name, mlir::MemRefType weights,
                      mlir::MemRefType workspace,
                      const ConvWeightPacking &packing,
                      const MachineModel &machine, mlir::Operation *where);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_CONVWEIGHTKERNEL_H
