//===- NNReductionOps.td - Reductions and softmax ------------*- tablegen -*-===//

#ifndef ASCEND_NN_REDUCTION_OPS
#define ASCEND_NN_REDUCTION_OPS

class NN_ReduceOp<string mnemonic, string what, Type tensor>
    : NN_FunctionalOp<mnemonic> {
  let summary = "Reduction by " # what;
  let description = [{
    Reduces `input` by }] # what # [{ over `axes` (non-negative, sorted,
    unique; the importer expands ONNX's empty axes to all dimensions and
    turns `noop_with_empty_axes` into no reduction). With `keepdims` the
    reduced dimensions stay as 1.
  }];
  let arguments = (ins tensor:$input, DenseI64ArrayAttr:$axes,
                   DefaultValuedAttr<BoolAttr, "true">:$keepdims);
  let results = (outs tensor:$result);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::nn::verifyReduceOp(getOperation(), getAxes(),
                                          getKeepdims());
    }
  }];
}

def NN_ReduceMeanOp : NN_ReduceOp<"reduce_mean", "mean", NN_FloatTensor>;
def NN_ReduceSumOp : NN_ReduceOp<"reduce_sum", "sum", NN_NumericTensor>;
def NN_ReduceMaxOp : NN_ReduceOp<"reduce_max", "max", NN_NumericTensor>;
def NN_ReduceMinOp : NN_ReduceOp<"reduce_min", "min", NN_NumericTensor>;
def NN_ReduceProdOp : NN_ReduceOp<"reduce_prod", "product", NN_NumericTensor>;
def NN_ReduceL2Op : NN_ReduceOp<"reduce_l2", "L2 norm", NN_FloatTensor>;

class NN_ArgReduceOp<string mnemonic, string what> : NN_FunctionalOp<mnemonic> {
  let summary = "Index of the " # what # " along one axis";
  let description = [{
    Returns i32 indices of the }] # what # [{ along `axis` (non-negative);
    ties resolve to the first index unless `select_last_index`. The importer
    casts them to ONNX's i64 with `nn.cast`, so the kernel computes indices
    in lanes that hold them exactly.
  }];
  let arguments = (ins NN_NumericTensor:$input, I64Attr:$axis,
                   DefaultValuedAttr<BoolAttr, "true">:$keepdims,
                   DefaultValuedAttr<BoolAttr, "false">:$select_last_index);
  let results = (outs StaticShapeTensorOf<[I32]>:$result);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::nn::verifyReduceOp(getOperation(), {int64_t(getAxis())},
                                          getKeepdims());
    }
  }];
}

def NN_ArgMaxOp : NN_ArgReduceOp<"argmax", "maximum">;
def NN_ArgMinOp : NN_ArgReduceOp<"argmin", "minimum">;

class NN_SoftmaxOp<string mnemonic, string what>
    : NN_FunctionalOp<mnemonic, [SameOperandsAndResultType]> {
  let summary = what # " along one axis";
  let description = [{
    }] # what # [{ along `axis` (non-negative), with ONNX opset-13 semantics.
    The importer rewrites the older "flatten to 2-D at axis" semantics into
    reshape, softmax over the last axis, reshape.
  }];
  let arguments = (ins NN_FloatTensor:$input, I64Attr:$axis);
  let results = (outs NN_FloatTensor:$result);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      int64_t axis = getAxis();
      if (axis < 0 || axis >= getInput().getType().getRank())
        return emitOpError("axis ") << axis << " is out of range";
      return ::mlir::success();
    }
  }];
}

def NN_SoftmaxOp : NN_SoftmaxOp<"softmax", "Softmax">;
def NN_LogSoftmaxOp : NN_SoftmaxOp<"log_softmax", "Log of softmax">;
// ONNX Hardmax: 1 at the first maximum along `axis`, 0 elsewhere.
def NN_HardmaxOp : NN_SoftmaxOp<"hardmax", "One-hot of the first maximum">;

#endif // ASCEND_NN_REDUCTION_OPS
