//===- NNAttrs.td - Attributes of the nn dialect -------------*- tablegen -*-===//

#ifndef ASCEND_NN_ATTRS
#define ASCEND_NN_ATTRS

include "nn/NNDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def NN_Layout : I32EnumAttr<"Layout", "data layout of a tensor", [
    I32EnumAttrCase<"ND", 0, "nd">,
    I32EnumAttrCase<"NCHW", 1, "nchw">,
    I32EnumAttrCase<"NC1HWC0", 2, "nc1hwc0">,
    I32EnumAttrCase<"FractalNZ", 3, "fractal_nz">
  ]> {
  let cppNamespace = "::ascend::nn";
  let genSpecializedAttr = 0;
}

def NN_LayoutAttr : EnumAttr<NN_Dialect, NN_Layout, "layout"> {
  let summary = "Tensor data layout";
  let description = [{
    How a tensor's elements are arranged in memory. `nd` and `nchw` are the
    framework layouts. `nc1hwc0` splits channels into C1 groups of C0 =
    32 bytes / element size, so one C0 vector fills a 32-byte block.
    `fractal_nz` stores a matrix [M, N] as [N1, M1, 16, N0] (N0 = C0): column
    blocks of 16 x N0 fractals, the layout the cube reads and writes.
  }];
  let assemblyFormat = "`<` $value `>`";
}

#endif // ASCEND_NN_ATTRS
