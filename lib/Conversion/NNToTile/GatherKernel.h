//===- GatherKernel.h - Gathers with runtime indices ------------*- C++ -*-===//
//
// Gather (runtime indices), GatherElements and GatherND read data elements
// at addresses known only at run time. The kernel brings the indices and a
// slice of the data to ub, turns the indices into byte offsets with s32
// vector ops and gathers the elements with tile.vgather (isa.vgather).
//
//===----------------------------------------------------------------------===//

#ifndef ASCEND_LIB_CONVERSION_NNTOTILE_GATHERKERNEL_H
#define ASCEND_LIB_CONVERSION_NNTOTILE_GATHERKERNEL_H

#include "ascend/Machine/MachineModel.h"
#include "nn/NNOps.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinTypes.h"

namespace ascend {

/// Whether `kernel` holds one nn.gather whose indices are not a constant,
/// one nn.gather_elements or one nn.gather_nd, over its block arguments.
bool isGatherKernel(nn::KernelOp kernel);

struct GatherKernel {
  mlir::func::FuncOp func;
  /// The i32 position tables the kernel reads (a gm constant passed after
  /// the kernel's inputs, before its result).
  mlir::MemRefType tablesType;
  mlir::Attribute tables;
};

/// Builds the tile kernel of a gather kernel; fails with an error naming the
/// node when a form is not supported or one data chunk does not fit in ub.
mlir::FailureOr<GatherKernel> buildGatherKernel(nn::KernelOp kernel,
                                                const MachineModel &machine,
                                                mlir::OpBuilder &builder);

} // namespace ascend

#endif // ASCEND_LIB_CONVERSION_NNTOTILE_GATHERKERNEL_H
