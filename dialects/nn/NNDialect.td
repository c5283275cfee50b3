//===- NNDialect.td - Tensor-level graph dialect -------------*- tablegen -*-===//

#ifndef ASCEND_NN_DIALECT
#define ASCEND_NN_DIALECT

include "mlir/IR/OpBase.td"

def NN_Dialect : Dialect {
  let name = "nn";
  let cppNamespace = "::ascend::nn";
  let summary = "Tensor-level neural-network graph";
  let description = [{
    The `nn` dialect holds a model as a graph of value-semantic tensor ops with
    ONNX semantics and static shapes. Fusion groups ops into `nn.kernel`
    regions, one per kernel launch, and layout assignment makes layout changes
    explicit with `nn.layout_cast`.
  }];
  let useDefaultAttributePrinterParser = 1;
  // Folders produce attributes; nn.constant materializes them.
  let hasConstantMaterializer = 1;
}

class NN_Op<string mnemonic, list<Trait> traits = []>
    : Op<NN_Dialect, mnemonic, traits>;

// Element types the graph carries: floats for activations and weights,
// integers for shapes and indices, i1 for masks.
def NN_FloatTensor : StaticShapeTensorOf<[F16, F32]>;
// Integers: signless are ONNX's signed types, unsigned are ONNX's uint*.
def NN_NumericTensor : StaticShapeTensorOf<[F16, F32, I8, I16, I32, I64, UI8,
                                            UI16, UI32, UI64]>;
def NN_AnyTensor : StaticShapeTensorOf<[F16, F32, I8, I16, I32, I64, UI8, UI16,
                                        UI32, UI64, I1]>;
// Max/Min also take f64: they need only an order, which the lowering gets
// from the bits as 64-bit integers (no float64 arithmetic).
def NN_OrderedTensor : StaticShapeTensorOf<[F16, F32, F64, I8, I16, I32, I64,
                                            UI8, UI16, UI32, UI64]>;
// Kernels carry whatever their ops take, f64 included.
def NN_KernelTensor : StaticShapeTensorOf<[F16, F32, F64, I8, I16, I32, I64,
                                           UI8, UI16, UI32, UI64, I1]>;
def NN_IntTensor : StaticShapeTensorOf<[I32, I64]>;
def NN_BoolTensor : StaticShapeTensorOf<[I1]>;

#endif // ASCEND_NN_DIALECT
