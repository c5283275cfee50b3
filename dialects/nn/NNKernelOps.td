//===- NNKernelOps.td - Layout casts and kernel regions ------*- tablegen -*-===//

#ifndef ASCEND_NN_KERNEL_OPS
#define ASCEND_NN_KERNEL_OPS

def NN_LayoutCastOp : NN_Op<"layout_cast", [Pure]> {
  let summary = "Explicit change of data layout";
  let description = [{
    Rearranges a tensor from layout `from` to layout `to`. Layout assignment
    inserts these where a producer and a consumer disagree. The logical
    shape does not change; the layouts are the encodings of the operand and
    result types (no encoding means the framework layout `nd`, or `nchw` for
    rank 4):

    - `nchw` [N, C, H, W] <-> `nc1hwc0`, stored [N, ceil(C / C0), H, W, C0]
    - `nd` [..., M, N] <-> `fractal_nz`, stored
      [..., ceil(N / N0), ceil(M / 16), 16, N0]

    with C0 = N0 = 32 bytes / element size. Padding elements are zero.

    ```mlir
    %y = nn.layout_cast %x from <nchw> to <nc1hwc0>
        : tensor<1x3x8x8xf16> -> tensor<1x3x8x8xf16, #nn.layout<nc1hwc0>>
    ```
  }];
  let arguments = (ins NN_AnyTensor:$input, NN_LayoutAttr:$from,
                   NN_LayoutAttr:$to);
  let results = (outs NN_AnyTensor:$result);
  let assemblyFormat = [{
    $input `from` $from `to` $to attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
  // A cast of the opposite cast is its input; a cast of a constant is the
  // constant with the new type (constants keep their logical order; the
  // lowering stores them packed).
  let hasFolder = 1;
}

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
  let arguments = (ins StrAttr:$sym_name, Variadic<NN_KernelTensor>:$inputs);
  let results = (outs Variadic<NN_KernelTensor>:$results);
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
  let arguments = (ins Variadic<NN_KernelTensor>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

#endif // ASCEND_NN_KERNEL_OPS
