//===- OnnxImporterImpl.h - The importer's internals ------------*- C++ -*-===//

#ifndef ASCEND_LIB_IMPORT_ONNXIMPORTERIMPL_H
#define ASCEND_LIB_IMPORT_ONNXIMPORTERIMPL_H

#include "ascend/Import/OnnxImporter.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include "onnx/onnx_pb.h"

#include <optional>

namespace ascend::onnx_import {

std::string dataTypeName(int32_t type);
/// nn element type of an ONNX data type, or null when unsupported (DOUBLE
/// converts to f64, which only some ops accept: checkFloat64Uses).
mlir::Type convertElementType(mlir::MLIRContext *ctx, int32_t type);
/// What to tell about an ONNX element type convertElementType rejects.
std::string unsupportedTypeNote(int32_t type);
/// "value 'name' has unsupported data type ..." at `loc`.
mlir::InFlightDiagnostic unsupportedType(mlir::Location loc,
                                         llvm::StringRef name, int32_t type);

/// One ONNX node being imported: its inputs (null for omitted optional
/// inputs) and where it is.
struct Node {
  const onnx::NodeProto &proto;
  mlir::Location loc;
  llvm::SmallVector<mlir::Value> inputs;

  mlir::Value input(unsigned i) const {
    return i < inputs.size() ? inputs[i] : mlir::Value();
  }
  unsigned numOutputs() const { return proto.output_size(); }
};

class Importer {
public:
  Importer(mlir::MLIRContext *ctx, onnx::ModelProto &model,
           llvm::StringRef modelPath);
  mlir::OwningOpRef<mlir::ModuleOp> run(const OnnxImportOptions &options);

private:
  // Driver (OnnxImporter.cpp).
  llvm::LogicalResult checkSupportedOps();
  llvm::LogicalResult checkAttributeRanges();
  llvm::LogicalResult applyInputShapes(const OnnxImportOptions &options);
  llvm::LogicalResult checkStaticInputs();
  /// Rejects float64 values used by ops that would need float64 arithmetic.
  llvm::LogicalResult checkFloat64Uses();
  llvm::LogicalResult buildModule(mlir::OwningOpRef<mlir::ModuleOp> &module);
  /// Turns node outputs that folded to small constants into initializers;
  /// false when there were none.
  bool promoteFoldedConstants();
  mlir::Location fileLoc();
  mlir::Location nodeLoc(const onnx::NodeProto &node);
  std::string describe(const onnx::NodeProto &node);
  mlir::FailureOr<mlir::ElementsAttr> convertTensor(onnx::TensorProto &tensor,
                                                    mlir::Location loc,
                                                    llvm::StringRef what);
  mlir::FailureOr<mlir::Value> getValue(llvm::StringRef name,
                                        mlir::Location loc);
  mlir::FailureOr<mlir::RankedTensorType>
  convertType(const onnx::TypeProto &type, llvm::StringRef name,
              mlir::Location loc);
  mlir::FailureOr<mlir::RankedTensorType> getType(llvm::StringRef name,
                                                  mlir::Location loc);

  // Nodes (OnnxOps.cpp).
  llvm::LogicalResult importNode(const onnx::NodeProto &node);
#define ONNX_OP(NAME) llvm::LogicalResult import##NAME(Node &node);
#include "OnnxOps.def"

  // Helpers for the node handlers (OnnxOps.cpp).
  mlir::InFlightDiagnostic error(Node &node);
  mlir::FailureOr<mlir::RankedTensorType> outType(Node &node, unsigned i = 0);
  llvm::LogicalResult setResults(Node &node, mlir::ValueRange results);
  bool isUsed(llvm::StringRef name) const { return consumed.contains(name); }
  const onnx::AttributeProto *attr(Node &node, llvm::StringRef name);
  int64_t attrInt(Node &node, llvm::StringRef name, int64_t def);
  float attrFloat(Node &node, llvm::StringRef name, float def);
  std::string attrString(Node &node, llvm::StringRef name, llvm::StringRef def);
  std::optional<llvm::SmallVector<int64_t>> attrInts(Node &node,
                                                     llvm::StringRef name);
  std::optional<llvm::SmallVector<float>> attrFloats(Node &node,
                                                     llvm::StringRef name);
  mlir::FailureOr<llvm::SmallVector<int64_t>>
  constInts(Node &node, mlir::Value v, llvm::StringRef what);
  mlir::FailureOr<llvm::SmallVector<double>>
  constFloats(Node &node, mlir::Value v, llvm::StringRef what);
  mlir::FailureOr<mlir::FloatAttr> clipBound(Node &node, unsigned input);
  mlir::LogicalResult importRuntimeClip(Node &node);
  mlir::FailureOr<int64_t> normalizeAxis(Node &node, int64_t axis,
                                         int64_t rank);
  mlir::FailureOr<llvm::SmallVector<int64_t>>
  resolvePads(Node &node, llvm::ArrayRef<int64_t> spatialIn,
              llvm::ArrayRef<int64_t> kernel, llvm::ArrayRef<int64_t> strides,
              llvm::ArrayRef<int64_t> dilations);
  /// Creates an nn op, verifies it (so a bad op is reported at its node, not
  /// folded), and folds it. After a failure it creates nothing and returns
  /// null until the node is done; setResults then fails.
  template <typename OpTy, typename... Args>
  mlir::Value build(mlir::Location loc, Args &&...args) {
    if (buildFailed)
      return {};
    auto op = OpTy::create(b, loc, std::forward<Args>(args)...);
    return finishBuild(op);
  }
  mlir::Value finishBuild(mlir::Operation *op);
  template <typename OpTy>
  mlir::Value broadcastBinary(mlir::Location loc, mlir::Value lhs,
                              mlir::Value rhs);
  llvm::LogicalResult alignLegacyBroadcast(Node &node, mlir::Value lhs,
                                           mlir::Value &rhs);
  template <typename OpTy> llvm::LogicalResult importBinary(Node &node);
  template <typename OpTy> llvm::LogicalResult importVariadic(Node &node);
  template <typename OpTy> llvm::LogicalResult importCompare(Node &node);
  /// GreaterOrEqual / LessOrEqual as (x StrictOp y) or (x == y).
  template <typename StrictOp> llvm::LogicalResult importOrEqual(Node &node);
  template <typename OpTy> llvm::LogicalResult importUnary(Node &node);
  /// The ONNX reductions composed of an nn reduction and elementwise ops.
  enum class ReduceComposite {
    None,
    SumSquare, // sum(x * x)
    L1,        // sum(|x|)
    L2,        // sqrt(sum(x * x))
    LogSum,    // log(sum(x))
    LogSumExp, // log(sum(exp(x - m))) + m, m = max(x)
    Prod,      // (-1)^(negatives) * exp(sum(ln|x|)), for floats
  };
  template <typename OpTy>
  llvm::LogicalResult
  importReduce(Node &node, ReduceComposite composite = ReduceComposite::None);
  /// 8-bit integer data as f16, which holds each of its values exactly (the
  /// max and index kernels compute in float lanes); other data as it is.
  mlir::Value castExactToF16(Node &node, mlir::Value x);
  /// MaxPool's Indices output for the 2-D max pool `y` of `x`.
  mlir::Value maxPoolIndices(Node &node, mlir::Value x, mlir::Value y,
                             mlir::RankedTensorType indicesType,
                             llvm::ArrayRef<int64_t> kernel,
                             llvm::ArrayRef<int64_t> strides,
                             llvm::ArrayRef<int64_t> pads,
                             llvm::ArrayRef<int64_t> dilations,
                             bool columnMajor);
  template <typename OpTy> llvm::LogicalResult importArgReduce(Node &node);
  template <typename OpTy> llvm::LogicalResult importSoftmaxLike(Node &node);
  template <typename OpTy> llvm::LogicalResult importPool(Node &node);
  llvm::LogicalResult importReshapeLike(Node &node);
  template <typename OpTy> llvm::LogicalResult importAxisGather(Node &node);
  /// Input `i` of a gather as the i32 indices the nn gathers take.
  mlir::Value gatherIndices(Node &node, unsigned i);
  llvm::LogicalResult importResizeWithScales(Node &node,
                                             llvm::ArrayRef<float> scales,
                                             llvm::StringRef mode,
                                             llvm::StringRef coordMode,
                                             llvm::StringRef nearestMode);

  mlir::MLIRContext *ctx;
  mlir::OpBuilder b;
  onnx::ModelProto &model;
  std::string modelPath;
  int64_t opsetVersion = 0;
  llvm::StringMap<mlir::Value> values;
  llvm::StringMap<onnx::TensorProto *> initializers;
  llvm::StringMap<const onnx::TypeProto *> valueTypes;
  /// Names read by some node or returned by the graph: optional outputs
  /// outside this set need no support.
  llvm::StringSet<> consumed;
  /// The node being imported and whether one of its ops failed to verify.
  const onnx::NodeProto *currentNode = nullptr;
  /// Tensors already converted (their bytes moved out of the proto), by
  /// initializer name or Constant output name.
  llvm::StringMap<mlir::ElementsAttr> convertedTensors;
  /// While set, an unknown shape is recorded in unknownShape instead of
  /// being reported.
  bool deferUnknownShapes = false;
  std::optional<std::pair<mlir::Location, std::string>> unknownShape;
  bool buildFailed = false;
};

} // namespace ascend::onnx_import

#endif // ASCEND_LIB_IMPORT_ONNXIMPORTERIMPL_H
