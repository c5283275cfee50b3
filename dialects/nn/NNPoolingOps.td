//===- NNPoolingOps.td - Pooling ops -------------------------*- tablegen -*-===//

#ifndef ASCEND_NN_POOLING_OPS
#define ASCEND_NN_POOLING_OPS

class NN_PoolOp<string mnemonic, string what, dag extraAttrs>
    : NN_FunctionalOp<mnemonic> {
  let summary = what # " pooling over the spatial dimensions";
  let description = [{
    Slides a `kernel_shape` window over dimensions 2.. of an [N, C, ...]
    input. `pads` holds the begin pads of every spatial dimension, then the
    end pads; the importer turns `auto_pad` into explicit pads. With
    `ceil_mode` the output size rounds up.
  }];
  let arguments = !con((ins NN_FloatTensor:$input,
                        DenseI64ArrayAttr:$kernel_shape,
                        DenseI64ArrayAttr:$strides, DenseI64ArrayAttr:$pads,
                        DenseI64ArrayAttr:$dilations,
                        DefaultValuedAttr<BoolAttr, "false">:$ceil_mode),
                       extraAttrs);
  let results = (outs NN_FloatTensor:$result);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::nn::verifyPoolOp(getOperation(), getKernelShape(),
                                        getStrides(), getPads(),
                                        getDilations(), getCeilMode());
    }
  }];
}

def NN_MaxPoolOp : NN_PoolOp<"max_pool", "Max", (ins)>;
def NN_AveragePoolOp : NN_PoolOp<"average_pool", "Average",
    (ins DefaultValuedAttr<BoolAttr, "false">:$count_include_pad)>;

class NN_GlobalPoolOp<string mnemonic, string what>
    : NN_FunctionalOp<mnemonic> {
  let summary = "Global " # what # " pooling";
  let description = [{
    Reduces all spatial dimensions of an [N, C, ...] input to 1.
  }];
  let arguments = (ins NN_FloatTensor:$input);
  let results = (outs NN_FloatTensor:$result);
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::llvm::LogicalResult $cppClass::verify() {
      return ::ascend::nn::verifyGlobalPoolOp(getOperation());
    }
  }];
}

def NN_GlobalAveragePoolOp : NN_GlobalPoolOp<"global_average_pool", "average">;
def NN_GlobalMaxPoolOp : NN_GlobalPoolOp<"global_max_pool", "max">;

#endif // ASCEND_NN_POOLING_OPS
