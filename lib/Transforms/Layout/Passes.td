//===- Passes.td - Data layout assignment on the nn dialect --*- tablegen -*-===//

#ifndef ASCEND_TRANSFORMS_LAYOUT_PASSES
#define ASCEND_TRANSFORMS_LAYOUT_PASSES

include "mlir/Pass/PassBase.td"

def AssignLayouts : Pass<"ascend-assign-layouts", "::mlir::func::FuncOp"> {
  let summary = "Store feature maps of convolution and pooling chains in NC1HWC0";
  let description = [{
    Runs on the nn graph after graph optimization and before fusion. The
    input and result of `nn.conv` and of the pooling ops (max, average,
    global) become `#nn.layout<nc1hwc0>` tensors; conv weights stay plain
    constants. An elementwise op whose tensor operands all have its rank-4
    shape (or are splat constants) follows: when one operand is packed, its
    result is packed and its other operands are cast to nc1hwc0, so conv ->
    relu -> add(residual) -> pool chains stay packed. Ops whose padding
    channels would become non-finite (div, pow, log, reciprocal) do not
    follow. Every other consumer, and every graph output, gets an
    `nn.layout_cast` back to nchw.

    Casts are then folded: a cast of the opposite cast is its input, and a
    cast of a constant is a constant of the packed type. A pack of an
    elementwise result with no other user moves above the op, sharing an
    earlier pack of its input.
  }];
  let dependentDialects = ["::ascend::nn::NNDialect"];
}

#endif // ASCEND_TRANSFORMS_LAYOUT_PASSES
