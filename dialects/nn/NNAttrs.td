//===- NNAttrs.td - Attributes of the nn dialect -------------*- tablegen -*-===//

#ifndef ASCEND_NN_ATTRS
#define ASCEND_NN_ATTRS

include "nn/NNDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/TensorEncoding.td"

def NN_Layout : I32EnumAttr<"Layout", "data layout of a tensor", [
    I32EnumAttrCase<"ND", 0, "nd">,
    I32EnumAttrCase<"NCHW", 1, "nchw">,
    I32EnumAttrCase<"NC1HWC0", 2, "nc1hwc0">,
    I32EnumAttrCase<"FractalNZ", 3, "fractal_nz">
  ]> {
  let cppNamespace = "::ascend::nn";
  let genSpecializedAttr = 0;
}

def NN_LayoutAttr : EnumAttr<NN_Dialect, NN_Layout, "layout",
    [DeclareAttrInterfaceMethods<VerifiableTensorEncoding>]> {
  let summary = "Tensor data layout";
  let description = [{
    How a tensor's elements are arranged in memory. `nd` and `nchw` are the
    framework layouts. `nc1hwc0` splits channels into C1 groups of C0 =
    32 bytes / element size, so one C0 vector fills a 32-byte block.
    `fractal_nz` stores a matrix [M, N] as [N1, M1, 16, N0] (N0 = C0): column
    blocks of 16 x N0 fractals, the layout the cube reads and writes.

    A packed layout is carried as the encoding of a tensor type whose shape
    stays the logical one: `tensor<1x3x8x8xf32, #nn.layout<nc1hwc0>>` is an
    NCHW tensor of 1x3x8x8 values stored as [1, 1, 8, 8, 8] with zero
    padding channels. Shape rules of ops keep working on the logical shape;
    only lowering looks at the stored shape. A tensor without an encoding is
    in its framework layout (`nd`, or `nchw` for rank 4), so only
    `nc1hwc0` (rank 4) and `fractal_nz` (rank >= 2) are valid encodings.
  }];
  let assemblyFormat = "`<` $value `>`";
}

#endif // ASCEND_NN_ATTRS
