//===- NNOps.td - Operations of the nn dialect ---------------*- tablegen -*-===//

#ifndef ASCEND_NN_OPS
#define ASCEND_NN_OPS

include "nn/NNDialect.td"
include "nn/NNAttrs.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

//===----------------------------------------------------------------------===//
// Elementwise ops
//===----------------------------------------------------------------------===//

class NN_BinaryElementwiseOp<string mnemonic, string what>
    : NN_Op<mnemonic, [Pure]> {
  let summary = "Elementwise " # what # " with ONNX broadcasting";
  let description = [{
    Computes `lhs }] # what # [{ rhs` element by element. Operand shapes
    broadcast per ONNX (numpy) rules; the result has the broadcast shape and
    the operands' element type.
  }];
  let arguments = (ins NN_NumericTensor:$lhs, NN_NumericTensor:$rhs);
  let results = (outs NN_NumericTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::nn::verifyBroadcastingOp(getOperation());
    }
  }];
}

def NN_AddOp : NN_BinaryElementwiseOp<"add", "+">;
def NN_SubOp : NN_BinaryElementwiseOp<"sub", "-">;
def NN_MulOp : NN_BinaryElementwiseOp<"mul", "*">;
def NN_DivOp : NN_BinaryElementwiseOp<"div", "/">;

class NN_UnaryFloatOp<string mnemonic, string formula>
    : NN_Op<mnemonic, [Pure, Elementwise, SameOperandsAndResultType]> {
  let summary = "Elementwise " # formula;
  let description = "Computes `y = " # formula # "` element by element.";
  let arguments = (ins NN_FloatTensor:$input);
  let results = (outs NN_FloatTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

def NN_ReluOp : NN_UnaryFloatOp<"relu", "max(x, 0)">;
def NN_SigmoidOp : NN_UnaryFloatOp<"sigmoid", "1 / (1 + exp(-x))">;
def NN_TanhOp : NN_UnaryFloatOp<"tanh", "tanh(x)">;
def NN_ExpOp : NN_UnaryFloatOp<"exp", "exp(x)">;

//===----------------------------------------------------------------------===//
// Cube ops
//===----------------------------------------------------------------------===//

def NN_MatMulOp : NN_Op<"matmul", [Pure]> {
  let summary = "Matrix product with ONNX MatMul semantics";
  let description = [{
    numpy `matmul`: the last two dimensions multiply, leading dimensions
    broadcast; a 1-D operand is promoted to a matrix and the promoted
    dimension dropped from the result.

    ```mlir
    %y = nn.matmul %a, %b : tensor<8x64x32xf32>, tensor<32x16xf32> -> tensor<8x64x16xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$lhs, NN_FloatTensor:$rhs);
  let results = (outs NN_FloatTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
}

def NN_ConvOp : NN_Op<"conv", [Pure]> {
  let summary = "2-D convolution with ONNX Conv semantics";
  let description = [{
    Convolution of an NCHW `input` with an MCHW `weight` (C = input channels
    / `group`), plus an optional per-output-channel `bias`. `pads` holds
    [top, left, bottom, right] as ONNX's [x1_begin, x2_begin, x1_end, x2_end].
    The result shape is checked against the ONNX output-size formula.

    ```mlir
    %y = nn.conv %x, %w, %b {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,
                             dilations = array<i64: 1, 1>, group = 1 : i64}
        : (tensor<1x3x224x224xf32>, tensor<64x3x3x3xf32>, tensor<64xf32>) -> tensor<1x64x112x112xf32>
    ```
  }];
  let arguments = (ins NN_FloatTensor:$input, NN_FloatTensor:$weight,
                   Optional<NN_FloatTensor>:$bias,
                   DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pads,
                   DenseI64ArrayAttr:$dilations,
                   ConfinedAttr<I64Attr, [IntPositive]>:$group);
  let results = (outs NN_FloatTensor:$result);
  let assemblyFormat = [{
    $input `,` $weight (`,` $bias^)? attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Layout
//===----------------------------------------------------------------------===//

def NN_LayoutCastOp : NN_Op<"layout_cast", [Pure]> {
  let summary = "Explicit change of data layout";
  let description = [{
    Rearranges a tensor from layout `from` to layout `to`. Layout assignment
    inserts these where a producer and a consumer disagree; the shape of each
    side follows its layout:

    - `nchw` [N, C, H, W] <-> `nc1hwc0` [N, ceil(C / C0), H, W, C0]
    - `nd` [..., M, N] <-> `fractal_nz` [..., ceil(N / N0), ceil(M / 16), 16, N0]

    with C0 = N0 = 32 bytes / element size. Padding elements are zero.

    ```mlir
    %y = nn.layout_cast %x from <nchw> to <nc1hwc0> : tensor<1x3x8x8xf16> -> tensor<1x1x8x8x16xf16>
    ```
  }];
  let arguments = (ins NN_AnyTensor:$input, NN_LayoutAttr:$from,
                   NN_LayoutAttr:$to);
  let results = (outs NN_AnyTensor:$result);
  let assemblyFormat = [{
    $input `from` $from `to` $to attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Kernels
//===----------------------------------------------------------------------===//

def NN_KernelOp : NN_Op<"kernel", [IsolatedFromAbove, SingleBlock]> {
  let summary = "A group of ops compiled into one kernel launch";
  let description = [{
    Fusion wraps the ops of one kernel launch in an `nn.kernel`. The body is
    isolated from above: its block arguments stand for the `inputs`, and
    `nn.yield` returns the kernel's results. Values inside the body stay on
    chip; only the inputs and results travel through global memory.

    ```mlir
    %y = nn.kernel "conv_relu" ins(%x, %w : tensor<1x16x8x8xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x6x6xf32> {
    ^bb0(%a: tensor<1x16x8x8xf32>, %b: tensor<16x16x3x3xf32>):
      ...
      nn.yield %r : tensor<1x16x6x6xf32>
    }
    ```
  }];
  let arguments = (ins StrAttr:$sym_name, Variadic<NN_AnyTensor>:$inputs);
  let results = (outs Variadic<NN_AnyTensor>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $sym_name (`ins` `(` $inputs^ `:` type($inputs) `)`)? attr-dict-with-keyword
    (`->` type($results)^)? $body
  }];
  let hasRegionVerifier = 1;
}

def NN_YieldOp : NN_Op<"yield", [Pure, Terminator, ReturnLike,
    HasParent<"KernelOp">]> {
  let summary = "Returns the results of an nn.kernel";
  let arguments = (ins Variadic<NN_AnyTensor>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

#endif // ASCEND_NN_OPS
