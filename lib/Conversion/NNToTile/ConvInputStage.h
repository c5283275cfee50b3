//===- ConvInputStage.h - f32 -> f16 nc1hwc0 for mixed convs ----*- C++ -*-===//
//
// In mixed precision an f32 convolution runs on the cube's f16 mode, whose
// load3d reads an f16 nc1hwc0 feature map (C0 = 16). The f32 input is stored
// as nc1hwc0 with C0 = 8, so a stage kernel launched before the conv
// converts it once: f16 block c1 holds f32 blocks 2 * c1 and 2 * c1 + 1.
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_CONVINPUTSTAGE_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_CONVINPUTSTAGE_H

#include "ascend/Machine/MachineModel.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

namespace ascend {

/// The f16 gm workspace holding `input` (an f32 [N][C1][H][W][8] gm memref)
/// as [N][ceil(C1 / 2)][H][W][16], flat.
mlir::MemRefType getConvInputStageType(mlir::MemRefType input);

/// How the stage kernel for `input` splits its work: pixel chunks of `pix`
/// on `blocks` blocks, estimated to take `cycles` (gm traffic and copy
/// setup, by the machine model).
struct ConvInputStagePlan {
  int64_t pix = 1, blocks = 1;
  double cycles = 0;
};
ConvInputStagePlan planConvInputStage(mlir::MemRefType input,
                                      const MachineModel &machine);

/// A kernel `name`(input, workspace) that converts the f32 nc1hwc0 `input`
/// into the workspace of getConvInputStageType; padding channels of the
/// result are zero.
mlir::func::FuncOp buildConvInputStage(mlir::OpBuilder &moduleBuilder,
                                       mlir::Location loc, llvm::StringRef name,
                                       mlir::MemRefType input,
                                       const MachineModel &machine);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_CONVINPUTSTAGE_H
