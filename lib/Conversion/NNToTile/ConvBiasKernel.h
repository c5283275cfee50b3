//===- ConvBiasKernel.h - Broadcasting a runtime conv bias ------*- C++ -*-===//
//
// The conv kernel adds its bias from ub tiles [nt/16][mt][16] per
// (super-group, N tile): the bias values of the tile's columns repeated on
// every one of the mt rows, zero in padding columns. A constant bias is
// broadcast so on the host; a runtime bias [Cout] by this kernel, launched
// just before the conv kernel, into a gm workspace of the same layout.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_CONVBIASKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_CONVBIASKERNEL_H

#include "ascend/Machine/MachineModel.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

namespace ascend {

/// The broadcast bias tiles of a conv kernel: `numSG` super-groups of `nsg`
/// output channels, each `numNT` N tiles of `nt` columns (the last holding
/// `nsg - (numNT - 1) * nt` channels), tiles [nt/16][mt][16].
struct ConvBiasTiles {
  mlir::Type elem;
  int64_t numSG = 0, nsg = 0, numNT = 0, nt = 0, mt = 0;

  /// Elements of all tiles.
  int64_t size() const { return numSG * numNT * nt * mt; }
};

/// A kernel `name`(bias, workspace): `bias` the gm buffer [Cout],
/// `workspace` 1-D of `tiles.size()` elements.
mlir::func::FuncOp buildConvBiasKernel(mlir::OpBuilder &moduleBuilder,
                                       mlir::Location loc, llvm::StringRef name,
                                       mlir::MemRefType bias,
                                       mlir::MemRefType workspace,
                                       const ConvBiasTiles &tiles,
                                       const MachineModel &machine);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_CONVBIASKERNEL_H
